#!/usr/bin/env bash
# Sets everything up, writes the builder models to models/, and compiles the
# default one (a GPT-2-style decoder at opset 17) to graph IR with a summary.
# Usage: scripts/demo.sh [model.onnx] [waferc options...]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${WAFER_BUILD_DIR:-build}
scripts/setup.sh "$BUILD_DIR"

PYTHONPATH=python python3 -m wafer.models --out models
MODEL=${1:-models/gpt2-opset17.onnx}
shift || true
echo "demo: $BUILD_DIR/bin/waferc $MODEL --emit=graph --dim batch=1 --dim seq=128 --summary $*"
"$BUILD_DIR/bin/waferc" "$MODEL" --emit=graph --dim batch=1 --dim seq=128 \
  --summary --progress "$@"
