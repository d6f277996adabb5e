#!/usr/bin/env python3
"""Make the hostile PDF inputs of tests/hostile_inputs.rs (stdlib only).

    python3 tests/data/hostile/make_hostile.py            # write the PDFs below
    python3 tests/data/hostile/make_hostile.py --pages N OUT
                                                          # an N-page PDF of
                                                          # notes (bench/pdf_pages.sh)

Written beside this script:

  notext.pdf          one page with only a drawn rectangle: no text layer
  unmapped-type3.pdf  text in a Type3 font whose /Differences encoding names
                      its glyphs /g1 /g2 ... (not Adobe glyph names), codes
                      1..26, no /ToUnicode: the text cannot be read
  unmapped-type1.pdf  the same with a Type1 font (/BaseFont /Helvetica, not
                      embedded) whose /Differences renames codes 1..26 /g1 ...
  unmapped-ascii.pdf  a Type3 font, no /ToUnicode, whose glyphs /g33 ../g90
                      sit at the printable codes 33..90: read by code, the
                      text is printable garbage ("Q;J..."), not an empty page

encrypted.pdf is not made here: it was made with qpdf (user password
"secret") from one of the real papers. The zip bombs and the other DOCX
archives are built by the test itself (a deflate stream large enough to
unpack past 64 MiB is at least 65 KB: deflate's best ratio is 1032:1).

Every file is a classic PDF: numbered objects, a cross-reference table with
the byte offset of each, a trailer and startxref.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def pdf(objects):
    """A PDF of `objects` (bytes each, numbered 1.. in order; object 1 is the
    catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def escape(text):
    """A PDF literal string's content."""
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def one_page(content, resources):
    """Catalog, pages, one Letter page with `content` and `resources`; more
    objects may follow (numbered from 5)."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources " + resources + b" >>",
        stream(content),
    ]


def notext():
    content = b"0.2 0.2 0.8 RG 2 w 100 500 300 150 re S\n0.9 g 150 550 100 50 re f\n"
    return pdf(one_page(content, b"<< >>"))


# Codes 1..26 spell the text; the font names each glyph /gN.
UNMAPPED_LINES = [
    "Body text of the page with a note.",
    "Jane Roe, A Book (Chicago: Press, 1990), 4.",
]


def coded(text):
    """`text` in codes 1..26 (letters; anything else is code 27)."""
    return bytes(ord(c.lower()) - 96 if c.isalpha() else 27 for c in text)


def unmapped_content():
    out = bytearray()
    for i, line in enumerate(UNMAPPED_LINES):
        size = 10 if i == 0 else 8
        y = 700 if i == 0 else 72
        codes = coded(line)
        literal = b"".join(b"\\%03o" % c for c in codes)
        out += b"BT /F1 %d Tf 72 %d Td (%s) Tj ET\n" % (size, y, literal)
    return bytes(out)


DIFFERENCES = b"/Differences [1 " + b" ".join(b"/g%d" % n for n in range(1, 28)) + b"]"


def unmapped_type3():
    # Each glyph is a filled box, 500 units wide in a 1000-unit glyph space.
    procs = []
    objects = one_page(unmapped_content(), b"<< /Font << /F1 5 0 R >> >>")
    first_proc = len(objects) + 4  # after the font, encoding and charprocs dict
    charprocs = b"<< " + b" ".join(b"/g%d %d 0 R" % (n, first_proc + n - 1) for n in range(1, 28)) + b" >>"
    objects += [
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700]"
        b" /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs 7 0 R /Encoding 6 0 R"
        b" /FirstChar 1 /LastChar 27 /Widths [" + b" ".join([b"500"] * 27) + b"] >>",
        b"<< /Type /Encoding " + DIFFERENCES + b" >>",
        charprocs,
    ]
    for n in range(1, 28):
        height = 300 + 15 * n
        procs.append(stream(b"500 0 0 0 500 %d d1\n50 0 400 %d re f\n" % (height, height)))
    objects += procs
    return pdf(objects)


def unmapped_type1():
    objects = one_page(unmapped_content(), b"<< /Font << /F1 5 0 R >> >>")
    objects += [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding 6 0 R >>",
        b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding " + DIFFERENCES + b" >>",
    ]
    return pdf(objects)


# The characters of UNMAPPED_LINES, lowercased, each drawn by one glyph at a
# printable code 33..90 (a fixed shuffle: code 33 + 23i mod 58). Read by
# code, the text is garbage letters, digits and punctuation.
ASCII_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789.,():"
ASCII_CODES = {c: 33 + (23 * i) % 58 for i, c in enumerate(ASCII_CHARS)}


def ascii_content():
    """Each line's words shown with TJ, words apart by a kern of -300 (as
    TeX sets them), so that word spaces are positions, not codes."""
    out = bytearray()
    for i, line in enumerate(UNMAPPED_LINES):
        size = 10 if i == 0 else 8
        y = 700 if i == 0 else 72
        words = [
            b"(" + b"".join(b"\\%03o" % ASCII_CODES[c] for c in word.lower()) + b")"
            for word in line.split()
        ]
        out += b"BT /F1 %d Tf 72 %d Td [%s] TJ ET\n" % (size, y, b" -300 ".join(words))
    return bytes(out)


def unmapped_ascii():
    objects = one_page(ascii_content(), b"<< /Font << /F1 5 0 R >> >>")
    first_proc = len(objects) + 4  # after the font, encoding and charprocs dict
    codes = range(33, 91)
    charprocs = b"<< " + b" ".join(b"/g%d %d 0 R" % (n, first_proc + i) for i, n in enumerate(codes)) + b" >>"
    objects += [
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700]"
        b" /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs 7 0 R /Encoding 6 0 R"
        b" /FirstChar 33 /LastChar 90 /Widths [" + b" ".join([b"500"] * len(codes)) + b"] >>",
        b"<< /Type /Encoding /Differences [33 " + b" ".join(b"/g%d" % n for n in codes) + b"] >>",
        charprocs,
    ]
    for n in codes:
        height = 300 + 6 * (n - 32)
        objects.append(stream(b"500 0 0 0 500 %d d1\n50 0 400 %d re f\n" % (height, height)))
    return pdf(objects)


# The second body line: the body outweighs the note, so that its size is
# the body's.
MORE = "More of the body follows, set in the type size of the body text."


def pages(n):
    """An n-page paper: on page N the body line `Body text of page N.`, a
    raised small note mark N after it, a second body line, and at the foot,
    smaller, the note
    `N Jane Roe, A Book (Chicago: Press, 1990), N.` (its number raised too)."""
    font = 3
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i in range(n):
        page = i + 1
        body = "Body text of page %d." % page
        # Helvetica widths are about 0.5 em on average: the mark follows the
        # body text by its measured width (approximate is enough).
        mark_x = 72 + helvetica_width(body, 10)
        note = "Jane Roe, A Book (Chicago: Press, 1990), %d." % page
        content = (
            b"BT /F1 10 Tf 72 700 Td (" + escape(body) + b") Tj ET\n"
            b"BT /F1 10 Tf 72 686 Td (" + escape(MORE) + b") Tj ET\n"
            b"BT /F1 7 Tf %.2f 703.5 Td (%d) Tj ET\n" % (mark_x, page)
            + b"BT /F1 6 Tf 72 74.5 Td (%d) Tj ET\n" % page
            + b"BT /F1 8 Tf %.2f 72 Td (" % (72 + helvetica_width(str(page), 6) + 1)
            + escape(note)
            + b") Tj ET\n"
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (first_page + 2 * i + 1, font)
        )
        objects.append(stream(content))
    return pdf(objects)


# Helvetica advance widths (1/1000 em) of the characters the pages use.
HELVETICA = {
    " ": 278, ".": 278, ",": 278, ":": 278, "(": 333, ")": 333,
    "0": 556, "1": 556, "2": 556, "3": 556, "4": 556, "5": 556, "6": 556,
    "7": 556, "8": 556, "9": 556,
    "A": 667, "B": 667, "C": 722, "J": 500, "P": 667, "R": 722,
    "a": 556, "c": 500, "d": 556, "e": 556, "f": 278, "g": 556, "h": 556,
    "i": 222, "k": 500, "o": 556, "p": 556, "r": 333, "s": 500, "t": 278,
    "x": 500, "y": 500,
}


def helvetica_width(text, size):
    return sum(HELVETICA.get(c, 556) for c in text) * size / 1000.0


def main(argv):
    if len(argv) == 3 and argv[0] == "--pages":
        with open(argv[2], "wb") as f:
            f.write(pages(int(argv[1])))
        return 0
    if argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for name, make in [
        ("notext.pdf", notext),
        ("unmapped-type3.pdf", unmapped_type3),
        ("unmapped-type1.pdf", unmapped_type1),
        ("unmapped-ascii.pdf", unmapped_ascii),
    ]:
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(make())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
