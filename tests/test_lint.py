"""The editors' lint interface: formats, suppressions, configuration, baselines, HTML and docx."""
import io
import json
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, SEEDS
from docx_drafts import simple_docx

BAD = "全市发生命案18起,同比下降11%。"
DUP = "严格落实落实责任。"


def run(*args, cwd=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, cwd=cwd,
                          input=stdin, timeout=120)


def findings(p):
    return [f for fo in json.loads(p.stdout)["files"] for f in fo["findings"]]


# --- formats ------------------------------------------------------------------------------------

def test_sarif_validates_against_schema_models():
    from pydantic_sarif.model import StaticAnalysisResultsFormatSarifVersion210JsonSchema as Sarif

    p = run("check", "--format", "sarif", str(SEEDS / "000_8c17534d86b76211.txt"))
    log = json.loads(p.stdout)
    Sarif.model_validate(log)  # generated from the official sarif-schema-2.1.0.json
    run0 = log["runs"][0]
    assert run0["columnKind"] == "unicodeCodePoints"
    ids = [r["id"] for r in run0["tool"]["driver"]["rules"]]
    assert "CC101" in ids and run0["tool"]["driver"]["rules"][0]["help"]["text"]
    res = [r for r in run0["results"] if r["ruleId"] == "CC101"][0]
    region = res["locations"][0]["physicalLocation"]["region"]
    text = (SEEDS / "000_8c17534d86b76211.txt").read_text(encoding="utf-8")
    assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
    assert res["relatedLocations"]


def test_github_annotations():
    p = run("check", "--format", "github", "-", stdin=BAD.encode())
    line = p.stdout.decode().strip()
    assert line.startswith("::error file=<stdin>,line=1,col=7,endLine=1,endColumn=18,") and "title=CC111::" in line
    assert "%25" in line  # percent signs escaped as the runner expects


def test_statistics():
    p = run("check", "--format", "concise", "--statistics", "-", stdin=(BAD + DUP).encode())
    out = p.stdout.decode()
    assert "    1  CC111" in out and "    1  CC309" in out


# --- suppressions --------------------------------------------------------------------------------

@pytest.mark.parametrize("name,text,left", [
    ("a.md", "<!-- claimcheck-disable-next-line CC111 -->\n" + BAD + "\n" + DUP, {"CC309"}),
    ("a.md", "<!-- claimcheck-disable -->\n" + BAD + "\n<!-- claimcheck-enable -->\n" + DUP, {"CC309"}),
    ("a.md", "<!-- claimcheck-disable CC309 -->\n" + BAD + DUP, {"CC111"}),
    ("a.html", "<p><!-- claimcheck-disable-next-line -->\n" + BAD + "</p>\n<p>" + DUP + "</p>", {"CC309"}),
    ("a.txt", "claimcheck: disable-next-line=CC111\n" + BAD + "\n" + DUP, {"CC309"}),
    ("a.txt", "claimcheck: disable=CC111,CC309\n" + BAD + "\n" + DUP, set()),
    ("a.txt", "claimcheck: disable=CC309\n" + BAD + "\nclaimcheck: enable\n" + DUP, {"CC111", "CC309"}),
])
def test_suppression_forms(tmp_path, name, text, left):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    got = {x["rule"] for x in findings(run("check", "--format", "json", str(f)))}
    assert got - {"CC900"} == left


