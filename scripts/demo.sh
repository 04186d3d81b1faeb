#!/usr/bin/env bash
# Sets everything up, writes the builder models to models/, compiles the
# default one (a GPT-2-style decoder at opset 17) to graph IR with a summary,
# maps it onto a wafer (wse3 unless options say otherwise) and prints the
# mapping report, then compiles it to a kernel binary (.wfb), runs that with
# wafer-run, checks its outputs against onnxruntime and prints both
# latencies.
# Usage: scripts/demo.sh [model.onnx] [waferc options...]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${WAFER_BUILD_DIR:-build}
scripts/setup.sh "$BUILD_DIR"

PYTHONPATH=python python3 -m wafer.models --out models
MODEL=models/gpt2-opset17.onnx
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then MODEL=$1; shift; fi
# The builder models carry 64 positions.
DIMS=(--dim batch=1 --dim seq=64)
echo "demo: $BUILD_DIR/bin/waferc $MODEL --emit=graph ${DIMS[*]} --summary"
"$BUILD_DIR/bin/waferc" "$MODEL" --emit=graph "${DIMS[@]}" --summary --progress

FABRIC="${MODEL%.onnx}.fabric.mlir"
echo "demo: $BUILD_DIR/bin/waferc $MODEL ${DIMS[*]} --report $* -o $FABRIC"
"$BUILD_DIR/bin/waferc" "$MODEL" "${DIMS[@]}" --report --progress "$@" -o "$FABRIC"

WFB="${MODEL%.onnx}.wfb"
echo "demo: $BUILD_DIR/bin/waferc $MODEL ${DIMS[*]} $* -o $WFB"
"$BUILD_DIR/bin/waferc" "$MODEL" "${DIMS[@]}" "$@" -o "$WFB"
"$BUILD_DIR/bin/wafer-translate" --wfb-to-text "$WFB" -o "$WFB.txt"
echo "demo: the binary's sections, from $WFB.txt (wafer-translate --wfb-to-text):"
head -n 12 "$WFB.txt"

# Run it on the host and check it against onnxruntime (same inputs, same
# threads), with both latencies: bench/e2e.py on this one model.
echo "demo: python3 bench/e2e.py --onnx $MODEL ${DIMS[*]} --runs 10"
python3 bench/e2e.py --bin-dir "$BUILD_DIR/bin" --work out/demo --onnx "$MODEL" \
  "${DIMS[@]}" --runs 10
