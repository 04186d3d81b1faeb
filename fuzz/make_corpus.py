#!/usr/bin/env python3
"""Regenerate the fuzzers' seed corpora under fuzz/corpus/.

    PYTHONPATH=python python3 fuzz/make_corpus.py [--waferc build/bin/waferc]

fuzz/corpus/onnx/ gets small ONNX models:

* builder-*: the GPT-2, BERT and Llama builders (python/wafer/models) at
  opsets 17 and 23 with a tiny config (1 layer, hidden 16);
* lit-*: every model the lit tests write from ONNX text (`//--- NAME.txt`
  sections of test/**/*.mlir) or with the scripts in test/*/Inputs/;
* node-*: the ONNX backend node tests (shipped with the onnx wheel) whose
  ops Wafer imports (`waferc --list-onnx-ops`), shape operands frozen as in
  wafer.testing.node_sweep.

fuzz/corpus/mlir/ gets textual IR:

* lit-*: the chunks of the lit tests' .mlir inputs, split at `// -----`
  (comments and RUN/CHECK lines dropped);
* waferc-*: the builder models compiled by waferc to graph IR (unfused,
  and fused with the weights in full), fabric and routed IR (weights
  elided) when --waferc names a built waferc.

Files named longrun-* (a few inputs kept from long fuzzing sessions) are
left alone. Every other file is named after its content's hash prefix too,
so reruns replace files instead of adding copies; files over --max-bytes
are skipped, and so are the known crashers of fuzz/regressions/*/open/ (a
seed that crashes at once would stop every run before it fuzzes). The
fuzzers run with -max_len (scripts/fuzz.sh), so larger seeds would be cut
anyway.

It also writes the libFuzzer dictionaries fuzz/mlir.dict (op names from
dialects/*.td, attribute names from the lit tests, MLIR keywords) and
fuzz/onnx.dict (op types, attribute names and symbolic dims as protobuf
fields with their tag and length bytes).
"""

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "python"))

import onnx  # noqa: E402
import onnx.parser  # noqa: E402

TINY = dict(layers=1, hidden=8, heads=2, ffn=16, vocab=16, max_pos=4)


def known_crashers() -> set[str]:
    """Hashes of the open (unfixed) crash reproducers."""
    return {hashlib.sha1(f.read_bytes()).hexdigest()
            for f in (ROOT / "fuzz" / "regressions").glob("*/open/*")
            if f.is_file() and f.suffix in (".onnx", ".mlir")}


class Corpus:
    def __init__(self, folder: Path, max_bytes: int):
        self.folder = folder
        self.max_bytes = max_bytes
        self.seen = known_crashers()
        self.written = 0
        self.skipped = 0
        folder.mkdir(parents=True, exist_ok=True)
        # longrun-*: inputs kept from long fuzzing sessions (docs/testing.md);
        # everything else is regenerated.
        for old in folder.iterdir():
            if not old.name.startswith("longrun-"):
                old.unlink()

    def add(self, name: str, data: bytes, suffix: str) -> None:
        digest = hashlib.sha1(data).hexdigest()
        if digest in self.seen:
            return
        if len(data) > self.max_bytes:
            self.skipped += 1
            return
        self.seen.add(digest)
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:60]
        (self.folder / f"{safe}-{digest[:8]}{suffix}").write_bytes(data)
        self.written += 1


def builder_models(corpus: Corpus, tmp: Path) -> list[Path]:
    from wafer.models import BUILDERS, OPSETS, build
    paths = []
    for name in BUILDERS:
        for opset in OPSETS:
            model = build(name, opset, **TINY)
            data = model.SerializeToString()
            corpus.add(f"builder-{name}-opset{opset}", data, ".onnx")
            path = tmp / f"{name}-opset{opset}.onnx"
            path.write_bytes(data)
            paths.append(path)
    return paths


def lit_sections(text: str):
    """split-file's sections: (name, body)."""
    parts = re.split(r"^//--- (\S+)\n", text, flags=re.M)
    for i in range(1, len(parts) - 1, 2):
        yield parts[i], parts[i + 1]


