#!/usr/bin/env bash
# Measure footcite's footnote finding on real typeset PDFs (tests/realdocs/).
#
#   bench/realdocs.sh                          # build, run, print the scores
#   bench/realdocs.sh --verbose                # also list missed / spurious notes
#   bench/realdocs.sh --min-recall 0.9 --min-precision 0.95   # CI gate
#   bench/realdocs.sh --kinds pdf --no-build   # only `footcite extract X.pdf`
#   bench/realdocs.sh --json scores.json       # also write the scores as JSON
#   bench/realdocs.sh --truth-dir tests/realdocs/heldout   # the held-out set
#
# For every tests/realdocs/*.truth.json it runs `footcite extract` on three
# inputs made from the PDF named in the truth file's "source" (read from the
# installed Debian package the truth file names, texlive-bibtex-extra or
# texlive-humanities-doc; the PDFs are not in the repo):
#   pdf     the PDF itself
#   layout  the text of `pdftotext -layout FILE.pdf`
#   raw     the text of plain `pdftotext FILE.pdf`
# and scores the "footnotes" of the JSON against the truth:
#   page    a found note is a true positive when a truth note with the same
#           number is on the same page (each truth note matched at most once;
#           a number printed twice on a page, as in the archaeology sheet, can
#           be matched twice)
#   number  number only, page ignored: the longest in-order matching of the
#           found numbers against the truth numbers (each truth note at most
#           once, order kept)
# and prints, per document and input kind, truth count, found count, TP,
# recall and precision for both, then totals per kind.
#
# A run that fails (non-zero exit without JSON, a crash, a timeout, output
# that is not JSON) counts as 0 notes found; its error is shown. Precision
# with 0 found is printed as "-" and counts as 0 for --min-precision.
#
# Exit status: 0 (a measurement: low scores do not fail), 1 when
# --min-recall / --min-precision is given and the page-matched total of any
# selected kind is below it, 2 when a tool (python3, pdftotext, cargo or the
# binary) or a source PDF is missing, or the build fails.
#
# Environment: FOOTCITE=path (binary to use; implies --no-build),
# TIMEOUT=seconds per footcite run (default 120), KEEP=1 keeps the temp dir.
set -uo pipefail
cd "$(dirname "$0")/.."

MIN_RECALL=""
MIN_PRECISION=""
KINDS="pdf,layout,raw"
TRUTH_DIR=tests/realdocs
BUILD=1
VERBOSE=0
JSON_OUT=""
TIMEOUT=${TIMEOUT:-120}
BIN=${FOOTCITE:-target/release/footcite}
[ -n "${FOOTCITE:-}" ] && BUILD=0

usage() { sed -n '2,38p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --min-recall) MIN_RECALL=${2:?--min-recall needs a value}; shift 2 ;;
        --min-precision) MIN_PRECISION=${2:?--min-precision needs a value}; shift 2 ;;
        --kinds) KINDS=${2:?--kinds needs a value}; shift 2 ;;
        --truth-dir) TRUTH_DIR=${2:?--truth-dir needs a folder}; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --verbose|-v) VERBOSE=1; shift ;;
        --json) JSON_OUT=${2:?--json needs a file}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench/realdocs.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done

missing=0
for tool in python3 pdftotext timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bench/realdocs.sh: needs $tool (pdftotext: apt-get install poppler-utils)" >&2
        missing=1
    fi
done
if [ "$BUILD" = 1 ] && ! command -v cargo >/dev/null 2>&1; then
    echo "bench/realdocs.sh: needs cargo (or FOOTCITE=/path/to/footcite)" >&2
    missing=1
fi
[ $missing = 1 ] && exit 2

if [ "$BUILD" = 1 ]; then
    cargo build --release --quiet --bin footcite || { echo "bench/realdocs.sh: build failed" >&2; exit 2; }
fi
if [ ! -x "$BIN" ]; then
    echo "bench/realdocs.sh: no footcite binary at $BIN" >&2
    exit 2
fi

