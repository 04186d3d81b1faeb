"""Finds the extension ``wafer._core``.

An installed package (``pip install .``) has it inside. During development
the package is imported from the source tree (``PYTHONPATH=python``) and the
extension stays in the CMake build, ``<build>/python/wafer``: the folder
``WAFER_CORE_DIR`` names (and no other), else the one beside ``WAFER_BIN_DIR``
(``<build>/bin``, as the tests set it), else ``build/`` of the checkout.
The folder joins the package's search path, so that ``wafer._core`` is an
ordinary submodule.
"""

import importlib
import os
from pathlib import Path

_HOW_TO_BUILD = (
    "the wafer package's extension (wafer._core) is not built. Install the "
    "package with `pip install .` in the Wafer checkout, or build it with "
    "scripts/setup.sh (CMake builds it when nanobind is installed: "
    "`pip install nanobind`) and name the build with WAFER_BIN_DIR=<build>/bin "
    "or WAFER_CORE_DIR=<build>/python/wafer")


def _candidates():
    if os.environ.get("WAFER_CORE_DIR"):
        yield Path(os.environ["WAFER_CORE_DIR"])
        return
    if os.environ.get("WAFER_BIN_DIR"):
        yield Path(os.environ["WAFER_BIN_DIR"]).parent / "python" / "wafer"
    yield Path(__file__).resolve().parents[2] / "build" / "python" / "wafer"


def core():
    """The extension module; ImportError saying how to build it."""
    import wafer
    # OpenMP's threads (the decode attention kernel) sleep between parallel
    # regions instead of spinning, as in wafer-run: on a loaded machine
    # every region would end waiting for a descheduled spinner. libgomp
    # reads the variable when it is loaded, which is with the extension.
    if "GOMP_SPINCOUNT" not in os.environ:
        os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    try:
        return importlib.import_module("wafer._core")
    except ModuleNotFoundError:
        pass
    for folder in _candidates():
        if any(folder.glob("_core.*")):
            wafer.__path__.append(str(folder))
            return importlib.import_module("wafer._core")
    raise ImportError(_HOW_TO_BUILD)
