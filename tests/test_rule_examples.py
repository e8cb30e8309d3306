"""Every rule documents and tests itself: run each rule's examples."""
import pytest

from checker import analyse_text
from checker.engine import load_rules
from checker.options import CheckOptions

RULES = load_rules()
CASES = [(r, i, ex) for r in RULES for i, ex in enumerate(r.examples)]


def test_enough_rules_and_examples():
    assert len(RULES) >= 20
    for r in RULES:
        bad = [e for e in r.examples if e.verdict == "bad"]
        good = [e for e in r.examples if e.verdict == "good"]
        assert len(bad) >= 2 and len(good) >= 2, r.id


@pytest.mark.parametrize("rule,i,ex", CASES, ids=[f"{r.id}-{i}-{ex.verdict}" for r, i, ex in CASES])
def test_example(rule, i, ex):
    profile = rule.profiles[0] if rule.profiles else "mainland"
    # a suppression rule judges the other rules' findings, so those must run too
    select = [] if rule.kind == "suppression" else [rule.id]
    opts = CheckOptions(select=select, year=ex.year, profile=profile)
    doc = analyse_text(ex.text, options=opts)
    hits = [f for f in doc.findings if f.rule == rule.id]
    if ex.verdict == "good":
        assert hits == [], [f.message for f in hits]
        return
    assert hits, f"{rule.id} did not flag: {ex.text}"
    if ex.quote:
        pos = ex.text.index(ex.quote)
        spans = [(f.start, f.end) for f in hits] + [(r.start, r.end) for f in hits for r in f.related]
        orig = [doc.orig_span(s, e) for s, e in spans]
        assert any(s < pos + len(ex.quote) and pos < e for s, e in orig), (ex.quote, orig)


FIXED = [(r, ex) for r in RULES for ex in r.examples if ex.fixed is not None]


def test_every_rule_with_a_fix_shows_it():
    with_fix = {r.id for r in RULES if r.fix is not None}
    assert with_fix and with_fix <= {r.id for r, _ in FIXED}
    assert all(r.fix is not None for r, _ in FIXED)


@pytest.mark.parametrize("rule,ex", FIXED, ids=[r.id for r, _ in FIXED])
def test_fix_example(rule, ex):
    """The rule's fix turns its bad example into the ``fixed`` text (exactly, nothing else changed)."""
    from checker import check_text
    from checker.fix import apply_fixes, chosen_fixes

    result = check_text(ex.text, options=CheckOptions(select=[rule.id], year=ex.year, profile="mainland"))
    assert apply_fixes(ex.text, chosen_fixes(result.findings, unsafe=True)) == ex.fixed
    safe = apply_fixes(ex.text, chosen_fixes(result.findings, unsafe=False))
    assert safe == (ex.fixed if rule.fix.safe else ex.text)
