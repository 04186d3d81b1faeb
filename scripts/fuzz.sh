#!/usr/bin/env bash
# Runs one of Wafer's libFuzzer harnesses (docs/testing.md).
#
#   scripts/fuzz.sh HARNESS [SECONDS | --runs N] [--keep-going] [--seed S]
#                   [--fresh] [-- LIBFUZZER-ARGS...]
#   scripts/fuzz.sh HARNESS --replay         # only replay the regression inputs
#   scripts/fuzz.sh HARNESS --replay-corpus  # replay every input of the corpus
#   scripts/fuzz.sh HARNESS --triage FILE... # classify crash inputs
#   scripts/fuzz.sh HARNESS --fast ...       # the coverage-only build (below)
#
# HARNESS is onnx or mlir (wafer-fuzz-onnx, wafer-fuzz-mlir). The harness is
# built first in the sanitizer build (scripts/sanitize.sh --build-only;
# WAFER_SAN_BUILD_DIR, default build-san), or with --fast in a build with
# coverage instrumentation only (clang -O2, no ASan or UBSan; scripts/
# sanitize.sh --coverage-only; WAFER_FUZZ_BUILD_DIR, default build-fuzz),
# which runs 3-5 times as many inputs per second: for long runs, whose grown
# corpus --replay-corpus then runs through the sanitizer build. Then:
#
#  1. fuzz/regressions/HARNESS/* (crashes found and fixed) are replayed; any
#     that fails is a regression, and the script stops with exit 1.
#     fuzz/regressions/HARNESS/open/* (crashes found, not fixed yet) are
#     replayed too and reported, but do not fail the run.
#  2. The harness fuzzes for SECONDS (default 60) or N runs, starting from
#     fuzz/corpus/HARNESS and the regression inputs, with the dictionary
#     fuzz/HARNESS.dict, writing what it learns to fuzz/work/HARNESS/corpus
#     (not in git) and crash inputs to fuzz/work/HARNESS/artifacts/DATE-TIME
#     (WAFER_FUZZ_WORK replaces fuzz/work).
#     Inputs are at most -max_len bytes; an input that runs over -timeout
#     seconds, allocates over -malloc_limit_mb at once or grows the process
#     over -rss_limit_mb is a bug like a crash.
#     With --keep-going, libFuzzer runs in fork mode and carries on past
#     crashes, timeouts and OOMs (for long runs).
#     --seed S fixes libFuzzer's random seed (default: a new one each run;
#     with a seed, corpus reloading and ASLR are off, see below) and --fresh
#     starts from the committed seeds only, in an empty
#     corpus folder under WORK that is removed first and kept afterwards,
#     so that `--runs N --seed S --fresh` without --keep-going runs the
#     same inputs on every machine and every clone: the CI's fuzz step
#     (scripts/sanitize.sh), which must not pass or fail by chance.
#     --replay-corpus instead runs every input of fuzz/work/HARNESS/corpus
#     once (with the same limits) and fails on the first crash.
#  3. Every crash input is replayed and matched against the known open
#     crashes (fuzz/regressions/HARNESS/open/*.txt: the first line is a
#     regular expression that the crash report matches). Known ones are
#     listed; new ones are copied to fuzz/work/HARNESS/new/ with their
#     reports, and the script exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SAN_BUILD_DIR=${WAFER_SAN_BUILD_DIR:-build-san}
FAST_BUILD_DIR=${WAFER_FUZZ_BUILD_DIR:-build-fuzz}

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
case $1 in
  onnx|wafer-fuzz-onnx) H=onnx ;;
  mlir|wafer-fuzz-mlir) H=mlir ;;
  -h|--help) usage ;;
  *) echo "fuzz: unknown harness '$1' (onnx or mlir)"; exit 2 ;;
