#!/usr/bin/env bash
# Time footcite on generated DOCX files whose footnotes are the notes of
# the text corpora (`make-corpus N --dense`, see bench/run.sh; both
# densities hold the same notes, only the body between them differs), so
# that the two inputs can be compared note for note.
#
#   bench/docx_notes.sh                   # 10k and 100k notes, 3 runs
#   NOTES="10000" RUNS=5 bench/docx_notes.sh
#   NO_BUILD=1 WORK=/tmp/footcite-docx bench/docx_notes.sh
#
# For each size it writes the text corpus, extracts its notes with
# `footcite extract`, builds the DOCX with bench/make_docx.py (one Word
# footnote per note, one body paragraph per mark), checks once that the
# DOCX gives every note with the same text, then runs `footcite extract
# FILE -o /dev/null` and the whole job `footcite FILE --out-dir DIR`, one
# thread, RUNS times each under /usr/bin/time -v, and prints the median
# wall time, notes per second and the largest peak RSS.
set -uo pipefail
cd "$(dirname "$0")/.."

NOTES=${NOTES:-"10000 100000"}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/footcite-docx-bench}
TIME=/usr/bin/time
BIN=target/release/footcite
GEN=target/release/examples/make-corpus
if [ ! -x "$TIME" ]; then
    echo "bench/docx_notes.sh: needs GNU time (apt-get install time)" >&2
    exit 2
fi
mkdir -p "$WORK"
if [ -z "${NO_BUILD:-}" ]; then
    cargo build --release --quiet --bin footcite --example make-corpus || exit 2
fi

. bench/median_run.sh

# median_run, in seconds and MB: sets MEDIAN_S and RSS_MB.
median_run_s() {
    median_run "$@"
    MEDIAN_S=$(awk -v ms="$MEDIAN_MS" 'BEGIN { printf "%.2f", ms / 1000 }')
    RSS_MB=$(awk -v kb="$RSS_KB" 'BEGIN { printf "%.0f", kb / 1024 }')
}

printf '# footcite on generated DOCX: %s cores, %s, %s runs each, --threads 1\n' \
    "$(nproc)" "$(uname -sr)" "$RUNS"
printf '| notes | DOCX MB | step | median s | notes/s | peak RSS MB |\n'
printf '|---|---|---|---|---|---|\n'
for n in $NOTES; do
    corpus="$WORK/corpus-$n.txt"
    docx="$WORK/corpus-$n.docx"
    if [ ! -s "$docx" ]; then
        "$GEN" "$n" --dense > "$corpus" || exit 2
        "$BIN" extract "$corpus" -o "$WORK/notes.json" || exit 2
        python3 bench/make_docx.py "$WORK/notes.json" "$docx" || exit 2
        "$BIN" extract "$docx" -o "$WORK/docx.json" || exit 2
        python3 - "$WORK/notes.json" "$WORK/docx.json" <<'PY' || exit 1
import json, sys
text, docx = (json.load(open(p, encoding="utf-8"))["footnotes"] for p in sys.argv[1:])
same = sum(a["text"] == b["text"] for a, b in zip(text, docx))
if not (len(text) == len(docx) == same):
    sys.exit(f"bench/docx_notes.sh: {len(docx)} notes from the DOCX, {same} of {len(text)} as in the text")
PY
        rm -f "$corpus" "$WORK/notes.json" "$WORK/docx.json"
    fi
    mb=$(awk -v b="$(stat -c %s "$docx")" 'BEGIN { printf "%.1f", b / 1e6 }')
    median_run_s "$BIN" extract "$docx" -o /dev/null --threads 1
    printf '| %d | %s | `footcite extract` | %s | %.0f | %s |\n' "$n" "$mb" "$MEDIAN_S" \
        "$(awk -v n="$n" -v s="$MEDIAN_S" 'BEGIN { print n / s }')" "$RSS_MB"
    median_run_s "$BIN" "$docx" --out-dir "$WORK/out" --threads 1
    printf '| %d | %s | `footcite FILE` (whole job) | %s | %.0f | %s |\n' "$n" "$mb" "$MEDIAN_S" \
        "$(awk -v n="$n" -v s="$MEDIAN_S" 'BEGIN { print n / s }')" "$RSS_MB"
done
