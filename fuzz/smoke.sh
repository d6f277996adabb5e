#!/usr/bin/env bash
# A short fuzz run of each target (20 s by default) with the grammar's cue
# words as a dictionary. Used by CI (.ci/run installs cargo-fuzz where a
# nightly toolchain is present). Where fuzzing is impossible it says so,
# in a line that starts `FUZZING SKIPPED:`, and exits 0; a crash or a
# failed build exits 1.
#   fuzz/smoke.sh            # 20 s per target
#   SECONDS_PER_TARGET=600 fuzz/smoke.sh
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${SECONDS_PER_TARGET:-20}
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
for target in layout cite_note pdf docx; do
    echo "fuzz/smoke.sh: $target for ${secs}s"
    # Build first (once more on failure: cargo's probe of rustc failed
    # here when /dev/null had become a plain file, which .ci/run now
    # repairs), then run.
    "${fuzz[@]}" build -O --target-dir "$target_dir" "$target" </dev/null >/dev/null 2>&1 ||
        "${fuzz[@]}" build -O --target-dir "$target_dir" "$target" </dev/null 2>&1 | tail -n 20 || status=1
    "${fuzz[@]}" run -O --target-dir "$target_dir" "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$secs" -max_len=65536 -timeout=10 -dict=fuzz/footcite.dict </dev/null 2>&1 | tail -n 3 || status=1
done
exit $status
