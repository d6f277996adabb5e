#!/usr/bin/env bash
# Time footcite on generated corpora against `cat` and `wc -l`.
#
#   bench/run.sh                 # corpora of 10k, 100k and 1M footnotes
#   SIZES="10000 100000" bench/run.sh
#   DENSITIES=dense bench/run.sh  # only the paper's density
#   TIMEOUT=600 WORK=/tmp/footcite-bench bench/run.sh
#   THREADS=2 bench/run.sh        # a long paper on two threads (default 1)
#
# Two densities of corpus (DENSITIES, both by default): `default`, about
# 1 KB of page per footnote, and `dense`, about 320 bytes of page per
# footnote as in the paper in refs/ (`make-corpus N --dense`).
#
# For each corpus it prints, per step, the wall time, the CPU time (user +
# system: what the step costs when other work shares the machine), MB/s,
# footnotes/s,
# peak RSS (from /usr/bin/time -v) and the ratios to `cat` and `wc -l`;
# then the linearity ratio time(largest)/time(previous) and the memory
# target (peak RSS <= 4 x input + 30 MB). Steps:
#   extract  footcite extract FILE -o /dev/null      (layout, grammars, works)
#   bibtex   footcite bibtex FILE -o /dev/null       (extract + biblatex)
#   csl      footcite csl FILE -o /dev/null          (extract + CSL-JSON)
#   check    footcite check FILE > /dev/null         (extract + checks)
#   all      footcite FILE --out-dir DIR             (one run: extract, .bib,
#            CSL-JSON, .footcite.tex and the check report) = end to end
# A step that runs past TIMEOUT seconds is reported as such. THREADS (1 by
# default, as issue 12's targets are for one thread) is passed as
# `--threads`: a long paper's notes, checks and outputs are spread over
# that many threads.
set -uo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
DENSITIES=${DENSITIES:-"default dense"}
WORK=${WORK:-/tmp/footcite-bench}
TIMEOUT=${TIMEOUT:-900}
STEPS=${STEPS:-"extract bibtex csl check all"}
THREADS=${THREADS:-1}
TIME=/usr/bin/time
if [ ! -x "$TIME" ]; then
    echo "bench/run.sh: needs GNU time (apt-get install time)" >&2
    exit 2
fi
mkdir -p "$WORK"
cargo build --release --quiet --bin footcite --example make-corpus || exit 2
BIN=target/release/footcite
GEN=target/release/examples/make-corpus

# measure NAME CMD...: sets SECS, CPU_SECS and RSS_KB (or SECS=timeout)
measure() {
    local log="$WORK/time.log"
    timeout "$TIMEOUT" "$TIME" -v "$@" >/dev/null 2>"$log"
    local rc=$?
    if [ $rc -eq 124 ]; then
        SECS=timeout; CPU_SECS=0; RSS_KB=0; return
    fi
    SECS=$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, p, ":"); s = 0
        for (i = 1; i <= n; i++) s = s * 60 + p[i]
        print s }' "$log")
    RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    CPU_SECS=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")
    if [ $rc -ne 0 ] && [ $rc -ne 1 ]; then SECS="exit$rc"; fi
}

printf '# footcite benchmark: %s cores, %s, --threads %s\n' "$(nproc)" "$(uname -sr)" "$THREADS"
printf '| notes | MB | step | s | cpu s | MB/s | notes/s | peak RSS MB | x cat | x wc -l |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
declare -A ALL_SECS ALL_CPU
for density in $DENSITIES; do
case $density in
    default) suffix=""; flag="" ;;
    dense) suffix="-dense"; flag="--dense" ;;
    *) echo "bench/run.sh: unknown density $density (default, dense)" >&2; exit 2 ;;
esac
printf '| **%s density** |  |  |  |  |  |  |  |  |  |\n' "$density"
for n in $SIZES; do
    corpus="$WORK/corpus-$n$suffix.txt"
    [ -s "$corpus" ] || "$GEN" "$n" $flag > "$corpus"
    bytes=$(stat -c %s "$corpus")
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    cat "$corpus" > /dev/null  # warm the page cache
    measure cat "$corpus"; cat_s=$SECS
    measure wc -l "$corpus"; wc_s=$SECS
    rows=("cat:$cat_s:$RSS_KB")
    for step in $STEPS; do
        case $step in
            extract) measure "$BIN" extract --threads "$THREADS" "$corpus" -o /dev/null ;;
            bibtex) measure "$BIN" bibtex --threads "$THREADS" "$corpus" -o /dev/null ;;
            csl) measure "$BIN" csl --threads "$THREADS" "$corpus" -o /dev/null ;;
            check) measure "$BIN" check --threads "$THREADS" "$corpus" ;;
            all) rm -rf "$WORK/out-$n$suffix"; measure "$BIN" --threads "$THREADS" "$corpus" --out-dir "$WORK/out-$n$suffix" ;;
        esac
        [ "$step" = all ] && ALL_SECS[$density-$n]=$SECS && ALL_CPU[$density-$n]=$CPU_SECS
        awk -v n="$n" -v mb="$mb" -v step="$step" -v s="$SECS" -v cpu="$CPU_SECS" -v rss="$RSS_KB" \
            -v cat_s="$cat_s" -v wc_s="$wc_s" -v bytes="$bytes" 'BEGIN {
            if (s !~ /^[0-9.]+$/) {
                printf "| %d | %s | %s | %s (>%ss) | | | | | | |\n", n, mb, step, s, ENVIRON["TIMEOUT"]; exit }
            t = (s > 0 ? s : 0.005)
            printf "| %d | %s | %s | %.2f | %.2f | %.1f | %.0f | %.0f | %.0f | %.0f |\n",
                n, mb, step, s, cpu, bytes / 1e6 / t, n / t, rss / 1024,
                t / (cat_s > 0 ? cat_s : 0.005), t / (wc_s > 0 ? wc_s : 0.005)
            if (step == "all") {
                limit = 4 * bytes / 1048576 + 30
                printf "|  |  | memory target (<= %.0f MB) | %s |  |  |  |  |  |  |\n", limit,
                    (rss / 1024 <= limit ? "met" : "missed")
            }
        }'
    done
    printf '| %d | %s | cat | %s |  |  |  |  |  |  |\n| %d | %s | wc -l | %s |  |  |  |  |  |  |\n' \
        "$n" "$mb" "$cat_s" "$n" "$mb" "$wc_s"
done
prev=""
for n in $SIZES; do
    if [ -n "$prev" ]; then
        density=$density awk -v a="${ALL_SECS[$density-$prev]:-}" -v b="${ALL_SECS[$density-$n]:-}" \
            -v ca="${ALL_CPU[$density-$prev]:-}" -v cb="${ALL_CPU[$density-$n]:-}" -v p="$prev" -v n="$n" 'BEGIN {
            if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && a > 0)
                printf "linearity (%s): time(%d) / time(%d) = %.1f, CPU time %.1f (target <= %.0f)\n", ENVIRON["density"], n, p, b / a, (ca > 0 ? cb / ca : 0), 1.1 * n / p
            else
                printf "linearity (%s): time(%d) / time(%d) not measured (%s, %s)\n", ENVIRON["density"], n, p, a, b }'
    fi
    prev=$n
done
done
