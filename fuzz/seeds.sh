#!/usr/bin/env bash
# Seed the fuzz corpora from refs/: each footnote of the reference papers
# (its joined text, as the layout reader gives it) becomes one seed of the
# citation-grammar target; the papers themselves and slices of a few pages
# become seeds of the layout target.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/cite_note fuzz/corpus/layout
# The papers only: refs/ also holds footcite's outputs (`*.check.txt`).
papers=()
for file in refs/*.txt; do
    case "$file" in *.check.txt) ;; *) papers+=("$file") ;; esac
done
# The debug build: `cargo test` has built it already in CI (a release build
# of the PDF reader's dependencies alone takes minutes).
cargo build -q --example dump_layout </dev/null
for paper in "${papers[@]}"; do
    name=$(basename "$paper" .txt)
    # Notes: the layout reader's joined text, one file per note.
    cargo run -q --example dump_layout -- "$paper" </dev/null \
        | awk -v dir="fuzz/corpus/cite_note" -v name="$name" '
            /^[0-9]+ L[0-9]+-[0-9]+ p[0-9]+ / { n = $1; getline; sub(/^   /, ""); print > (dir "/" name "-note-" n ".txt"); close(dir "/" name "-note-" n ".txt") }'
    # Layout: the whole paper, and windows of 120 lines.
    cp "$paper" "fuzz/corpus/layout/$name.txt"
    lines=$(wc -l < "$paper")
    for start in $(seq 1 100 "$lines"); do
        sed -n "${start},$((start + 119))p" "$paper" > "fuzz/corpus/layout/$name-$start.txt"
    done
done
# The PDF and DOCX readers: the committed test documents.
mkdir -p fuzz/corpus/pdf fuzz/corpus/docx
for file in refs/*.pdf tests/docs/*.pdf; do [ -e "$file" ] && cp "$file" fuzz/corpus/pdf/; done
for file in refs/*.docx tests/docs/*.docx; do [ -e "$file" ] && cp "$file" fuzz/corpus/docx/; done
echo "seeds: $(ls fuzz/corpus/cite_note | wc -l) notes, $(ls fuzz/corpus/layout | wc -l) layout slices, $(ls fuzz/corpus/pdf | wc -l) PDFs, $(ls fuzz/corpus/docx | wc -l) DOCX"
