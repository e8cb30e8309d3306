"""Hypothesis strategies for whole claims generated from ground truth, their
inconsistent perturbations, and ``assert_consistent`` for users' own tests.

A generated claim carries the text and what is true about it::

    from hypothesis import given
    from checker.testing import change_claims, assert_consistent

    @given(change_claims())
    def test_my_template_never_publishes_a_wrong_percentage(claim):
        assert_consistent(claim.text)
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .numbers import chinese_numeral, round_half_up

SUBJECTS = ["全市刑事案件发案", "全市发生命案", "全县受理治安案件", "全区立案盗窃案件", "全市发生交通事故"]
UNITS = ["起", "件"]


@dataclass(frozen=True)
class GeneratedClaim:
    """A sentence and the facts it was built from."""

    text: str
    category: str              # the contract category a perturbation should be caught in
    consistent: bool
    facts: dict


def pct_text(p: Fraction, decimals: int) -> str:
    """A percentage written with exactly ``decimals`` places (12.67)."""
    q = 10 ** decimals
    n = int(p * q)
    return f"{n // q}.{n % q:0{decimals}d}" if decimals else str(n)


def render_change(subject: str, current: int, unit: str, year: int, ref_year: int, prior: int,
                  decimals: int) -> tuple[str, Fraction]:
    """``2021年,<subject>3315起,比2020年下降12.67%。`` with P rounded half-up from the truth."""
    change = Fraction(prior - current, prior) * 100
    word = "下降" if change >= 0 else "增长"
    p = round_half_up(abs(change), decimals)
    return f"{year}年,{subject}{current}{unit},比{ref_year}年{word}{pct_text(p, decimals)}%。", p


def change_claims(max_count: int = 5000):
    """Consistent change sentences: a prior and a current count, the percentage rounded half-up."""
    from hypothesis import strategies as st

    @st.composite
    def build(draw):
        prior = draw(st.integers(2, max_count))
        current = draw(st.integers(1, max_count).filter(lambda c: c != prior))
        decimals = draw(st.integers(0, 2))
        year = draw(st.integers(2010, 2024))
        subject = draw(st.sampled_from(SUBJECTS))
        unit = draw(st.sampled_from(UNITS))
        text, p = render_change(subject, current, unit, year, year - 1, prior, decimals)
        return GeneratedClaim(text, "change", True, {"prior": prior, "current": current, "decimals": decimals,
                                                     "percent": p, "decrease": current < prior})
    return build()


def perturbed_change_claims(max_count: int = 5000):
    """Change sentences whose percentage is moved so that no whole-number prior can reproduce it."""
    from hypothesis import strategies as st

    from ..assertions import solve_prior
    from ..numbers import Interval

    @st.composite
    def build(draw):
        base = draw(change_claims(max_count))
        f = base.facts
        step = Fraction(1, 10 ** f["decimals"])
        k = draw(st.integers(1, 50))
        sign = draw(st.sampled_from([1, -1]))
        p = f["percent"] + sign * k * step
        if p <= 0:
            p = f["percent"] + k * step
        pct = Interval.rounded(p / 100, step / 100)
        res = solve_prior(Fraction(f["current"]), pct, f["decrease"], True)
        year = 2021
        word = "下降" if f["decrease"] else "增长"
        text = f"{year}年,{SUBJECTS[0]}{f['current']}起,比{year - 1}年{word}{pct_text(p, f['decimals'])}%。"
        return GeneratedClaim(text, "change", res.verdict != "inconsistent",
                              {**f, "percent": p, "verdict": res.verdict})
    return build()


def streak_pairs():
    """Two statements of one streak: equal N (consistent, digits vs Chinese) or different N."""
    from hypothesis import strategies as st

    @st.composite
    def build(draw):
        n = draw(st.integers(2, 12))
        m = draw(st.integers(2, 12))
        metric = draw(st.sampled_from(["全市电诈发案、损失", "涉法涉诉信访", "全市命案"]))
        first = f"{metric}连续{n}年实现“双下降”。"
        second = f"据统计,{metric}连续{chinese_numeral(m)}年实现“双下降”。"
        return GeneratedClaim(first + second, "streak", n == m, {"n": n, "m": m})
    return build()


def part_whole_claims():
    """"全年受理矛盾纠纷W起,其中婚姻家庭纠纷P起" with P ≤ W (consistent) or P > W."""
    from hypothesis import strategies as st

    @st.composite
    def build(draw):
        whole = draw(st.integers(1, 100000))
        part = draw(st.integers(1, 200000))
        return GeneratedClaim(f"全年受理矛盾纠纷{whole}起,其中婚姻家庭纠纷{part}起。", "partwhole",
                              part <= whole, {"whole": whole, "part": part})
    return build()


def respective_claims():
    """分别 lists with as many values as items (consistent) or one value fewer."""
    from hypothesis import strategies as st

    items_pool = ["刑事案件", "治安案件", "信访总量", "交通事故", "火灾事故"]

    @st.composite
    def build(draw):
        n = draw(st.integers(3, 5))
        n_values = n - 1 if draw(st.booleans()) else n
        values = [f"{draw(st.integers(1, 99))}.{draw(st.integers(10, 99))}%" for _ in range(n_values)]
        text = f"全省{'、'.join(items_pool[:n])}分别下降{'、'.join(values)}。"
        return GeneratedClaim(text, "respective", n_values == n, {"items": n, "values": n_values})
    return build()


def trend_claims():
    """A current value and priors for two earlier years, with 逐年下降 true or false."""
    from hypothesis import strategies as st

    @st.composite
    def build(draw):
        a = draw(st.integers(50, 3000))      # two years ago
        b = draw(st.integers(50, 3000))      # last year
        c = draw(st.integers(20, 3000))      # this year
        p1 = round_half_up(Fraction(abs(b - c), b) * 100, 2)
        p2 = round_half_up(Fraction(abs(a - c), a) * 100, 2)
        w1 = "下降" if c <= b else "增长"
        w2 = "下降" if c <= a else "增长"
        text = (f"2021年,全市刑事案件发案{c}起,比2020年{w1}{pct_text(p1, 2)}%,"
                f"比2019年{w2}{pct_text(p2, 2)}%,呈逐年下降趋势。")
        return GeneratedClaim(text, "trend", a > b > c, {"series": (a, b, c)})
    return build()


def assert_consistent(text: str, **options) -> None:
    """Fail with the findings when ``text`` has any error-level finding."""
    from .. import check_text
    from ..options import CheckOptions

    doc = check_text(text, options=CheckOptions(**options) if options else None)
    errors = [f for f in doc.findings if f.severity == "error"]
    if errors:
        lines = [f"{f.rule} [{f.category}] {f.message}" for f in errors]
        raise AssertionError("claimcheck found inconsistencies:\n" + "\n".join(lines))
