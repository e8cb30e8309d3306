"""One error path: every user-facing failure is one message naming the input and the cause with exit
status 2; internal errors exit 3 (4 for exhausted memory) with "please report" and the version;
never a traceback unless --debug asks for it; outputs are checked before any work starts."""
import json
import os
import subprocess

import pytest

from checker import __version__
from harness import ROOT, cli

SEED = ROOT / "fixtures" / "seeds" / "000_8c17534d86b76211.txt"


@pytest.fixture()
def doc(tmp_path):
    p = tmp_path / "doc.txt"
    p.write_bytes(SEED.read_bytes())
    return p


@pytest.mark.parametrize("target, cause", [
    ("missing/dir/out.json", "directory does not exist"),
    (".", "is a directory"),
    ("/proc/claimcheck-out.json", "cannot write"),
    ("/dev/full", "not a regular file"),
])
def test_unwritable_outputs_refused_before_work(tmp_path, doc, target, cause):
    target = target if target.startswith("/") else str(tmp_path / target)
    for args in (["check", doc, "--write-baseline", target], ["report", doc, "--output", target],
                 ["scan", tmp_path, "-o", target]):
        r = cli(*args)
        r.assert_clean(2, target, cause)
        assert "claimcheck: " in r.err and r.out == ""


def test_read_only_output_file(tmp_path, doc):
    if os.geteuid() == 0:
        import shutil
        if not shutil.which("chattr"):
            pytest.skip("root ignores file modes and chattr is missing")
        out = tmp_path / "immutable.json"
        out.write_text("{}")
        if subprocess.run(["chattr", "+i", str(out)], capture_output=True).returncode != 0:
            pytest.skip("cannot make an immutable file here (root ignores file modes)")
        try:
            cli("report", doc, "--output", out).assert_clean(2, str(out), "cannot write")
        finally:
            subprocess.run(["chattr", "-i", str(out)])
        return
    out = tmp_path / "ro.json"
    out.write_text("{}")
    out.chmod(0o444)
    cli("report", doc, "--output", out).assert_clean(2, str(out), "cannot write")


@pytest.mark.parametrize("cmd", [["report", "{doc}", "--output", "{doc}"],
                                 ["scan", "{arch}", "-o", "{arch}"],
                                 ["check", "{doc}", "--write-baseline", "{doc}"]])
def test_output_may_not_be_an_input(tmp_path, doc, cmd):
    arch = tmp_path / "same.jsonl"
    arch.write_text(json.dumps({"id": "1", "text": "全市发案12起"}, ensure_ascii=False) + "\n")
    before = (doc.read_bytes(), arch.read_bytes())
    r = cli(*[a.format(doc=doc, arch=arch) for a in cmd], timeout=30)
    r.assert_clean(2, "also an input")
    assert (doc.read_bytes(), arch.read_bytes()) == before


def test_output_inside_a_checked_directory_refused(tmp_path, doc):
    cli("report", tmp_path, "--output", tmp_path / "report.txt").assert_clean(2, "also an input")


def test_report_output_written_atomically(tmp_path, doc):
    out = tmp_path / "report.txt"
    out.write_text("old")
    r = cli("report", doc, "--output", out)
    assert r.status == 1 and "Traceback" not in r.err
    assert "CC101" in out.read_text(encoding="utf-8")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".claimcheck-")]