def lit_onnx_models(corpus: Corpus, tmp: Path) -> None:
    for test in sorted((ROOT / "test").rglob("*.mlir")):
        text = test.read_text(encoding="utf-8", errors="replace")
        for name, body in lit_sections(text):
            if not name.endswith(".txt"):
                continue
            body = "".join(l for l in body.splitlines(True)
                           if not l.lstrip().startswith("//"))
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    model = onnx.parser.parse_model(body)
            except Exception:
                continue
            corpus.add(f"lit-{test.stem}-{Path(name).stem}",
                       model.SerializeToString(), ".onnx")
    # Models the lit tests write with scripts.
    scripts = []
    for test in sorted((ROOT / "test").rglob("*.mlir")):
        text = test.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"%S/Inputs/(\w+\.py)((?: [\w-]+)*) %t", text):
            scripts.append((test.parent / "Inputs" / m.group(1),
                            m.group(2).split()))
    for script, args in sorted(set((s, tuple(a)) for s, a in scripts)):
        out = tmp / "script.onnx"
        for f in tmp.glob("script.onnx*"):
            f.unlink()
        proc = subprocess.run([sys.executable, str(script), *args, str(out)],
                              capture_output=True)
        if proc.returncode == 0 and out.exists():
            corpus.add(f"lit-{script.stem}-{'-'.join(args) or 'model'}",
                       out.read_bytes(), ".onnx")


def node_test_models(corpus: Corpus, waferc: str | None) -> None:
    if not waferc:
        print("make_corpus: no --waferc; skipping the node tests")
        return
    from wafer.testing import node_sweep
    claimed = node_sweep.supported_ops(waferc)
    for case in node_sweep.load_cases():
        if not all(d == "ai.onnx" and op in claimed
                   for d, op in node_sweep.op_types(case.model)):
            continue
        model = node_sweep.freeze_shape_inputs(case)
        corpus.add(f"node-{case.name.removeprefix('test_')}",
                   model.SerializeToString(), ".onnx")


def lit_mlir_chunks(corpus: Corpus) -> None:
    for test in sorted((ROOT / "test").rglob("*.mlir")):
        text = test.read_text(encoding="utf-8", errors="replace")
        if "//--- " in text:
            chunks = [(Path(n).stem, b) for n, b in lit_sections(text)
                      if n.endswith(".mlir")]
        else:
            chunks = [(str(i), c) for i, c in
                      enumerate(re.split(r"^// -----\s*$", text, flags=re.M))]
        for label, chunk in chunks:
            body = "".join(l for l in chunk.splitlines(True)
                           if not l.lstrip().startswith("//"))
            if not body.strip():
                continue
            rel = test.relative_to(ROOT / "test").with_suffix("")
            corpus.add(f"lit-{'-'.join(rel.parts)}-{label}", body.encode(),
                       ".mlir")


def waferc_ir(corpus: Corpus, waferc: str | None, models: list[Path]) -> None:
    if not waferc:
        print("make_corpus: no --waferc; skipping the compiled IR")
        return
    dims = ["--dim", "batch=1", "--dim", "seq=2"]
    for model in models:
        for emit in ("graph", "fabric", "routed"):
            cmd = [waferc, str(model), f"--emit={emit}", "--mesh", "16x16",
                   "--effort", "4", *dims]
            if emit == "graph":
                cmd.append("--no-fuse")
            proc = subprocess.run(cmd, capture_output=True)
            if proc.returncode == 0:
                corpus.add(f"waferc-{model.stem}-{emit}", proc.stdout,
                           ".mlir")
            else:
                print(f"make_corpus: {' '.join(cmd)} failed:\n"
                      f"{proc.stderr.decode(errors='replace')[-400:]}")
        # The fused graph IR too.
        proc = subprocess.run([waferc, str(model), "--emit=graph",
                               "--keep-weights", *dims], capture_output=True)
        # (weights in full once, elided elsewhere: seeds stay small)
        if proc.returncode == 0:
            corpus.add(f"waferc-{model.stem}-fused", proc.stdout, ".mlir")


MLIR_KEYWORDS = [
    "module", "func.func", "return", "attributes", "tensor<", "dense<",
    "dense_resource<", "array<i64: ", "loc(", "affine_map<", "{-#", "#-}",
    "dialect_resources", "builtin", "\"0x", "->", " : ", "^bb0(", "%arg0",
    "i1", "i32", "i64", "f16", "bf16", "f32", "f64", "index", "?x", "0x7FC00000",
    "unit", "true", "false", "inf", "nan", "-0.0", "1.0e+300", "9223372036854775807",
    "#fabric.target<", "@main", "\"custom\"", "\"wse3\"", "\"pipeline\"",
    "\"shared\"", "\"elementwise\"", "\"matmul\"", "\"attention\"",
]


