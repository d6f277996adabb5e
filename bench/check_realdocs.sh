#!/usr/bin/env bash
# `footcite check` on the real typeset PDFs of tests/realdocs (and
# tests/realdocs/heldout): errors and warnings per document and per 100
# notes. A clean document should raise almost no errors: the issue's bar is
# at most 1 error per 100 notes.
# Usage: bench/check_realdocs.sh [--truth-dir DIR]... (default: both sets)
set -euo pipefail
cd "$(dirname "$0")/.."
footcite=${FOOTCITE:-target/release/footcite}
dirs=()
while [ $# -gt 0 ]; do
    case $1 in
        --truth-dir) dirs+=("$2"); shift 2 ;;
        *) echo "usage: $0 [--truth-dir DIR]..." >&2; exit 2 ;;
    esac
done
[ ${#dirs[@]} -gt 0 ] || dirs=(tests/realdocs tests/realdocs/heldout)
printf '%-36s %6s %7s %9s %12s\n' document notes errors warnings errors/100
total_notes=0 total_errors=0
for dir in "${dirs[@]}"; do
    for truth in "$dir"/*.truth.json; do
        read -r src notes < <(python3 -c "import json,sys; t=json.load(open(sys.argv[1])); print(t['source'], len(t['notes']))" "$truth")
        [ -f "$src" ] || { echo "missing $src (texlive-bibtex-extra)" >&2; exit 2; }
        summary=$("$footcite" check "$src" 2>&1 | grep '^summary:' || true)
        errors=$(sed -n 's/^summary: \([0-9]*\) error.*/\1/p' <<<"$summary")
        warnings=$(sed -n 's/.* \([0-9]*\) warning.*/\1/p' <<<"$summary")
        errors=${errors:-0} warnings=${warnings:-0}
        total_notes=$((total_notes + notes)) total_errors=$((total_errors + errors))
        printf '%-36s %6d %7d %9d %12.1f\n' "$(basename "$truth" .truth.json)" "$notes" "$errors" "$warnings" \
            "$(python3 -c "print(100*$errors/$notes)")"
    done
done
printf '%-36s %6d %7d %9s %12.1f\n' total "$total_notes" "$total_errors" "" \
    "$(python3 -c "print(100*$total_errors/$total_notes)")"
