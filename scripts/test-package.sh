#!/usr/bin/env bash
# The Python package as a user gets it (docs/python.md): a fresh virtual
# environment, `pip install .` of this checkout (scikit-build-core and
# nanobind from PyPI; numpy, onnx and onnxruntime the system's, through
# --system-site-packages), and the guide's example run as written by that
# environment's Python, outside the checkout, so that it imports the
# installed package. Then `pip install -e .` over it and the example again.
# The build stays in build-pip/ (pyproject.toml), so a rerun recompiles
# only what changed. Prints one line per step; pip's output goes to
# out/package.log, whose end it shows when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
VENV=$ROOT/${WAFER_PKG_VENV:-out/package-venv}
LOG=$ROOT/out/package.log
mkdir -p out
: > "$LOG"
# The machine is shared: the build gets two jobs and the lowest priority.
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}

step() {
  local what=$1; shift
  local start; start=$(date +%s)
  echo "==== $what: $*" >> "$LOG"
  if ! "$@" >> "$LOG" 2>&1; then
    echo "package: FAILED: $what; the end of $LOG:"
    tail -n 40 "$LOG"
    exit 1
  fi
  echo "package: $what: ok ($(( $(date +%s) - start )) s)"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
PYTHONPATH=python "$PYTHON" -m wafer.testing.guide > "$work/example.py"
# Which wafer the environment imports, and where its extension is: both
# must be the installed ones (`where` prints them into the log).
cat > "$work/where.py" <<'PY'
import sys
import wafer
from wafer._load import core
print("wafer:", wafer.__file__, "extension:", core().__file__)
expected = sys.argv[1]
assert core().__file__.startswith(sys.prefix), "the extension is not the venv's"
assert wafer.__file__.startswith(expected), f"wafer is not from {expected}"
PY
run_in_venv() {
  (cd "$work" && env -u PYTHONPATH -u WAFER_BIN_DIR -u WAFER_CORE_DIR "$@")
}

rm -rf "$VENV"
step "python3 -m venv --system-site-packages" \
  "$PYTHON" -m venv --system-site-packages "$VENV"
step "pip install ." \
  nice -n 19 "$VENV/bin/python" -m pip install --disable-pip-version-check .
step "the installed package" run_in_venv "$VENV/bin/python" where.py "$VENV"
step "docs/python.md's example" run_in_venv "$VENV/bin/python" example.py
step "pip install -e ." \
  nice -n 19 "$VENV/bin/python" -m pip install --disable-pip-version-check -e .
step "the editable package" run_in_venv "$VENV/bin/python" where.py "$ROOT/python"
step "docs/python.md's example (editable)" \
  run_in_venv "$VENV/bin/python" example.py
echo "pip install ., pip install -e . and the guide's example: all steps passed"