def test_unused_suppression_reported(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("<!-- claimcheck-disable-next-line CC101 -->\n全市发生命案18起,同比下降10%。", encoding="utf-8")
    fs = findings(run("check", "--format", "json", str(f)))
    assert [(x["rule"], x["severity"]) for x in fs] == [("CC900", "info")]
    assert fs[0]["span"]["line"] == 1


# --- configuration -------------------------------------------------------------------------------

def test_config_discovery_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nignore = ["CC111"]\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_text(BAD + DUP, encoding="utf-8")
    assert {x["rule"] for x in findings(run("check", "--format", "json", str(sub / "x.txt")))} == {"CC309"}
    # a nearer claimcheck.toml wins
    (tmp_path / "a" / "claimcheck.toml").write_text('select = ["CC111"]\n', encoding="utf-8")
    assert {x["rule"] for x in findings(run("check", "--format", "json", str(sub / "x.txt")))} == {"CC111"}
    # the command line wins over both
    got = findings(run("check", "--format", "json", "--select", "CC309", str(sub / "x.txt")))
    assert {x["rule"] for x in got} == {"CC309"}


def test_config_severity_per_file_ignores_and_fail_on(tmp_path):
    (tmp_path / "claimcheck.toml").write_text(
        'fail-on = "warning"\n[severity]\nCC309 = "error"\n[per-file-ignores]\n"legacy/*" = ["CC111"]\n',
        encoding="utf-8")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(DUP, encoding="utf-8")
    p = run("check", "--format", "json", "legacy/old.txt", "new.txt", cwd=tmp_path)
    fs = findings(p)
    assert [(x["rule"], x["severity"]) for x in fs] == [("CC309", "error")]


@pytest.mark.parametrize("body,key", [
    ('selct = ["CC101"]\n', "selct"),
    ('year = "twenty"\n', "year"),
    ('[severity]\nCC101 = "fatal"\n', "severity.CC101"),
    ('profile = "hk"\n', "profile"),
    ('select = [\n', "not valid TOML"),
])
def test_invalid_config(tmp_path, body, key):
    (tmp_path / "claimcheck.toml").write_text(body, encoding="utf-8")
    (tmp_path / "x.txt").write_text(BAD, encoding="utf-8")
    p = run("check", "x.txt", cwd=tmp_path)
    err = p.stderr.decode()
    assert p.returncode == 2 and "claimcheck.toml" in err and key in err and "Traceback" not in err


def test_include_exclude(tmp_path):
    (tmp_path / "keep.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "skip.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(BAD, encoding="utf-8")
    p = run("check", "--format", "json", "--include", "*.txt", "--exclude", "skip*", str(tmp_path))
    assert [f["path"].rsplit("/", 1)[-1] for f in json.loads(p.stdout)["files"]] == ["draft.txt"]


# --- baseline -----------------------------------------------------------------------------------

def test_baseline_survives_edits_above(tmp_path):
    doc = tmp_path / "story.txt"
    doc.write_text("标题\n\n" + BAD + "\n" + DUP + "\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(base), str(doc), cwd=tmp_path).returncode == 0
    assert json.loads(base.read_text())["version"] == 1
    # insert a paragraph above the findings: they stay known
    doc.write_text("标题\n\n新增的一段导语,介绍背景。\n\n" + BAD + "\n" + DUP + "\n", encoding="utf-8")
    p = run("check", "--format", "json", "--baseline", str(base), str(doc), cwd=tmp_path)
    assert p.returncode == 0 and findings(p) == []
    # a new mistake is still reported
    doc.write_text("标题\n\n" + BAD + "\n" + DUP + "\n全市发生命案40起,同比增长26%。\n", encoding="utf-8")
    p = run("check", "--format", "json", "--baseline", str(base), str(doc), cwd=tmp_path)
    assert p.returncode == 1 and [f["rule"] for f in findings(p)] == ["CC111"]


def test_bad_baseline(tmp_path):
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    p = run("check", "--baseline", str(tmp_path / "b.json"), "-", stdin=BAD.encode())
    assert p.returncode == 2 and b"baseline" in p.stderr and b"Traceback" not in p.stderr


# --- HTML and docx ------------------------------------------------------------------------------

def test_html_offsets_point_into_raw_file(tmp_path):
    raw = ("<html><head><style>p{}</style><script>var s='同比下降11%';</script></head><body>\n"
           "<h1>平安&amp;建设</h1>\n<p>全市发生命案<b>18起</b>,同比下降11%。</p>\n<p>严格落实落实责任。</p></body></html>")
    f = tmp_path / "a.html"
    f.write_text(raw, encoding="utf-8")
    fs = findings(run("check", "--format", "json", str(f)))
    by = {x["rule"]: x for x in fs}
    assert set(by) == {"CC111", "CC309"}
    dup = by["CC309"]["span"]
    assert raw[dup["start"]:dup["end"]] == "落实落实"
    line = raw.split("\n")[dup["line"] - 1]
    assert line[dup["column"] - 1:].startswith("落实落实")
    pct = by["CC111"]["span"]
    assert raw[pct["start"]:pct["end"]].endswith("同比下降11%")


def test_docx(tmp_path):
    f = tmp_path / "a.docx"
    f.write_bytes(simple_docx(["标题", BAD, DUP]))
    fs = findings(run("check", "--format", "json", str(f)))
    assert {(x["rule"], x["span"]["line"]) for x in fs} == {("CC111", 2), ("CC309", 3)}


def test_corrupt_docx_and_zip_bomb(tmp_path):
    bad = tmp_path / "corrupt.docx"
    bad.write_bytes(simple_docx([BAD])[:500])
    p = run("check", str(bad))
    assert p.returncode == 2 and "压缩包已损坏" in p.stderr.decode() and b"Traceback" not in p.stderr
    bomb = tmp_path / "bomb.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>" + b" " * (300 * 1024 * 1024))
    bomb.write_bytes(buf.getvalue())
    p = run("check", "--lang", "en", str(bomb))
    assert p.returncode == 2 and b"zip bomb" in p.stderr


# --- the README's CI and pre-commit examples -----------------------------------------------------

def _readme_section(title):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 3)
    return text[start:end if end != -1 else len(text)]


def test_readme_ci_examples(tmp_path):
    """Every `claimcheck` line of the README's CI section runs, with the exit status its comment states."""
    section = _readme_section("Use in CI and pre-commit")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "story.md").write_text("# 稿件\n\n" + BAD + "\n", encoding="utf-8")
    cmds = [ln.strip() for ln in section.splitlines() if ln.strip().startswith("claimcheck ")]
    assert len(cmds) >= 4
    for cmd in cmds:
        line, _, comment = cmd.partition("#")
        want = int(comment.split("exit")[1].split()[0].rstrip(":")) if "exit" in comment else None
        argv = line.split()[1:]
        target = None
        if ">" in argv:
            target = argv[argv.index(">") + 1]
            argv = argv[:argv.index(">")]
        p = run(*argv, cwd=tmp_path)
        if target:
            (tmp_path / target).write_bytes(p.stdout)
            assert json.loads(p.stdout)["version"] == "2.1.0"
        if want is not None:
            assert p.returncode == want, (cmd, p.stderr.decode())
        else:
            assert p.returncode in (0, 1), (cmd, p.stderr.decode())
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: claimcheck" in hooks and "id: claimcheck" in section
