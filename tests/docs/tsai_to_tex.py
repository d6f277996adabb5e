#!/usr/bin/env python3
"""Turn the reference paper's extracted text into a LaTeX (XeLaTeX + xeCJK)
or pandoc-Markdown source, with every footnote as a real footnote placed where
its marker stands in the body.

Inputs:
  refs/tsai-2006-russia-china-military-ties.txt   the paper's text
  tests/docs/tsai-layout.json                      footnote spans, marker
                                                   positions, header lines

tsai-layout.json is a snapshot of what `footcite extract` and the
`dump_layout` example report for the text; refresh it with --snapshot (needs
cargo).  Keeping the snapshot makes the documents independent of later changes
to footcite itself.

Usage (from the repository root):
  python3 tests/docs/tsai_to_tex.py --snapshot          # refresh the layout
  python3 tests/docs/tsai_to_tex.py --tex  OUT.tex
  python3 tests/docs/tsai_to_tex.py --md   OUT.md
  python3 tests/docs/tsai_to_tex.py --notes OUT.json    # ground truth (no pages)
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
TXT = os.path.join(ROOT, "refs", "tsai-2006-russia-china-military-ties.txt")
LAYOUT = os.path.join(HERE, "tsai-layout.json")

MARK = "\x00"  # placeholder: MARK + number + MARK


# ---------------------------------------------------------------- snapshot
def snapshot():
    rel = os.path.relpath(TXT, ROOT)
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--", "extract", rel],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout
    ext = json.loads(out)
    lay = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "dump_layout", "--", rel],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout
    m = re.search(r"^headers: \[([0-9, ]*)\]", lay, re.M)
    headers = [int(x) for x in m.group(1).split(",") if x.strip()]
    notes = [{
        "number": f["number"],
        "line": f["line"],
        "end_line": f["end_line"],
        "page": f["page"],
        "marker": f["marker"],
        "text": f["text"],
    } for f in ext["footnotes"]]
    with open(LAYOUT, "w", encoding="utf-8") as fh:
        json.dump({"source": rel, "header_lines": headers, "footnotes": notes},
                  fh, ensure_ascii=False, indent=1)
        fh.write("\n")


# ---------------------------------------------------------------- parsing
def is_wide(ch):
    """CJK ideographs, kana, full-width forms and CJK punctuation."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or
            0xFE30 <= o <= 0xFE4F or 0xFF00 <= o <= 0xFFEF or o == 0x2014)


def join_lines(lines, english=False):
    """Join wrapped lines: no space between two wide characters, else one."""
    out = ""
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        if not out:
            out = ln
            continue
        a = re.sub(MARK + r"\d+" + MARK, "", out)[-1:] or " "
        b = re.sub(MARK + r"\d+" + MARK, "", ln)[:1] or " "
        if english and out.endswith("-") and out[-2:-1].islower() and ln[:1].islower():
            out = out[:-1] + ln          # "moderniz-" + "ation"
        elif is_wide(a) and is_wide(b):
            out += ln
        elif out.endswith(MARK) and is_wide(b):
            out += ln                     # "。<note>" + "除了..."
        else:
            out += " " + ln
    return out


