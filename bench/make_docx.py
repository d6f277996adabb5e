#!/usr/bin/env python3
"""Write a DOCX whose footnotes are the notes of a `footcite extract` JSON
(stdlib only), for bench/docx_notes.sh.

    python3 bench/make_docx.py NOTES.json OUT.docx

Each note becomes a Word footnote (`word/footnotes.xml`, ids from 1 after
Word's two separator notes) with its text in one run; the body has one
paragraph per note, its reference mark at the end. So the DOCX carries the
same note texts as the text corpus the JSON was extracted from, and the two
inputs' rates can be compared note for note.
"""

import json
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""

SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: make_docx.py NOTES.json OUT.docx")
    notes = json.load(open(argv[0], encoding="utf-8"))["footnotes"]
    body, footnotes = [], [SEPARATORS]
    for i, note in enumerate(notes, start=1):
        body.append(
            f'<w:p><w:r><w:t xml:space="preserve">Body text of paragraph {i}.</w:t></w:r>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{i}"/></w:r></w:p>'
        )
        footnotes.append(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(note["text"])}</w:t></w:r></w:p></w:footnote>'
        )
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
    notes_xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>{"".join(footnotes)}</w:footnotes>'
    with zipfile.ZipFile(argv[1], "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/footnotes.xml", notes_xml)


if __name__ == "__main__":
    main(sys.argv[1:])