TRUTHS=("$TRUTH_DIR"/*.truth.json)
if [ ! -e "${TRUTHS[0]}" ]; then
    echo "bench/realdocs.sh: no $TRUTH_DIR/*.truth.json" >&2
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/footcite-realdocs.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "bench/realdocs.sh: keeping $WORK" >&2
else
    trap 'rm -rf "$WORK"' EXIT
fi

# Run footcite on every document and input kind; outputs go to
# $WORK/<name>.<kind>.{json,err,rc}.
for truth in "${TRUTHS[@]}"; do
    name=$(basename "$truth" .truth.json)
    src=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["source"])' "$truth") || exit 2
    package=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(t.get("package", "texlive-bibtex-extra"), t.get("version", "?"))' "$truth") || exit 2
    if [ ! -r "$src" ]; then
        echo "bench/realdocs.sh: $name: $src is missing (apt-get install ${package% *})" >&2
        exit 2
    fi
    # The truth is for one exact file: warn (do not fail) when the installed one differs.
    want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("sha256", ""))' "$truth")
    if [ -n "$want" ] && command -v sha256sum >/dev/null 2>&1; then
        have=$(sha256sum "$src" | cut -d' ' -f1)
        if [ "$have" != "$want" ]; then
            echo "bench/realdocs.sh: WARNING: $src differs from the file the truth was made for (sha256 $have, expected $want; truth is for $package): scores may be meaningless" >&2
        fi
    fi
    for kind in ${KINDS//,/ }; do
        case "$kind" in
            pdf) input=$src ;;
            layout) input=$WORK/$name.layout.txt
                    pdftotext -layout "$src" "$input" 2>"$WORK/$name.$kind.pdftotext.err" || { echo "bench/realdocs.sh: pdftotext failed on $src" >&2; exit 2; } ;;
            raw) input=$WORK/$name.raw.txt
                 pdftotext "$src" "$input" 2>"$WORK/$name.$kind.pdftotext.err" || { echo "bench/realdocs.sh: pdftotext failed on $src" >&2; exit 2; } ;;
            *) echo "bench/realdocs.sh: unknown kind $kind (pdf, layout, raw)" >&2; exit 2 ;;
        esac
        timeout "$TIMEOUT" "$BIN" extract "$input" >"$WORK/$name.$kind.json" 2>"$WORK/$name.$kind.err"
        echo $? >"$WORK/$name.$kind.rc"
    done
done

python3 - "$WORK" "$KINDS" "$VERBOSE" "$MIN_RECALL" "$MIN_PRECISION" "$JSON_OUT" "${TRUTHS[@]}" <<'PY'
import json, os, sys
from collections import Counter

work, kinds, verbose, min_r, min_p, json_out = sys.argv[1:7]
truths = sys.argv[7:]
kinds = [k for k in kinds.split(",") if k]
verbose = verbose == "1"

def load_found(name, kind, source):
    """(list of (number, page), error or None) for one run."""
    base = os.path.join(work, f"{name}.{kind}")
    rc = open(base + ".rc").read().strip()
    err = open(base + ".err", errors="replace").read().strip()
    for path in (source, base + ".txt"):
        err = err.replace(path + ": ", "")
    err = err.removeprefix("footcite: ")
    try:
        data = json.load(open(base + ".json"))
        notes = data.get("footnotes") or []
        found = []
        for n in notes:
            num = n.get("number")
            try:
                num = int(num)
            except (TypeError, ValueError):
                num = None
            page = n.get("page")
            found.append((num, page if isinstance(page, int) else None))
        return found, (None if rc == "0" else f"exit {rc}: {err.splitlines()[0] if err else ''}")
    except Exception:
        why = "timeout" if rc == "124" else f"exit {rc}"
        first = err.splitlines()[0] if err else "no JSON output"
        return [], f"{why}: {first}"

def page_match(truth, found):
    """TP count, missed truth notes, spurious found notes: multiset on (page, number)."""
    t = Counter(truth)
    f = Counter(found)
    tp = sum((t & f).values())
    return tp, sorted((t - f).elements()), sorted((f - t).elements(), key=lambda x: (
        x[0] if x[0] is not None else 10**9, x[1] if x[1] is not None else -1))

def number_match(truth_nums, found_nums):
    """Longest in-order matching of equal numbers (LCS length)."""
    n, m = len(truth_nums), len(found_nums)
    prev = [0] * (m + 1)
    for i in range(1, n + 1):
        cur = [0] * (m + 1)
        a = truth_nums[i - 1]
        for j in range(1, m + 1):
            cur[j] = prev[j - 1] + 1 if a == found_nums[j - 1] else max(prev[j], cur[j - 1])
        prev = cur
    return prev[m]

def ratio(a, b):
    return a / b if b else None

def fmt(x):
    return "    -" if x is None else f"{x:5.3f}"

rows = []
totals = {k: Counter() for k in kinds}
print(f"{'document':34s} {'kind':6s} {'truth':>5s} {'found':>5s} | {'TP':>4s} {'recall':>6s} {'prec':>6s} | "
      f"{'TPnum':>5s} {'recall':>6s} {'prec':>6s}  (left: number+page; right: number only)")
for tf in truths:
    t = json.load(open(tf))
    name = os.path.basename(tf)[: -len(".truth.json")]
    truth = [(n["number"], n["page"]) for n in t["notes"]]
    for kind in kinds:
        found, error = load_found(name, kind, t["source"])
        tp, missed, spurious = page_match([(p, n) for n, p in truth], [(p, n) for n, p in found if p is not None] +
                                          [(None, n) for n, p in found if p is None])
        tpn = number_match([n for n, _ in truth], [n for n, _ in found])
        row = dict(document=name, kind=kind, truth=len(truth), found=len(found), tp_page=tp,
                   recall_page=ratio(tp, len(truth)), precision_page=ratio(tp, len(found)),
                   tp_number=tpn, recall_number=ratio(tpn, len(truth)), precision_number=ratio(tpn, len(found)),
                   error=error)
        rows.append(row)
        for key in ("truth", "found", "tp_page", "tp_number"):
            totals[kind][key] += row[key]
        print(f"{name[:34]:34s} {kind:6s} {len(truth):5d} {len(found):5d} | {tp:4d} {fmt(row['recall_page']):>6s} "
              f"{fmt(row['precision_page']):>6s} | {tpn:5d} {fmt(row['recall_number']):>6s} {fmt(row['precision_number']):>6s}"
              + (f"  [{error[:90]}]" if error else ""))
        if verbose and found and (missed or spurious):
            show = lambda xs: ", ".join(f"{n}@p{p}" for p, n in xs[:25]) + (" ..." if len(xs) > 25 else "")
            if missed:
                print(f"{'':42s} missed:   {show(missed)}")
            if spurious:
                print(f"{'':42s} spurious: {show(spurious)}")

print()
summary = {}
fail = []
for kind in kinds:
    c = totals[kind]
    r, p = ratio(c["tp_page"], c["truth"]), ratio(c["tp_page"], c["found"])
    rn, pn = ratio(c["tp_number"], c["truth"]), ratio(c["tp_number"], c["found"])
    summary[kind] = dict(truth=c["truth"], found=c["found"], tp_page=c["tp_page"], recall_page=r, precision_page=p,
                         tp_number=c["tp_number"], recall_number=rn, precision_number=pn)
    print(f"{'TOTAL':34s} {kind:6s} {c['truth']:5d} {c['found']:5d} | {c['tp_page']:4d} {fmt(r):>6s} {fmt(p):>6s} | "
          f"{c['tp_number']:5d} {fmt(rn):>6s} {fmt(pn):>6s}")
    if min_r and (r or 0.0) < float(min_r):
        fail.append(f"{kind}: recall {fmt(r).strip()} < {min_r}")
    if min_p and (p or 0.0) < float(min_p):
        fail.append(f"{kind}: precision {fmt(p).strip()} < {min_p}")

if json_out:
    with open(json_out, "w") as fh:
        json.dump({"rows": rows, "totals": summary}, fh, indent=1)
        fh.write("\n")
if fail:
    print("\nbelow threshold (page-matched totals): " + "; ".join(fail))
    sys.exit(1)
PY