esac
shift
SECONDS_TO_RUN=60 RUNS= KEEP_GOING=0 MODE=fuzz FAST=0 TRIAGE=() EXTRA=() SEED= FRESH=0
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --keep-going) KEEP_GOING=1; shift ;;
    --seed)
      case ${2:-} in ''|*[!0-9]*) echo "fuzz: --seed takes a number"; exit 2 ;; esac
      SEED=$2; shift 2 ;;
    --fresh) FRESH=1; shift ;;
    --fast) FAST=1; shift ;;
    --replay) MODE=replay; shift ;;
    --replay-corpus) MODE=corpus; shift ;;
    --triage) MODE=triage; shift; TRIAGE=("$@"); break ;;
    --) shift; EXTRA=("$@"); break ;;
    ''|*[!0-9]*) echo "fuzz: unexpected argument '$1'"; usage ;;
    *) SECONDS_TO_RUN=$1; shift ;;
  esac
done

if [ $FAST -eq 1 ]; then
  [ "$MODE" = fuzz ] || { echo "fuzz: --fast is for fuzzing; replays and triage use the sanitizer build"; exit 2; }
  BUILD_DIR=$FAST_BUILD_DIR
else
  BUILD_DIR=$SAN_BUILD_DIR
fi
BIN="$BUILD_DIR/bin/wafer-fuzz-$H"
if [ -z "${WAFER_FUZZ_NO_BUILD:-}" ]; then
  COVERAGE=()
  [ $FAST -eq 1 ] && COVERAGE=(--coverage-only)
  scripts/sanitize.sh "${COVERAGE[@]}" --build-only "wafer-fuzz-$H" >/dev/null \
    || { echo "fuzz: building $BIN failed (scripts/sanitize.sh ${COVERAGE[*]} --build-only)"; exit 1; }
fi
[ -x "$BIN" ] || { echo "fuzz: $BIN is missing"; exit 1; }

case $H in
  onnx) MAX_LEN=65536 ;;
  mlir) MAX_LEN=32768 ;;
esac
# Limits that make hangs and huge allocations bugs; see the header.
LIMITS=(-max_len=$MAX_LEN -timeout=20 -rss_limit_mb=3072 -malloc_limit_mb=1536)
WORK="${WAFER_FUZZ_WORK:-fuzz/work}/$H"
mkdir -p "$WORK/corpus" "$WORK/artifacts" "$WORK/logs"
REG="fuzz/regressions/$H"
shopt -s nullglob

# replay FILE: runs the harness on one input; prints its report on failure.
replay() {
  # (bash's own note of a process killed by a signal goes nowhere)
  { "$BIN" "${LIMITS[@]}" -runs=1 "$1" >"$2" 2>&1; } 2>/dev/null
}

# triage FILE...: replays crash inputs, groups them by cause, tells known
# open crashes from new ones (fuzz/triage.py); exit 1 on a new one.
triage() {
  python3 fuzz/triage.py "$BIN" "$REG/open" "$WORK/new" "$@" -- "${LIMITS[@]}"
}

if [ "$MODE" = triage ]; then
  triage "${TRIAGE[@]}"; exit $?
fi

