#!/usr/bin/env bash
# The sanitizer build and its suites (docs/testing.md):
#
#   scripts/sanitize.sh [--no-fuzz] [--fuzz-runs N] [--fuzz-seconds N]
#   scripts/sanitize.sh --build-only [TARGET...]
#   scripts/sanitize.sh --coverage-only --build-only [TARGET...]
#
# Configures and builds Wafer with clang-22, AddressSanitizer and UBSan
# (-DWAFER_SANITIZE=address,undefined, UBSan reports fatal, LeakSanitizer
# on) and the libFuzzer harnesses (-DWAFER_FUZZ=ON) in its own build folder
# (WAFER_SAN_BUILD_DIR, default build-san), then runs against it: lit, the
# unit tests, pytest (the binaries via WAFER_BIN_DIR), and each fuzz harness
# from the committed corpus and the regression inputs (scripts/fuzz.sh):
# by default a fixed number of inputs (WAFER_FUZZ_RUNS, default 40000 per
# harness, about 60 s each) from a fixed seed (WAFER_FUZZ_SEED, default 1)
# and a fresh corpus, so that the same commit fuzzes the same inputs on
# every machine and the CI cannot fail by chance; --fuzz-seconds N (or
# WAFER_FUZZ_SECONDS) fuzzes for N seconds from a new seed and the corpus
# grown so far instead, in fork mode. Exits non-zero when any
# suite fails, a sanitizer reports, or a fuzzer finds a crash that is not a
# known open one (fuzz/regressions/*/open/). --coverage-only configures the
# harnesses' coverage instrumentation without sanitizers, at -O2, in
# WAFER_FUZZ_BUILD_DIR (default build-fuzz): scripts/fuzz.sh --fast.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${WAFER_SAN_BUILD_DIR:-build-san}
FUZZ_SECONDS=${WAFER_FUZZ_SECONDS:-}
FUZZ_RUNS=${WAFER_FUZZ_RUNS:-40000}
FUZZ_SEED=${WAFER_FUZZ_SEED:-1}
BUILD_ONLY=0 FUZZ=1 TARGETS=()
SANITIZERS=address,undefined OPT=-O1
while [ $# -gt 0 ]; do
  case $1 in
    --coverage-only)
      BUILD_DIR=${WAFER_FUZZ_BUILD_DIR:-build-fuzz} SANITIZERS= OPT=-O2; shift ;;
    --build-only) BUILD_ONLY=1; shift; TARGETS=("$@"); break ;;
    --no-fuzz) FUZZ=0; shift ;;
    --fuzz-seconds) FUZZ_SECONDS=$2; shift 2 ;;
    --fuzz-runs) FUZZ_RUNS=$2; FUZZ_SECONDS=; shift 2 ;;
    *) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done

# Debian packages (clang-22 and its sanitizer and libFuzzer runtimes among
# them) and PyPI packages: scripts/setup.sh installs them all.
WAFER_SETUP_DEPS_ONLY=1 scripts/setup.sh >&2 || { echo "sanitize: setup failed"; exit 1; }

# Configured anew when the folder is not, or was configured without NDEBUG
# (an older spelling of this script).
if [ ! -f "$BUILD_DIR/build.ninja" ] || ! grep -q \
    '^CMAKE_CXX_FLAGS_RELWITHDEBINFO:STRING=.*-DNDEBUG' "$BUILD_DIR/CMakeCache.txt"; then
  LAUNCHER=()
  if command -v ccache >/dev/null; then
    LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  # -O1 with line tables: fast enough, and reports name file and line
  # (-O2 without sanitizers: the coverage-only build runs for throughput).
  # NDEBUG as in Debian's libMLIR/libLLVM: some of their headers change a
  # class's layout without it (llvm::Statistic, which MLIR's pass statistics
  # derive from, grows from nothing to a registered counter), and code
  # compiled both ways would disagree about the objects it shares.
  cmake -G Ninja -S . -B "$BUILD_DIR" \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="$OPT -gline-tables-only -DNDEBUG" \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$OPT -gline-tables-only -DNDEBUG" \
    -DWAFER_SANITIZE="$SANITIZERS" -DWAFER_FUZZ=ON \
    -DWAFER_BUILD_BENCHMARKS=OFF \
    -DPython3_EXECUTABLE="$(command -v "${PYTHON:-python3}")" \
    "${LAUNCHER[@]}" >&2 || { echo "sanitize: configuring $BUILD_DIR failed"; exit 1; }
fi
build_start=$(date +%s)
echo "sanitize: building in $BUILD_DIR ${TARGETS[*]}" >&2
TARGET_ARGS=()
((${#TARGETS[@]})) && TARGET_ARGS=(--target "${TARGETS[@]}")
nice cmake --build "$BUILD_DIR" "${TARGET_ARGS[@]}" >&2 \
  || { echo "sanitize: build failed"; exit 1; }
build_time=$(( $(date +%s) - build_start ))
[ $BUILD_ONLY -eq 1 ] && exit 0

declare -A status times
order=()
run_step() {
  local name=$1; shift
  order+=("$name")
  echo "==== sanitize $name: $*"
  local start; start=$(date +%s)
  "$@"
  status[$name]=$?
  times[$name]=$(( $(date +%s) - start ))
}

run_step lit /usr/lib/llvm-22/bin/lit -s "$BUILD_DIR/test"
run_step unit ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
run_step pytest env WAFER_BIN_DIR="$BUILD_DIR/bin" PYTHONPATH=python \
  python3 -m pytest -q test/python
if [ $FUZZ -eq 1 ]; then
  if [ -n "$FUZZ_SECONDS" ]; then
    FUZZ_ARGS=("$FUZZ_SECONDS" --keep-going)
  else
    FUZZ_ARGS=(--runs "$FUZZ_RUNS" --seed "$FUZZ_SEED" --fresh)
  fi
  for h in onnx mlir; do
    run_step "fuzz-$h" env WAFER_FUZZ_NO_BUILD=1 WAFER_SAN_BUILD_DIR="$BUILD_DIR" \
      scripts/fuzz.sh "$h" "${FUZZ_ARGS[@]}"
  done
fi

echo "==== sanitize summary (build ${build_time}s)"
rc=0
for name in "${order[@]}"; do
  if [ "${status[$name]}" -eq 0 ]; then
    echo "  $name: passed (${times[$name]}s)"
  else
    echo "  FAILED: $name (${times[$name]}s)"; rc=1
  fi
done
exit $rc
