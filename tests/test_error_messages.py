"""Messages about unreadable inputs and unwritable outputs: Chinese by default, English with
``--lang en`` or ``CLAIMCHECK_LANG=en``, and every message the code raises has its Chinese wording."""
import ast
import os
import pickle
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from checker.errors import InputError, OutputError, ResourceError, message

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = {m["en"]: m["zh"] for m in
             tomllib.loads((ROOT / "checker" / "error_messages.toml").read_text(encoding="utf-8"))["message"]}


def run(*args, env=None):
    e = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_LANG"} | (env or {})
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, timeout=120, env=e)


def _raised_templates() -> set[str]:
    """Every literal message template passed to InputError/OutputError/ResourceError in checker/."""
    found = set()
    for path in (ROOT / "checker").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("InputError", "OutputError", "ResourceError") and len(node.args) >= 2):
                arg = node.args[1]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
                elif isinstance(arg, ast.JoinedStr):
                    pytest.fail(f"{path.name}:{node.lineno}: an f-string message cannot be translated; "
                                "pass a template and its values")
    return found


def test_every_raised_message_has_chinese_wording():
    templates = _raised_templates()
    assert len(templates) > 25
    missing = sorted(t for t in templates if t not in CATALOGUE)
    assert not missing, missing


def test_catalogue_entries_use_the_same_placeholders():
    import string

    for en, zh in CATALOGUE.items():
        fields = lambda t: {f for _, f, _, _ in string.Formatter().parse(t) if f}  # noqa: E731
        assert fields(en) == fields(zh), en
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), en


def test_message_in_both_languages_and_picklable():
    e = InputError("a.txt", "file is {size} MiB; the limit per document is {mib} MiB", size=80, mib=64)
    assert message(e, "zh") == "a.txt: 文件大小为 80 MiB；每份文档上限为 64 MiB"
    assert message(e, "en") == str(e) == "a.txt: file is 80 MiB; the limit per document is 64 MiB"
    back = pickle.loads(pickle.dumps(e))                # scan's worker processes send errors back
    assert isinstance(back, InputError) and back.reason_in("zh") == e.reason_in("zh")
    assert message(OutputError("o.json", "an unknown reason"), "zh") == "o.json: an unknown reason"
    assert ResourceError("x", "cannot read: {why}", why="{not a field}").reason == "cannot read: {not a field}"


def test_cli_speaks_chinese_by_default_and_english_when_asked(tmp_path):
    f = tmp_path / "bin.txt"
    f.write_bytes(b"\x00\x01\x02binary")
    zh = run("check", str(f))
    assert zh.returncode == 2
    assert f"{f}: 二进制文件（含 NUL 或控制字节），不是文本" in zh.stderr.decode()
    assert "无法检查" in zh.stdout.decode()
    en = run("check", "--lang", "en", str(f))
    assert en.returncode == 2 and "binary file (contains NUL or control bytes)" in en.stderr.decode()
    env = run("check", str(f), env={"CLAIMCHECK_LANG": "en"})
    assert "binary file" in env.stderr.decode() and "1 file, 0 numbers" in env.stdout.decode()
    missing = run("check", "--format", "json", str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and '"error": "文件或目录不存在"' in missing.stdout.decode()
