"""change: a percentage that no whole prior count reproduces; a from-to change whose rate is wrong."""
from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Optional

from .base import Edit, Operator, finditer, inexact, make_case, sentence_start
from .numerals import ARABIC, decimal_value, decimals, fmt, half_width, quantity, round_half_up, show
from .script import in_script
from .vocab import COMPARE, COUNT_UNITS, DOWN, MEASURE_UNITS, REAL_GROWTH, UP, alternation

_DIR = alternation(UP + DOWN)
_GRIM_SITE = re.compile(
    rf"(?<![\d.,])(?P<n>\d+)(?P<unit>{alternation(COUNT_UNITS)})(?![次/])[，,]?(?P<cmp>{COMPARE})"
    rf"(?P<dir>{_DIR})了?(?P<p>\d+(?:\.\d+)?)%")
_RATE = re.compile(rf"(?P<dir>{_DIR})了?(?P<p>\d+(?:\.\d+)?)%")
_COUNT = re.compile(rf"(?P<n>\d+)(?P<unit>{alternation(COUNT_UNITS)})")


def is_down(word: str) -> bool:
    """The direction word names a decrease."""
    return word in DOWN


def prior_reaching(n: int, p: Fraction, places: int, down: bool) -> Optional[int]:
    """A whole prior count M from which ``n`` is a change of ``p``% (rounded half-up), or None."""
    h = Fraction(1, 2 * 10 ** places)
    lo_p, hi_p = p - h, p + h
    if down:
        if hi_p >= 100:
            return None
        ends = [n / (1 - lo_p / 100), n / (1 - hi_p / 100)]
    else:
        ends = [n / (1 + hi_p / 100), n / (1 + max(lo_p, Fraction(0)) / 100)]
    for m in range(max(1, math.floor(min(ends)) - 1), math.ceil(max(ends)) + 2):
        if (m > n) != down or m == n:
            continue
        if round_half_up(abs(Fraction(n - m, m)) * 100, places) == p:
            return m
    return None


class GrimPercent(Operator):
    """A whole count's percentage change nudged to a value that no whole prior count gives."""

    category, name = "change", "grim_percent"

    def sites(self, doc):
        return [m for m in finditer(_GRIM_SITE, doc) if not inexact(doc.text, m.start("n"), m.end("n"))
                and not inexact(doc.text, m.start("p"), m.end())]

    def plant(self, doc, m, rng):
        n, p_text, down = int(m["n"]), m["p"], is_down(m["dir"])
        places = decimals(p_text)
        p = decimal_value(p_text)
        if n < 1 or prior_reaching(n, p, places, down) is None:
            return None          # the document is already inconsistent here, or reads otherwise
        step = Fraction(1, 10 ** places)
        for k in range(1, 40):
            for cand in (p + k * step, p - k * step):
                if cand <= 0 or (down and cand >= 100):
                    continue
                if prior_reaching(n, cand, places, down) is None:
                    edit = Edit(doc.text)
                    new = fmt(cand, places)
                    i = edit.replace(m.start("p"), m.end("p"), new)
                    gold_off = m.start("dir") - m.start("p")
                    arith = (f"{n}{m['unit']} {m['dir']}{new}%: prior M = {n}/(1{'-' if down else '+'}p), "
                             f"p in [{show(cand - step / 2)}, {show(cand + step / 2)})%: no whole M")
                    # gold: the direction word and the new percentage
                    return self.checked(make_case(
                        doc, self.category, self.name, edit, ("new", i, gold_off, len(new) - gold_off + 1),
                        ("orig", m.start("n"), m.end("unit")), arith))
        return None

    def verify(self, case):
        g, r = _RATE.fullmatch(case.gold_text), _COUNT.fullmatch(case.related_text)
        if not g or not r:
            return False
        p = decimal_value(g["p"])
        return prior_reaching(int(r["n"]), p, decimals(g["p"]), is_down(g["dir"])) is None


