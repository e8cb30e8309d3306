"""The rule engine: loading, validation errors naming file and field, RE2 safety, profiles."""
import subprocess
import sys
import time

import pytest

from checker import analyse_text
from checker.engine import load_rules
from checker.engine.spec import load_rule_file
from checker.errors import ConfigError
from checker.options import CheckOptions

GOOD_RULE = '''
id = "XX001"
name = "house-word"
category = "expression"
kind = "pattern"
severity = "info"
why = "House style."
[message]
zh = "请改写:{match}"
en = "Rewrite: {match}"
[params]
pattern = '{pattern}'
[[examples]]
verdict = "bad"
text = "他们打call。"
[[examples]]
verdict = "good"
text = "他们加油。"
'''


def write_rule(tmp_path, body, name="XX001.toml"):
    d = tmp_path / "pack"
    d.mkdir(exist_ok=True)
    (d / name).write_text(body, encoding="utf-8")
    return d


def test_user_pack_runs(tmp_path):
    d = write_rule(tmp_path, GOOD_RULE.replace("{pattern}", "打call"))
    doc = analyse_text("他们打call。", options=CheckOptions(rule_dirs=[str(d)], select=["XX001"]))
    assert [f.message for f in doc.findings] == ["请改写:打call"]


@pytest.mark.parametrize("mutation,field", [
    (lambda s: s.replace('severity = "info"', 'severity = "fatal"'), "severity"),
    (lambda s: s.replace('category = "expression"', 'category = "style"'), "category"),
    (lambda s: s.replace('kind = "pattern"', 'kind = "nosuchkind"'), "kind"),
    (lambda s: s.replace('id = "XX001"', 'id = "bad id"'), "id"),
    (lambda s: s.replace("[message]\n", "[message]\nfr = 'x'\n"), "message.fr"),
    (lambda s: s.replace("pattern = '打call'", "pattern = '(a)\\1'"), "params.pattern"),
    (lambda s: s.replace('why = "House style."', ""), "why"),
    (lambda s: s + "\n[[[broken", "not valid TOML"),
])
def test_malformed_rule_named(tmp_path, mutation, field):
    d = write_rule(tmp_path, mutation(GOOD_RULE.replace("{pattern}", "打call")))
    with pytest.raises(ConfigError) as e:
        load_rule_file(d / "XX001.toml")
    msg = str(e.value)
    assert "XX001.toml" in msg and field in msg


def test_malformed_rule_cli_exit_2(tmp_path):
    d = write_rule(tmp_path, GOOD_RULE.replace("{pattern}", "(a)\\1"))
    p = subprocess.run([sys.executable, "-m", "checker", "check", "--rules", str(d), "-"],
                       input="文本".encode(), capture_output=True, timeout=60)
    assert p.returncode == 2
    err = p.stderr.decode()
    assert "XX001.toml" in err and "params.pattern" in err and "Traceback" not in err


def test_duplicate_id_rejected(tmp_path):
    d = write_rule(tmp_path, GOOD_RULE.replace("{pattern}", "x").replace("XX001", "CC101"), "dup.toml")
    with pytest.raises(ConfigError) as e:
        load_rules((str(d),))
    assert "CC101" in str(e.value) and "dup.toml" in str(e.value)


def test_pathological_pattern_is_linear(tmp_path):
    """(a+)+$ backtracks exponentially in Python's re; under RE2 it is linear."""
    d = write_rule(tmp_path, GOOD_RULE.replace("{pattern}", "(a+)+$"))
    text = "a" * 50_000 + "!"
    t0 = time.perf_counter()
    doc = analyse_text(text, options=CheckOptions(rule_dirs=[str(d)], select=["XX001"]))
    elapsed = time.perf_counter() - t0
    assert doc.findings == []
    assert elapsed < 20  # a guard against a hang, not a speed target


def test_profiles():
    text = "财政收入6亿3,944万元,建成服务站4千个。"
    mainland = {f.rule for f in analyse_text(text).findings}
    taiwan = {f.rule for f in analyse_text(text, options=CheckOptions(profile="taiwan")).findings}
    assert {"CC319", "CC305"} <= mainland
    assert not {"CC319", "CC305"} & taiwan


