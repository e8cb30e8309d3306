"""The accuracy harness (bench/accuracy.py) and its planted errors (bench/planting/)."""
from __future__ import annotations

import ast
import sys
from fractions import Fraction
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402
from planting import CATEGORIES, OPERATORS, load_documents, operator, plant_cases  # noqa: E402
from planting.base import Case  # noqa: E402
from planting.change import prior_reaching  # noqa: E402
from planting.datespan import too_long  # noqa: E402
from planting.numerals import han_int, han_text, round_half_up  # noqa: E402
from planting.script import hant, known_simplified  # noqa: E402
from planting.trend import chain_broken  # noqa: E402

needs_corpus = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus not present")

# Per-category recall of the --quick sample (seed 1).  A category's floor is the full-run recall rounded
# down to the quick sample's granularity (1/4), or what the quick sample itself measured when that is
# lower (4 cases are a small sample).  Floors only ever go up.
# Last full run (seed 1): change 1.00, trend 1.00, streak 1.00, conflict 0.95, respective 1.00,
# partwhole 1.00, rate 1.00, magnitude 1.00, datespan 1.00, expression 1.00.
QUICK_FLOORS = {
    "change": 0.75, "trend": 0.75, "streak": 1.0, "conflict": 0.75, "respective": 1.0, "partwhole": 1.0,
    "rate": 1.0, "magnitude": 1.0, "datespan": 1.0, "expression": 1.0,
}


def test_planting_never_imports_the_checker():
    """The planting code uses its own patterns and arithmetic: only the standard library and itself."""
    files = sorted((ROOT / "bench" / "planting").glob("*.py"))
    assert files
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:          # relative: the planting package itself
                    continue
                names = [node.module or ""]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
                pytest.fail(f"{path.name}: dynamic import")
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top != "checker", f"{path.name} imports {name}"
                assert top in sys.stdlib_module_names, f"{path.name} imports non-stdlib {name}"


def test_every_category_has_several_operators():
    assert set(OPERATORS) == set(CATEGORIES)
    for category, ops in OPERATORS.items():
        assert len(ops) >= 3, category
        assert len({op.name for op in ops}) == len(ops)


def test_own_arithmetic():
    # 3315 from 3796 is a fall of 12.671…% -> 12.67%; no whole prior gives 12.68%
    assert prior_reaching(3315, Fraction("12.67"), 2, down=True) == 3796
    assert prior_reaching(3315, Fraction("12.68"), 2, down=True) is None
    assert prior_reaching(18, Fraction(10), 0, down=True) == 20
    assert prior_reaching(18, Fraction(11), 0, down=True) is None
    assert round_half_up(Fraction(125, 10), 0) == 13 and round_half_up(Fraction(-125, 10), 0) == -13
    assert chain_broken("12.67", "5.04") and not chain_broken("12.67", "24.09")
    assert too_long(2019, 5, 2021) and not too_long(2017, 5, 2021)
    assert [han_int(t) for t in ("三", "十", "十五", "二十一", "两")] == [3, 10, 15, 21, 2]
    assert all(han_int(han_text(n)) == n for n in range(1, 100))


def test_templates_written_in_traditional_for_hong_kong():
    for words in ("据统计，", "以来", "呈逐年增长趋势", "为", "约", "万", "亿", "两"):
        assert not set(hant(words)) & known_simplified(), words


def test_offsets_map_from_original_to_mutated():
    # original "abcdEFg": "12" inserted at 2, "EF" (4..6) replaced by "XYZ" -> "ab12cdXYZg"
    case = Case("d", "change", "op", "ab12cdXYZg", ".txt", (6, 9), "XYZ", None, "", "",
                edits=((2, 0, 2), (4, 2, 3)))
    assert case.to_mutated(0) == 0
    assert case.to_mutated(2) == 4                  # text inserted at 2 goes before a span starting there
    assert case.to_mutated(2, is_end=True) == 2     # and after a span ending there
    assert case.to_mutated(4) == 6                  # a replaced stretch starts where its replacement starts
    assert case.to_mutated(5) is None               # inside the replaced stretch
    assert case.to_mutated(5, clamp=True) == 6      # or, clamped, where its replacement starts
    assert case.to_mutated(6) == 9 and case.text[9] == "g"


