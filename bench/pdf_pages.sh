#!/usr/bin/env bash
# Time `footcite extract` on a generated N-page PDF (one note per page).
#
#   bench/pdf_pages.sh                     # 1,000 pages, 5 runs
#   PAGES="1000 10000" RUNS=3 bench/pdf_pages.sh
#   NO_BUILD=1 WORK=/tmp/footcite-pdf bench/pdf_pages.sh
#
# The PDF comes from tests/data/hostile/make_hostile.py --pages N (the same
# pages as tests/hostile_inputs.rs: Helvetica, a body line with a raised
# note mark, a second body line, a smaller note at the foot). For each size
# it checks once that all N notes are found (99,999 past 99,999 pages: the
# plain layout reads note numbers of at most five digits), then runs
# `target/release/footcite extract FILE -o /dev/null` RUNS times under
# /usr/bin/time -v and prints the median wall time (measured around the
# run, in ms), pages per second and the largest peak RSS.
set -uo pipefail
cd "$(dirname "$0")/.."

PAGES=${PAGES:-1000}
RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/footcite-pdf-bench}
TIME=/usr/bin/time
BIN=target/release/footcite
if [ ! -x "$TIME" ]; then
    echo "bench/pdf_pages.sh: needs GNU time (apt-get install time)" >&2
    exit 2
fi
mkdir -p "$WORK"
. bench/median_run.sh
if [ -z "${NO_BUILD:-}" ]; then
    cargo build --release --quiet --bin footcite || exit 2
fi

printf '# footcite extract on generated PDFs: %s cores, %s, %s runs each\n' \
    "$(nproc)" "$(uname -sr)" "$RUNS"
printf '| pages | PDF KB | notes found | median s | pages/s | peak RSS MB |\n'
printf '|---|---|---|---|---|---|\n'
for n in $PAGES; do
    pdf="$WORK/pages-$n.pdf"
    [ -s "$pdf" ] || python3 tests/data/hostile/make_hostile.py --pages "$n" "$pdf" || exit 2
    kb=$(( $(stat -c %s "$pdf") / 1024 ))
    # Once with the JSON kept: are all notes found?
    "$BIN" extract "$pdf" -o "$WORK/pages-$n.json" || exit 2
    found=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["footnotes"]))' \
        "$WORK/pages-$n.json")
    median_run "$BIN" extract "$pdf" -o /dev/null
    awk -v n="$n" -v kb="$kb" -v found="$found" -v ms="$MEDIAN_MS" -v rss="$RSS_KB" 'BEGIN {
        s = ms / 1000
        printf "| %d | %d | %d | %.3f | %.0f | %.1f |\n", n, kb, found, s, n / s, rss / 1024 }'
    expected=$(( n < 99999 ? n : 99999 ))
    if [ "$found" -ne "$expected" ]; then
        echo "bench/pdf_pages.sh: $n pages but $found notes found (expected $expected)" >&2
        exit 1
    fi
done
