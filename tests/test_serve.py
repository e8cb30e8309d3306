"""`claimcheck serve`: the page, the API, and hostile requests answered with clear 4xx messages."""
import io
import json
import warnings

import pytest

pytest.importorskip("starlette")
pytest.importorskip("multipart")
pytest.importorskip("httpx")

from conftest import ROOT, SEEDS  # noqa: E402
from checker.report.models import ReportOut  # noqa: E402
from checker.serve import ServeConfig, create_app, is_loopback  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

SEED0 = sorted(SEEDS.glob("000_*.txt"))[0]
DRAFT = "2021年,全市刑事案件发案3315起,比2020年下降12.61%。全市发生命案18起,同比下降11%。"
LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(ServeConfig(workers=0, max_bytes=LIMIT, timeout=30))) as c:
        yield c


def _docx(text: str) -> bytes:
    import docx

    d = docx.Document()
    for para in text.split("。"):
        if para:
            d.add_paragraph(para + "。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_index_page(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in r.text and 'enctype="multipart/form-data"' in r.text
    assert 'name="file"' in r.text and 'name="text"' in r.text and 'name="profile"' in r.text
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["cache-control"] == "no-store"
    assert '<html lang="en">' in client.get("/?lang=en").text


def test_api_check_json_returns_the_contract(client):
    r = client.post("/api/check", json={"text": DRAFT, "options": {"lang": "en", "year": 2021}})
    assert r.status_code == 200
    report = ReportOut.model_validate_json(r.content)
    rules = [f.rule for f in report.files[0].findings]
    assert rules == ["CC111", "CC111"]
    f = report.files[0].findings[1]
    assert DRAFT[f.span.start:f.span.end] == "18起,同比下降11%"
    assert "percentage change does not fit" in f.message


def test_api_check_lists_the_framed_claims_as_the_command_line_does(client):
    from checker import check_text

    text = DRAFT + "\n全市共有民警1200名。"   # a bare number that no builder frames
    r = client.post("/api/check", json={"text": text, "options": {"year": 2021}})
    claims = r.json()["files"][0]["claims"]
    assert claims and not any(c["text"].startswith("1200") for c in claims)
    every = check_text(text, all_quantities=True).claims
    assert any(c.text.startswith("1200") for c in every)


def test_api_check_select_and_ignore(client):
    r = client.post("/api/check", json={"text": DRAFT, "options": {"ignore": "cc111"}})
    assert r.status_code == 200 and r.json()["files"][0]["findings"] == []


def test_form_upload_docx_gives_the_html_report(client):
    r = client.post("/report", files={"file": ("稿件.docx", _docx(DRAFT))}, data={"lang": "zh"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "稿件.docx" in r.text and r.text.count('class="finding sev-error"') == 2
    assert "20.11～20.34" in r.text


def test_form_pasted_text_and_options(client):
    r = client.post("/report", data={"text": DRAFT, "lang": "en", "profile": "mainland", "year": "",
                                     "select": "CC1", "ignore": ""})
    assert r.status_code == 200 and '<html lang="en">' in r.text and "CC111" in r.text


def test_rules_and_openapi(client):
    rules = client.get("/api/rules").json()
    assert any(r["id"] == "CC111" and r["message"]["zh"] for r in rules)
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.") and "/api/check" in spec["paths"]
    assert "ReportOut" in spec["components"]["schemas"] and "FindingOut" in spec["components"]["schemas"]


@pytest.mark.parametrize("kwargs, status, words", [
    # bodies past the limit, declared or streamed without a length
    ({"content": b"x" * (LIMIT + 1), "headers": {"content-type": "application/json"}}, 413, "limit"),
    ({"content": iter([b"{" + b" " * 4096] * 40), "headers": {"content-type": "application/json"}}, 413, "limit"),
    ({"files": {"file": ("big.txt", "数".encode() * LIMIT)}}, 413, "limit"),
    # malformed bodies
    ({"content": b"--xyz\r\nContent-Disposition: form-data\r\n\r\nabc", "headers":
      {"content-type": "multipart/form-data; boundary=xyz"}}, 400, "malformed form"),
    ({"content": b"abc", "headers": {"content-type": "multipart/form-data"}}, 400, "malformed form"),
    ({"content": b'{"text": "\xff\xfe"', "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
    ({"content": b"[" * 100000, "headers": {"content-type": "application/json"}}, 413, "limit"),
    ({"content": b"[" * 20000, "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
    ({"json": ["text"]}, 422, "JSON object"),
    ({"json": {"text": 5}}, 422, '"text" must be a string'),
    ({"json": {"text": "a", "evil": 1}}, 422, "unknown field"),
    ({"json": {"text": "a", "options": {"year": "abc"}}}, 422, "year"),
    ({"json": {"text": "a", "options": {"year": 99999}}}, 422, "year"),
    ({"json": {"text": "a", "options": {"lang": "fr"}}}, 422, "lang"),
    ({"json": {"text": "a", "options": {"select": "NOPE"}}}, 422, "NOPE"),
    ({"json": {"text": "a", "options": {"shell": "rm"}}}, 422, "unknown option"),
    ({"content": '{"text": "\\ud800"}'.encode(), "headers": {"content-type": "application/json"}}, 422, "surrogate"),
    ({"json": {"text": "  \n"}}, 400, "empty"),
    # wrong content
    ({"content": b"hello", "headers": {"content-type": "text/plain"}}, 415, "Content-Type"),
    ({"content": b"hello"}, 415, "Content-Type"),
    ({"files": {"file": ("x.exe", b"MZ\x90\x00")}}, 415, "unsupported file type"),
    ({"files": {"file": ("x.txt", b"\x00\x01\x02\x03" * 100)}}, 422, "binary"),
    ({"files": {"file": ("x.txt", "数字".encode("utf-8")[:-1] + b"\xff\xfe\x00abc")}}, 422, "x.txt"),
    ({"files": {"file": ("x.docx", b"PK\x03\x04 not a zip")}}, 422, "x.docx"),
    ({"files": {"file": ("../../etc/passwd.txt", b"\x00")}}, 422, "passwd.txt"),
    ({"files": {"file": ("a.txt", DRAFT.encode())}, "data": {"text": DRAFT}}, 400, "not both"),
    ({"files": [("file", ("a.txt", b"1")), ("file", ("b.txt", b"2"))]}, 400, "malformed form"),
    ({"data": {"text": DRAFT, "admin": "1"}}, 422, "unknown form field"),
])
def test_hostile_requests_get_clear_4xx(client, kwargs, status, words):
    r = client.post("/api/check", **kwargs)
    assert r.status_code == status, r.text
    body = r.json()
    assert words in body["error"] and "Traceback" not in r.text
    assert "/etc/passwd" not in body["error"]


def test_hostile_form_on_the_page_gets_an_html_message(client):
    r = client.post("/report", content=b"--b\r\n\r\n", headers={"content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 400 and "<h1>无法核查 (400)</h1>" in r.text and 'href="/"' in r.text
    r = client.post("/report", files={"file": ("<img src=x onerror=alert(1)>.txt", b"\x00\x00")})
    assert r.status_code == 422 and "<img" not in r.text and "&lt;img" in r.text


def test_wrong_method_and_path(client):
    assert client.get("/api/check").status_code == 405
    assert client.get("/nope").status_code == 404


def test_worker_processes_serve_concurrent_requests_and_enforce_the_time_limit():
    from concurrent.futures import ThreadPoolExecutor

    text = SEED0.read_text(encoding="utf-8")
    with TestClient(create_app(ServeConfig(workers=2, timeout=120))) as c:
        with ThreadPoolExecutor(6) as ex:
            results = list(ex.map(lambda _: c.post("/api/check", json={"text": text}), range(6)))
        assert [r.status_code for r in results] == [200] * 6
        assert len({json.dumps(r.json()["files"][0]["findings"]) for r in results}) == 1
    with TestClient(create_app(ServeConfig(workers=1, timeout=0.001))) as c:
        r = c.post("/api/check", json={"text": text})
        assert r.status_code == 503 and "longer than" in r.json()["error"]


def test_loopback_by_default():
    from checker.cli import _parser

    args = _parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8080
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")


def _readme_block(title):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(f"## {title}"):]
    section = section[:section.find("\n## ", 3)]
    block = section[section.index("```bash\n") + 8:]
    return [ln.strip() for ln in block[:block.index("```")].splitlines() if ln.strip()]


def _start(argv, port, cwd):
    import socket
    import subprocess
    import sys
    import time

    server = subprocess.Popen([sys.executable, "-m", "checker", *argv, "--port", str(port)], cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            assert server.poll() is None, server.stderr.read().decode()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)


def test_readme_review_in_the_browser_commands_run(tmp_path):
    """Every line of the README's "Review in the browser" block runs as written (servers on a free port)."""
    import shutil
    import socket
    import subprocess
    import sys

    lines = _readme_block("Review in the browser")
    assert [ln.split()[0] for ln in lines] == ["claimcheck", "claimcheck", "claimcheck", "curl", "curl"]
    (tmp_path / "fixtures" / "seeds").mkdir(parents=True)
    shutil.copy(SEED0, tmp_path / "fixtures" / "seeds" / SEED0.name)
    (tmp_path / "draft.docx").write_bytes(_docx(DRAFT))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    report_line = lines[0]
    argv, _, comment = report_line.partition("#")
    p = subprocess.run([sys.executable, "-m", "checker", *argv.split()[1:]], cwd=tmp_path, capture_output=True,
                       timeout=120)
    assert p.returncode == int(comment.split("exit")[1].split(":")[0]), p.stderr.decode()
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for serve_line in lines[1:3]:
        server = _start(serve_line.partition("#")[0].split()[1:], port, tmp_path)
        try:
            if serve_line == lines[1]:
                for curl in lines[3:]:
                    c = subprocess.run(["bash", "-c", curl.replace("127.0.0.1:8080", f"127.0.0.1:{port}")],
                                       cwd=tmp_path, capture_output=True, timeout=120)
                    assert c.returncode == 0, c.stderr.decode()
                    if "/api/check" in curl:
                        found = json.loads(c.stdout)["files"][0]["findings"]
                        assert [f["rule"] for f in found] == ["CC111"]
                html = (tmp_path / "draft-report.html").read_text(encoding="utf-8")
                assert "draft.docx" in html and html.count('class="finding sev-error"') == 2
            else:
                import urllib.request

                with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as r:
                    assert r.status == 200 and b"multipart/form-data" in r.read()
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_serve_on_a_busy_port_exits_2_with_a_message():
    import socket
    import subprocess
    import sys

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        p = subprocess.run([sys.executable, "-m", "checker", "serve", "--port", str(port)], cwd=ROOT,
                           capture_output=True, timeout=60)
    assert p.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in p.stderr.decode()
    assert b"Traceback" not in p.stderr
