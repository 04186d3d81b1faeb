#!/usr/bin/env python3
"""Replay crash inputs of a fuzz harness and group them by cause.

    python3 fuzz/triage.py HARNESS-BINARY OPEN-DIR NEW-DIR FILE... [-- LIMITS...]

Each FILE is run once through the harness (libFuzzer runs the files it is
given without fuzzing). A report is reduced to its kind (the sanitizer's
error, a failed oracle, a timeout, out-of-memory) and the first frame in
Wafer's own code; inputs with the same kind and frame are one bug. A bug
whose report matches the first line (a regular expression) of a .txt file
in OPEN-DIR is a known open crash; any other is new: its smallest input and
report are copied to NEW-DIR, and printed too: the report's error lines
and first frames, and the input itself (gzip, base64), so that a crash a
CI machine found reproduces from its log alone. Exit status 1 when there
is a new bug. scripts/fuzz.sh runs this after every fuzzing session.
"""

import base64
import collections
import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

KIND_PATTERNS = [
    (r"ORACLE FAILED: (.*)", lambda m: "oracle: " + re.sub(r"\{[^}]*\}", "", m.group(1))),
    (r"runtime error: (.*?)(?: \(aka [^)]*\))?$", lambda m: "ubsan: " + re.sub(
        r"-?\b\d+\b|0x[0-9a-f]+", "N", m.group(1))),
    (r"ERROR: AddressSanitizer: (out of memory|requested allocation size|[\w-]+)",
     lambda m: "asan: " + m.group(1)),
    (r"ERROR: LeakSanitizer: detected memory leaks", lambda m: "leak"),
    (r"ERROR: libFuzzer: (timeout|out-of-memory|deadly signal|fuzz target exited)",
     lambda m: "libfuzzer: " + m.group(1)),
]
FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in (.*?) (/\S+?):(\d+)(?::\d+)?\s*$")
# A frame in a library without line information: "in FUNC (/path/lib.so+0x..)".
LIBRARY_FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in (.*) \((/[^()+]+)\+0x[0-9a-f]+\)\s*$")
# The sanitizer runtimes and the C library: never the place of a bug.
RUNTIME_PATH = re.compile(r"compiler-rt|libclang_rt|/libc\.so|/libc-|/libstdc\+\+|/sanitizer_common/")
# The most an input printed into a log may take, compressed.
MAX_PRINTED_INPUT_BYTES = 48 << 10


def classify(report: str):
    kind = "unknown"
    for pattern, name in KIND_PATTERNS:
        m = re.search(pattern, report, re.M)
        if m:
            kind = name(m)
            break
    if kind.startswith("ubsan: "):
        m = re.search(r"^(\S+?):(\d+):\d+: runtime error", report, re.M)
        if m and m.group(1).startswith(str(ROOT) + "/"):
            return kind, f"{short(m.group(1))}:{m.group(2)}"
    if kind.startswith("oracle: "):
        # The first diagnostic the oracle printed tells one broken pass from
        # another.
        after = report.split("ORACLE FAILED", 1)[1].splitlines()[1:]
        first = next((l for l in after if l.strip()), "")
        first = re.sub(r"'[^']*'|\"[^\"]*\"", "'_'", first)
        kind += " / " + re.sub(r"\b\d+\b", "N", first)[:120]
    for line in report.splitlines():
        m = FRAME.match(line)
        if not m:
            continue
        func, path, lineno = m.groups()
        # The first frame in Wafer's sources or generated code, below the
        # harness.
        if path.startswith(str(ROOT) + "/") and "/fuzz/" not in path:
            func = re.sub(r"\(.*$", "", func.replace("(anonymous namespace)::", ""))
            return kind, f"{func} {short(path)}:{lineno}"
    top = top_frame(report)
    return kind, "(no frame in Wafer's code" + (f"; top: {top}" if top else "") + ")"


def top_frame(report: str) -> str:
    """The first frame outside the sanitizer runtimes and the C library."""
    for line in report.splitlines():
        m = FRAME.match(line) or LIBRARY_FRAME.match(line)
        if not m or RUNTIME_PATH.search(m.group(2)):
            continue
        func = re.sub(r"\(.*$", "", m.group(1))
        return f"{func[:100]} ({os.path.basename(m.group(2))})"
    return ""


def print_report_excerpt(report: str, indent: str = "        ") -> None:
    """The error lines and the first 25 frames of a report."""
    lines = [l for l in report.splitlines()
             if re.search(r"ERROR|SUMMARY|ORACLE|runtime error|^\s*#\d+ 0x", l)]
    frames = 0
    for l in lines:
        if re.match(r"^\s*#\d+ 0x", l):
            frames += 1
            if frames > 25:
                continue
        print(indent + l.strip()[:200])


def print_input(path: str, indent: str = "        ") -> None:
    data = gzip.compress(Path(path).read_bytes(), mtime=0)
    if len(data) > MAX_PRINTED_INPUT_BYTES:
        print(f"{indent}(input not printed: {len(data)} bytes compressed)")
        return
    text = base64.b64encode(data).decode()
    print(f"{indent}input, gzip + base64 (to rebuild it: base64 -d | gunzip > crash):")
    for i in range(0, len(text), 100):
        print(indent + "  " + text[i:i + 100])


def short(path: str) -> str:
    root = str(ROOT) + "/"
    return path[len(root):] if path.startswith(root) else path


def main(argv) -> int:
    if "--" in argv:
        i = argv.index("--")
        argv, limits = argv[:i], argv[i + 1:]
    else:
        limits = []
    if len(argv) < 4:
        print(__doc__)
        return 2
    binary, open_dir, new_dir, files = argv[0], Path(argv[1]), Path(argv[2]), argv[3:]
    known = []
    for txt in sorted(open_dir.glob("*.txt")):
        first = txt.read_text().splitlines()[0] if txt.stat().st_size else ""
        known.append((txt.stem, re.compile(first)))
    groups = collections.OrderedDict()
    for f in files:
        if not os.path.isfile(f):
            print(f"  (no such file: {f})")
            continue
        try:
            proc = subprocess.run([binary, *limits, "-runs=1", f], capture_output=True,
                                  text=True, errors="replace", timeout=120)
            report, rc = proc.stdout + proc.stderr, proc.returncode
        except subprocess.TimeoutExpired as e:
            report, rc = f"ERROR: libFuzzer: timeout (replay over 120 s)\n{e}", -1
        if rc == 0:
            key = ("no crash when replayed alone", "(fixed, flaky or state-dependent)")
        else:
            key = classify(report)
        name = next((n for n, rx in known if rc != 0 and rx.search(report)), None)
        groups.setdefault(key, {"files": [], "known": name, "report": report})
        groups[key]["files"].append(f)
    new = 0
    new_dir.mkdir(parents=True, exist_ok=True)
    for (kind, frame), g in groups.items():
        status = f"known open crash '{g['known']}'" if g["known"] else "NEW"
        print(f"  {len(g['files']):4d} input(s)  {kind}  at  {frame}  -> {status}")
        if not g["known"]:
            new += 1
            smallest = min(g["files"], key=lambda p: os.path.getsize(p))
            shutil.copy(smallest, new_dir)
            Path(new_dir, os.path.basename(smallest) + ".log").write_text(g["report"])
            print(f"        smallest: {new_dir / os.path.basename(smallest)} "
                  f"({os.path.getsize(smallest)} bytes)")
            print_report_excerpt(g["report"])
            print_input(smallest)
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
