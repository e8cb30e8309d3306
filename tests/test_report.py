"""The fact-checker's report: stable plain-text snapshots per seed, and HTML in a real browser.

Regenerate snapshots after an intended change with
``CLAIMCHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_report.py`` and review the diff by eye.
"""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS

SNAP = ROOT / "tests" / "snapshots"
FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def report(*args, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "checker", "report", *args], capture_output=True,
                          timeout=120, env=e, cwd=ROOT)


@pytest.mark.parametrize("name", FILES)
def test_snapshot(name):
    p = report("--width", "100", f"fixtures/seeds/{name}")
    out = p.stdout.decode()
    snap = SNAP / f"report_{name[:-4]}.txt"
    if os.environ.get("CLAIMCHECK_UPDATE_SNAPSHOTS"):
        snap.write_text(out, encoding="utf-8")
    assert out == snap.read_text(encoding="utf-8")
    assert "\x1b[" not in out  # piped: no escape codes
    assert max(len(line) for line in out.splitlines()) <= 100 * 2


def test_narrow_no_color_and_english():
    p = report("--width", "80", "--lang", "en", f"fixtures/seeds/{FILES[0]}", env={"NO_COLOR": "1"})
    out = p.stdout.decode()
    assert "Fact-check report" in out and "\x1b[" not in out
    assert "coverage" in out and "✗ inconsistent" in out


def test_report_content_seed0():
    out = report("--width", "100", f"fixtures/seeds/{FILES[0]}").stdout.decode()
    assert "3315起,比2020年下降12.67%" in out and "推算2020年的数为 3796" in out
    assert "2019: 4367  2020: 3796  2021: 3315" in out  # the series, with a sparkline
    assert "✗ CC101" in out and "【" in out  # the panel marks the spans


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_html_in_headless_chromium(tmp_path):
    out = tmp_path / "report.html"
    p = report("--output", str(out), f"fixtures/seeds/{FILES[0]}")
    assert p.returncode == 1 and out.exists()
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    dom = subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                          "--no-first-run", "--disable-background-networking", "--disable-component-update",
                          "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          out.as_uri()], capture_output=True, timeout=120)
    text = dom.stdout.decode()
    assert "核查报告" in text and "3315起,比2020年下降12.67%" in text and "CC101" in text


def test_check_format_report_is_the_same_report():
    a = report("--width", "100", f"fixtures/seeds/{FILES[1]}").stdout
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}  # piped without $COLUMNS: 100 columns
    b = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "report", f"fixtures/seeds/{FILES[1]}"],
                       capture_output=True, timeout=120, cwd=ROOT, env=env).stdout
    assert a == b
