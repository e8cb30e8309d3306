"""The command line: formats, exit codes, bad input never shows a traceback."""
import json
import subprocess
import sys

import pytest

from conftest import SEEDS

SEED0 = str(SEEDS / "000_8c17534d86b76211.txt")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True,
                          input=stdin, timeout=120)


def test_json_contract():
    p = run("check", "--format", "json", SEED0)
    assert p.returncode == 1  # the seed has an error-level finding
    doc = json.loads(p.stdout)
    assert doc["version"] == 1 and doc["tool"]["name"] == "claimcheck"
    f = doc["files"][0]
    assert f["error"] is None and f["language"] == "zh-Hans"
    assert {"rule", "category", "severity", "message", "span", "related", "claims", "evidence"} <= set(f["findings"][0])
    assert doc["summary"]["files"] == 1 and doc["summary"]["errors"] >= 1
    from checker.report.models import ReportOut
    ReportOut.model_validate_json(p.stdout)


def test_stdin_and_exit_zero():
    p = run("check", "--format", "concise", "-", stdin="全市发生命案18起,同比下降11%。".encode())
    assert p.returncode == 1
    assert b"<stdin>:1:" in p.stdout and b"CC111" in p.stdout
    assert run("check", "--exit-zero", "-", stdin="全市发生命案18起,同比下降11%。".encode()).returncode == 0
    assert run("check", "-", stdin="全市发生命案18起,同比下降10%。".encode()).returncode == 0


def test_fail_on_warning():
    text = "严格落实落实责任,层层落实。".encode()
    assert run("check", "-", stdin=text).returncode == 0
    assert run("check", "--fail-on", "warning", "-", stdin=text).returncode == 1


def test_english_messages():
    p = run("check", "--lang", "en", "--format", "concise", "-", stdin="全市发生命案18起,同比下降11%。".encode())
    assert b"percentage change" in p.stdout


def test_full_format_shows_caret_and_claims():
    p = run("check", SEED0)
    out = p.stdout.decode()
    assert "^" in out and "CC101" in out
    assert "推算2020年的数为 3796，与 12.67% 相符" in out


@pytest.mark.parametrize("content,needle", [
    (b"\x00\x01\x02binary", "binary"),
    (b"abc\x80\x80\x80def\xff", "cannot decode"),
    (b"\xff\xfe\x00\xd8", "byte-order mark"),
])
def test_bad_input(tmp_path, content, needle):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    p = run("check", "--lang", "en", "--format", "json", str(f))
    assert p.returncode == 2
    err = p.stderr.decode()
    assert "Traceback" not in err and str(f) in err and needle in err
    doc = json.loads(p.stdout)
    assert doc["files"][0]["error"] and doc["files"][0]["findings"] == []


def test_missing_file():
    p = run("check", "--lang", "en", "/nonexistent/x.txt")
    assert p.returncode == 2 and b"no such file" in p.stderr and b"Traceback" not in p.stderr


@pytest.mark.parametrize("enc", ["gbk", "gb18030", "big5", "utf-8-sig"])
def test_encodings(tmp_path, enc):
    text = (SEEDS / "000_8c17534d86b76211.txt").read_text(encoding="utf-8")
    if enc == "big5":
        import opencc
        text = opencc.OpenCC("s2t").convert(text)
    f = tmp_path / f"seed-{enc}.txt"
    f.write_bytes(text.encode(enc, errors="ignore"))
    p = run("check", "--format", "json", str(f))
    assert p.returncode in (0, 1), p.stderr
    doc = json.loads(p.stdout)
    assert any(x["rule"] == "CC101" for x in doc["files"][0]["findings"])


def test_directory_recursion(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("全市发生命案18起,同比下降11%。", encoding="utf-8")
    (tmp_path / "b.md").write_text("# 标题\n\n全市发生命案18起,同比下降10%。", encoding="utf-8")
    (tmp_path / "ignore.bin").write_bytes(b"\x00")
    p = run("check", "--format", "json", str(tmp_path))
    doc = json.loads(p.stdout)
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in doc["files"]) == ["b.md", "x.txt"]


def test_rules_and_explain():
    p = run("rules")
    assert p.returncode == 0 and p.stdout.decode().count("\n") >= 20
    p = run("explain", "CC101")
    assert p.returncode == 0 and "连续3年" in p.stdout.decode()
    assert run("explain", "CC999").returncode == 2


def test_console_script_exits_with_mains_status_and_leaves_the_heap_to_the_os(monkeypatch):
    """``checker.cli.run`` (the console script) exits with ``main()``'s status, after moving what is alive
    out of the last garbage collection's reach (``gc.freeze``)."""
    import gc

    from checker import cli

    calls = []
    monkeypatch.setattr(cli, "main", lambda: calls.append("main") or 3)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    with pytest.raises(SystemExit) as e:
        cli.run()
    assert e.value.code == 3 and calls == ["main", "freeze"]
