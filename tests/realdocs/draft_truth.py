#!/usr/bin/env python3
"""Drafting aid for a truth file (NOT the truth itself: every draft was checked by
hand against `pdftotext -f P -l P -layout` and corrected before being saved).

    python3 tests/realdocs/draft_truth.py FILE.pdf [--from-page P] [--allow-restart] [--allow-repeat]

Walks the pages in order and keeps the lines of `pdftotext -layout` that start
with the next expected footnote number ("12 Text", "12. Text", or a line holding
only "12" followed by the note's text, as superscript marks come out), so that
numbered code listings and lists rarely get in. Prints a JSON list of
{"number", "page", "start"} to be reviewed.
"""
import json, re, subprocess, sys

def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))

def page_lines(pdf, p):
    out = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-layout", pdf, "-"],
                         capture_output=True, check=True).stdout.decode("utf-8", "replace")
    return out.split("\n")

def main():
    pdf = sys.argv[1]
    restart = "--allow-restart" in sys.argv
    repeat = "--allow-repeat" in sys.argv
    first = 1  # --from-page P: skip the pages before P (table of contents, title)
    if "--from-page" in sys.argv:
        first = int(sys.argv[sys.argv.index("--from-page") + 1])
    expected = 1
    notes = []
    for p in range(first, page_count(pdf) + 1):
        lines = page_lines(pdf, p)
        cands = []  # (line index, number, text)
        for i, line in enumerate(lines):
            m = re.match(r"^\s*(\d{1,3})\.?(?:\s+(\S.*))?$", line)
            if not m or re.search(r"(\. ){3}|\.{4}", line):  # table-of-contents dot leaders
                continue
            text = m.group(2)
            if text is None:
                nxt = [l for l in lines[i + 1:i + 3] if l.strip()]
                if not nxt or re.match(r"^\s*\d{1,3}\s*$", nxt[0]):
                    continue
                text = nxt[0]
            cands.append((i, int(m.group(1)), re.sub(r"\s+", " ", text.strip())))
        # footnotes sit at the foot: walk up from the last candidate line,
        # keeping the lines numbered one less than the line below (or the same
        # number, with --allow-repeat), until the expected number is reached;
        # lines that do not fit (a numbered list, a wrapped "2019, ...") are skipped.
        block = []
        for c in reversed(cands):
            if not block:
                if c[1] >= expected or (restart and notes):
                    block.append(c)
                continue
            if c[1] == block[-1][1] - 1 or (repeat and c[1] == block[-1][1]):
                block.append(c)
        block.reverse()
        while block and block[0][1] != expected and not (restart and block[0][1] == 1):
            block.pop(0)
        for c in block:
            notes.append({"number": c[1], "page": p, "start": c[2][:30]})
        if block:
            expected = block[-1][1] + 1
        for c in cands:
            if c[1] >= expected and c not in block:
                print(f"page {p}: unplaced candidate {c[1]} {c[2][:40]!r}", file=sys.stderr)
    print(json.dumps(notes, ensure_ascii=False, indent=1))

if __name__ == "__main__":
    main()