def test_full_and_closed_stdout(doc):
    with open("/dev/full", "wb") as full:
        cli("check", "--format", "json", doc, stdout=full).assert_clean(2, "<standard output>",
                                                                          "No space left")
    r = cli("check", doc, stdout=subprocess.DEVNULL)
    assert r.status == 1
    # closed standard output: the child inherits no fd 1
    code = ("import os, subprocess, sys; os.close(1); "
            "r = subprocess.run([sys.executable, '-m', 'checker', 'check', sys.argv[1]], stderr=subprocess.PIPE); "
            "sys.stderr.write(f'STATUS {r.returncode} ' + r.stderr.decode())")
    p = subprocess.run(["python3", "-c", code, str(doc)], capture_output=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    err = p.stderr.decode()
    assert "STATUS 2 " in err and "标准输出已关闭" in err and "Traceback" not in err


def test_closed_stdin():
    code = ("import os, subprocess, sys; os.close(0); "
            "r = subprocess.run([sys.executable, '-m', 'checker', 'check', '-'], capture_output=True); "
            "sys.stderr.write(f'STATUS {r.returncode} ' + r.stderr.decode())")
    p = subprocess.run(["python3", "-c", code], capture_output=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    err = p.stderr.decode()
    assert "STATUS 2 " in err and "标准输入已关闭" in err and "Traceback" not in err


def test_non_utf8_and_newline_file_names(tmp_path):
    raw = os.fsencode(str(tmp_path)) + b"/\xff\xfe-\xb7\xa2.txt"
    with open(raw, "wb") as fh:
        fh.write(SEED.read_bytes())
    nl = tmp_path / "x\n::error file=evil::injected.txt"
    nl.write_bytes(SEED.read_bytes())
    for fmt in ("json", "sarif"):
        r = cli("check", "--format", fmt, tmp_path)
        assert r.status == 1 and "Traceback" not in r.err, r.err
        data = json.loads(r.out)
        text = json.dumps(data, ensure_ascii=False)
        assert "\\\\xff\\\\xfe" in text and "\\\\n::error" in text
    for fmt in ("full", "concise", "github", "report"):
        r = cli("check", "--format", fmt, tmp_path)
        assert r.status == 1 and "Traceback" not in r.err, (fmt, r.err)
        assert not [ln for ln in r.out.splitlines() if ln.startswith("::error file=evil")], fmt
    base = tmp_path / "base.json"
    r = cli("check", tmp_path, "--write-baseline", base)
    assert r.status == 0 and "Traceback" not in r.err, r.err
    assert cli("check", tmp_path, "--baseline", base).status == 0
    out = tmp_path / "scan.jsonl"
    r = cli("scan", tmp_path, "-o", out)
    assert r.status == 0 and "Traceback" not in r.err, r.err
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert any("\\xff\\xfe" in i for i in ids)


def test_bad_year_and_jobs(doc):
    cli("check", "--year", "-1", doc).assert_clean(2, "--year")
    cli("check", "--year", "20211", doc).assert_clean(2, "--year")
    cli("scan", doc, "-j", "0").assert_clean(2, "--jobs")


@pytest.mark.parametrize("content, needles", [
    ('select = ["CC1"]\n'.encode("utf-16"), ["claimcheck.toml"]),
    ('select = ["发案"]\n'.encode("gbk"), ["claimcheck.toml", "UTF-8"]),
    (b"\x00\x01\x02\x03binary", ["claimcheck.toml"]),
    (b'ignore = [""]\n', ["claimcheck.toml", "ignore", "empty rule code"]),
    (b"year = -1\n", ["claimcheck.toml", "year"]),
    (b"[" * 100_000, ["claimcheck.toml"]),
], ids=["utf16", "gbk", "binary", "empty-code", "year", "deep"])
def test_bad_claimcheck_toml(tmp_path, doc, content, needles):
    (tmp_path / "claimcheck.toml").write_bytes(content)
    cli("check", doc.name, cwd=tmp_path).assert_clean(2, *needles)


@pytest.mark.parametrize("content", [b"tool = 5\n", b"[tool]\nclaimcheck = 5\n"])
def test_odd_pyproject(tmp_path, doc, content):
    (tmp_path / "pyproject.toml").write_bytes(content)
    r = cli("check", doc.name, cwd=tmp_path)
    if b"claimcheck" in content:
        r.assert_clean(2, "pyproject.toml", "tool.claimcheck")
    else:
        assert r.status == 1 and "Traceback" not in r.err  # another tool's table: not ours to judge


@pytest.mark.parametrize("content, needles", [
    (b'{"version": 1, "files": {"a": 5}}', ["files.a", "list of fingerprint"]),
    (b'{"version": 1, "files": {"a": [1, 2]}}', ["files.a"]),
    (b"[" * 200_000, ["not a valid baseline"]),
    (b"\xff\xfe garbage", ["not a valid baseline"]),
    (b"[]", ["not a claimcheck baseline"]),
], ids=["int-value", "int-list", "deep", "binary", "list"])
def test_malformed_baseline(tmp_path, doc, content, needles):
    base = tmp_path / "base.json"
    base.write_bytes(content)
    cli("check", doc, "--baseline", base).assert_clean(2, str(base), *needles)


def test_same_rule_pack_twice_is_not_a_duplicate(tmp_path, doc):
    pack = tmp_path / "pack"
    pack.mkdir()
    rule = (ROOT / "rules" / "expression" / "CC309-duplicated-word.toml").read_text(encoding="utf-8")
    (pack / "XX309.toml").write_text(rule.replace('id = "CC309"', 'id = "XX309"'), encoding="utf-8")
    r = cli("check", "--no-config", "--rules", pack, "--rules", f"{pack}/", doc)
    assert r.status == 1 and "already defined" not in r.err and "Traceback" not in r.err


def test_bad_rule_file_encodings(tmp_path, doc):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "XX1.toml").write_bytes('id = "XX001"\nname = "重复"\n'.encode("gbk"))
    cli("check", "--no-config", "--rules", pack, doc).assert_clean(2, "XX1.toml", "UTF-8")
    (pack / "XX1.toml").write_bytes(b"\x00\xff\x00binary")
    cli("check", "--no-config", "--rules", pack, doc).assert_clean(2, "XX1.toml")


def _with_broken_analyse(raise_: str, *args: str) -> subprocess.CompletedProcess:
    """Run the CLI with ``checker.pipeline.analyse`` replaced by one that executes ``raise_``."""
    code = ("import sys, checker.pipeline as p\n"
            f"def boom(*a, **k): {raise_}\n"
            "p.analyse = boom\n"
            "from checker.cli import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(["python3", "-c", code, *args], capture_output=True, timeout=60, env=env)


def test_internal_error_is_reported_not_crashed(doc):
    p = _with_broken_analyse("raise TypeError('synthetic bug')", "check", str(doc))
    err = p.stderr.decode()
    assert p.returncode == 3 and "please report" in err and __version__ in err and "Traceback" not in err
    assert str(doc) in err and "synthetic bug" in err
    p = _with_broken_analyse("raise TypeError('synthetic bug')", "check", "--debug", str(doc))
    assert p.returncode == 3 and "Traceback" in p.stderr.decode()


def test_document_too_big_for_the_memory_cap_exits_4(tmp_path):
    """Under an address-space cap a native extension may abort instead of raising MemoryError, so a
    document that cannot fit is refused before analysis: exit 4 and a message naming it."""
    big = tmp_path / "big.txt"
    big.write_bytes(("全市发案3315起,比2020年下降12.67%。" * 1000 + "\n").encode() * 40)
    small = tmp_path / "small.txt"
    small.write_bytes(SEED.read_bytes())
    for _ in range(3):  # deterministic, not a race with the allocator
        r = cli("check", small, big, cap=400 << 20, timeout=120)
        r.assert_clean(4, str(big), "not enough memory", "ulimit -v")
        assert str(small) not in r.err   # the other file was checked
    out = tmp_path / "a.jsonl"
    out.write_text(json.dumps({"id": "big", "text": big.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    r = cli("scan", out, cap=400 << 20, timeout=120)
    r.assert_clean(2, "not enough memory")


def test_memory_error_exits_4(doc):
    p = _with_broken_analyse("raise MemoryError()", "check", str(doc))
    err = p.stderr.decode()
    assert p.returncode == 4 and "out of memory" in err and "please report" in err and __version__ in err
    assert "Traceback" not in err and str(doc) in err