# 1. Regressions.
fixed=("$REG"/*.onnx "$REG"/*.mlir)
failed=0
for f in "${fixed[@]}"; do
  if ! replay "$f" "$WORK/logs/replay.log"; then
    echo "fuzz: REGRESSION: $f crashes again:"; tail -n 30 "$WORK/logs/replay.log"
    failed=1
  fi
done
echo "fuzz: $H: ${#fixed[@]} regression input(s) replayed$([ $failed -eq 0 ] && echo ', all pass')"
for f in "$REG"/open/*.onnx "$REG"/open/*.mlir; do
  if replay "$f" "$WORK/logs/open.log"; then
    echo "fuzz: $H: open crash $(basename "$f") does not crash the harness (fixed? see its .txt)"
  else
    echo "fuzz: $H: open crash $(basename "$f") still crashes (known, not counted)"
  fi
done
[ $failed -eq 0 ] || exit 1
[ "$MODE" = replay ] && exit 0

if [ "$MODE" = corpus ]; then
  inputs=("$WORK"/corpus/*)
  ((${#inputs[@]})) || { echo "fuzz: $H: $WORK/corpus is empty"; exit 1; }
  LOG="$WORK/logs/replay-corpus.log"
  mkdir -p "$WORK/new"
  before=$(date +%s)
  # libFuzzer runs every file of the folder once with -runs=0.
  "$BIN" "${LIMITS[@]}" -runs=0 -artifact_prefix="$WORK/new/" "$WORK/corpus" >"$LOG" 2>&1
  rc=$?
  echo "fuzz: $H: ${#inputs[@]} corpus inputs replayed in $(( $(date +%s) - before ))s under $BIN, exit $rc"
  if [ $rc -ne 0 ]; then
    echo "fuzz: $H: an input crashed; last lines of $LOG:"; tail -n 30 "$LOG"; exit 1
  fi
  exit 0
fi

# 2. Fuzz.
ARGS=("${LIMITS[@]}" -dict="fuzz/$H.dict" -print_final_stats=1)
if [ -n "$RUNS" ]; then ARGS+=(-runs="$RUNS"); else ARGS+=(-max_total_time="$SECONDS_TO_RUN"); fi
if [ $KEEP_GOING -eq 1 ]; then
  ARGS+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi
# A fixed seed alone does not repeat a run: libFuzzer rereads the corpus
# folder every second (-reload), and MLIR orders some of its work by heap
# addresses, which ASLR moves from run to run. With both off (setarch -R,
# where the sandbox allows it), two runs from one seed execute the same
# inputs and end with the same coverage.
LAUNCH=()
if [ -n "$SEED" ]; then
  ARGS+=(-seed="$SEED" -reload=0)
  if setarch "$(uname -m)" -R true 2>/dev/null; then
    LAUNCH=(setarch "$(uname -m)" -R)
  else
    echo "fuzz: cannot turn ASLR off here (setarch -R); the run may differ from run to run"
  fi
fi
CORPUS="$WORK/corpus"
if [ $FRESH -eq 1 ]; then
  CORPUS="$WORK/fresh-corpus"
  rm -rf "$CORPUS"; mkdir -p "$CORPUS"
fi
SEEDS=("fuzz/corpus/$H")
# The fixed regressions seed the session too; not open/, whose inputs crash.
# (libFuzzer reads seed folders recursively, hence a copy.)
rm -rf "$WORK/regression-seeds"
if ((${#fixed[@]})); then
  mkdir -p "$WORK/regression-seeds"
  cp "${fixed[@]}" "$WORK/regression-seeds/"
  SEEDS+=("$WORK/regression-seeds")
fi
before=$(date +%s)
stamp=$(date +%Y%m%d-%H%M%S)
LOG="$WORK/logs/fuzz-$stamp.log"
ART="$WORK/artifacts/$stamp"
mkdir -p "$ART"
ARGS+=(-artifact_prefix="$ART/")
echo "fuzz: $BIN ${ARGS[*]} ${EXTRA[*]} $CORPUS ${SEEDS[*]}  (log: $LOG)"
"${LAUNCH[@]}" "$BIN" "${ARGS[@]}" "${EXTRA[@]}" "$CORPUS" "${SEEDS[@]}" >"$LOG" 2>&1
rc=$?
elapsed=$(( $(date +%s) - before ))
execs=$(grep -E '^stat::number_of_executed_units:' "$LOG" | awk '{s += $2} END {print s + 0}')
if [ "$execs" -eq 0 ]; then
  # Fork mode prints no final stats; take the last status line.
  execs=$(grep -oE '^#[0-9]+' "$LOG" | tail -n 1 | tr -d '#')
  execs=${execs:-0}
fi
rate=$(( elapsed > 0 ? execs / elapsed : 0 ))
echo "fuzz: $H: $execs execs in ${elapsed}s ($rate/s), exit $rc; $(grep -E '^#[0-9]+.*(cov|DONE)' "$LOG" | tail -n 1)"

# 3. Triage.
crashes=("$ART"/crash-* "$ART"/timeout-* "$ART"/oom-* "$ART"/leak-*)
if ((${#crashes[@]})); then
  echo "fuzz: $H: ${#crashes[@]} crash input(s); triage:"
  triage "${crashes[@]}" || { echo "fuzz: $H: NEW crashes, inputs and reports in $WORK/new/ (add each to $REG/open/ with a .txt)"; exit 1; }
  echo "fuzz: $H: only known open crashes"
elif [ $rc -ne 0 ]; then
  echo "fuzz: $H: the fuzzer exited with $rc and left no crash input; last lines of $LOG:"
  tail -n 30 "$LOG"; exit 1
fi
exit 0
