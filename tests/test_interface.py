"""The command line as a ruff or Vale user expects it: selectors, options, fixes, baselines.
Every case runs the real program (``python -m checker``) in a subprocess."""
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

BAD = "全市发生命案18起,同比下降11%。"
DRAFT = ("# 稿件\n\n现场约3000人左右。\r\n会议要求严格落实落实“谁办案谁负责”。\n"
         "参与群众13.5万多人，其余内容不变：1,234 与 ＡＢＣ。\n")


def run(*args, cwd=None, stdin=None, env=None):
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    for k in ("NO_COLOR", "FORCE_COLOR"):
        if env is None or k not in env:
            full_env.pop(k, None)
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, cwd=cwd,
                          input=stdin, timeout=120, env=full_env)


def _draft(tmp_path, text=DRAFT, name="draft.md"):
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


# --- selectors ----------------------------------------------------------------------------------

@pytest.mark.parametrize("option", ["--select", "--ignore"])
@pytest.mark.parametrize("selector", ["NOPE", "CC9999", "streaks"])
def test_unknown_selector_exits_2_naming_it(tmp_path, option, selector):
    p = run("check", option, f"CC1,{selector}", str(_draft(tmp_path)))
    assert p.returncode == 2
    err = p.stderr.decode()
    assert option in err and repr(selector) in err and "Traceback" not in err


@pytest.mark.parametrize("selector", ["cc111", "CC1", "change", "change-no-prior", "Change"])
def test_known_selectors_case_insensitive(tmp_path, selector):
    p = run("check", "--format", "json", "--select", selector, "-", stdin=BAD.encode())
    rules = {f["rule"] for fo in json.loads(p.stdout)["files"] for f in fo["findings"]}
    assert rules == {"CC111"}, (selector, rules)


