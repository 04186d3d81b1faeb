"""Make ``import wafer`` work without PYTHONPATH=<repo>/python."""

import sys
from pathlib import Path

_PY = Path(__file__).resolve().parents[2] / "python"
if str(_PY) not in sys.path:
    sys.path.insert(0, str(_PY))
