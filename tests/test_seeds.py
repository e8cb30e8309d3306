"""The five seed reports against their hand-checked gold annotations."""
import json

import pytest

from checker import analyse_path
from checker.report.build import file_out

from conftest import SEEDS

GOLD = [json.loads(line) for line in (SEEDS / "gold.jsonl").open(encoding="utf-8")]
FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def outputs():
    return {name: file_out(analyse_path(str(SEEDS / name))) for name in FILES}


def _spans(f):
    yield f.span
    for r in f.related:
        yield r.span


def _overlaps(span, s, e):
    return span.start < e and s < span.end


def test_grid_quantity_in_traditional_seed(outputs):
    fo = outputs["001_252615fdda246d49.txt"]
    original = (SEEDS / "001_252615fdda246d49.txt").read_text(encoding="utf-8")
    grids = [q for c in fo.claims for q in c.quantities if q.value == "904440000"]
    assert grids and grids[0].unit == "个"
    assert original[grids[0].span.start:grids[0].span.end] == "90444萬個"


@pytest.mark.parametrize("name", FILES)
def test_claim_spans_slice_original(outputs, name):
    original = (SEEDS / name).read_text(encoding="utf-8")
    fo = outputs[name]
    assert fo.claims
    for c in fo.claims:
        assert original[c.span.start:c.span.end] == c.text
        line_start = original.rfind("\n", 0, c.span.start) + 1
        assert c.span.column == c.span.start - line_start + 1
        assert c.span.line == original.count("\n", 0, c.span.start) + 1
        for q in c.quantities:
            assert original[q.span.start:q.span.end] == q.text
            assert any(ch.isdigit() or ch in "零〇一二两兩三四五六七八九十百千万萬亿億" for ch in q.text)


@pytest.mark.parametrize("g", [g for g in GOLD if g["required"]], ids=lambda g: f"{g['file'][:3]}-{g['category']}-{g['start']}")
def test_required_found(outputs, g):
    fo = outputs[g["file"]]
    hits = [f for f in fo.findings if f.category == g["category"]
            and any(_overlaps(s, g["start"], g["end"]) for s in _spans(f))]
    assert hits, g["quote"]


def test_no_error_on_consistent(outputs):
    bad = []
    for g in GOLD:
        if g["verdict"] != "consistent":
            continue
        for f in outputs[g["file"]].findings:
            if f.severity == "error" and any(_overlaps(s, g["start"], g["end"]) for s in _spans(f)):
                bad.append((g["quote"], f.rule))
    assert bad == []


def test_change_claims_decided(outputs):
    fo = outputs["000_8c17534d86b76211.txt"]
    details = [c.detail for c in fo.claims if c.kind == "change" and c.verdict == "consistent"]
    assert "推算2020年的数为 3796，与 12.67% 相符" in details
    assert "推算2019年的数为 4367，与 24.09% 相符" in details
