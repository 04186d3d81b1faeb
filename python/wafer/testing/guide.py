"""The example of docs/python.md, as the guide shows it.

``python3 -m wafer.testing.guide [GUIDE]`` prints it; the tests
(test/python/test_python_guide.py, scripts/test-package.sh) run it.
"""

import re
import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "python.md"
HEADING = "## Example: compile, run, compare with onnxruntime"


def example_code(guide=GUIDE) -> str:
    """The first ```python block under the example's heading."""
    text = Path(guide).read_text()
    start = text.find(HEADING)
    if start < 0:
        raise ValueError(f"{guide} has no section {HEADING!r}")
    match = re.search(r"^```python\n(.*?)^```$", text[start:], re.S | re.M)
    if not match:
        raise ValueError(f"{guide}: the example section has no python block")
    return match.group(1)


if __name__ == "__main__":
    sys.stdout.write(example_code(*sys.argv[1:2]))
