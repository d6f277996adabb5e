#!/usr/bin/env bash
# Rebuild the test documents in tests/docs/ (and the Tsai PDF/DOCX in refs/)
# from their sources.  Needs xelatex (texlive-xetex, texlive-latex-extra),
# fonts-noto-cjk, pandoc, poppler-utils (pdftotext/pdfinfo) and python3.
# Run from anywhere:  bash tests/docs/make.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export SOURCE_DATE_EPOCH=1700000000   # 2023-11-14: fixed dates in PDF and DOCX
export FORCE_SOURCE_DATE=1
export TZ=UTC LC_ALL=C.UTF-8
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT

pandoc_docx() {  # pandoc_docx SRC.md OUT.docx [extra args]
  local src="$1" out="$2"; shift 2
  pandoc -f markdown-smart-superscript-subscript -t docx "$@" -o "$out" "$src"
}

xelatex_pdf() {  # xelatex_pdf NAME.tex OUT.pdf  (three runs: notes, refs settle)
  local tex="$1" out="$2" name
  name="$(basename "$tex" .tex)"
  (cd "$(dirname "$tex")" &&
   for _ in 1 2 3; do
     xelatex -interaction=nonstopmode -halt-on-error "$name.tex" >/dev/null ||
       { tail -40 "$name.log"; exit 1; }
   done)
  cp "$(dirname "$tex")/$name.pdf" "$out"
}

# --- Tsai (2006): the project's reference paper, Traditional Chinese --------
tsai=tsai-2006-russia-china-military-ties
python3 "$here/tsai_to_tex.py" --tex "$here/$tsai.tex" --md "$here/$tsai.md" \
  --notes "$build/$tsai.notes.json"
cp "$here/$tsai.tex" "$build/"
xelatex_pdf "$build/$tsai.tex" "$root/refs/$tsai.pdf"
python3 "$here/note_pages.py" "$root/refs/$tsai.pdf" "$build/$tsai.notes.json" \
  --out "$here/$tsai.pdf.notes.json"
pandoc_docx "$here/$tsai.md" "$root/refs/$tsai.docx" -M lang=zh-TW
cp "$build/$tsai.notes.json" "$here/$tsai.docx.notes.json"
python3 "$here/check_docx_notes.py" "$root/refs/$tsai.docx" "$here/$tsai.docx.notes.json"

# --- English papers ------------------------------------------------------------
for spec in english-twocol:twocol english-endnotes:endnotes; do
  name="${spec%%:*}" layout="${spec##*:}"
  python3 "$here/english_to_tex.py" "$here/$name.md" --layout "$layout" \
    --tex "$here/$name.tex" --notes "$build/$name.notes.json"
  cp "$here/$name.tex" "$build/"
  xelatex_pdf "$build/$name.tex" "$here/$name.pdf"
  python3 "$here/note_pages.py" "$here/$name.pdf" "$build/$name.notes.json" \
    --out "$here/$name.pdf.notes.json"
  pandoc_docx "$here/$name.md" "$here/$name.docx" -M lang=en-US
  cp "$build/$name.notes.json" "$here/$name.docx.notes.json"
  python3 "$here/check_docx_notes.py" "$here/$name.docx" "$here/$name.docx.notes.json"
done

# --- The DOCX files as a word processor's PDFs (LibreOffice) ------------------
if command -v soffice >/dev/null 2>&1; then
  for stem in "$root/refs/$tsai" "$here/english-twocol" "$here/english-endnotes"; do
    soffice --headless --convert-to pdf --outdir "$build" "$stem.docx" >/dev/null
    cp "$build/$(basename "$stem").pdf" "$here/$(basename "$stem").libreoffice.pdf"
  done
else
  echo "soffice not found (Debian: libreoffice-writer-nogui): the *.libreoffice.pdf files are kept" >&2
fi

ls -l "$root/refs/$tsai".{pdf,docx} "$here"/*.pdf "$here"/*.docx
