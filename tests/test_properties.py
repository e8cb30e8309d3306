"""Properties over the public strategies of ``checker.testing`` (profile "ci": bounded examples;
HYPOTHESIS_PROFILE=thorough for long runs)."""
import json
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import analyse_text
from checker.assertions import solve_prior
from checker.assertions.grim import ROUND_FIGURE, round_figure_interval
from checker.numbers import Interval
from checker.report.build import file_out, report_out
from checker.report.models import ReportOut
from checker.testing import (assert_consistent, change_claims, part_whole_claims, perturbed_change_claims,
                             respective_claims, streak_pairs, trend_claims)
from checker.text import normalize
from checker.text.normalize import to_simplified

from conftest import SEEDS

SIMPLIFIED_CHARS = sorted({c for p in SEEDS.glob("00[02-4]*.txt") for c in p.read_text(encoding="utf-8")
                           if "\u4e00" <= c <= "\u9fff"})


def errors(text, category=None):
    return [f for f in analyse_text(text).findings
            if f.severity == "error" and (category is None or f.category == category)]


@given(change_claims())
def test_consistent_change_never_errors(claim):
    assert_consistent(claim.text)
    doc = analyse_text(claim.text)
    change = [c for c in doc.claims if c.kind == "change"][0]
    assert change.data.verdict in ("consistent", "untestable")
    if change.data.verdict == "consistent":
        assert claim.facts["prior"] in change.data.candidates


@given(perturbed_change_claims())
def test_perturbation_caught_iff_beyond_granularity(claim):
    """Moved beyond what any whole prior can reproduce → caught in category change (an error, or the
    truncation-only warning); within granularity → never an error."""
    findings = [f for f in analyse_text(claim.text).findings if f.category == "change"]
    if claim.consistent:
        assert not [f for f in findings if f.severity == "error"], claim.text
    else:
        assert findings, (claim.text, claim.facts)


@given(st.integers(1, 3000), st.integers(0, 9999), st.integers(0, 2), st.booleans())
def test_integer_method_equals_brute_force(current, p_units, decimals, decrease):
    step = Fraction(1, 10 ** decimals)
    p = p_units * step
    if decrease and p > 90:
        return  # keeps the brute-force window small: a prior is then at most 10.1 × current
    pct = Interval.rounded(p / 100, step / 100)
    res = solve_prior(Fraction(current), pct, decrease, True)
    if res.note == ROUND_FIGURE:  # 300% with no exact prior: decided at its leading digits
        pct = round_figure_interval(pct)
    # brute force over every possible prior: decrease ≤ 90.005% → x < 10.1·current; increase → x ≤ current
    hi = current * 11 + 10
    brute = [x for x in range(1, hi)
             if pct.contains(Fraction(x - current, x) if decrease else Fraction(current - x, x))]
    if res.verdict == "consistent":
        assert list(res.candidates) == brute
    elif res.verdict == "inconsistent":
        assert brute == []
    else:  # untestable: the range of priors is at least one wide, so whole numbers exist
        assert brute


@given(streak_pairs())
def test_streaks(claim):
    assert bool(errors(claim.text, "streak")) == (not claim.consistent)


@given(part_whole_claims())
def test_part_whole(claim):
    assert bool(errors(claim.text, "partwhole")) == (not claim.consistent)


@given(respective_claims())
def test_respective(claim):
    found = [f for f in analyse_text(claim.text).findings if f.category == "respective"]
    assert bool(found) == (not claim.consistent)


@given(trend_claims())
def test_trend(claim):
    a, b, c = claim.facts["series"]
    found = errors(claim.text, "trend")
    if claim.consistent:
        assert not found
    elif b <= c:
        # the last step is already broken, so no implied priors can rescue it
        assert found, claim.text


@given(st.text(alphabet=st.sampled_from(SIMPLIFIED_CHARS + list("0123456789,。%")), max_size=80))
def test_simplified_text_unchanged_by_normalisation(text):
    """Found by the thorough profile: OpenCC t2s rewrites 覆命 → 复命, so simplified text must not go
    through t2s at all."""
    assert normalize(text).text == text


def test_t2s_rewrites_simplified_phrases_which_is_why_we_skip_it():
    assert to_simplified("覆命") == "复命"
    assert normalize("覆命").text == "覆命"


@given(st.text(max_size=200))
def test_pipeline_on_arbitrary_unicode(text):
    doc = analyse_text(text)
    normalize(doc.text)
    for f in doc.findings:
        s, e = f.orig or doc.orig_span(f.start, f.end)
        assert 0 <= s <= e <= len(text)
    ReportOut.model_validate_json(report_out([file_out(doc)]).model_dump_json())


@settings(max_examples=25)
@given(st.permutations(sorted(p.name for p in SEEDS.glob("*.txt"))))
def test_deterministic_and_order_independent(order):
    docs = {name: file_out(analyse_text((SEEDS / name).read_text(encoding="utf-8"), path=name)) for name in order}
    canon = json.dumps({k: docs[k].model_dump() for k in sorted(docs)}, sort_keys=True, ensure_ascii=False)
    again = {name: file_out(analyse_text((SEEDS / name).read_text(encoding="utf-8"), path=name))
             for name in sorted(order)}
    assert canon == json.dumps({k: again[k].model_dump() for k in sorted(again)}, sort_keys=True,
                               ensure_ascii=False)


@given(change_claims())
def test_finding_spans_slice_original(claim):
    text = "  " + claim.text.replace("%", "％") + "\n" + claim.text
    doc = analyse_text(text)
    for c in doc.claims:
        s, e = doc.orig_span(c.start, c.end)
        written = text[s:e]
        assert written.strip() and any(ch.isdigit() for ch in written.translate(
            {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}))


@settings(max_examples=60)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=5),
       st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 3)), max_size=4))
def test_joint_decision_equals_brute_force(node_bounds, diffs):
    """The joint check's decision (longest paths over Fractions) equals an exhaustive search over
    whole-number values for small systems of bounds and differences."""
    import itertools

    from checker.assertions import joint as J
    from checker.document import Claim

    c = Claim(id="c", kind="change", start=0, end=0)
    bounds = [J.Bound(c, (("k",), n), Fraction(min(a, b)), Fraction(max(a, b))) for n, a, b in node_bounds]
    diffs = [(a, b, g) for a, b, g in diffs if a != b]
    bounds += [J.Bound(c, (("k",), a), other=(("k",), b), gap=Fraction(g)) for a, b, g in diffs]
    nodes = sorted({n for n, _, _ in node_bounds} | {x for a, b, _ in diffs for x in (a, b)})
    lo = {n: max([min(a, b) for m, a, b in node_bounds if m == n], default=0) for n in nodes}
    hi = {n: min([max(a, b) for m, a, b in node_bounds if m == n], default=24) for n in nodes}
    brute = any(all(v[a] - v[b] >= g for a, b, g in diffs)
                for combo in itertools.product(*(range(lo[n], max(lo[n], hi[n]) + 1) for n in nodes))
                for v in [dict(zip(nodes, combo))] if all(lo[n] <= v[n] <= hi[n] for n in nodes))
    assert J._feasible(bounds) == brute