# not an ordinal (第19条: an article number, not a count of 19)
_BARE_COUNT = re.compile(rf"(?<![\d.,第])(?P<n>\d+)(?P<unit>{alternation(COUNT_UNITS)})(?=[，。；,;])")


class GrimInserted(GrimPercent):
    """A whole count given a year-on-year fall that no whole prior count gives (1 or 2 decimals)."""

    name = "grim_inserted"

    def sites(self, doc):
        # not a difference (多12人, 增加12人): a change of a difference reads as nonsense
        return [m for m in finditer(_BARE_COUNT, doc) if 10 <= int(m["n"]) <= 5000
                and not re.search(r"(?:19|20)\d\d$", m["n"]) and not inexact(doc.text, m.start(), m.end())
                and not re.search(r"[多少增减減加]了?$", doc.text[max(0, m.start() - 2):m.start()])]

    def plant(self, doc, m, rng):
        n = int(m["n"])
        places = 1 if n < 500 else 2
        step = Fraction(1, 10 ** places)
        start = round_half_up(Fraction(rng.randint(30, 300), 10), places)
        for k in range(0, 200):
            p = start + k * step
            if prior_reaching(n, p, places, down=True) is None:
                word = "按年下降" if doc.script == "hant" else "同比下降"
                phrase = f"{word}{fmt(p, places)}%"
                edit = Edit(doc.text)
                i = edit.insert(m.end(), "，" + phrase)
                arith = (f"{n}{m['unit']} {phrase}: prior M = {n}/(1-p), p in [{show(p - step / 2)}, "
                         f"{show(p + step / 2)})%: no whole M")
                return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 3, len(phrase) - 2),
                                              ("orig", m.start(), m.end()), arith))
        return None


_MULT = r"(?:万亿|萬億|万|萬|亿|億)"
_FT_UNIT = alternation([u for u in MEASURE_UNITS if u[0] not in "万萬亿億"])
_FROMTO = re.compile(
    rf"(?P<from>从|由|從)(?P<a>{ARABIC})(?P<ma>{_MULT})?(?P<ua>{_FT_UNIT})?"
    rf"(?P<mid>[^，。；,;\d%/]{{0,4}}?(?:{_DIR}))(?P<to>到|至)?(?P<b>{ARABIC})(?P<mb>{_MULT})?(?P<ub>{_FT_UNIT})"
    rf"(?![\d%])")
_AFTER_RATE = re.compile(rf"[，,](?P<dir>{_DIR})了?(?P<p>\d+(?:\.\d+)?)%")


def fromto_values(m: re.Match) -> Optional[tuple[Fraction, Fraction, Fraction, Fraction]]:
    """Rounding intervals (a_lo, a_hi, b_lo, b_hi) of a from-to pair, or None when units differ."""
    if m["ua"] and m["ua"] != m["ub"]:
        return None
    if m["ma"] and m["ma"] != m["mb"]:
        return None
    mult = m["mb"] or ""
    if m["mid"][-1] not in "".join(UP + DOWN):
        return None
    a, b = quantity(m["a"], mult), quantity(m["b"], mult)
    ha, hb = half_width(m["a"], mult), half_width(m["b"], mult)
    if a - ha <= 0:
        return None
    return a - ha, a + ha, b - hb, b + hb


def rate_range(vals: tuple[Fraction, ...]) -> tuple[Fraction, Fraction]:
    """Smallest and largest percentage change the two rounded values allow."""
    a_lo, a_hi, b_lo, b_hi = vals
    return (b_lo / a_hi - 1) * 100, (b_hi / a_lo - 1) * 100


