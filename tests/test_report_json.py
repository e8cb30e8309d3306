"""The JSON form of the contract (``report.build.file_entry``) and its writer are the pydantic
contract models, byte for byte, without building them; a check served by the rule-pack cache
imports no pydantic at all."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import to_json

from checker import analyse_text
from checker.report.build import error_file_entry, file_entry, file_out, report_entry
from checker.report.models import FileOut, ReportOut
from checker.report.stream import json_text

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
ROOT = Path(__file__).resolve().parent.parent

# formats whose reader keeps markup, entities and front matter out of the prose: offsets then differ
# between the original and the normalised text, and some fixes cannot be made exactly
MARKED_UP = {
    "page.html": "<html><body><p>2021年全市发案3315起，比2020年的3800起下降12.67%。</p>"
                 "<p>其中盗窃案1200起，占36.2%&nbsp;左右。</p></body></html>",
    "note.md": "---\ntitle: 年报\n---\n# 概况\n\n全市人口1,234,567人，比上年增长百分之五点二；"
               "一季度、二季度分别增长3%和4%，上半年增长8%。\n",
}


def _docs():
    for p in sorted(SEEDS.glob("*.txt")):
        yield p.name, analyse_text(p.read_text(encoding="utf-8"), p.name)
    for name, text in MARKED_UP.items():
        yield name, analyse_text(text, name)


@pytest.mark.parametrize("all_quantities", [True, False])
def test_entry_is_what_the_models_validate_and_dump(all_quantities):
    seen_fix = seen_frame = False
    for name, doc in _docs():
        entry = file_entry(doc, all_quantities)
        model = FileOut.model_validate(entry)       # strict: a wrong type or a missing field fails
        assert model.model_dump() == entry, name
        assert json_text(entry) == model.model_dump_json(indent=2), name
        assert file_out(doc, all_quantities) == model
        seen_fix |= any(f["fix"] is not None for f in entry["findings"])
        seen_frame |= any(c["frame"] is not None for c in entry["claims"])
    assert seen_frame and seen_fix   # the comparison covered frames and fixes


def test_error_entry_and_report_are_the_models():
    files = [error_file_entry("gone.txt", "no such file or directory"),
             file_entry(analyse_text((SEEDS / "000_8c17534d86b76211.txt").read_text(encoding="utf-8")))]
    report = report_entry(files)
    model = ReportOut.model_validate(report)
    assert model.model_dump() == report
    assert json_text(report) == model.model_dump_json(indent=2)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2 ** 80, max_value=2 ** 80)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",))),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_json_text_is_pydantics_serialiser(value):
    """Escapes, control characters, non-ASCII text, empty containers and integers beyond 64 bits
    come out as pydantic writes them."""
    assert json_text(value) == to_json(value, indent=2).decode()


def test_cli_report_reads_back_as_the_same_document():
    """The streamed report is exactly what the pydantic models dump for the document it reads as
    (but for the ``tool`` object, which the stream has always written on one line)."""
    p = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--exit-zero",
                        str(SEEDS), str(SEEDS / "no-such-file.txt")], capture_output=True, timeout=300, cwd=ROOT)
    assert p.returncode == 2, p.stderr[-2000:]   # the missing file: an error entry, exit 2
    text = p.stdout.decode("utf-8")
    report = ReportOut.model_validate_json(text)
    tool = report.tool.model_dump_json(indent=2).replace("\n", "\n  ")
    one_line = json.dumps(report.tool.model_dump(), ensure_ascii=False)
    assert text == report.model_dump_json(indent=2).replace(tool, one_line, 1) + "\n"
    assert report.files[-1].error and json.loads(text)["summary"]["files"] == len(report.files)


def test_check_with_cached_rules_imports_no_pydantic(tmp_path):
    """Start-up: the rule pack comes from the cache as plain objects and the report is written from
    the JSON form, so neither the full nor the JSON format imports pydantic."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("CLAIMCHECK_NO_CACHE", None)
    seed = str(SEEDS / "002_27507610ceb187a0.txt")
    probe = ("import sys, io, contextlib\nfrom checker.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n    main(sys.argv[1:])\n"
             "print('pydantic' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", probe, "check", "--exit-zero", seed], capture_output=True,
                           text=True, timeout=300, env=env, cwd=ROOT)
    assert first.returncode == 0, first.stderr[-2000:]   # validated the pack (pydantic) and cached it
    for fmt in ("full", "json"):
        p = subprocess.run([sys.executable, "-c", probe, "check", "--exit-zero", "--format", fmt, seed],
                           capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
        assert p.returncode == 0 and p.stdout.strip() == "False", (fmt, p.stdout, p.stderr[-2000:])


def test_a_float_in_evidence_is_refused_by_both_forms():
    """The contract's exactness: the JSON form refuses a float in a finding's evidence, as the
    models do, instead of writing it."""
    from dataclasses import replace

    from pydantic import ValidationError

    doc = analyse_text((SEEDS / "000_8c17534d86b76211.txt").read_text(encoding="utf-8"))
    good = file_entry(doc)
    doc.findings[0] = replace(doc.findings[0], evidence={"ratio": {"values": ["1/2", 0.5]}})
    with pytest.raises(ValueError, match="floats are not allowed"):
        file_entry(doc)
    bad = {**good, "findings": [{**good["findings"][0], "evidence": {"ratio": {"values": ["1/2", 0.5]}}}]}
    with pytest.raises(ValidationError, match="floats are not allowed"):
        FileOut.model_validate(bad)
