"""The HTML report and the review server in a real browser (Debian's chromium, driven by Playwright).

Skipped with a reason when chromium or Playwright is missing (.ci/run installs both). A screenshot
of seed 000's report is kept in $CLAIMCHECK_ARTIFACTS (default: pytest's temporary directory).
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright (the dev extra) is not installed")

SEED0 = sorted(SEEDS.glob("000_*.txt"))[0]
DRAFT = "2021年,全市刑事案件发案3315起,比2020年下降12.61%。\n\n全市发生命案18起,同比下降11%。\n"


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, timeout=120, cwd=ROOT, **kw)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    path = tmp_path_factory.mktemp("draft") / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def _open_report(browser, path: Path, tmp: Path, width=1400):
    out = tmp / (path.stem + ".html")
    run("report", "--output", str(out), str(path))
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.goto(out.as_uri())
    return page


@pytest.mark.parametrize("which", ["seed000", "draft"])
def test_each_highlight_sits_on_the_findings_exact_text(browser, draft, tmp_path, which):
    path = SEED0 if which == "seed000" else draft
    findings = json.loads(run("check", "--format", "json", str(path)).stdout)["files"][0]["findings"]
    assert len(findings) >= 2
    original = path.read_text(encoding="utf-8")
    page = _open_report(browser, path, tmp_path)
    for i, f in enumerate(findings):
        shown = page.eval_on_selector_all(f'mark[data-refs~="d0-f{i}"]', "ms => ms.map(m => m.textContent).join('')")
        assert shown == original[f["span"]["start"]:f["span"]["end"]]
        box = page.locator(f'mark[data-refs~="d0-f{i}"]').first.bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
    page.close()


def test_click_a_finding_scrolls_to_its_span_and_shows_the_derivation(browser, draft, tmp_path):
    page = _open_report(browser, draft, tmp_path)
    details = page.locator("details#d0-f1-info")
    assert not page.locator("details#d0-f1-info ol.derivation").is_visible()
    details.locator("summary").click()
    derivation = page.locator("details#d0-f1-info ol.derivation")
    derivation.wait_for(state="visible")
    assert "没有哪个整数" in derivation.inner_text() and "x 只能在 20.11～20.34 之间" in derivation.inner_text()
    page.wait_for_function("document.querySelector('mark.current') !== null")
    current = page.eval_on_selector_all("mark.current", "ms => ms.map(m => m.textContent).join('')")
    assert current == "18起,同比下降11%"
    # clicking highlighted text opens its finding in the side list
    page.locator('mark[data-refs~="d0-f0"]').first.click()
    page.locator("details#d0-f0-info .body").wait_for(state="visible")
    page.close()


def test_filter_the_claims_table(browser, tmp_path):
    page = _open_report(browser, SEED0, tmp_path)
    rows = page.locator("table.claims tbody tr")
    total = rows.count()
    page.select_option("form.filters select[name=verdict]", "inconsistent")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total
    assert all(r.get_attribute("data-verdict") == "inconsistent" for r in visible)
    assert page.locator("output.shown").inner_text() == f"显示 {len(visible)} / {total} 条"
    page.select_option("form.filters select[name=verdict]", "")
    page.select_option("form.filters select[name=kind]", "change")
    assert all(r.get_attribute("data-kind") == "change" for r in rows.all() if r.is_visible())
    # clicking a claim without a finding in the text brings its row into view, even when filtered out
    row = page.locator('table.claims tr[data-verdict="consistent"][data-kind="streak"]').first
    claim = row.get_attribute("id")[:-len("-row")]
    assert not row.is_visible()
    page.locator(f'mark[data-refs~="{claim}"]').first.click()
    page.wait_for_function(f"document.getElementById('{claim}-row').classList.contains('current')")
    assert row.is_visible()
    page.close()


def test_screenshot_with_a_cjk_font_is_kept(browser, tmp_path):
    artefacts = Path(os.environ.get("CLAIMCHECK_ARTIFACTS", tmp_path))
    artefacts.mkdir(parents=True, exist_ok=True)
    page = _open_report(browser, SEED0, tmp_path)
    page.locator("details#d0-f0-info summary").click()
    page.wait_for_timeout(600)
    shot = artefacts / "report-seed000.png"
    page.screenshot(path=str(shot))
    narrow = _open_report(browser, SEED0, tmp_path, width=390)
    narrow.screenshot(path=str(artefacts / "report-seed000-narrow.png"))
    assert shot.stat().st_size > 20_000
    # the CJK text is drawn with a CJK font: a Han character is about as wide as the font size
    width = page.evaluate("""() => { const s = document.createElement('span'); s.textContent = '酒泉酒泉酒泉酒泉酒泉';
        document.querySelector('.doctext').appendChild(s); const w = s.getBoundingClientRect().width / 10;
        const f = parseFloat(getComputedStyle(s).fontSize); s.remove(); return w / f; }""")
    assert 0.9 < width < 1.1
    page.close()
    narrow.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_upload_a_docx_through_the_server_page(browser, tmp_path):
    pytest.importorskip("starlette")
    import docx

    d = docx.Document()
    for line in DRAFT.split("\n"):
        if line:
            d.add_paragraph(line)
    upload = tmp_path / "稿件.docx"
    d.save(upload)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", str(port), "--workers", "1"],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"http://127.0.0.1:{port}/")
        page.set_input_files("input[name=file]", str(upload))
        with page.expect_navigation():
            page.click("button[type=submit]")
        assert page.locator("details.finding").count() == 2
        assert "稿件.docx" in page.title()
        assert page.eval_on_selector_all('mark[data-refs~="d0-f1"]', "ms => ms.map(m => m.textContent).join('')") \
            == "18起,同比下降11%"
        page.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
