"""bench/costmodel.py --quick: every case compiles, lowers, simulates and
matches numpy, and its row has the cost model's and the simulator's cycles."""

import json
import subprocess
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]


def test_costmodel_quick(tools, tmp_path):
    for tool in ("waferc", "wafer-run", "wafer-translate"):
        tools.path(tool)  # fails with "build first" when missing
    out = tmp_path / "cm.json"
    md = tmp_path / "cm.md"
    proc = subprocess.run(
        [sys.executable, str(_ROOT / "bench" / "costmodel.py"), "--quick",
         "--bin-dir", str(tools.bin), "--work", str(tmp_path / "work"),
         "--json", str(out), "--markdown", str(md)],
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    data = json.loads(out.read_text())
    rows = data["rows"]
    assert 2 <= len(rows) <= 3
    assert {r["scheme"] for r in rows} == {"elementwise", "mesh_gemv"}
    for r in rows:
        assert r["error"] is None, r
        assert r["check_passed"], r
        assert r["predicted_cycles"] > 0 and r["simulated_cycles"] > 0, r
        assert r["ratio"] == r["simulated_cycles"] / r["predicted_cycles"]
        w, h = r["region_wh"]
        assert w * h == r["pes"], r
    assert {s["scheme"] for s in data["summary"]} == {"elementwise", "mesh_gemv"}
    assert "| scheme | op | shape |" in md.read_text()
    assert "within 10%" in proc.stdout
