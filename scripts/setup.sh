#!/usr/bin/env bash
# Installs what Wafer needs (Debian packages, PyPI packages) and builds it.
# Fast when everything is already there. Usage: scripts/setup.sh [build-dir]
# Prints one line per step; what apt-get, pip, CMake and the build print goes
# to the log it names (WAFER_SETUP_LOG, default out/setup.log), whose tail it
# shows when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-${WAFER_BUILD_DIR:-build}}
LOG=${WAFER_SETUP_LOG:-out/setup.log}
mkdir -p "$(dirname "$LOG")"
echo "==== scripts/setup.sh $BUILD_DIR, $(date -u +%FT%TZ)" >> "$LOG"

# step DESCRIPTION COMMAND...: one line, the output to the log.
step() {
  local what=$1; shift
  echo "setup: $what (log: $LOG)"
  echo "==== $what: $*" >> "$LOG"
  if ! "$@" >> "$LOG" 2>&1; then
    echo "setup: FAILED: $what; the end of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
}

DEBIAN_PACKAGES=(
  cmake ninja-build g++ pkg-config
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools
  libonnx-dev libprotobuf-dev protobuf-compiler
  libgtest-dev libgmock-dev libbenchmark-dev libopenblas-dev
  libcairo2-dev fonts-dejavu-core
  # The .wfb binary's section checksums.
  libxxhash-dev
  # The sanitizer build and the fuzzers (scripts/sanitize.sh, scripts/fuzz.sh).
  clang-22 libclang-rt-22-dev libfuzzer-22-dev libomp-22-dev llvm-22
)
missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  step "updating the package lists" $SUDO apt-get update -qq
  step "installing Debian packages: ${missing[*]}" \
    env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    --no-install-recommends "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" - <<'PY' 2>/dev/null
import importlib.metadata as md, re, sys
for line in open("python/requirements.txt"):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, op, want = re.match(r"([A-Za-z0-9_.-]+)\s*(==|>=)?\s*(\S*)", line).groups()
    have = md.version(name)
    if op == "==" and have != want:
        sys.exit(1)
PY
then
  step "installing Python packages from python/requirements.txt" \
    "$PYTHON" -m pip install -q --disable-pip-version-check -r python/requirements.txt
fi

# scripts/sanitize.sh wants the dependencies only.
[ -n "${WAFER_SETUP_DEPS_ONLY:-}" ] && exit 0

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  LAUNCHER=()
  if command -v ccache >/dev/null; then
    LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  step "configuring $BUILD_DIR (Release${LAUNCHER:+, ccache})" \
    cmake -G Ninja -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release \
    -DPython3_EXECUTABLE="$(command -v "$PYTHON")" "${LAUNCHER[@]}"
fi
# The build is the long step: its progress, a line each tenth of the way.
echo "setup: building in $BUILD_DIR (log: $LOG)"
echo "==== building in $BUILD_DIR" >> "$LOG"
if ! cmake --build "$BUILD_DIR" 2>&1 | tee -a "$LOG" | awk '
    match($0, /^\[[0-9]+\/[0-9]+\]/) {
      split(substr($0, 2, RLENGTH - 2), n, "/")
      tenth = int(10 * n[1] / n[2])
      if (tenth > shown) { shown = tenth; printf "setup:   %d/%d steps\n", n[1], n[2]; fflush() }
    }'; then
  echo "setup: FAILED: the build; the end of $LOG:" >&2
  tail -n 40 "$LOG" >&2
  exit 1
fi