@needs_corpus
def test_planted_cases_reslice_and_their_arithmetic_holds():
    docs = load_documents(SHARED, ROOT / "fixtures" / "seeds")
    cases = plant_cases(docs, seed=3, per_category=6)
    by_key = {d.key: d for d in docs}
    assert {c.category for c in cases} == set(CATEGORIES)
    for case in cases:
        assert case.resliced(), (case.operator, case.doc)
        assert case.text[case.gold[0]:case.gold[1]] == case.gold_text
        assert operator(case.operator).verify(case), (case.operator, case.doc, case.gold_text)
        assert case.text != by_key[case.doc].text
        # exactly the recorded edits turn the original into the mutated copy
        grown = sum(inserted - removed for _, removed, inserted in case.edits)
        assert len(case.text) == len(by_key[case.doc].text) + grown
    # the same seed draws the same cases; another draws others
    again = plant_cases(docs, seed=3, per_category=6)
    assert [(c.doc, c.gold, c.gold_text) for c in again] == [(c.doc, c.gold, c.gold_text) for c in cases]
    other = plant_cases(docs, seed=4, per_category=6)
    assert [(c.doc, c.gold) for c in other] != [(c.doc, c.gold) for c in cases]


@needs_corpus
def test_verification_rejects_the_unmutated_text():
    """An operator's check fails when the planted span is put back to what the document said."""
    docs = load_documents(SHARED, ROOT / "fixtures" / "seeds")
    by_key = {d.key: d for d in docs}
    checked = 0
    for case in plant_cases(docs, seed=1, per_category=4):
        if len(case.edits) != 1 or case.edits[0][1] == 0:
            continue          # insertions: nothing to put back
        start, removed, inserted = case.edits[0]
        original = by_key[case.doc].text
        restored = original[start:start + removed]
        # the original text, with gold and related spans at the same places
        spans_ok = case.gold[0] <= start and start + inserted <= case.gold[1]
        if not spans_ok or (case.related and case.related[0] > start):
            continue
        gold = (case.gold[0], case.gold[1] - inserted + removed)
        back = Case(case.doc, case.category, case.operator, original, case.suffix, gold,
                    original[gold[0]:gold[1]], case.related, case.related_text, "", (), case.facts)
        assert not operator(case.operator).verify(back), (case.operator, case.gold_text, restored)
        checked += 1
    assert checked >= 5


def test_ledger_loading(tmp_path):
    assert accuracy.load_ledger(tmp_path / "missing.tsv") == {}
    good = tmp_path / "ledger.tsv"
    good.write_text("file\trule\toffset\tquote\tverdict\treason\n"
                    "# a comment line\n"
                    "corpus/hk/hk001.md\tCC131\t120\t101.3%\ttrue\trate above 100%\n"
                    "seeds/000_x.txt\tCC306\t7\t3-5\\t年\tfalse\ta date range\n", encoding="utf-8")
    rows = accuracy.load_ledger(good)
    assert rows == {("corpus/hk/hk001.md", "CC131", 120): "true", ("seeds/000_x.txt", "CC306", 7): "false"}
    for body, msg in (("file\trule\toffset\n", "header"), ("file\trule\toffset\tquote\tverdict\treason\na\tb\tx\tq\ttrue\tr\n", "offset"),
                      ("file\trule\toffset\tquote\tverdict\treason\na\tb\t1\tq\tmaybe\tr\n", "verdict"),
                      ("file\trule\toffset\tquote\tverdict\treason\na\tb\t1\n", "fields")):
        bad = tmp_path / "bad.tsv"
        bad.write_text(body, encoding="utf-8")
        with pytest.raises(accuracy.LedgerError, match=msg):
            accuracy.load_ledger(bad)