def test_unknown_selector_in_config_names_file_and_key(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('select = ["CC1", "CC9999"]\n', encoding="utf-8")
    _draft(tmp_path)
    p = run("check", "draft.md", cwd=tmp_path)
    assert p.returncode == 2
    err = p.stderr.decode()
    assert "claimcheck.toml" in err and "'select'" in err and "'CC9999'" in err
    (tmp_path / "claimcheck.toml").write_text('[severity]\nCC9999 = "error"\n', encoding="utf-8")
    p = run("check", "draft.md", cwd=tmp_path)
    assert p.returncode == 2 and "'CC9999'" in p.stderr.decode()


def test_scan_and_report_validate_selectors_too(tmp_path):
    d = _draft(tmp_path)
    assert run("report", "--select", "NOPE", str(d)).returncode == 2
    arch = tmp_path / "a.jsonl"
    arch.write_text(json.dumps({"id": 1, "text": BAD}, ensure_ascii=False) + "\n", encoding="utf-8")
    p = run("scan", str(arch), "--ignore", "nope")
    assert p.returncode == 2 and "'nope'" in p.stderr.decode()


# --- options ------------------------------------------------------------------------------------

def test_year_validated():
    for bad in ("-1", "abc", "99999"):
        p = run("check", "--year", bad, "-", stdin=BAD.encode())
        assert p.returncode == 2 and b"--year" in p.stderr


def test_config_file_option(tmp_path):
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text('ignore = ["CC111"]\n', encoding="utf-8")
    p = run("check", "--format", "json", "--config", str(cfg), "-", stdin=BAD.encode())
    assert p.returncode == 0 and not json.loads(p.stdout)["files"][0]["findings"]
    p = run("check", "--config", str(tmp_path / "missing.toml"), "-", stdin=BAD.encode())
    assert p.returncode == 2 and b"missing.toml" in p.stderr


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "sarif", "github", "report"])
def test_output_file_for_every_format(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    p = run("check", "--format", fmt, "-o", str(out), "-", stdin=BAD.encode())
    assert p.returncode == 1 and p.stdout == b""
    assert "CC111" in out.read_text(encoding="utf-8")


def test_stdin_filename_names_the_input_and_sets_the_format():
    html = "<html><body><p>" + BAD + "</p></body></html>"
    p = run("check", "--format", "json", "--stdin-filename", "news/story.html", "-", stdin=html.encode())
    fo = json.loads(p.stdout)["files"][0]
    assert fo["path"] == "news/story.html"
    [f] = fo["findings"]
    assert html[f["span"]["start"]:f["span"]["end"]] in BAD


def test_quiet_prints_findings_only():
    loud = run("check", "--lang", "en", "-", stdin=BAD.encode()).stdout.decode()
    quiet = run("check", "-q", "--lang", "en", "-", stdin=BAD.encode()).stdout.decode()
    assert "1 file," in loud and "CC111" in quiet and "file" not in quiet.split("CC111")[-1].split("\n", 3)[-1]
    assert "decided claims" in loud and "decided claims" not in quiet


def test_color_choice_and_environment():
    esc = b"\x1b["
    assert esc not in run("check", "-", stdin=BAD.encode()).stdout            # not a terminal
    assert esc in run("check", "--color", "always", "-", stdin=BAD.encode()).stdout
    assert esc in run("check", "-", stdin=BAD.encode(), env={"FORCE_COLOR": "1"}).stdout
    assert esc not in run("check", "--color", "never", "-", stdin=BAD.encode(), env={"FORCE_COLOR": "1"}).stdout


def test_rules_json_and_show_settings(tmp_path):
    rules = json.loads(run("rules", "--format", "json").stdout)
    by_code = {r["code"]: r for r in rules}
    assert by_code["CC309"]["fix"] == "safe" and by_code["CC312"]["fix"] == "unsafe"
    assert by_code["CC101"]["fix"] is None and by_code["CC101"]["url"].endswith("CC101-streak-length-conflict.toml")
    (tmp_path / "claimcheck.toml").write_text('ignore = ["CC3"]\nfail-on = "warning"\n', encoding="utf-8")
    _draft(tmp_path)
    s = json.loads(run("check", "--show-settings", "--select", "CC1", "draft.md", cwd=tmp_path).stdout)
    assert s["select"] == ["CC1"] and s["ignore"] == ["CC3"] and s["fail_on"] == "warning"
    assert s["config"].endswith("claimcheck.toml")


def test_every_option_has_help():
    from checker.cli import _parser

    parser = _parser()
    subs = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"][0]
    for name, sub in subs.choices.items():
        for action in sub._actions:
            assert action.help, (name, action.option_strings or action.dest)


def test_empty_directory_warns_and_counts_read_well(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    p = run("check", str(tmp_path / "empty"))
    assert p.returncode == 0 and b"holds no checkable file" in p.stderr
    assert b"1 file, 2 numbers, 1 claim, 1 finding (1 error," in run("check", "--lang", "en", "-", stdin=BAD.encode()).stdout
    two = run("check", "--lang", "en", str(_draft(tmp_path, BAD, "a.txt")), str(_draft(tmp_path, BAD, "b.txt")))
    assert b"2 files, 4 numbers, 2 claims, 2 findings (2 errors," in two.stdout


# --- fixes --------------------------------------------------------------------------------------

def test_fix_rewrites_only_the_flagged_characters(tmp_path):
    d = _draft(tmp_path)
    before = d.read_bytes()
    p = run("check", "--fix", str(d))
    after = d.read_bytes()
    want = before.replace("约3000人左右".encode(), "约3000人".encode()).replace(
        "落实落实".encode(), "落实".encode())
    assert after == want, after.decode()   # CRLF, full-width letters, everything else: byte-identical
    assert "13.5万多".encode() in after       # unsafe: left alone without --unsafe-fixes
    assert p.returncode in (0, 1)
    run("check", "--fix", "--unsafe-fixes", str(d))
    assert "13.5万人".encode() in d.read_bytes()


def test_diff_shows_and_changes_nothing(tmp_path):
    d = _draft(tmp_path)
    before = d.read_bytes()
    p = run("check", "--diff", str(d))
    assert d.read_bytes() == before and p.returncode == 1
    out = p.stdout.decode()
    assert out.startswith(f"--- {d}\n+++ {d}\n@@") and "-现场约3000人左右。" in out and "+现场约3000人。" in out
    clean = _draft(tmp_path, "现场约3000人。\n", "clean.txt")
    assert run("check", "--diff", str(clean)).returncode == 0


def test_fix_of_other_encodings_keeps_bytes(tmp_path):
    gbk = tmp_path / "gbk.txt"
    text = "据统计,本次活动现场约3000人左右,各部门要严格落实落实“谁办案谁负责”的要求。\n" * 3
    gbk.write_bytes(text.encode("gb18030"))
    run("check", "--fix", str(gbk))
    assert gbk.read_bytes() == text.replace("约3000人左右", "约3000人").replace("落实落实", "落实").encode("gb18030")


def test_fix_refuses_docx_and_fixes_stdin_to_stdout(tmp_path):
    import docx

    path = tmp_path / "d.docx"
    document = docx.Document()
    document.add_paragraph("现场约3000人左右。")
    document.save(path)
    before = path.read_bytes()
    p = run("check", "--fix", str(path))
    assert p.returncode == 2 and b".docx" in p.stderr and path.read_bytes() == before
    p = run("check", "--fix", "-", stdin="现场约3000人左右。\n".encode())
    assert p.stdout.decode() == "现场约3000人。\n"


def test_fix_never_touches_normalised_text(tmp_path):
    """A span whose original differs from what the rule read (traditional script, full-width digits)
    has no exact fix: nothing is rewritten."""
    p = run("check", "--format", "json", "-", stdin="現場約３０００人左右。".encode())
    [f] = [f for f in json.loads(p.stdout)["files"][0]["findings"] if f["rule"] == "CC302"]
    assert f["fix"] is None


# --- suppressions -------------------------------------------------------------------------------

def test_suppression_same_line_selectors_and_unknown_codes():
    text = (BAD + " claimcheck: disable-line=CC111\n"
            "第二行 claimcheck: disable-next-line=CC999\n"
            + BAD + " claimcheck: disable-line=change\n")
    p = run("check", "--format", "json", "-", stdin=text.encode())
    [f] = json.loads(p.stdout)["files"][0]["findings"]
    assert f["rule"] == "CC900" and "CC999" in f["message"] and "未知" in f["message"]
    assert f["span"]["line"] == 2


# --- baselines ----------------------------------------------------------------------------------

def test_baseline_matches_from_any_directory_and_reports_hidden(tmp_path):
    bl = tmp_path / "bl"
    bl.mkdir()
    _draft(bl, BAD + "\n", "d2.md")
    assert run("check", "--write-baseline", "base.json", "d2.md", cwd=bl).returncode == 0
    for cwd, args in ((tmp_path, ("--baseline", "bl/base.json", "bl/d2.md")),
                      (bl, ("--baseline", "base.json", "d2.md")),
                      (ROOT, ("--baseline", str(bl / "base.json"), str(bl / "d2.md")))):
        p = run("check", "--lang", "en", *args, cwd=cwd)
        assert p.returncode == 0, (cwd, p.stdout.decode())
        assert b"0 findings" in p.stdout and b"1 hidden by baseline" in p.stdout
    p = run("check", "--format", "concise", "--baseline", "bl/base.json", "bl/d2.md", cwd=tmp_path)
    assert p.stdout == b"" and "1 个发现被基线隐藏" in p.stderr.decode()
    # a baseline written from the parent directory matches from inside it as well
    assert run("check", "--write-baseline", "bl/top.json", "bl/d2.md", cwd=tmp_path).returncode == 0
    assert run("check", "--baseline", "top.json", "d2.md", cwd=bl).returncode == 0


def test_counts_agree_between_check_report_and_json(tmp_path):
    import re

    seed = str(ROOT / "fixtures" / "seeds" / "000_8c17534d86b76211.txt")
    full = run("check", seed).stdout.decode()
    report = run("report", "--width", "120", seed).stdout.decode()
    numbers, claims = re.search(r"(\d+) 个数字，(\d+) 条主张", full).groups()
    assert re.search(rf"{numbers} 个数字，{claims} 条主张", report), report
    entries = json.loads(run("check", "--format", "json", seed).stdout)["files"][0]["claims"]
    assert int(claims) == sum(c["kind"] != "quantity" for c in entries)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{numbers} 个数字，{claims} 条主张" in readme


def test_claim_hidden_by_baseline_is_not_shown_as_inconsistent(tmp_path):
    d = _draft(tmp_path, BAD + "\n", "d.txt")
    run("check", "--write-baseline", "b.json", "d.txt", cwd=tmp_path)
    out = run("check", "--baseline", "b.json", "d.txt", cwd=tmp_path).stdout.decode()
    [line] = [ln for ln in out.splitlines() if "「" in ln]
    assert line.split()[1] == "·" and "基线" in line
    rep = run("report", "--width", "120", str(d)).stdout.decode()
    assert "✗ inconsistent 1" in rep or "✗ 不一致 1" in rep


# --- the library --------------------------------------------------------------------------------

def test_check_text_is_typed_and_uses_original_offsets():
    from checker import CheckOptions, DocumentResult, check_text
    from checker.report.models import FileOut

    text = "前言\n甘肅省今年破獲案件8859起，全市發生命案18起，同比下降11%。"
    result = check_text(text, options=CheckOptions(lang="zh", profile="mainland"))
    assert isinstance(result, DocumentResult) and DocumentResult is FileOut
    [f] = [f for f in result.findings if f.rule == "CC111"]
    assert text[f.span.start:f.span.end].startswith("18起") and f.span.line == 2
    assert f.span.column == f.span.start - text.index("\n")
    with pytest.raises(TypeError, match="CheckOptions"):
        check_text(text, options={"lang": "en"})
    with pytest.raises(TypeError):
        check_text(text, CheckOptions())  # options are keyword-only
    assert (ROOT / "checker" / "py.typed").is_file()


@pytest.mark.parametrize("every", [False, True])
def test_cli_json_is_the_api_result(tmp_path, every):
    from checker import CheckOptions, check_text

    text = BAD + "\n全市共有民警1200名。"   # a bare number that no builder frames
    p = run("check", "--format", "json", *(["--all-quantities"] if every else []), "-", stdin=text.encode())
    cli = json.loads(p.stdout)["files"][0]
    api = json.loads(check_text(text, options=CheckOptions(), path="<stdin>", all_quantities=every).model_dump_json())
    assert cli == api
    bare = [c for c in api["claims"] if c["text"].startswith("1200")]
    assert len(bare) == every   # listed only when asked for


def test_docx_locations_name_the_paragraph(tmp_path):
    import docx

    path = tmp_path / "d.docx"
    document = docx.Document()
    document.add_paragraph("标题")
    document.add_paragraph("今年以来，全市发生命案18起,同比下降11%。")
    document.save(path)
    for fmt in ("concise", "full"):
        out = run("check", "--format", fmt, str(path)).stdout.decode()
        assert f"{path}:段 2「今年以来，全市发生命案1…」:" in out, out


# --- distribution and README --------------------------------------------------------------------

def _readme():
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_distribution_name_version_tag_and_licence():
    import tomllib

    import checker

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["name"] == "claimcheck-zh" and meta["scripts"]["claimcheck"] == "checker.cli:run"
    assert f"pip install {meta['name']}" in _readme()
    assert f"rev: v{checker.__version__}" in _readme()          # the pre-commit example names this release
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: claimcheck check" in hooks
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and meta["license"] == {"text": "MIT"}
    assert "../shared" not in _readme()


def test_readme_config_example_works_when_pasted(tmp_path):
    readme = _readme()
    section = readme[readme.index("Configuration lives in"):]
    toml = section[section.index("```toml\n") + 8:]
    toml = toml[:toml.index("```")]
    (tmp_path / "claimcheck.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "house-rules").mkdir()
    _draft(tmp_path, BAD + "\n", "d.txt")
    p = run("check", "--show-settings", "d.txt", cwd=tmp_path)
    assert p.returncode == 0, p.stderr.decode()
    s = json.loads(p.stdout)
    assert s["severity"] == {"CC304": "error"} and s["year"] == 2022 and "CC309" in s["select"]
    # the same keys under [tool.claimcheck] of a pyproject.toml
    (tmp_path / "claimcheck.toml").unlink()
    nested = toml.replace("[severity]", "[tool.claimcheck.severity]").replace(
        "[per-file-ignores]", "[tool.claimcheck.per-file-ignores]")
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck]\n" + nested, encoding="utf-8")
    s = json.loads(run("check", "--show-settings", "d.txt", cwd=tmp_path).stdout)
    assert s["severity"] == {"CC304": "error"} and s["config"].endswith("pyproject.toml")


def test_readme_check_examples_run(tmp_path):
    """The `claimcheck` lines of the README's main section run (exit 0 or 1, never 2)."""
    readme = _readme()
    section = readme[readme.index("## Check a document"):readme.index("## The fact-checker's report")]
    block = section[section.index("```bash\n") + 8:]
    block = block[:block.index("```")]
    _draft(tmp_path, BAD + "\n", "report.txt")
    _draft(tmp_path, DRAFT, "draft.md")
    (tmp_path / "draft.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures")
    cmds = [ln.split("#")[0].strip() for ln in block.splitlines() if ln.startswith("claimcheck ")]
    assert len(cmds) >= 7
    for cmd in cmds:
        argv = cmd.split()[1:]
        stdin = None
        if "<" in argv:
            stdin = (tmp_path / argv[argv.index("<") + 1]).read_bytes()
            argv = argv[:argv.index("<")]
        p = run(*argv, cwd=tmp_path, stdin=stdin)
        assert p.returncode in (0, 1), (cmd, p.stderr.decode())
    assert "约3000人左右" not in (tmp_path / "draft.md").read_text(encoding="utf-8")  # --fix ran


# --- the message layer --------------------------------------------------------------------------

JOINT = "2021年全市刑事案件发案3315起,比2020年下降12.67%。2020年全市刑事案件发案3900起。"


def _messages(text, *args):
    p = run("check", "--format", "json", *args, "-", stdin=text.encode())
    return {f["rule"]: f["message"] for f in json.loads(p.stdout)["files"][0]["findings"]}


def test_chinese_messages_have_no_english_or_solver_notation():
    import re

    msgs = {**_messages(BAD), **_messages(JOINT), **_messages("全省刑事案件、治安案件、信访总量分别下降15.97%、47.05%。")}
    assert {"CC111", "CC162", "CC151"} <= set(msgs)
    for rule, m in msgs.items():
        own = re.sub(r"「[^」]*」", "", m)                          # quotations are the source as written
        assert not re.search(r"[A-Za-z]", own), (rule, m)          # no English words inside Chinese
        assert "∈" not in own and "x[" not in own and "≈" not in own and ":" not in own and "," not in own, m
    assert "20 → 10%" in msgs["CC111"] and "21 → 14%" in msgs["CC111"]    # the nearest whole priors
    assert "3796" in msgs["CC162"] and "3900" in msgs["CC162"]
    assert "「刑事案件、治安案件、信访总量」" in msgs["CC151"]        # the items (全省 is their scope)
    full = run("check", "-", stdin=BAD.encode()).stdout.decode()
    assert "最接近的整数：20 → 10%" in full                                 # in the text output too


def test_english_messages_say_the_same_in_english():
    m = _messages(BAD, "--lang", "en")["CC111"]
    assert "no whole number gives 11%" in m and "20 → 10%" in m and "同比" not in m
    j = _messages(JOINT, "--lang", "en")["CC162"]
    assert "gives 3796 for 2020" in j and "x[" not in j


def test_numbers_quoted_as_the_source_wrote_them():
    m = _messages("參與群眾1.7萬余人。")["CC312"]
    assert "1.7萬余" in m


def test_sarif_rule_metadata_is_readable():
    sarif = json.loads(run("check", "--format", "sarif", "-", stdin=(BAD + "现场约3000人左右。").encode()).stdout)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["CC302"]["shortDescription"]["text"] == "约数词叠用"
    for r in rules.values():
        assert "{" not in r["shortDescription"]["text"]
        assert r["helpUri"].startswith("https://") and r["helpUri"].endswith(".toml")


def test_report_uses_chinese_verdict_words():
    out = run("report", "--width", "120", "-", stdin=(JOINT + BAD).encode()).stdout.decode()
    assert "✗ 不一致" in out and "inconsistent" not in out and "x[" not in out
    assert "最接近的整数上期值：20 → 10%，21 → 14%" in out


def test_scan_scheduler_without_dask_and_output_dash(tmp_path):
    arch = tmp_path / "a.jsonl"
    arch.write_text(json.dumps({"id": 1, "text": BAD}, ensure_ascii=False) + "\n", encoding="utf-8")
    p = run("scan", str(arch), "--scheduler", "tcp://127.0.0.1:1")
    assert p.returncode == 2 and b"--engine dask" in p.stderr
    p = run("scan", str(arch), "-o", "-", cwd=tmp_path)
    assert p.returncode == 0 and json.loads(p.stdout.splitlines()[0])["id"] == "1"
    assert not (tmp_path / "-").exists()


def test_config_extend(tmp_path):
    (tmp_path / "base.toml").write_text('ignore = ["CC3"]\nyear = 2020\nfail-on = "warning"\n', encoding="utf-8")
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "claimcheck.toml").write_text('extend = "../base.toml"\nyear = 2022\n', encoding="utf-8")
    _draft(proj, BAD, "d.txt")
    s = json.loads(run("check", "--show-settings", "d.txt", cwd=proj).stdout)
    assert s["ignore"] == ["CC3"] and s["year"] == 2022 and s["fail_on"] == "warning"
    (tmp_path / "base.toml").write_text('extend = "proj/claimcheck.toml"\n', encoding="utf-8")
    p = run("check", "d.txt", cwd=proj)
    assert p.returncode == 2 and b"extends itself" in p.stderr


def test_docx_tables_stay_in_document_order(tmp_path):
    import docx

    path = tmp_path / "t.docx"
    document = docx.Document()
    document.add_paragraph("第一段")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "发案"
    table.rows[0].cells[1].text = "18起"
    document.add_paragraph("全市发生命案18起,同比下降11%。")
    document.save(path)
    from checker.io import read_path

    assert read_path(str(path)).text == "第一段\n发案\t18起\n全市发生命案18起,同比下降11%。"
    out = run("check", "--format", "concise", str(path)).stdout.decode()
    assert ":段 3「全市发生命案18起,同比…」:" in out


def test_report_width_follows_columns():
    seed = str(ROOT / "fixtures" / "seeds" / "001_252615fdda246d49.txt")
    from checker.report.text import display_width

    out = run("report", seed, env={"COLUMNS": "72"}).stdout.decode()
    widths = {display_width(line) for line in out.splitlines() if line.startswith(("╭", "╰"))}
    assert widths == {72}, widths


def test_from_to_details_are_worded_in_chinese():
    import re

    for text, want in (("贷款利率从3.25%降至2.25%,下降了1%。", "相差 1 个百分点"),
                       ("服务站从300个增加到600个,增加了两倍。", "600个 是 300个 的 2 倍"),
                       ("全年盗窃案件同比下降120%。", "什么也不剩")):
        msgs = _messages(text)
        assert any(want in m for m in msgs.values()), msgs
        for m in msgs.values():
            assert not re.search(r"[A-Za-z]", re.sub(r"「[^」]*」", "", m)), m


def test_sarif_carries_fixes_and_validates():
    from pydantic_sarif.model import StaticAnalysisResultsFormatSarifVersion210JsonSchema as Sarif

    text = "现场约3000人左右。"
    log = json.loads(run("check", "--format", "sarif", "-", stdin=text.encode()).stdout)
    Sarif.model_validate(log)
    [res] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "CC302"]
    [rep] = res["fixes"][0]["artifactChanges"][0]["replacements"]
    s, n = rep["deletedRegion"]["charOffset"], rep["deletedRegion"]["charLength"]
    assert text[:s] + rep["insertedContent"]["text"] + text[s + n:] == "现场约3000人。"


def test_fix_html_changes_only_the_text(tmp_path):
    page = ('<html><head><title>t</title></head><body><p>会议要求严格落实落实“谁办案谁负责”。</p>'
            '<p>现场&nbsp;约3000人左右。</p></body></html>\n')
    d = _draft(tmp_path, page, "a.html")
    run("check", "--fix", str(d))
    assert d.read_text(encoding="utf-8") == page.replace("落实落实", "落实").replace("约3000人左右", "约3000人")


def test_the_garbage_collector_is_paused_only_while_a_document_is_checked():
    import gc

    from checker import check_text
    from checker.gcpause import gc_paused

    assert gc.isenabled()
    check_text("全市发生命案18起,同比下降11%。")
    assert gc.isenabled()                       # restored after the document
    gc.disable()
    try:
        check_text("全市发生命案18起,同比下降11%。")
        assert not gc.isenabled()               # a caller's choice is kept
    finally:
        gc.enable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
