"""The benchmark scripts still run against the current library API (they print numbers; the figures
themselves are not asserted, only that a run completes and reports its totals)."""
import subprocess
import sys

from conftest import ROOT


def test_coverage_script_runs_on_the_seeds():
    p = subprocess.run([sys.executable, str(ROOT / "bench" / "coverage.py"), str(ROOT / "fixtures" / "seeds")],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    total = [line for line in p.stdout.splitlines() if line.startswith("total")]
    assert total and "percent-change statements" in total[0] and "reach a verdict" in total[0]
