"""conflict: an exact count or amount restated differently for the same subject, scope and period."""
from __future__ import annotations

import re
from fractions import Fraction

from .base import (Edit, Operator, clause_end, clause_start, finditer, han_count, inexact, make_case,
                   pick_insertion, sentence_end, sentence_start)
from .numerals import ARABIC, decimals, fmt, fmt_like, half_width, quantity, round_half_up, show
from .script import in_script
from .vocab import COUNT_UNITS, MEASURE_UNITS, PERIOD, alternation

_MULT = r"(?:万亿|萬億|万|萬|亿|億)"
_UNITS = alternation(MEASURE_UNITS + COUNT_UNITS)
AMOUNT = re.compile(rf"(?<![\d.,\-—~～])(?P<n>{ARABIC})(?P<mult>{_MULT})?(?P<unit>{_UNITS})(?![\d%次])")
_PERIOD = re.compile(PERIOD)


def interval(m: re.Match) -> tuple[Fraction, Fraction]:
    """The values a written amount admits (its last digit's rounding)."""
    v, h = quantity(m["n"], m["mult"] or ""), half_width(m["n"], m["mult"] or "")
    return v - h, v + h


def disjoint(a: re.Match, b: re.Match) -> bool:
    """Two written amounts in the same unit that no rounding can reconcile."""
    if a["unit"] != b["unit"]:
        return False
    (a_lo, a_hi), (b_lo, b_hi) = interval(a), interval(b)
    return a_hi < b_lo or b_hi < a_lo


def other_amount(m: re.Match, rng) -> str:
    """The same amount written with the same digits pattern but a value 3-12% away."""
    v = quantity(m["n"])
    for pct in rng.sample([3, 4, 5, 6, 8, 10, 12, -3, -4, -5, -6, -8, -10], 13):
        new = round_half_up(v * (1 + Fraction(pct, 100)), decimals(m["n"]))
        s = fmt_like(new, m["n"])
        if new > 0 and s != m["n"]:
            return s
    return ""


def ordinal(text: str, start: int) -> bool:
    """The number is an ordinal (第28条, 第20号): a label, not an amount that can be restated."""
    return text[max(0, start - 1):start] in ("第",)


def lower_bound(text: str, start: int) -> bool:
    """The number is a lower bound (至少18个): 至少18 and 至少16 can both hold."""
    return text[max(0, start - 2):start] in ("至少", "最少")


def _sites(doc):
    out = []
    for m in finditer(AMOUNT, doc):
        if inexact(doc.text, m.start(), m.end()) or quantity(m["n"]) < 10 or ordinal(doc.text, m.start()) \
                or lower_bound(doc.text, m.start()):
            continue
        cs, ce = clause_start(doc.text, m.start()), clause_end(doc.text, m.end())
        ss = sentence_start(doc.text, m.start())
        # the restated clause must carry its own period and subject
        head = doc.text[ss:m.start()].lstrip(" \u3000\t")
        if not _PERIOD.search(head) or "分别" in head or "分別" in head or han_count(doc.text[cs:m.start()]) < 3 or m.end() - ss > 90:
            continue
        if re.search(r"(?:19|20)\d\d年$", doc.text[max(0, m.start() - 5):m.end()]):
            continue
        out.append((m, ss, ce))
    return out


def same_words(text: str, gold, related) -> bool:
    """The two sentences read the same up to the amounts (same subject, scope and period)."""
    gs, rs = sentence_start(text, gold[0]), sentence_start(text, related[0])
    g_head = text[gs:gold[0]].removeprefix(in_script("据统计，", "hans")).removeprefix(in_script("据统计，", "hant"))
    return g_head.endswith(text[rs:related[0]][-12:]) and len(text[rs:related[0]]) >= 3


class RestateCount(Operator):
    """A sentence restated later (据统计，…) with the amount changed by 3-12%."""

    category, name = "conflict", "restate_count"

    def sites(self, doc):
        return _sites(doc)

    def plant(self, doc, site, rng):
        m, ss, ce = site
        new = other_amount(m, rng)
        if not new:
            return None
        at = pick_insertion(doc, rng, after=sentence_end(doc.text, m.end()))
        if at is None:
            return None
        lead = in_script("据统计，", doc.script)
        head = doc.text[ss:m.start()].lstrip(" \u3000\t")
        amount = new + (m["mult"] or "") + m["unit"]
        sentence = lead + head + amount + doc.text[m.end():ce] + "。"
        edit = Edit(doc.text)
        i = edit.insert(at, sentence)
        lo, hi = interval(m)
        arith = f"{m.group(0)} admits [{show(lo)}, {show(hi)}]; restated {amount}: disjoint"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, len(lead) + len(head), len(amount)),
                                      ("orig", m.start(), m.end()), arith))

    def verify(self, case):
        g, r = AMOUNT.fullmatch(case.gold_text), AMOUNT.fullmatch(case.related_text)
        return bool(g and r) and disjoint(g, r) and same_words(case.text, case.gold, case.related)


