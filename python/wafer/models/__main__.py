"""Write the test models: ``python3 -m wafer.models --out DIR [--opset 17 23] [--names ...]``.

Writes DIR/<name>-opset<N>.onnx for every selected builder and opset and prints one
line per file with its size and node count.  The decode (KV-cache) variants
gpt2-decode and llama-decode are written when named (--names gpt2-decode ...); the
default is the forward models.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import onnx

from . import BUILDERS, DECODERS, OPSETS, build, op_histogram, save


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m wafer.models", description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, type=Path, help="output directory")
    ap.add_argument("--opset", nargs="+", type=int, default=list(OPSETS),
                    help="opsets to build (17..23; <23 = decomposed form, 23 = fused form); default: 17 23")
    ap.add_argument("--names", nargs="+", choices=sorted(BUILDERS) + sorted(DECODERS),
                    default=list(BUILDERS),
                    help="models to build; default: the forward models "
                         f"({' '.join(BUILDERS)}), not the decode variants")
    ap.add_argument("--external-data", action="store_true",
                    help="store tensors >= 1024 bytes in <file>.onnx.data beside each model")
    ap.add_argument("--seed", type=int, default=None, help="weight seed (default: config default 0)")
    ap.add_argument("--check", action="store_true", help="run onnx.checker (full_check) on each model")
    ap.add_argument("--ops", action="store_true", help="also print each model's op-type histogram")
    args = ap.parse_args(argv)

    cfg = {} if args.seed is None else {"seed": args.seed}
    for name in args.names:
        for opset in args.opset:
            model = build(name, opset, **cfg)
            if args.check:
                onnx.checker.check_model(model, full_check=True)
            path = args.out / f"{name}-opset{opset}.onnx"
            files = save(model, path, external_data=args.external_data)
            line = f"{path}  {path.stat().st_size} bytes  {len(model.graph.node)} nodes"
            if len(files) > 1:
                line += f"  (+ {files[1].name} {files[1].stat().st_size} bytes)"
            print(line)
            if args.ops:
                print("    " + " ".join(f"{k}:{v}" for k, v in op_histogram(model).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
