"""Turn ONNX's textual syntax into an .onnx file, for lit tests.

    python3 -m wafer.testing.onnx_text model.txt -o model.onnx [--no-check]

The text is what ``onnx.parser.parse_model`` reads, e.g.::

    <ir_version: 8, opset_import: ["" : 17]>
    g (float[2, 3] x, float[2, 3] y) => (float[2, 3] z) { z = Add(x, y) }

Lines starting with ``//`` are dropped, so the file can hold lit directives.
Models are checked with onnx.checker unless ``--no-check`` is given (error
tests need models that the checker would refuse).
"""

import argparse
import sys

import onnx
import onnx.checker
import onnx.parser


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--no-check", action="store_true")
    args = ap.parse_args(argv)
    with open(args.input, encoding="utf-8") as f:
        text = "".join(l for l in f if not l.lstrip().startswith("//"))
    model = onnx.parser.parse_model(text)
    if not args.no_check:
        onnx.checker.check_model(model)
    onnx.save(model, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