def parse():
    with open(TXT, encoding="utf-8") as fh:
        raw = fh.read().split("\n")
    with open(LAYOUT, encoding="utf-8") as fh:
        lay = json.load(fh)
    notes = {f["number"]: f for f in lay["footnotes"]}
    skip = set(h - 1 for h in lay["header_lines"])
    for f in lay["footnotes"]:
        skip.update(range(f["line"] - 1, f["end_line"]))
    # symbol (＊) notes: a line starting with ＊ plus indented continuations
    star_notes = []
    i = 0
    while i < len(raw):
        if raw[i].lstrip().startswith("＊") and raw[i].strip() != "＊":
            j = i + 1
            while j < len(raw) and raw[j].startswith("  ") and raw[j].strip():
                j += 1
            star_notes.append((i, join_lines([raw[i].strip()[1:]] + raw[i + 1:j],
                                             english=True)))
            skip.update(range(i, j))
            i = j
        else:
            i += 1
    # put placeholders at the marker positions (right to left within a line)
    lines = list(raw)
    by_line = {}
    for f in lay["footnotes"]:
        by_line.setdefault(f["marker"]["line"] - 1, []).append(f)
    for ln, fs in by_line.items():
        s = lines[ln]
        for f in sorted(fs, key=lambda f: -f["marker"]["column"]):
            c = f["marker"]["column"] - 1
            n = str(f["number"])
            assert s[c:c + len(n)] == n, (f["number"], s)
            s = s[:c] + MARK + n + MARK + s[c + len(n):]
        lines[ln] = s

    # blocks: ("title"|"author"|"heading"|"subheading"|"para"|"kw"|"etitle"
    #          |"eauthor"|"eheading"|"epara"|"ekw", text)
    blocks = []
    kept = [(i, lines[i]) for i in range(len(lines))
            if i not in skip and lines[i].strip()]
    first_star = star_notes[0][1] if star_notes else None
    eng_star = star_notes[1][1] if len(star_notes) > 1 else None
    # English back matter starts at the line before "Abstract"
    abs_idx = next(k for k, (i, s) in enumerate(kept) if s.strip() == "Abstract")
    front_end = next(k for k, (i, s) in enumerate(kept) if s.strip().startswith("關鍵詞"))
    k = 0
    # title, author, 摘要, abstract
    blocks.append(("title", kept[0][1].strip()))
    blocks.append(("author", kept[1][1].strip().rstrip("＊")))
    blocks.append(("heading", kept[2][1].strip()))
    blocks.append(("para", join_lines([s for _, s in kept[3:front_end]])))
    blocks.append(("kw", kept[front_end][1].strip()))
    para = []

    def flush():
        if para:
            blocks.append(("para", join_lines(para)))
            para.clear()

    for i, s in kept[front_end + 1:abs_idx - 2]:
        t = s.strip()
        if re.match(r"^[壹貳參肆伍陸柒]、", t):
            flush()
            blocks.append(("heading", t))
            continue
        if (re.match(r"^[一二三四五六七八九十]、", t) and not para and
                s != s.rstrip() and len(t) < 25):
            blocks.append(("subheading", t))
            continue
        para.append(s)
        if s != s.rstrip():          # trailing blank: paragraph ends
            flush()
    flush()
    blocks.append(("newpage", ""))
    blocks.append(("etitle", kept[abs_idx - 2][1].strip()))
    blocks.append(("eauthor", kept[abs_idx - 1][1].strip().rstrip("＊")))
    blocks.append(("eheading", "Abstract"))
    kw_idx = next(k for k, (i, s) in enumerate(kept) if s.strip().startswith("Keywords:"))
    blocks.append(("epara", join_lines([s for _, s in kept[abs_idx + 1:kw_idx]], True)))
    blocks.append(("ekw", join_lines([s for _, s in kept[kw_idx:]], True)))
    return blocks, notes, first_star, eng_star


# ---------------------------------------------------------------- LaTeX
TEX_SPECIAL = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    # fontspec's TeX ligatures would turn these into curly quotes
    "'": r"\textquotesingle{}", "`": r"\textasciigrave{}",
}


def tex_escape(s):
    s = "".join(TEX_SPECIAL.get(c, c) for c in s)
    # break TeX ligatures that would change the characters: -- --- `` '' ?` !` ,,
    s = re.sub(r"-(?=-)", "-{}", s)
    s = re.sub(r"([?!,<>])(?=[<>,])", r"\1{}", s)
    return s


def tex_text(s, notes):
    parts = re.split(MARK + r"(\d+)" + MARK, s)
    out = []
    for k, p in enumerate(parts):
        if k % 2 == 0:
            out.append(tex_escape(p))
        else:
            out.append(r"\footnote{%s}" % tex_escape(notes[int(p)]["text"]))
    return "".join(out)


PREAMBLE = r"""% Generated by tests/docs/tsai_to_tex.py -- do not edit by hand.
\documentclass[11pt,twoside]{article}
% text width = 34 CJK characters at 10.95pt (and 41 at 9.08pt in the notes),
% so lines of pure CJK text need no stretching
\usepackage[b5paper,top=24mm,bottom=22mm,textwidth=372.3pt,
  headsep=7mm,headheight=14pt,footskip=10mm]{geometry}
\usepackage{fontspec}
\usepackage[CJKmath=true]{xeCJK}
\setmainfont{Latin Modern Roman}
% the Noto CJK .ttc files hold JP, KR, SC, TC, HK faces; face 3 is TC.
% (Sans rather than Serif: the Serif subset alone makes the PDF ~330 KB)
\setCJKmainfont{NotoSansCJK-Regular.ttc}[Path=/usr/share/fonts/opentype/noto/,
  FontIndex=3, AutoFakeBold=2.5]  % fake bold: one CJK font subset, smaller PDF
\xeCJKsetup{PunctStyle=plain}
% curly quotes are part of English titles here: set them with the Latin font
\xeCJKDeclareCharClass{Default}{"2018, "2019, "201C, "201D}
\usepackage{fancyhdr}
\pagestyle{fancy}
\fancyhf{}
\fancyhead[LE]{\small\thepage}
\fancyhead[RE]{\small 俄羅斯學報\ 第五期 (2006 年 12 月)}
\fancyhead[LO]{\small 俄中軍事合作關係的發展與影響}
\fancyhead[RO]{\small\thepage}
\renewcommand{\headrulewidth}{0.4pt}
\fancypagestyle{plain}{\fancyhf{}\fancyfoot[C]{\small\thepage}%
  \renewcommand{\headrulewidth}{0pt}}
\linespread{1.45}
\setlength{\parindent}{2em}
\setlength{\footnotesep}{12pt}
\makeatletter
\renewcommand\footnotesize{\@setfontsize\footnotesize{9.08}{12}}
\makeatother
\newcommand\starnote[1]{\begingroup\renewcommand\thefootnote{＊}%
  \footnote[0]{#1}\endgroup}
\newcommand\papersection[1]{\par\bigskip{\centering\large\bfseries #1\par}\medskip}
\newcommand\papersubsection[1]{\par\medskip{\noindent\bfseries #1\par}\smallskip}
\begin{document}
"""


