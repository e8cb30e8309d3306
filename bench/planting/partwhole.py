"""partwhole: a part (其中…) larger than its whole."""
from __future__ import annotations

import re
from fractions import Fraction

from .base import Edit, Operator, clause_start, finditer, inexact, make_case
from .numerals import ARABIC, decimals, fmt_like, half_width, quantity, show
from .vocab import COUNT_UNITS, MEASURE_UNITS, alternation

_MULT = r"(?:万亿|萬億|万|萬|亿|億)"
_UNITS = alternation(MEASURE_UNITS + COUNT_UNITS)
_AMOUNT = rf"(?P<NAME>{ARABIC})(?P<NAMEm>{_MULT})?(?P<NAMEu>{_UNITS})"
_PARTWHOLE = re.compile(
    r"(?<![\d.,])" + _AMOUNT.replace("NAME", "w") + r"(?![\d%次])(?P<noun>[\u4e00-\u9fff]{0,4})[，,。；;（(]?"
    r"(?:其中|當中|当中)[，,：:]?(?:包括)?(?P<label>[^\d，。；,;%]{0,14}?)" + _AMOUNT.replace("NAME", "p") + r"(?![\d%次])")
_SAME_UNIT = {"名": "人", "位": "人"}


def same_unit(a: str, b: str) -> bool:
    """Units that count the same things (名, 位 and 人 all count people)."""
    return _SAME_UNIT.get(a, a) == _SAME_UNIT.get(b, b)
_ONE = re.compile(rf"(?P<n>{ARABIC})(?P<m>{_MULT})?(?P<u>{_UNITS})")


def bounds(n: str, mult: str) -> tuple[Fraction, Fraction]:
    """The values a written amount admits."""
    v, h = quantity(n, mult or ""), half_width(n, mult or "")
    return v - h, v + h


def part_exceeds(whole: re.Match, part: re.Match) -> bool:
    """Same unit, and the smallest value the part admits is above the largest the whole admits."""
    return same_unit(whole["u"], part["u"]) and bounds(part["n"], part["m"])[0] > bounds(whole["n"], whole["m"])[1]


def _sites(doc):
    out = []
    for m in finditer(_PARTWHOLE, doc):
        if not same_unit(m["wu"], m["pu"]) or inexact(doc.text, m.start("w"), m.end("wu")) or inexact(doc.text, m.start("p"), m.end("pu")):
            continue
        if bounds(m["p"], m["pm"])[1] < bounds(m["w"], m["wm"])[0]:
            out.append(m)
    return out


class PartUp(Operator):
    """The part given one digit too many (×10 or ×100) so that it exceeds the whole."""

    category, name = "partwhole", "part_up"

    def sites(self, doc):
        return _sites(doc)

    def plant(self, doc, m, rng):
        part = quantity(m["p"])
        whole_hi = bounds(m["w"], m["wm"])[1]
        for k in (1, 2):
            new = fmt_like(part * 10 ** k, m["p"])
            if bounds(new, m["pm"])[0] > whole_hi:
                edit = Edit(doc.text)
                i = edit.replace(m.start("p"), m.end("p"), new)
                amount = new + (m["pm"] or "") + m["pu"]
                arith = f"part {amount} > whole {m['w']}{m['wm'] or ''}{m['wu']} (≤ {show(whole_hi)})"
                return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 0, len(amount)),
                                              ("orig", m.start("w"), m.end("wu")), arith))
        return None

    def verify(self, case):
        g, r = _ONE.fullmatch(case.gold_text), _ONE.fullmatch(case.related_text)
        return bool(g and r) and part_exceeds(r, g)


class WholeDown(Operator):
    """The whole given one digit too few (÷10 or ÷100) so that its part exceeds it."""

    category, name = "partwhole", "whole_down"

    def sites(self, doc):
        return _sites(doc)

    def plant(self, doc, m, rng):
        whole = quantity(m["w"])
        part_lo = bounds(m["p"], m["pm"])[0]
        for k in (1, 2):
            shrunk = whole / 10 ** k
            new = fmt_like(shrunk, m["w"]) if decimals(m["w"]) else str(int(shrunk))
            if new and quantity(new) > 0 and bounds(new, m["wm"])[1] < part_lo:
                edit = Edit(doc.text)
                i = edit.replace(m.start("w"), m.end("w"), new)
                amount = new + (m["wm"] or "") + m["wu"]
                arith = f"whole {amount} < part {m['p']}{m['pm'] or ''}{m['pu']} (≥ {show(part_lo)})"
                return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 0, len(amount)),
                                              ("orig", m.start("p"), m.end("pu")), arith))
        return None

    def verify(self, case):
        g, r = _ONE.fullmatch(case.gold_text), _ONE.fullmatch(case.related_text)
        return bool(g and r) and part_exceeds(g, r)


