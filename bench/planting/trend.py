"""trend: a 逐年 chain that the stated changes or values break."""
from __future__ import annotations

import re
from fractions import Fraction

from .base import Edit, Operator, finditer, inexact, make_case, sentence_end
from .change import _ANY_UNIT, _CHANGE_SITE, _CLAIM, _DIR, _MULT, is_down, nominal_of_real_growth
from .numerals import ARABIC, decimal_value, decimals, fmt, half_width, quantity, round_half_up, show
from .script import in_script
from .vocab import COMPARE

_PCT = r"(?P<p>\d+(?:\.\d+)?)%"
_CMP_RATE = re.compile(rf"(?P<cmp>{COMPARE})(?P<dir>{_DIR})了?{_PCT}")
_SECOND = re.compile(rf"(?:比|較|较)(?P<when>前年(?:同期)?|(?:19|20)\d\d年(?:同期)?)(?P<dir>{_DIR}){_PCT}"
                     rf"，呈逐年(?P<trend>{_DIR})(?:趋势|趨勢)")
_EARLIER = re.compile(rf"(?P<when>前年(?:同期)?|(?:19|20)\d\d年(?:同期)?)(?:为|為)(?P<n>{ARABIC})(?P<mult>{_MULT})?"
                      rf"(?P<unit>{_ANY_UNIT})，呈逐年(?P<trend>{_DIR})(?:趋势|趨勢)")


def _h(p: str) -> Fraction:
    return Fraction(1, 2 * 10 ** decimals(p))


def _earlier_when(cmp: str) -> str:
    year = re.search(r"((?:19|20)\d\d)年", cmp or "")
    if year:
        return f"{int(year.group(1)) - 1}年"
    return "前年同期" if cmp in ("同比", "按年") or "同期" in (cmp or "") else "前年"


def _trend_word(direction: str, script: str) -> str:
    return "下降" if is_down(direction) else in_script("增长", script)


def chain_broken(p1: str, p2: str) -> bool:
    """Two same-direction changes against successive earlier years: 逐年 needs the farther one larger."""
    return decimal_value(p2) + _h(p2) < decimal_value(p1) - _h(p1)


class SecondComparison(Operator):
    """A change claim extended with a change against the year before, too small for 逐年, and 逐年."""

    category, name = "trend", "second_comparison"

    def sites(self, doc):
        return [m for m in finditer(_CMP_RATE, doc) if decimal_value(m["p"]) >= 2
                and not inexact(doc.text, m.start("p"), m.end()) and not doc.text.startswith("，比", m.end())]

    def plant(self, doc, m, rng):
        p1 = decimal_value(m["p"])
        p2 = round_half_up(p1 * Fraction(rng.choice([3, 4, 5]), 10), 1)
        word = _trend_word(m["dir"], doc.script)
        when = _earlier_when(m["cmp"])
        if doc.script == "hant":
            when = when.replace("前年", "前年")
        phrase = f"比{when}{word}{fmt(p2, 1)}%，呈逐年{word}{in_script('趋势', doc.script)}"
        if doc.script == "hant":
            phrase = phrase.replace("比", "較", 1)
        arith = (f"against successive earlier years: {m['dir']}{m['p']}% then {word}{fmt(p2, 1)}%; 逐年 needs the "
                 f"farther change larger, but {fmt(p2, 1)}+{show(Fraction(1, 20))} < {m['p']}-{show(_h(m['p']))}")
        return self.inserted_after(doc, m, "，", phrase, "", arith)

    def verify(self, case):
        g, r = _SECOND.fullmatch(case.gold_text), _CMP_RATE.fullmatch(case.related_text)
        if not g or not r:
            return False
        same = is_down(g["dir"]) == is_down(r["dir"]) == is_down(g["trend"])
        return same and chain_broken(r["p"], g["p"])


def _value_interval(n: str, mult: str) -> tuple[Fraction, Fraction]:
    v, h = quantity(n, mult or ""), half_width(n, mult or "")
    return v - h, v + h


def earlier_breaks(claim: re.Match, earlier: re.Match) -> bool:
    """The stated value two periods back lies on the wrong side of the implied previous value."""
    if claim["unit"] != earlier["unit"] or is_down(claim["dir"]) != is_down(earlier["trend"]):
        return False
    down = is_down(claim["dir"])
    lo, hi = _value_interval(claim["n"], claim["mult"])
    p, h = decimal_value(claim["p"]), _h(claim["p"])
    if down:     # previous = current / (1 - p): for 逐年下降 the earlier must be larger still
        if p + h >= 100:
            return False
        prev_hi = hi / (1 - (p + h) / 100)
        k_lo, k_hi = _value_interval(earlier["n"], earlier["mult"])
        return k_hi < prev_hi and k_hi < _value_interval(claim["n"], claim["mult"])[0] / (1 - (p - h) / 100)
    prev_hi = hi / (1 + (p - h) / 100)
    k_lo, _ = _value_interval(earlier["n"], earlier["mult"])
    return k_lo > prev_hi