class _FromTo(Operator):
    category = "change"

    def sites(self, doc):
        out = []
        for m in finditer(_FROMTO, doc):
            vals = fromto_values(m)
            if inexact(doc.text, m.start("a"), m.end("a")) or inexact(doc.text, m.start("b"), m.end("ub")):
                continue
            if vals is None or not (vals[2] > vals[1] or vals[3] < vals[0]):
                continue          # values overlap within rounding: no direction to speak of
            after = _AFTER_RATE.match(doc.text, m.end())
            if after:
                lo, hi = rate_range(vals)
                p = decimal_value(after["p"]) * (-1 if is_down(after["dir"]) else 1)
                h = Fraction(1, 2 * 10 ** decimals(after["p"]))
                if p + h < lo or p - h > hi:
                    continue      # already inconsistent in the document
            out.append((m, after))
        return out

    def new_rate(self, vals, rng) -> tuple[bool, Fraction]:
        raise NotImplementedError

    def plant(self, doc, site, rng):
        m, after = site
        vals = fromto_values(m)
        down, value = self.new_rate(vals, rng)
        word = in_script("下降" if down else "增长", doc.script)
        rate = f"{word}{fmt(value, 1)}%"
        edit = Edit(doc.text)
        if after:
            i = edit.replace(after.start("dir"), after.end(), rate)
            gold = ("new", i, 0, len(rate))
        else:
            i = edit.insert(m.end(), "，" + rate)
            gold = ("new", i, 1, len(rate))
        lo, hi = rate_range(vals)
        arith = (f"{m['a']}→{m['b']}{m['mb'] or ''}{m['ub']}: change in [{show(lo)}, {show(hi)}]% "
                 f"(rounding of both values); stated {'-' if down else '+'}{fmt(value, 1)}%")
        return self.checked(make_case(doc, self.category, self.name, edit, gold,
                                      ("orig", m.start(), m.end()), arith))

    def verify(self, case):
        g = re.fullmatch(rf"(?P<dir>{_DIR})(?P<p>\d+(?:\.\d+)?)%", case.gold_text)
        r = _FROMTO.fullmatch(case.related_text)
        if not g or not r or fromto_values(r) is None:
            return False
        lo, hi = rate_range(fromto_values(r))
        p = decimal_value(g["p"]) * (-1 if is_down(g["dir"]) else 1)
        h = Fraction(1, 2 * 10 ** decimals(g["p"]))
        return p + h < lo or p - h > hi


class FromToWrongRate(_FromTo):
    """A from-to change given (or given a new) rate that the two values cannot produce."""

    name = "fromto_wrong_rate"

    def new_rate(self, vals, rng):
        lo, hi = rate_range(vals)
        mid = (lo + hi) / 2
        factor = Fraction(rng.choice([2, 3])) if rng.random() < 0.5 else Fraction(1, rng.choice([2, 3]))
        value = round_half_up(abs(mid) * factor, 1)
        if lo - 1 <= value * (1 if mid > 0 else -1) <= hi + 1:
            value = round_half_up(abs(mid) + max(Fraction(5), abs(mid) / 2), 1)
        return mid < 0, value


class FromToWrongDirection(_FromTo):
    """A from-to change given the right size of rate with the wrong direction (增长 for a fall)."""

    name = "fromto_wrong_direction"

    def new_rate(self, vals, rng):
        lo, hi = rate_range(vals)
        mid = (lo + hi) / 2
        return mid > 0, max(round_half_up(abs(mid), 1), Fraction(1, 10))

    def sites(self, doc):
        # a fall of 100% or more reads as a different error: keep the size of the change below 100%
        return [(m, a) for m, a in super().sites(doc) if abs(rate_range(fromto_values(m))[1]) < 100
                and abs(rate_range(fromto_values(m))[0]) < 100]


_ANY_UNIT = alternation(MEASURE_UNITS + COUNT_UNITS)
_CHANGE_SITE = re.compile(
    rf"(?<![\d.,])(?P<n>{ARABIC})(?P<mult>{_MULT})?(?P<unit>{_ANY_UNIT})[，,、 ]?(?P<cmp>{COMPARE})?"
    rf"(?P<dir>{_DIR})了?(?P<p>\d+(?:\.\d+)?)%(?![\d.])")
