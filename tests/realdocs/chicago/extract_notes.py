#!/usr/bin/env python3
"""Pull the numbered example notes out of windycity.pdf (TeX Live's
windycity documentation, LPPL 1.3, Debian texlive-bibtex-extra
2022.20230122-4): section 5, "Examples from CMOS Chap. 14", where the
Windy City biblatex style typesets the Chicago Manual's note examples.

The examples are displayed in the body, not set as footnotes, so they are
gathered here as an endnotes list (`Notes`, then `N. text`) with one running
number, in the order printed. Bibliography entries printed beside them
(`Surname, Given. Title.`) and prose are left out.

Usage: extract_notes.py PDF > windycity-cmos14.notes.txt
"""
import re
import subprocess
import sys

pdf = sys.argv[1]
text = subprocess.run(
    ["pdftotext", "-f", "49", "-l", "85", pdf, "-"], check=True, capture_output=True, text=True
).stdout
lines = [l.rstrip() for l in text.split("\n")]

NOTE = re.compile(r"^(\d{1,2})\. (\S.*)$")
# A bibliography entry or heading ends a note's continuation lines.
BIB = re.compile(r"^[A-Z][\w’'.-]+(?: [a-z]+ [A-Z][\w’'-]+)?, [A-Z][^,]*?\. ")
HEAD = re.compile(r"^(\d+\.\d+|\d\.|14\.\d+|5\.\d+) ")

notes, current = [], None
for line in lines:
    m = NOTE.match(line)
    if m and not HEAD.match(line) or (m and int(m.group(1)) < 40 and len(line) > 12):
        if current:
            notes.append(current)
        current = m.group(2)
        continue
    if current is None:
        continue
    if not line.strip() or BIB.match(line) or HEAD.match(line) or line.strip().isdigit():
        notes.append(current)
        current = None
        continue
    # Rejoin a word broken at the line end by a hyphen.
    if current.endswith("-") and line[:1].islower():
        current = current[:-1] + line
    else:
        current += " " + line
if current:
    notes.append(current)

# Headings caught by the number pattern: `5. Examples from CMOS Chap. 14`.
notes = [n for n in notes if not n.startswith("Examples from") and "," in n]
print("Notes\n")
for i, n in enumerate(notes, 1):
    print(f"{i}. {n}")
