"""docs/python.md's example, extracted from the guide and run as written
(with this checkout's package and the build's extension, as the test
command sets them; scripts/test-package.sh runs it again with the package
installed by pip)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wafer.testing.guide import example_code

pytestmark = pytest.mark.usefixtures("wafer_extension")

_ROOT = Path(__file__).resolve().parents[2]


def test_guide_example_runs_as_written(tmp_path):
    script = tmp_path / "example.py"
    script.write_text(example_code())
    env = dict(os.environ, PYTHONPATH=str(_ROOT / "python"))
    # The test command's WAFER_BIN_DIR may be relative to the checkout.
    env["WAFER_BIN_DIR"] = str((_ROOT / os.environ.get(
        "WAFER_BIN_DIR", _ROOT / "build" / "bin")).resolve())
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "logits: max error" in proc.stdout