def to_tex(blocks, notes, star1, star2):
    out = [PREAMBLE]
    for kind, text in blocks:
        t = tex_text(text, notes)
        if kind == "title":
            out.append("\\thispagestyle{plain}\n\\begin{center}\n{\\LARGE\\bfseries %s\\par}\n\\vspace{8mm}" % t)
        elif kind == "author":
            out.append("{\\large %s\\starnote{%s}\\par}\n\\end{center}\n\\vspace{4mm}"
                       % (t, tex_escape(star1)))
        elif kind == "heading":
            out.append("\\papersection{%s}" % t)
        elif kind == "subheading":
            out.append("\\papersubsection{%s}" % t)
        elif kind == "para":
            out.append(t + "\n")
        elif kind == "kw":
            out.append("\\bigskip\\noindent %s\n\\clearpage\n" % t)
        elif kind == "newpage":
            out.append("\\clearpage\\thispagestyle{plain}")
        elif kind == "etitle":
            out.append("\\begin{center}\n{\\Large\\bfseries %s\\par}\n\\vspace{6mm}" % t)
        elif kind == "eauthor":
            out.append("{\\large %s\\starnote{%s}\\par}\n\\end{center}\n\\vspace{4mm}"
                       % (t, tex_escape(star2)))
        elif kind == "eheading":
            out.append("\\papersection{%s}" % t)
        elif kind == "epara":
            out.append("{\\linespread{1.25}\\selectfont %s\\par}\n" % t)
        elif kind == "ekw":
            out.append("\\bigskip\\noindent %s\n" % t)
    out.append("\\end{document}\n")
    return "\n".join(out)


# ---------------------------------------------------------------- Markdown
def md_escape(s):
    # backslash-escape every ASCII punctuation character pandoc's Markdown
    # reader could read as markup; combined with `-f markdown-smart` the text
    # reaches the DOCX unchanged (runs of spaces still collapse to one).
    return re.sub(r"([\\`*_{}\[\]()<>#+!|~^$@\"'])", r"\\\1", s)


def md_text(s, notes):
    parts = re.split(MARK + r"(\d+)" + MARK, s)
    out = []
    for k, p in enumerate(parts):
        if k % 2 == 0:
            out.append(md_escape(p))
        else:
            out.append("^[%s]" % md_escape(notes[int(p)]["text"]))
    return "".join(out)


def to_md(blocks, notes, star1, star2):
    out = ["<!-- Generated by tests/docs/tsai_to_tex.py -- do not edit by hand. -->\n"]
    for kind, text in blocks:
        t = md_text(text, notes)
        if kind in ("title", "etitle"):
            out.append("# %s\n" % t)
        elif kind == "author":
            out.append("%s＊\n\n＊ %s\n" % (t, md_escape(star1)))
        elif kind == "eauthor":
            out.append("%s＊\n\n＊ %s\n" % (t, md_escape(star2)))
        elif kind in ("heading", "eheading"):
            out.append("## %s\n" % t)
        elif kind == "subheading":
            out.append("### %s\n" % t)
        elif kind in ("para", "kw", "epara", "ekw"):
            out.append(t + "\n")
        elif kind == "newpage":
            out.append('```{=openxml}\n<w:p><w:r><w:br w:type="page"/></w:r></w:p>\n```\n')
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--snapshot", action="store_true")
    ap.add_argument("--tex")
    ap.add_argument("--md")
    ap.add_argument("--notes")
    a = ap.parse_args()
    if a.snapshot:
        snapshot()
    if not (a.tex or a.md or a.notes):
        return
    blocks, notes, s1, s2 = parse()
    # every note is used exactly once, in order
    used = [int(n) for _, t in blocks for n in re.findall(MARK + r"(\d+)" + MARK, t)]
    assert used == sorted(notes), used
    if a.tex:
        with open(a.tex, "w", encoding="utf-8") as fh:
            fh.write(to_tex(blocks, notes, s1, s2))
    if a.md:
        with open(a.md, "w", encoding="utf-8") as fh:
            fh.write(to_md(blocks, notes, s1, s2))
    if a.notes:
        with open(a.notes, "w", encoding="utf-8") as fh:
            json.dump([{"number": n, "text": notes[n]["text"]} for n in sorted(notes)],
                      fh, ensure_ascii=False, indent=1)
            fh.write("\n")


if __name__ == "__main__":
    sys.exit(main())
