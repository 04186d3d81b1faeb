#!/usr/bin/env bash
# Installs what Wafer needs (Debian packages, PyPI packages) and builds it.
# Fast when everything is already there. Usage: scripts/setup.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-${WAFER_BUILD_DIR:-build}}

DEBIAN_PACKAGES=(
  cmake ninja-build g++ pkg-config
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools
  libonnx-dev libprotobuf-dev protobuf-compiler
  libgtest-dev libgmock-dev libbenchmark-dev libopenblas-dev
  libcairo2-dev fonts-dejavu-core
  # The sanitizer build and the fuzzers (scripts/sanitize.sh, scripts/fuzz.sh).
  clang-22 libclang-rt-22-dev libfuzzer-22-dev libomp-22-dev llvm-22
)
missing=()
for p in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
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
  echo "setup: installing Python packages from python/requirements.txt"
  "$PYTHON" -m pip install -q --disable-pip-version-check -r python/requirements.txt
fi

# scripts/sanitize.sh wants the dependencies only.
[ -n "${WAFER_SETUP_DEPS_ONLY:-}" ] && exit 0

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -G Ninja -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release \
    -DPython3_EXECUTABLE="$(command -v "$PYTHON")"
fi
echo "setup: building in $BUILD_DIR"
cmake --build "$BUILD_DIR"
