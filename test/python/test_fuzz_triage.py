"""fuzz/triage.py against a stand-in harness whose reports are known.

The stand-in prints a sanitizer report shaped like ASan's for an input that
starts with "crash" and exits 1, else exits 0, as libFuzzer's -runs=1 does.
"""

import base64
import gzip
import re
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRIAGE = ROOT / "fuzz" / "triage.py"

REPORT = textwrap.dedent("""\
    ==1==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000010
    #0 0x7f00 in mlir::detail::OperandStorage::eraseOperands(unsigned int, unsigned int) (/usr/lib/llvm-22/lib/libMLIR.so.22.1+0x123)
    #1 0x7f01 in mlir::Operation::eraseOperands(unsigned int, unsigned int) (/usr/lib/llvm-22/lib/libMLIR.so.22.1+0x456)
    #2 0x7f02 in LLVMFuzzerTestOneInput {root}/fuzz/FuzzMlir.cpp:60:3
    #3 0x7f03 in __libc_start_main (/lib/x86_64-linux-gnu/libc.so.6+0x27)
    SUMMARY: AddressSanitizer: SEGV (/usr/lib/llvm-22/lib/libMLIR.so.22.1+0x123)
    """)


def fake_harness(tmp_path: Path) -> Path:
    script = tmp_path / "fake-harness"
    script.write_text(f"#!{sys.executable}\n" + textwrap.dedent(f"""\
        import sys
        data = open(sys.argv[-1], 'rb').read()
        if data.startswith(b'crash'):
            sys.stderr.write({REPORT.format(root=ROOT)!r})
            sys.exit(1)
        """))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def run_triage(tmp_path, open_dir, *inputs):
    proc = subprocess.run(
        [sys.executable, str(TRIAGE), str(fake_harness(tmp_path)), str(open_dir),
         str(tmp_path / "new"), *map(str, inputs), "--", "-timeout=5"],
        capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout


def test_new_crash_in_a_library_names_its_top_frame_and_prints_the_input(tmp_path):
    crash = tmp_path / "crash-1"
    payload = b"crash" + bytes(range(256)) * 3
    crash.write_bytes(payload)
    bigger = tmp_path / "crash-2"
    bigger.write_bytes(payload + b"more")
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    rc, out = run_triage(tmp_path, open_dir, crash, bigger)
    assert rc == 1, out
    assert "2 input(s)  asan: SEGV  at  (no frame in Wafer's code; top: " \
           "mlir::detail::OperandStorage::eraseOperands (libMLIR.so.22.1))  -> NEW" in out
    assert "SUMMARY: AddressSanitizer: SEGV" in out
    assert (tmp_path / "new" / "crash-1").read_bytes() == payload
    # The smallest input comes back from the log alone.
    lines = out.splitlines()
    start = next(i for i, l in enumerate(lines) if "gzip + base64" in l) + 1
    encoded = []
    for l in lines[start:]:
        if not re.fullmatch(r"\s+[A-Za-z0-9+/=]+", l):
            break
        encoded.append(l.strip())
    assert gzip.decompress(base64.b64decode("".join(encoded))) == payload


def test_known_open_crash_passes(tmp_path):
    crash = tmp_path / "crash-1"
    crash.write_bytes(b"crash here")
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    (open_dir / "operand-erase.txt").write_text(
        "OperandStorage::eraseOperands\nAn MLIR crash, not fixed yet.\n")
    rc, out = run_triage(tmp_path, open_dir, crash)
    assert rc == 0, out
    assert "known open crash 'operand-erase'" in out
    assert "gzip + base64" not in out


def test_input_that_does_not_crash_alone_is_reported(tmp_path):
    # A crash saved in fork mode that does not come back when replayed
    # alone is still a failure to look at, with its input.
    clean = tmp_path / "crash-1"
    clean.write_bytes(b"fine")
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    rc, out = run_triage(tmp_path, open_dir, clean)
    assert rc == 1, out
    assert "no crash when replayed alone" in out
    assert "gzip + base64" in out
