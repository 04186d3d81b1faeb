#!/usr/bin/env bash
# Sets up and builds, then runs every test suite: lit (regression), ctest
# (GoogleTest unit tests), pytest (Python), the Python package as a user
# installs it (scripts/test-package.sh: pip install . into a fresh venv and
# the example of docs/python.md), and scripts/sanitize.sh (lit, ctest and
# pytest again in the ASan/UBSan build, then the fuzzers for a short while).
# Prints each suite's summary and exits non-zero if any suite fails.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${WAFER_BUILD_DIR:-build}
scripts/setup.sh "$BUILD_DIR" || { echo "test: setup/build failed"; exit 1; }

declare -A status
run_suite() {
  local name=$1; shift
  echo "==== $name: $*"
  local log; log=$(mktemp)
  "$@" 2>&1 | tee "$log"
  status[$name]=${PIPESTATUS[0]}
  summaries+=("$name: $(grep -E "$SUMMARY_RE" "$log" | tail -n 3 | tr '\n' ' ')")
  rm -f "$log"
}
summaries=()

SUMMARY_RE='Total Discovered|Passed:|Failed:|tests passed|[0-9]+ passed|[0-9]+ failed|all steps passed|^package: FAILED|^  (FAILED: )?(lit|unit|pytest|fuzz-[a-z]+)\b'
# Debian's lit matches the LLVM 22 tools it drives.
run_suite lit /usr/lib/llvm-22/bin/lit -s "$BUILD_DIR/test"
run_suite unit ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
run_suite pytest env WAFER_BIN_DIR="$BUILD_DIR/bin" PYTHONPATH=python \
  python3 -m pytest -q test/python
# WAFER_SKIP_PACKAGE=1 skips it (it builds the libraries again, for the
# wheel: some minutes the first time).
if [ -z "${WAFER_SKIP_PACKAGE:-}" ]; then
  run_suite package scripts/test-package.sh
fi
# The sanitizer build: the same suites under ASan/UBSan/LSan, then each fuzz
# harness for WAFER_FUZZ_SECONDS (docs/testing.md). WAFER_SKIP_SANITIZE=1
# skips it.
suites=(lit unit pytest)
[ -z "${WAFER_SKIP_PACKAGE:-}" ] && suites+=(package)
if [ -z "${WAFER_SKIP_SANITIZE:-}" ]; then
  run_suite sanitize scripts/sanitize.sh
  suites+=(sanitize)
fi

echo "==== summary"
rc=0
for s in "${summaries[@]}"; do echo "  $s"; done
for name in "${suites[@]}"; do
  if [ "${status[$name]}" -ne 0 ]; then echo "  FAILED: $name"; rc=1; fi
done
[ $rc -eq 0 ] && echo "  all suites passed"
exit $rc
