# Sourced by bench/pdf_pages.sh and bench/docx_notes.sh (needs TIME, RUNS
# and WORK set).
#
# median_run CMD...: runs CMD RUNS times under GNU time, each timed around
# the run; sets MEDIAN_MS (the median wall time in ms, at least 1) and
# RSS_KB (the largest peak RSS). A failing run prints its log and exits 2.
median_run() {
    local times=() rss_max=0 start end rss ms
    for _ in $(seq "$RUNS"); do
        start=$(date +%s%N)
        "$TIME" -v "$@" >/dev/null 2>"$WORK/time.log" || { cat "$WORK/time.log" >&2; exit 2; }
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.log")
        [ "$rss" -gt "$rss_max" ] && rss_max=$rss
    done
    ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
    MEDIAN_MS=$(( ms > 0 ? ms : 1 ))
    RSS_KB=$rss_max
}