def test_originals_judged_against_the_ledger(tmp_path):
    from planting.corpus import Document

    doc = Document("corpus/hk/hkX.md", tmp_path / "hkX.md", "hk", "甲" * 10_000, "hant", 2020, "香港")
    hits = {doc.key: [accuracy.Hit("CC131", "rate", "error", 5, 9, (), "m"),
                      accuracy.Hit("CC141", "partwhole", "error", 20, 25, (), "m"),
                      accuracy.Hit("CC161", "conflict", "error", 40, 45, (), "m"),
                      accuracy.Hit("CC306", "expression", "warning", 50, 52, (), "m"),
                      accuracy.Hit("CC316", "expression", "info", 60, 62, (), "m")]}
    ledger = {(doc.key, "CC131", 5): "true", (doc.key, "CC141", 20): "false"}
    rep = accuracy.judge_originals([doc], hits, ledger)
    assert (rep.errors, rep.warnings, rep.false_errors) == (3, 1, 2)   # the false row and the unreviewed one
    assert [h.rule for _, h in rep.unreviewed] == ["CC161", "CC306"]
    assert rep.per_10k(rep.false_errors) == 2.0
    lines = list(accuracy.review_lines(rep))
    assert lines[0].split("\t") == accuracy.LEDGER_HEADER
    assert lines[1].split("\t")[:3] == [doc.key, "CC161", "40"] and lines[2].startswith("# error")
    # a reviewer fills in the verdicts and the lines load back
    filled = tmp_path / "filled.tsv"
    unfilled = tmp_path / "unfilled.tsv"
    unfilled.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(accuracy.LedgerError, match="verdict '\\?'"):
        accuracy.load_ledger(unfilled)
    filled.write_text("\n".join(l.replace("\t?\t", "\ttrue\tchecked") for l in lines) + "\n", encoding="utf-8")
    assert len(accuracy.load_ledger(filled)) == 2


def test_scoring_needs_the_category_nearby_and_a_new_finding():
    case = Case("d", "rate", "op", "x" * 200, ".txt", (100, 105), "x" * 5, None, "", "", edits=((100, 4, 5),))
    near = accuracy.Hit("CC131", "rate", "error", 120, 124, (), "m")
    far = accuracy.Hit("CC131", "rate", "error", 130, 134, (), "m")
    other = accuracy.Hit("CC141", "partwhole", "error", 100, 105, (), "m")
    related = accuracy.Hit("CC131", "rate", "error", 0, 3, ((102, 103),), "m")
    assert accuracy.judge(case, [near], [])[:2] == (True, False)
    assert accuracy.judge(case, [far], [])[:2] == (False, False)
    assert accuracy.judge(case, [other], [])[:2] == (False, False)
    assert accuracy.judge(case, [related], [])[:2] == (True, True)
    # the same finding already on the original (shifted by the edit) does not count
    before = accuracy.Hit("CC131", "rate", "error", 119, 123, (), "m")
    assert accuracy.judge(case, [near], [before])[:2] == (False, False)
    # so does one that overlapped the planted site (carried through the edit), even if it moved a little
    flagged = accuracy.Hit("CC131", "rate", "error", 98, 102, (), "m")
    moved = accuracy.Hit("CC131", "rate", "error", 98, 106, (), "m")
    assert accuracy.judge(case, [moved], [flagged])[:2] == (False, False)
    assert accuracy.judge(case, [moved], [])[:2] == (True, True)


@needs_corpus
def test_quick_run_meets_the_floors():
    run = accuracy.evaluate(seed=1, per_category=accuracy.QUICK_PER_CATEGORY, jobs=2)
    assert not run.failures
    assert sum(s.cases for s in run.table.values()) == accuracy.QUICK_PER_CATEGORY * len(CATEGORIES)
    for category, floor in QUICK_FLOORS.items():
        assert run.table[category].recall >= floor, (category, run.table[category].recall)
    line = accuracy.summary_line(run.table, run.originals, len(run.docs))
    assert line.startswith("recall=") and line.endswith(f"docs={len(run.docs)}")


def test_a_count_after_deng_is_only_lowered(tmp_path):
    """A、B、C等四大类 is consistent (等 names examples of four): after 等 the planted count is one fewer."""
    import random

    from planting.corpus import Document

    text = "全面统筹教育、医疗、养老等三大类民生实事。" * 3
    doc = Document("corpus/reports/x.txt", tmp_path / "x.txt", "reports", text, "hans", 2025, "")
    op = operator("enumeration_count")
    sites = op.sites(doc)
    assert sites
    for seed in range(8):
        case = op.plant(doc, sites[0], random.Random(seed))
        assert case is not None and case.arithmetic.endswith("the count says 2")
