"""Make ``import wafer`` work without PYTHONPATH=<repo>/python."""

import sys
from pathlib import Path

_PY = Path(__file__).resolve().parents[2] / "python"
if str(_PY) not in sys.path:
    sys.path.insert(0, str(_PY))

import os
import subprocess

import pytest

_ROOT = Path(__file__).resolve().parents[2]
_BIN = Path(os.environ.get("WAFER_BIN_DIR", _ROOT / "build" / "bin"))


class Tools:
    """Runs the built Wafer tools."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir

    def path(self, name: str) -> Path:
        p = self.bin / name
        if not p.exists():
            pytest.fail(f"{p} is missing: build first (scripts/test.sh does)")
        return p

    def run(self, name, *args, input=None, check=True):
        proc = subprocess.run([str(self.path(name)), *map(str, args)],
                              input=input, capture_output=True, timeout=600)
        if check and proc.returncode != 0:
            pytest.fail(f"{name} {' '.join(map(str, args))} exited "
                        f"{proc.returncode}:\n{proc.stderr.decode()[-3000:]}")
        return proc


@pytest.fixture(scope="session")
def tools():
    return Tools(_BIN)


@pytest.fixture(scope="session")
def builder_models(tmp_path_factory):
    """Every builder model at opsets 17 and 23: DIR/<name>-opset<N>.onnx."""
    from wafer import models
    d = tmp_path_factory.mktemp("builder-models")
    for name in models.BUILDERS:
        for opset in (17, 23):
            models.save(models.build(name, opset), d / f"{name}-opset{opset}.onnx")
    return d


def _sanitizer_build(bin_dir: Path) -> bool:
    cache = bin_dir.parent / "CMakeCache.txt"
    if not cache.exists():
        return False
    for line in cache.read_text(errors="replace").splitlines():
        if line.startswith("WAFER_SANITIZE:"):
            return bool(line.split("=", 1)[1].strip())
    return False


@pytest.fixture(scope="session")
def wafer_extension():
    """The package's extension (wafer._core) of the build under test.

    A sanitizer build has none (an uninstrumented Python cannot load
    instrumented code): its pytest run skips the tests of the package,
    which the normal build's run covers. Anywhere else a missing extension
    fails the test with the loader's ImportError, which says how to build
    it.
    """
    if _sanitizer_build(_BIN):
        pytest.skip("the sanitizer build has no Python extension; the "
                    "normal build's pytest runs the package's tests")
    from wafer._load import core
    return core()
