"""Bad input: each case exits 2 with a message naming the file and the cause, never a traceback,
and memory stays bounded."""
import io
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import SEEDS

SEED = (SEEDS / "000_8c17534d86b76211.txt").read_text(encoding="utf-8")


def run(*args, cwd=None):
    code = ("import resource, sys, runpy; sys.argv=['claimcheck', *sys.argv[1:]];\n"
            "try:\n    runpy.run_module('checker', run_name='__main__')\n"
            "finally:\n    print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)")
    env = {**os.environ, "CLAIMCHECK_LANG": "en"}  # causes are asserted in English
    p = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, timeout=300, cwd=cwd, env=env)
    err = p.stderr.decode()
    rss_kb = int(err.rsplit("MAXRSS", 1)[1].split()[0])
    return p.returncode, err.rsplit("MAXRSS", 1)[0], rss_kb


def _docx_zip(member_size):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document/>" + b" " * member_size)
    return buf.getvalue()


CASES = {
    "binary.txt": (lambda: b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "binary"),
    "truncated.txt": (lambda: SEED.encode("utf-8")[:-1], "truncated"),
    "broken-utf8.txt": (lambda: SEED.encode("utf-8")[:300] + b"\xff" + SEED.encode("utf-8")[300:], "invalid UTF-8"),
    "undecodable.txt": (lambda: b"abc\x80\x80\x80def\xff", "cannot decode"),
    "nested.html": (lambda: b"<div>" * 20_000 + "命案18起".encode() + b"</div>" * 20_000, "nested deeper"),
    "corrupt.docx": (lambda: b"PK\x03\x04 this is not really a zip", "corrupt"),
    "bomb.docx": (lambda: _docx_zip(400 * 1024 * 1024), "zip bomb"),
    "nodocument.docx": (lambda: _zip_without_document(), "no word/document.xml"),
}


def _zip_without_document():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "x")
    return buf.getvalue()


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_exits_2(tmp_path, name):
    make, cause = CASES[name]
    f = tmp_path / name
    f.write_bytes(make())
    code, err, rss = run("check", str(f))
    assert code == 2, err
    assert str(f) in err and cause in err and "Traceback" not in err
    assert rss < 1_500_000  # KiB


@pytest.mark.parametrize("enc", ["gbk", "big5"])
def test_legacy_encodings_read(tmp_path, enc):
    text = SEED
    if enc == "big5":
        import opencc
        text = opencc.OpenCC("s2t").convert(SEED)
    f = tmp_path / f"{enc}.txt"
    f.write_bytes(text.encode(enc, errors="ignore"))
    code, err, _ = run("check", "--format", "concise", str(f))
    assert code == 1 and "Traceback" not in err


def test_empty_file_is_fine(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    code, err, _ = run("check", str(f))
    assert code == 0 and "Traceback" not in err


def test_huge_single_line_bounded_memory(tmp_path):
    """A 50 MB line without a newline (Han text, a claim every ~1.5 KB, long digit runs) runs to the end
    in bounded memory."""
    filler = "平安建设持续推进基层治理体系不断完善群众安全感稳步提升" * 18
    unit = ("全市发案3315起,比2020年下降12.67%," + "1" * 60 + "," + filler + ",").encode()
    data = unit * (50 * 1024 * 1024 // len(unit))
    f = tmp_path / "huge.txt"
    f.write_bytes(data)
    code, err, rss = run("check", "--format", "concise", "--select", "CC111,CC304", str(f))
    assert code == 0, err[-500:]
    assert "Traceback" not in err
    assert rss < 6_000_000  # KiB: a few copies of the text, not a blow-up


def test_bad_config_and_rule_file(tmp_path):
    (tmp_path / "claimcheck.toml").write_text("select = 3\n", encoding="utf-8")
    (tmp_path / "x.txt").write_text(SEED[:200], encoding="utf-8")
    code, err, _ = run("check", "x.txt", cwd=tmp_path)
    assert code == 2 and "claimcheck.toml" in err and "select" in err and "Traceback" not in err
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "XX1.toml").write_text('id = "XX001"\nname = "x"\n', encoding="utf-8")
    code, err, _ = run("check", "--no-config", "--rules", str(pack), str(tmp_path / "x.txt"))
    assert code == 2 and "XX1.toml" in err and "Traceback" not in err
