"""Drive ``wafer-run`` from Python: write .npy inputs, run, read the outputs.

    outputs = run_binary(wafer_run, "model.wfb", {"input_ids": ids}, workdir)

The file names follow wafer-run's rule for output and reference files
(``npy_name``), so a directory of references written here is one that
``wafer-run --check`` reads.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np


def npy_name(name: str) -> str:
    """The file name wafer-run gives output ``name``: letters, digits, '_',
    '-' and a '.' that does not start it are kept; every other byte is %XX."""
    out = []
    for i, byte in enumerate(name.encode()):
        c = chr(byte)
        plain = byte < 128 and (c.isalnum() or c in "_-" or (c == "." and i > 0))
        out.append(c if plain else f"%{byte:02X}")
    return "".join(out) + ".npy"


def save_arrays(arrays: Mapping[str, np.ndarray], directory: Path) -> None:
    """DIR/<npy_name(name)> for every array (references for --check)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, value in arrays.items():
        np.save(directory / npy_name(name), np.asarray(value))


def run_binary(wafer_run: Path, binary: Path, inputs: Mapping[str, np.ndarray],
               workdir: Path, extra: Sequence[str] = (),
               check: bool = True) -> tuple[dict[str, np.ndarray], subprocess.CompletedProcess]:
    """Runs ``binary`` on ``inputs``; returns {output name: array} (read back
    from the output directory, in the order of wafer-run --signature) and the
    process. With check, a non-zero exit raises."""
    workdir.mkdir(parents=True, exist_ok=True)
    args = [str(wafer_run), str(binary), "--mode=fast"]
    for i, (name, value) in enumerate(inputs.items()):
        path = workdir / f"input{i}.npy"
        np.save(path, np.asarray(value))
        args += ["--input", f"{name}={path}"]
    out_dir = workdir / "out"
    args += ["--output-dir", str(out_dir), *extra]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {proc.returncode}:\n"
                           f"{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    outputs = {}
    if proc.returncode == 0:
        sig = subprocess.run([str(wafer_run), str(binary), "--signature"],
                             capture_output=True, text=True, check=True).stdout
        for line in sig.splitlines():
            if line.startswith("output "):
                name = line.split("'")[1]
                outputs[name] = np.load(out_dir / npy_name(name))
    return outputs, proc


def max_errors(got: np.ndarray, ref: np.ndarray) -> tuple[float, float]:
    """(max abs error, max abs error / max |ref|) as wafer-run --check
    computes them (non-finite elements must match and are skipped)."""
    got = np.asarray(got, dtype=np.float64)
    ref = np.asarray(ref, dtype=np.float64)
    finite = np.isfinite(ref) & np.isfinite(got)
    if not np.array_equal(np.isnan(got), np.isnan(ref)) or \
            not np.array_equal(got[~finite & ~np.isnan(ref)], ref[~finite & ~np.isnan(ref)]):
        return float("inf"), float("inf")
    if not finite.any():
        return 0.0, 0.0
    abs_err = float(np.max(np.abs(got[finite] - ref[finite])))
    scale = float(np.max(np.abs(ref[finite])))
    return abs_err, (abs_err / scale if scale > 0 else (0.0 if abs_err == 0 else float("inf")))