class StatedEarlierValue(Operator):
    """A change claim given the value two periods back on the wrong side of the chain, and 逐年."""

    category, name = "trend", "stated_earlier_value"

    def sites(self, doc):
        return [m for m in finditer(_CHANGE_SITE, doc) if m["cmp"] and decimal_value(m["p"]) >= 2
                and not nominal_of_real_growth(doc, m.start())
                and not inexact(doc.text, m.start("p"), m.end())
                and (not is_down(m["dir"]) or decimal_value(m["p"]) < 90)]

    def plant(self, doc, m, rng):
        down = is_down(m["dir"])
        v = quantity(m["n"], m["mult"] or "")
        p = decimal_value(m["p"])
        prev = v / (1 - p / 100) if down else v / (1 + p / 100)
        # 逐年增长 needs earlier < previous; 逐年下降 needs earlier > previous: put it across
        k = prev * (Fraction(9, 10) if down else Fraction(11, 10))
        k = round_half_up(k / quantity("1", m["mult"] or ""), decimals(m["n"]))
        word = _trend_word(m["dir"], doc.script)
        when = _earlier_when(m["cmp"])
        phrase = (f"{when}{in_script('为', doc.script)}{fmt(k, decimals(m['n']))}{m['mult'] or ''}{m['unit']}"
                  f"，呈逐年{word}{in_script('趋势', doc.script)}")
        arith = (f"{m['n']}{m['mult'] or ''} {m['dir']}{m['p']}% implies previous ≈ {show(prev / quantity('1', m['mult'] or ''))}; "
                 f"the period before stated {fmt(k, decimals(m['n']))}: not 逐年{word}")
        return self.inserted_after(doc, m, "，", phrase, "", arith)

    def verify(self, case):
        g, r = _EARLIER.fullmatch(case.gold_text), _CLAIM.fullmatch(case.related_text)
        return bool(g and r and r["cmp"]) and earlier_breaks(r, g)


_CHAIN = re.compile(rf"(?:比|较|較)(?P<y1>(?:19|20)\d\d)年(?P<d1>{_DIR})(?P<p1>\d+(?:\.\d+)?)%[，,]"
                    rf"(?:比|较|較)(?P<y2>(?:19|20)\d\d)年(?P<d2>{_DIR})(?P<p2>\d+(?:\.\d+)?)%")


class ChainEdit(Operator):
    """In a stated 逐年 chain of two comparisons, the farther change made smaller than the nearer."""

    category, name = "trend", "chain_edit"

    def sites(self, doc):
        out = []
        for m in finditer(_CHAIN, doc):
            end = sentence_end(doc.text, m.end())
            if re.search("逐年", doc.text[m.end():end]) and int(m["y2"]) < int(m["y1"]) \
                    and is_down(m["d1"]) == is_down(m["d2"]) and not chain_broken(m["p1"], m["p2"]):
                out.append(m)
        return out

    def plant(self, doc, m, rng):
        p2 = round_half_up(decimal_value(m["p1"]) * Fraction(rng.choice([3, 4, 5]), 10), decimals(m["p2"]))
        new = fmt(p2, decimals(m["p2"]))
        edit = Edit(doc.text)
        i = edit.replace(m.start("p2"), m.end("p2"), new)
        off = m.start("y2") - m.start("p2")
        arith = f"比{m['y1']}年{m['d1']}{m['p1']}% but 比{m['y2']}年{m['d2']}{new}%: the earlier year is not further away"
        return self.checked(make_case(doc, self.category, self.name, edit,
                                      ("new", i, off, len(new) - off + 1), ("orig", m.start("y1"), m.end("p1") + 1),
                                      arith))

    def verify(self, case):
        g = re.fullmatch(rf"(?P<y2>\d{{4}})年(?P<d2>{_DIR})(?P<p2>\d+(?:\.\d+)?)%", case.gold_text)
        r = re.fullmatch(rf"(?P<y1>\d{{4}})年(?P<d1>{_DIR})(?P<p1>\d+(?:\.\d+)?)%", case.related_text)
        return bool(g and r) and int(g["y2"]) < int(r["y1"]) and chain_broken(r["p1"], g["p2"])


OPERATORS = [SecondComparison(), StatedEarlierValue(), ChainEdit()]
