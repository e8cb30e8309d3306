"""Earlier values written beside a change: "3315起,同比下降12.67%(上年同期为3796起)",
"117起,同比下降7.9%,前年同期为130起".

A value for the change's own reference period is a stated prior: the change computed from it and the
current value must agree with the stated percentage at the precision both are written (exact
``Fraction`` intervals, no tolerance).  A value for another period joins the series a trend claim
(逐年下降) is checked against (``checker.claims.trend``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..numbers import Interval, Quantity, fmt
from ..resources import load_data_toml
from .common import QuantityIndex, alternation as _alt
from .types import GivenValue

VALUE_KINDS = ("count", "money", "measure")
MAX_GIVEN = 2          # 上年为…,前年为…: at most this many values follow one change


@lru_cache(maxsize=1)
def _given_rx() -> tuple[re.Pattern, dict[str, int]]:
    d = load_data_toml("series.toml")["given"]
    back = {w: 1 for w in d["back1"]} | {w: 2 for w in d["back2"]}
    rx = re.compile(rf"[(（]?[,，、;；]?(?P<when>{_alt(back)}|(?P<year>(?:19|20)\d{{2}})年(?:同期)?)"
                    rf"(?:{_alt(d['pronouns'])})?(?:{_alt(d['copula'])})")
    return rx, back


@lru_cache(maxsize=1)
def _given_before_rx() -> re.Pattern:
    d = load_data_toml("series.toml")["given"]
    when = rf"(?P<when>{_alt(d['back1'] + d['back2'])}|(?P<year>(?:19|20)\d{{2}})年(?:同期)?)"
    return re.compile(rf"(?:(?P<sep>[,，;；(（])|(?P<cmp>{_alt(d['compare'])})){when}"
                      rf"(?(sep)(?:{_alt(d['pronouns'])})?(?:{_alt(d['copula'])})|(?:{_alt(d['possessive'])}))$")


def _exact_value(q: Quantity) -> bool:
    """A value a prior can be: a count, amount or measure written exactly (no 约, no range), positive."""
    iv = q.interval
    return q.kind in VALUE_KINDS and not q.approx and not q.is_range and iv.lo is not None \
        and iv.hi is not None and iv.lo > 0


def _given(m: re.Match, q: Quantity, back: dict[str, int], start: int) -> GivenValue:
    """The given value ``q`` for the period that ``m`` (a ``when`` and maybe a ``year`` group) names."""
    when = m.group("when")
    year = int(m.group("year")) if m.group("year") else None
    return GivenValue(label=when, quantity=q, back=None if year else back[when], year=year, start=start)


def given_before(text: str, idx: QuantityIndex, q: Quantity, lo: int) -> Optional[tuple[GivenValue, Quantity, bool]]:
    """When ``q`` (the quantity right before a change) is an earlier period's value written before the
    change ("3600万吨,上年为3400万吨,同比增长", "480起,较2021年的600起下降"): that given value, the
    current value written before it (same kind and unit, from ``lo`` on), and whether the period was
    named by a comparison word (较…的: it is the change's reference).  None otherwise."""
    rx = _given_before_rx()
    m = rx.search(text[max(lo, q.start - 16):q.start])
    if m is None or not _exact_value(q):
        return None
    at = max(lo, q.start - 16) + m.start()
    value = next(idx.before(at, max(lo, at - 40)), None)
    if value is None or value.unit != q.unit or value.kind != q.kind or value.approx or value.is_range:
        return None
    g = _given(m, q, _given_rx()[1], at + len(m.group("sep") or m.group("cmp")))
    return g, value, m.group("cmp") is not None


@lru_cache(maxsize=1)
def _real_growth_rx() -> re.Pattern:
    return re.compile(_alt(load_data_toml("series.toml")["given"]["real_growth"]))


def real_growth(text: str, lo: int, pos: int) -> bool:
    """A metric grown at comparable prices (地区生产总值, 增加值) is named in ``text[lo:pos]``."""
    return _real_growth_rx().search(text, lo, pos) is not None


def given_after(text: str, idx: QuantityIndex, pos: int, end: int, value: Optional[Quantity]) -> list[GivenValue]:
    """Values for earlier periods written right after ``pos`` (before ``end``, the sentence end): a period
    word, 为/是, and a quantity of the value's kind and unit."""
    rx, back = _given_rx()
    out: list[GivenValue] = []
    while len(out) < MAX_GIVEN:
        m = rx.match(text, pos)
        if m is None or m.end() >= end:
            break
        q = idx.starting_at(m.end())
        if q is None or q.start != m.end() or not _exact_value(q):
            break
        if value is not None and (q.unit != value.unit or q.kind != value.kind):
            break
        out.append(_given(m, q, back, m.start("when")))
        pos = q.end
    return out


def _ratio(now: Quantity, prior: Quantity) -> Interval:
    """Every now/prior the two written values admit (both positive)."""
    a, b = now.interval, prior.interval
    return Interval(a.lo / b.hi, a.hi / b.lo)


def prior_conflict(now: Quantity, prior: Quantity, readings: list[Interval], decrease: bool) -> Optional[str]:
    """The change from ``prior`` to ``now`` in percent (as text) when no reading of the stated
    percentage (``readings``: ratio intervals, 0.126 for 12.6%) admits it, else None."""
    if now.interval.lo is None or now.interval.hi is None or now.interval.lo <= 0:
        return None
    ratio = _ratio(now, prior)
    for p in readings:
        if p is None or p.lo is None or p.hi is None:
            return None
        stated = Interval(1 - p.hi, 1 - p.lo) if decrease else Interval(1 + p.lo, 1 + p.hi)
        if stated.intersect(ratio) is not None:
            return None
    return fmt((now.value - prior.value) / prior.value * 100, 2)
