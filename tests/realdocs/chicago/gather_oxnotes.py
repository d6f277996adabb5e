#!/usr/bin/env python3
"""Gather the example notes of oxnotes-doc.pdf (biblatex-oxref, TeX Live,
LPPL) and the .bib entries printed beside them into a notes list and a
truth file, without reading footcite's output.

    pdftotext -layout oxnotes-doc.pdf oxnotes.txt
    gather_oxnotes.py oxnotes.txt oxnotes.notes.txt oxnotes.truth.json

Each example is printed as a note (first bullet), the same work in the
bibliography (second bullet) and its @entry. The note of every entry of an
ordinary type becomes `N. text` (running number, printed order); its truth
is the entry's fields mapped to CSL names, kept only where the note prints
them (a field counts when the note prints it): author and editor family
names, title (with subtitle), container, volume, issue, publisher, place,
year, and the pages as the locator."""
import json, re, sys

TYPES = {"article", "book", "collection", "incollection", "inbook",
         "inproceedings", "proceedings", "thesis", "report"}

def bullet(line):
    s = line.lstrip()
    return s.startswith("\ufffd ") or s.startswith("� ")

def join(lines):
    text = ""
    for c in lines:
        c = c.strip()
        if text.endswith("-") and c[:1].islower():
            text = text[:-1] + c
        else:
            text = (text + " " + c).strip()
    return re.sub(r"\s+", " ", text)

def fields(body):
    """name = {value} pairs of one entry (braces balanced)."""
    out, i = {}, 0
    while True:
        m = re.compile(r"([a-z+]+)\s*=\s*\{").search(body, i)
        if not m:
            return out
        depth, j = 1, m.end()
        while j < len(body) and depth:
            depth += {"{": 1, "}": -1}.get(body[j], 0)
            j += 1
        out[m.group(1)] = body[m.end():j - 1]
        i = j

def clean(v):
    v = re.sub(r"\\enquote\{([^{}]*)\}", r"“\1”", v)
    v = re.sub(r"\\mkbibemph\{([^{}]*)\}", r"\1", v)
    v = v.replace("\\&", "&").replace("--", "–").replace("\\", "")
    return re.sub(r"\s+", " ", v.replace("{", "").replace("}", "")).strip()

def families(v):
    out = []
    for name in re.split(r"\s+and\s+", v):
        if name.strip() == "others":
            continue
        if name.strip().startswith("{{") or name.strip().startswith("{"):
            out.append(clean(name))
        elif "," in name:
            out.append(clean(name.split(",")[0]))
        else:
            out.append(clean(name).split(" ")[-1])
    return out

def fold(s):
    return re.sub(r"[^\w]", "", s.lower())

lines = open(sys.argv[1], encoding="utf-8").read().replace("\f", "\n").split("\n")
notes, truths, pending = [], [], []
i = 0
while i < len(lines):
    l = lines[i]
    if bullet(l):
        block = [l.lstrip()[2:]]
        j = i + 1
        while j < len(lines) and lines[j].strip() and not bullet(lines[j]) \
                and not lines[j].lstrip().startswith("@"):
            block.append(lines[j])
            j += 1
        pending.append(join(block))
        i = j
        continue
    m = re.match(r"^\s*@([a-z]+)\{", l)
    if m:
        body = [l]
        j = i + 1
        while j < len(lines) and not body[-1].rstrip().endswith("}}"):
            body.append(lines[j])
            j += 1
        # The note, then the bibliography entry, then the @entry; a bullet
        # of prose before them is not a note.
        kind, note = m.group(1), pending[-2] if len(pending) >= 2 else None
        pending = []
        i = j
        if kind not in TYPES or not note or note.startswith("(not in"):
            continue
        f = {k: clean(v) if k not in ("author", "editor") else v
             for k, v in fields("\n".join(body)).items()}
        number = len(notes) + 1
        notes.append(note)
        want = {"note": number, "citation": 0}
        folded = fold(note)
        for role in ("author", "editor"):
            if role in f:
                names = families(f[role])
                if all(fold(n) in folded for n in names):
                    want[role] = names
        title = f.get("title", "")
        if f.get("subtitle"):
            title += ": " + f["subtitle"]
        container = f.get("journaltitle") or f.get("booktitle") or f.get("maintitle")
        if kind in ("incollection", "inbook", "inproceedings") and f.get("booksubtitle"):
            container = (container or "") + ": " + f["booksubtitle"]
        year = re.match(r"\d{4}", f.get("date", f.get("year", "")))
        candidates = {
            "title": title,
            "container-title": container,
            "volume": f.get("volume"),
            "issue": f.get("number") if kind == "article" else None,
            "publisher": f.get("publisher"),
            "publisher-place": f.get("location"),
            "locator": f.get("pages"),
        }
        # The pages as printed: `219–36` for pages = {219-236}.
        pages = re.match(r"(\w+)\s*[-–]+\s*\w+$", candidates["locator"] or "")
        if pages:
            printed = re.search(r"\b" + re.escape(pages.group(1)) + r"[–-]\w+", note)
            candidates["locator"] = printed.group(0) if printed else None
        for k, v in candidates.items():
            if v and fold(v) in folded:
                want[k] = v
        if year and year.group(0) in note:
            want["issued"] = int(year.group(0))
        truths.append(want)
    else:
        i += 1
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("Notes\n\n")
    for k, t in enumerate(notes, 1):
        out.write(f"{k}. {t}\n")
with open(sys.argv[3], "w", encoding="utf-8") as out:
    json.dump(truths, out, ensure_ascii=False, indent=1)
    out.write("\n")
print(f"{len(notes)} notes, {sum(len(t) - 2 for t in truths)} fields", file=sys.stderr)