class PartUnitSlip(Operator):
    """The part's 万 written as 亿 (or a bare count given 万) so that it exceeds the whole."""

    category, name = "partwhole", "part_unit_slip"

    def sites(self, doc):
        return [m for m in _sites(doc) if m["pm"] in (None, "万", "萬")]

    def plant(self, doc, m, rng):
        new_mult = {"万": "亿", "萬": "億", None: "万" if doc.script == "hans" else "萬"}[m["pm"]]
        if bounds(m["p"], new_mult)[0] <= bounds(m["w"], m["wm"])[1]:
            return None
        edit = Edit(doc.text)
        start = m.start("pm") if m["pm"] else m.end("p")
        i = edit.replace(start, m.end("pm") if m["pm"] else start, new_mult)
        amount = m["p"] + new_mult + m["pu"]
        arith = f"part {amount} > whole {m['w']}{m['wm'] or ''}{m['wu']}"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, -len(m["p"]), len(amount)),
                                      ("orig", m.start("w"), m.end("wu")), arith))

    def verify(self, case):
        return PartUp.verify(self, case)


OPERATORS = [PartUp(), WholeDown(), PartUnitSlip()]


_LIST = re.compile(rf"(?P<sep>分别|分別)(?P<verb>达到|達到|为|為|是|有|达|達|共有)?(?P<values>(?:{ARABIC}(?:{_MULT})?(?:{_UNITS})?[、和及])+"
                   rf"{ARABIC}(?:{_MULT})?(?:{_UNITS}))(?![\d%])")
_TOTAL = re.compile(rf"(?:共计|共計)(?P<n>{ARABIC})(?P<m>{_MULT})?(?P<u>{_UNITS})")


class TotalBelowPart(Operator):
    """A total (共计W) inserted before a 分别 list of amounts, smaller than the largest amount."""

    category, name = "partwhole", "total_below_part"

    def sites(self, doc):
        out = []
        for m in finditer(_LIST, doc):
            vals = list(_ONE.finditer(m["values"]))
            bare = re.findall(ARABIC, m["values"])
            if len(vals) < 1 or m["values"].count("%") or inexact(doc.text, m.start("values"), m.end("values")):
                continue
            unit, mult = vals[-1]["u"], vals[-1]["m"]
            if any(v["u"] != unit or v["m"] != mult for v in vals) or len(bare) < 2 or len(vals) != len(bare):
                continue
            head = doc.text[clause_start(doc.text, m.start()):m.start()]
            if re.search(r"人均|平均|均|率|价|價|指数|指數|水平|标准|標準", head):
                continue      # averages, prices and rates do not add up to a total
            out.append((m, bare, mult, unit))
        return out

    def plant(self, doc, site, rng):
        m, bare, mult, unit = site
        largest = max(quantity(b) for b in bare)
        places = max(decimals(b) for b in bare)
        total = (largest * Fraction(rng.choice([80, 85, 90]), 100))
        text_n = fmt_like(total, max(bare, key=lambda b: quantity(b)))
        phrase = f"{'共计' if doc.script == 'hans' else '共計'}{text_n}{mult or ''}{unit}"
        edit = Edit(doc.text)
        i = edit.insert(m.start(), phrase + "，")
        arith = f"total {text_n}{mult or ''} < largest part {show(largest)}{mult or ''} (places {places})"
        big = max(_ONE.finditer(m["values"]), key=lambda v: quantity(v["n"]) if v["u"] else 0) \
            if all(v["u"] for v in _ONE.finditer(m["values"])) else None
        if big is None:
            return None
        start = m.start("values") + big.start()
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 0, len(phrase)),
                                      ("orig", start, start + len(big.group(0))), arith))

    def verify(self, case):
        g, r = _TOTAL.fullmatch(case.gold_text), _ONE.fullmatch(case.related_text)
        return bool(g and r) and r["u"] == g["u"] and \
            bounds(r["n"], r["m"])[0] > bounds(g["n"], g["m"])[1]


OPERATORS = [PartUp(), WholeDown(), PartUnitSlip(), TotalBelowPart()]