def test_select_ignore_and_severity_override():
    text = "严格落实落实责任,现场约3000人左右。"
    all_rules = {f.rule for f in analyse_text(text).findings}
    assert {"CC309", "CC302"} <= all_rules
    only = {f.rule for f in analyse_text(text, options=CheckOptions(select=["CC309"])).findings}
    assert only == {"CC309"}
    ign = {f.rule for f in analyse_text(text, options=CheckOptions(ignore=["CC3"])).findings}
    assert not ign & {"CC309", "CC302"}
    sev = analyse_text(text, options=CheckOptions(select=["CC309"], severity={"CC309": "error"})).findings
    assert sev[0].severity == "error"


def test_explain_every_rule():
    for r in load_rules():
        p = subprocess.run([sys.executable, "-m", "checker", "explain", r.id], capture_output=True, timeout=60)
        assert p.returncode == 0 and r.id in p.stdout.decode() and r.why.strip()[:10] in p.stdout.decode()


def test_message_placeholders_cannot_reach_attributes(tmp_path):
    body = GOOD_RULE.replace("{pattern}", "打call").replace("请改写:{match}", "{match.__class__}")
    d = write_rule(tmp_path, body)
    doc = analyse_text("他们打call。", options=CheckOptions(rule_dirs=[str(d)], select=["XX001"]))
    assert doc.findings[0].message == "{match.__class__}"


def test_every_rule_kind_has_a_parameter_schema():
    """Parameters are validated at load time by the kind's schema: a kind without one would let any
    parameter (a typo, a wrong type) through to run time."""
    from checker.engine import load_rules
    from checker.engine.registry import KINDS
    from checker.engine.schemas import SCHEMAS

    load_rules(())  # registers every built-in kind
    assert set(KINDS) - set(SCHEMAS) == set()


@pytest.mark.parametrize("plain,model", [("RuleSpec", "RuleModel"), ("Messages", "MessagesModel"),
                                         ("Example", "ExampleModel"), ("FixSpec", "FixModel")])
def test_plain_rule_objects_have_the_rule_file_schema_fields(plain, model):
    """The plain rule objects the engine runs on hold exactly the fields the rule-file schema validates, in
    the same order: a field added to one and not the other would fail loading or be dropped."""
    import dataclasses

    from checker.engine import rulefile, spec

    assert [f.name for f in dataclasses.fields(getattr(spec, plain))] == list(getattr(rulefile, model).model_fields)


@pytest.mark.parametrize("params,field", [
    ('dimension = "area"\nmax = "1000"', "needs max and its unit"),
    ('dimension = "area"\nmax = "1000"\nunit = "元"', "does not measure area"),
    ('dimension = "time"\nmax = "1"\nunit = "年"', "dimension"),
])
def test_per_capita_bound_params_are_checked(tmp_path, params, field):
    """A per-capita bound in a measure needs its bound and a unit of that dimension; a rule file that gets
    either wrong is refused at load time, naming the file."""
    from checker.resources import rules_dir

    body = (rules_dir() / "magnitude" / "CC205-per-capita-housing-area.toml").read_text(encoding="utf-8")
    body = body.replace('id = "CC205"', 'id = "XX205"').replace(
        'dimension = "area"\nmax = "1000"\nunit = "平方米"', params)
    d = write_rule(tmp_path, body, "XX205.toml")
    with pytest.raises(ConfigError) as e:
        load_rule_file(d / "XX205.toml")
    assert "XX205.toml" in str(e.value) and field in str(e.value)


def test_a_rule_file_loads_on_its_own():
    """``load_rule_file`` in a fresh process, before any pack was loaded, knows the built-in kinds."""
    code = ("from checker.engine.spec import load_rule_file; from checker.resources import rules_dir; "
            "print(load_rule_file(rules_dir() / 'magnitude' / 'CC204-per-capita-amount.toml').kind)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and p.stdout.strip() == "per_capita_amount", p.stderr[-500:]