class RestateInLargerUnit(Operator):
    """A sentence restated later with the amount rounded into 万/亿 and off beyond that rounding."""

    category, name = "conflict", "restate_in_larger_unit"

    def sites(self, doc):
        return [(m, ss, ce) for m, ss, ce in _sites(doc) if not m["mult"] and quantity(m["n"]) >= 10 ** 5
                and m["unit"] not in ("元", "港元", "美元") and m["unit"] in COUNT_UNITS + ["吨", "噸"]]

    def plant(self, doc, site, rng):
        m, ss, ce = site
        v = quantity(m["n"])
        big = 10 ** 8 if v >= 10 ** 9 else 10 ** 4
        mult = ("亿" if big == 10 ** 8 else "万")
        mult = in_script(mult, doc.script)
        shown = round_half_up(v / big, 1) + Fraction(rng.choice([3, 4, 5, -3, -4]), 10) * (1 if v / big >= 2 else Fraction(1, 10))
        places = 1 if v / big >= 2 else 2
        text_n = fmt(round_half_up(shown, places), places)
        if quantity(text_n) <= 0:
            return None
        amount = f"{text_n}{mult}{m['unit']}"
        at = pick_insertion(doc, rng, after=sentence_end(doc.text, m.end()))
        if at is None:
            return None
        lead = in_script("据统计，", doc.script)
        head = doc.text[ss:m.start()].lstrip(" \u3000\t")
        edit = Edit(doc.text)
        i = edit.insert(at, lead + head + amount + doc.text[m.end():ce] + "。")
        arith = f"{m.group(0)} = {show(v / big)}{mult}; restated {amount} admits ±{show(half_width(text_n))}{mult}: disjoint"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, len(lead) + len(head), len(amount)),
                                      ("orig", m.start(), m.end()), arith))

    def verify(self, case):
        return RestateCount.verify(self, case)


class EditRepeated(Operator):
    """Where the document itself states the same amount twice in the same words, one is changed."""

    category, name = "conflict", "edit_repeated"

    def sites(self, doc):
        seen: dict[tuple[str, str], re.Match] = {}
        out = []
        for m in finditer(AMOUNT, doc):
            if inexact(doc.text, m.start(), m.end()) or quantity(m["n"]) < 10 or ordinal(doc.text, m.start()) \
                or lower_bound(doc.text, m.start()):
                continue
            left = doc.text[max(0, m.start() - 8):m.start()]
            if han_count(left) < 6:
                continue
            periods = tuple(_PERIOD.findall(doc.text[sentence_start(doc.text, m.start()):m.start()]))
            key = (left, m.group(0), periods)
            if key in seen and m.start() - seen[key].end() > 20:
                out.append((seen[key], m))
            seen.setdefault(key, m)
        return out

    def plant(self, doc, site, rng):
        first, second = site
        new = other_amount(second, rng)
        if not new:
            return None
        edit = Edit(doc.text)
        i = edit.replace(second.start("n"), second.end("n"), new)
        amount = new + (second["mult"] or "") + second["unit"]
        lo, hi = interval(first)
        arith = f"{first.group(0)} admits [{show(lo)}, {show(hi)}]; the same words later say {amount}: disjoint"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 0, len(amount)),
                                      ("orig", first.start(), first.end()), arith))

    def verify(self, case):
        g, r = AMOUNT.fullmatch(case.gold_text), AMOUNT.fullmatch(case.related_text)
        same_left = case.text[case.gold[0] - 8:case.gold[0]] == case.text[case.related[0] - 8:case.related[0]]
        return bool(g and r) and disjoint(g, r) and same_left


_RATE = re.compile(r"(?P<dir>增长|增長|下降|上升|减少|減少|提高|下跌)(?P<p>\d+(?:\.\d+)?)%(?![\d.])")


def _rate_interval(m: re.Match) -> tuple[Fraction, Fraction]:
    h = half_width(m["p"])
    return quantity(m["p"]) - h, quantity(m["p"]) + h


class RestateRate(Operator):
    """A sentence with a rate of change restated later (据统计，…) with another rate."""

    category, name = "conflict", "restate_rate"

    def sites(self, doc):
        out = []
        for m in finditer(_RATE, doc):
            if inexact(doc.text, m.start("p"), m.end()):
                continue
            ss, cs, ce = sentence_start(doc.text, m.start()), clause_start(doc.text, m.start()), clause_end(doc.text, m.end())
            head = doc.text[ss:m.start()].lstrip(" \u3000\t")
            if not _PERIOD.search(head) or han_count(doc.text[cs:m.start()]) < 4 or m.end() - ss > 90 \
                    or "分别" in head or "分別" in head or re.search(r"[\d%]", doc.text[cs:m.start()]):
                continue      # the clause must name the metric itself (not 3315起，下降12%)
            out.append((m, ss, ce))
        return out

    def plant(self, doc, site, rng):
        m, ss, ce = site
        p = quantity(m["p"])
        places = len(m["p"].split(".")[1]) if "." in m["p"] else 0
        delta = max(Fraction(1), p * Fraction(rng.choice([2, 3]), 10))
        new_p = p + delta if rng.random() < 0.5 or p - delta <= 0 else p - delta
        new = fmt(round_half_up(new_p, places), places)
        at = pick_insertion(doc, rng, after=sentence_end(doc.text, m.end()))
        if at is None or new == m["p"]:
            return None
        lead = in_script("据统计，", doc.script)
        head = doc.text[ss:m.start()].lstrip(" \u3000\t")
        rate = f"{m['dir']}{new}%"
        edit = Edit(doc.text)
        i = edit.insert(at, lead + head + rate + doc.text[m.end():ce] + "。")
        lo, hi = _rate_interval(m)
        arith = f"{m.group(0)} admits [{show(lo)}, {show(hi)}]%; restated {rate}: disjoint"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, len(lead) + len(head), len(rate)),
                                      ("orig", m.start(), m.end()), arith))

    def verify(self, case):
        g, r = _RATE.fullmatch(case.gold_text), _RATE.fullmatch(case.related_text)
        if not g or not r or g["dir"] != r["dir"]:
            return False
        (g_lo, g_hi), (r_lo, r_hi) = _rate_interval(g), _rate_interval(r)
        return (g_hi < r_lo or r_hi < g_lo) and same_words(case.text, case.gold, case.related)


OPERATORS = [RestateCount(), RestateInLargerUnit(), EditRepeated(), RestateRate()]