def dict_line(token: bytes) -> str:
    out = []
    for b in token:
        c = chr(b)
        if c in '"\\' or not (32 <= b < 127):
            out.append(f"\\x{b:02x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def write_dicts(folder: Path, waferc: str | None) -> None:
    tokens = set()
    for td in (ROOT / "dialects").rglob("*Ops.td"):
        dialect = "graph" if "Graph" in td.parts else "fabric"
        for m in re.finditer(r'_[A-Za-z]*Op<"([a-z_]+)"', td.read_text()):
            tokens.add(f"{dialect}.{m.group(1)}")
    for test in (ROOT / "test").rglob("*.mlir"):
        tokens.update(re.findall(r"\b([a-z_]{3,})\s=\s", test.read_text(errors="replace")))
    tokens.update(MLIR_KEYWORDS)
    with open(folder / "mlir.dict", "w") as f:
        f.write("# libFuzzer dictionary of wafer-fuzz-mlir, written by "
                "fuzz/make_corpus.py\n")
        for t in sorted(tokens):
            f.write(dict_line(t.encode()) + "\n")

    ops = []
    if waferc:
        ops = subprocess.run([waferc, "--list-onnx-ops"], capture_output=True,
                             text=True).stdout.split()
    attrs = set()
    for src in (ROOT / "lib" / "Import").glob("*.cpp"):
        attrs.update(re.findall(r'attr[A-Za-z]*\(node, "([a-z_]+)"',
                                src.read_text()))

    def field(tag: int, value: str) -> bytes:
        data = value.encode()
        return bytes([tag, len(data)]) + data

    entries = set()
    for op in ops:
        entries.add(field(0x22, op))          # NodeProto.op_type
    for a in attrs:
        entries.add(field(0x0A, a))           # AttributeProto.name
    for d in ("batch", "seq", "N", "past", "total"):
        entries.add(field(0x12, d))           # Dimension.dim_param
    for dom in ("ai.onnx", "com.microsoft", ""):
        entries.add(field(0x0A, dom))         # OperatorSetIdProto.domain
    # Varint fields: ir_version, opset version, data types, dims.
    for raw in (b"\x08\x08", b"\x08\x11", b"\x10\x11", b"\x10\x17",
                b"\x10\x18", b"\x10\x19", b"\x08\xff\xff\xff\xff\x0f",
                b"\x08\xff\xff\xff\xff\xff\xff\xff\xff\x7f",
                b"\x10\x01", b"\x10\x07", b"\x10\x06", b"\x10\x09",
                b"\x10\x0a", b"\x10\x10", b"\x10\x0b"):
        entries.add(raw)
    with open(folder / "onnx.dict", "w") as f:
        f.write("# libFuzzer dictionary of wafer-fuzz-onnx, written by "
                "fuzz/make_corpus.py\n")
        for e in sorted(entries):
            f.write(dict_line(e) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_waferc = ROOT / "build" / "bin" / "waferc"
    ap.add_argument("--waferc", default=str(default_waferc)
                    if default_waferc.exists() else None,
                    help="a built waferc (default: build/bin/waferc if built)")
    ap.add_argument("--out", type=Path, default=ROOT / "fuzz" / "corpus")
    ap.add_argument("--max-bytes", type=int, default=48 * 1024)
    args = ap.parse_args(argv)

    onnx_corpus = Corpus(args.out / "onnx", args.max_bytes)
    mlir_corpus = Corpus(args.out / "mlir", args.max_bytes)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        models = builder_models(onnx_corpus, tmp)
        lit_onnx_models(onnx_corpus, tmp)
        node_test_models(onnx_corpus, args.waferc)
        lit_mlir_chunks(mlir_corpus)
        waferc_ir(mlir_corpus, args.waferc, models)
    write_dicts(ROOT / "fuzz", args.waferc)
    for c in (onnx_corpus, mlir_corpus):
        size = sum(f.stat().st_size for f in c.folder.iterdir())
        print(f"{c.folder.relative_to(ROOT) if c.folder.is_relative_to(ROOT) else c.folder}: "
              f"{c.written} seeds, {size / 1024:.0f} KiB"
              f"{f', {c.skipped} over --max-bytes skipped' if c.skipped else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
