#!/usr/bin/env python3
"""Gather the example notes biblatex-sbl-examples.pdf prints in its body
(after each \\autocite... line, numbered as in the SBL Handbook, not
sequentially) into an endnotes list `Notes` / `N. text` with one running
number in printed order, as tests/realdocs/chicago/extract_notes.py does
for windycity.  Also writes map.tsv: running number, printed number, line."""
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().replace("\f", "\n").split("\n")
NOTE = re.compile(r"^\s+(\d{1,3})\. (\S.*)$")
notes = []
i = 0
prev = ""
while i < len(lines):
    l = lines[i]
    m = NOTE.match(l)
    if m and prev.lstrip().startswith("\\") and re.search(r"cite", prev):
        start = i
        text = m.group(2).strip()
        j = i + 1
        while j < len(lines):
            c = lines[j]
            if not c.strip() or c.lstrip().startswith("\\") or c.strip().isdigit():
                break
            c = c.strip()
            if text.endswith("-") and c[:1].islower():
                text = text[:-1] + c
            else:
                text += " " + c
            j += 1
        notes.append((m.group(1), start + 1, re.sub(r"\s+", " ", text)))
        i = j
        continue
    if l.strip():
        prev = l
    i += 1
with open("map.tsv", "w") as f:
    for k, (num, ln, t) in enumerate(notes, 1):
        f.write(f"{k}\t{num}\t{ln}\n")
print("Notes\n")
for k, (num, ln, t) in enumerate(notes, 1):
    print(f"{k}. {t}")
