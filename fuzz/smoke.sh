#!/usr/bin/env bash
# A short fuzz run of each target (20 s by default) with the grammar's cue
# words as a dictionary. Used by CI (.ci/run installs cargo-fuzz where a
# nightly toolchain is present). Where fuzzing is impossible it says so,
# in a line that starts `FUZZING SKIPPED:`, and exits 0; a crash or a
# failed build exits 1.
#   fuzz/smoke.sh            # 20 s per target
#   SECONDS_PER_TARGET=600 fuzz/smoke.sh
#   FUZZ_BUILD="-O" fuzz/smoke.sh   # optimised, with AddressSanitizer
#   FUZZ_DEADLINE=300 fuzz/smoke.sh  # stop (and say so) after 300 s in all
#
# The smoke run builds without optimisation or sanitizer (`--dev -s none`):
# on this 2-core machine a cold optimised AddressSanitizer build of the
# PDF and DOCX readers' dependencies took over 10 minutes, the dev build
# 3 min 49 s, which keeps CI under its 15 minutes. footcite has no unsafe
# code, and the dev build's overflow checks catch the arithmetic on input
# numbers that the sanitizer would not. Long runs should use `-O`.
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${SECONDS_PER_TARGET:-20}
read -r -a build_flags <<<"${FUZZ_BUILD:---dev -s none}"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "FUZZING SKIPPED: cargo-fuzz is not installed (cargo install --locked cargo-fuzz)"
    exit 0
fi
if cargo +nightly --version >/dev/null 2>&1; then
    fuzz=(cargo +nightly fuzz)
else
    echo "FUZZING SKIPPED: no nightly toolchain (cargo-fuzz builds with nightly's -Z sanitizer flags; \`rustup toolchain install nightly\`)"
    exit 0
fi
fuzz/seeds.sh || exit 1
# Builds outside the clone, so that a machine that ran CI before reuses
# them (a sanitised build of the PDF reader's dependencies takes minutes).
target_dir=${FUZZ_TARGET_DIR:-${HOME:-/tmp}/.cache/footcite-fuzz-target}
mkdir -p "$target_dir"
status=0
# CI gives fuzzing the time it has left (FUZZ_DEADLINE seconds in all): a
# build that cannot finish in it is stopped, and the targets not run are
# named, not failed.
deadline=${FUZZ_DEADLINE:-0}
left() { echo $((deadline - SECONDS)); }
for target in layout cite_note pdf docx; do
    if [ "$deadline" -gt 0 ] && [ "$(left)" -lt $((secs + 15)) ]; then
        echo "FUZZING SKIPPED: $target (and any after it): CI's time is spent (FUZZ_DEADLINE=$deadline s)"
        break
    fi
    limit=()
    [ "$deadline" -gt 0 ] && limit=(timeout "$(($(left) - secs))")
    echo "fuzz/smoke.sh: $target for ${secs}s"
    # Build first (once more on failure: cargo's probe of rustc failed
    # here when /dev/null had become a plain file, which .ci/run now
    # repairs), then run.
    "${limit[@]}" "${fuzz[@]}" build "${build_flags[@]}" --target-dir "$target_dir" "$target" </dev/null >/dev/null 2>&1
    built=$?
    if [ $built -eq 124 ]; then
        echo "FUZZING SKIPPED: $target (and any after it): its build did not finish in CI's time left (FUZZ_DEADLINE=$deadline s)"
        break
    fi
    if [ $built -ne 0 ]; then
        "${fuzz[@]}" build "${build_flags[@]}" --target-dir "$target_dir" "$target" </dev/null 2>&1 | tail -n 20 || status=1
    fi
    # libFuzzer reads every seed before its clock starts: a dev build took
    # 94 s over the 261 PDF seeds. The smoke run starts from the smallest
    # seeds (SMOKE_SEEDS of them), in a scratch folder, and is stopped
    # (and says so) if it runs a minute past its time or past CI's.
    seeds_dir=$(mktemp -d)
    find "fuzz/corpus/$target" -maxdepth 1 -type f -printf '%s %p\n' | sort -n |
        head -n "${SMOKE_SEEDS:-64}" | cut -d' ' -f2- | xargs -r cp -t "$seeds_dir"
    run_limit=$((secs + 60))
    if [ "$deadline" -gt 0 ] && [ "$(left)" -lt "$run_limit" ]; then
        run_limit=$(left)
    fi
    timeout -k 5 "$run_limit" "${fuzz[@]}" run "${build_flags[@]}" --target-dir "$target_dir" "$target" "$seeds_dir" -- \
        -max_total_time="$secs" -max_len=65536 -timeout=10 -dict=fuzz/footcite.dict </dev/null 2>&1 | tail -n 3
    ran=${PIPESTATUS[0]}
    rm -rf "$seeds_dir"
    if [ "$ran" -eq 124 ] || [ "$ran" -eq 137 ]; then
        echo "fuzz/smoke.sh: $target stopped at its time limit (${run_limit}s), no crash found"
    elif [ "$ran" -ne 0 ]; then
        status=1
    fi
done
exit $status