_PRIOR = re.compile(rf"(?P<when>上年同期|去年同期|上年|去年|(?:19|20)\d\d年(?:同期)?)(?:为|為)"
                    rf"(?P<n>{ARABIC})(?P<mult>{_MULT})?(?P<unit>{_ANY_UNIT})")
_CLAIM = re.compile(rf"(?P<n>{ARABIC})(?P<mult>{_MULT})?(?P<unit>{_ANY_UNIT})[，,、 ]?(?P<cmp>{COMPARE})?"
                    rf"(?P<dir>{_DIR})了?(?P<p>\d+(?:\.\d+)?)%")


def nominal_of_real_growth(doc, start: int) -> bool:
    """The amount is GDP or value added, whose growth is in comparable prices (not nominal)."""
    return re.search(REAL_GROWTH, doc.text[max(sentence_start(doc.text, start), start - 30):start]) is not None


def _interval(number: str, mult: str) -> tuple[Fraction, Fraction]:
    v, h = quantity(number, mult or ""), half_width(number, mult or "")
    return v - h, v + h


def prior_contradicts(claim: re.Match, prior: re.Match) -> bool:
    """No current value, prior value and rate within their rounding make the stated change."""
    if claim["unit"] != prior["unit"]:
        return False
    c_lo, c_hi = _interval(claim["n"], claim["mult"])
    m_lo, m_hi = _interval(prior["n"], prior["mult"])
    if m_lo <= 0:
        return False
    lo, hi = (c_lo / m_hi - 1) * 100, (c_hi / m_lo - 1) * 100
    p = decimal_value(claim["p"]) * (-1 if is_down(claim["dir"]) else 1)
    h = Fraction(1, 2 * 10 ** decimals(claim["p"]))
    return p + h < lo or p - h > hi


class StatedPrior(_FromTo):
    """A change claim given its prior value, which with the current value cannot make the rate."""

    name = "stated_prior"

    def sites(self, doc):
        # without 同比/比上年 the comparison is with the year before only in yearly reports
        return [m for m in finditer(_CHANGE_SITE, doc) if (m["cmp"] or doc.genre in ("reports", "seeds"))
                and not nominal_of_real_growth(doc, m.start())
                and not inexact(doc.text, m.start("n"), m.end("unit"))
                and not inexact(doc.text, m.start("p"), m.end())]

    def plant(self, doc, m, rng):
        cmp = m["cmp"] or "上年"
        year = re.search(r"(?:19|20)\d\d年", cmp)
        when = year.group(0) if year else ("上年同期" if cmp in ("同比", "按年") or "同期" in cmp else "上年")
        if doc.script == "hant" and not year:
            when = when.replace("上年", "去年")
        sign = -1 if is_down(m["dir"]) else 1
        p = decimal_value(m["p"])
        if sign < 0 and p >= 100:
            return None
        implied = quantity(m["n"], m["mult"] or "") / (1 + sign * p / 100)
        factor = Fraction(rng.choice([80, 85, 115, 120]), 100)
        scale = quantity("1", m["mult"] or "")
        wrong = implied * factor / scale
        number = fmt(round_half_up(wrong, decimals(m["n"])), decimals(m["n"]))
        if decimal_value(number) <= 0:
            return None
        phrase = f"{when}{in_script('为', doc.script)}{number}{m['mult'] or ''}{m['unit']}"
        implied_s = show(implied / scale)
        arith = (f"{m['n']}{m['mult'] or ''}{m['unit']} {m['dir']}{m['p']}% implies prior ≈ {implied_s}; "
                 f"stated prior {number}{m['mult'] or ''} gives a change outside the rounding of {m['p']}%")
        return self.inserted_after(doc, m, "（", phrase, "）", arith)

    def verify(self, case):
        g, r = _PRIOR.fullmatch(case.gold_text), _CLAIM.fullmatch(case.related_text)
        return bool(g and r) and prior_contradicts(r, g)


OPERATORS = [GrimPercent(), GrimInserted(), FromToWrongRate(), FromToWrongDirection(), StatedPrior()]
