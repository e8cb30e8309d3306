"""respective: a 分别 list whose items and values no longer pair up; an enumeration count (四级) that
no longer matches its items."""
from __future__ import annotations

import re
from dataclasses import replace

from .base import Edit, Operator, clause_start, finditer, make_case
from .numerals import ARABIC, HAN_NUMERAL, han_int, han_text
from .vocab import COUNT_UNITS, MEASURE_UNITS, alternation

_UNIT = alternation(["%", "‰", "个百分点", "個百分點", "百分点", "百分點"] + MEASURE_UNITS + COUNT_UNITS)
_MULT = r"(?:万亿|萬億|万|萬|亿|億)"
_VALUE = rf"{ARABIC}{_MULT}?{_UNIT}?"
_RESPECTIVE = re.compile(rf"(?P<sep>分别|分別)(?P<verb>[^\d，。；、,;]{{0,5}}?)(?P<values>{_VALUE}(?:[、和及]{_VALUE})+)(?![\d.])")
_VALUES = re.compile(rf"{_VALUE}(?:[、和及]{_VALUE})*")
_ONE_VALUE = re.compile(_VALUE)


def items_of(segment: str) -> list[str]:
    """The items of a list written before 分别 (A、B和C)."""
    parts = segment.split("、")
    tail = re.split(r"[和及与與]", parts[-1])
    if len(parts) == 1 and len(tail) == 1:
        return parts
    return parts[:-1] + [t for t in tail if t]


def values_of(text: str) -> list[str]:
    """The values of a 分别 list (3.1%、5.1% / 310万吨和750万吨)."""
    return _ONE_VALUE.findall(text)


class _Respective(Operator):
    category = "respective"

    def sites(self, doc):
        out = []
        for m in finditer(_RESPECTIVE, doc):
            cs = clause_start(doc.text, m.start())
            segment = doc.text[cs:m.start()]
            items = items_of(segment)
            if len(items) >= 2 and len(items) == len(values_of(m["values"])) and all(items):
                out.append((m, cs))
        return out

    def verify(self, case):
        items = items_of(case.related_text)
        values = values_of(case.gold_text)
        return len(items) >= 1 and len(values) >= 1 and len(items) != len(values) \
            and _VALUES.fullmatch(case.gold_text) is not None


def _value_spans(m: re.Match) -> list[tuple[int, int]]:
    base = m.start("values")
    return [(base + v.start(), base + v.end()) for v in _ONE_VALUE.finditer(m["values"])]


class DropValue(_Respective):
    """One value (not the last, which may carry the unit) dropped from a 分别 list."""

    name = "drop_value"

    def plant(self, doc, site, rng):
        m, cs = site
        spans = _value_spans(m)
        k = rng.randrange(len(spans) - 1)
        edit = Edit(doc.text)
        edit.replace(spans[k][0], spans[k + 1][0], "")   # the value and the separator after it
        start, end = m.start("values"), m.end("values")
        removed = spans[k + 1][0] - spans[k][0]
        arith = f"{len(spans)} items, {len(spans) - 1} values after dropping {doc.text[spans[k][0]:spans[k][1]]}"
        case = make_case(doc, self.category, self.name, edit, ("orig", start, start), ("orig", cs, m.start()), arith)
        # gold: the shortened value list, located from the edit
        g0 = case.gold[0]
        text = case.text
        gold = (g0, g0 + (end - start) - removed)
        return self.checked(replace(case, gold=gold, gold_text=text[gold[0]:gold[1]]))


class DropItem(_Respective):
    """One item (not the last, which carries the shared noun) dropped from a 分别 list."""

    name = "drop_item"

    def plant(self, doc, site, rng):
        m, cs = site
        segment = doc.text[cs:m.start()]
        parts = segment.split("、")
        if len(parts) < 3:
            return None      # the first item carries the clause's verb and the last the shared noun
        k = rng.randrange(1, len(parts) - 1)
        start = cs + sum(len(p) + 1 for p in parts[:k])
        end = start + len(parts[k]) + 1
        edit = Edit(doc.text)
        edit.replace(start, end, "")
        arith = f"{len(values_of(m['values']))} values, {len(items_of(segment)) - 1} items after dropping {parts[k]}"
        case = make_case(doc, self.category, self.name, edit, ("orig", m.start("values"), m.end("values")),
                         ("orig", cs, cs), arith)
        rel = (case.related[0], case.related[0] + len(segment) - (end - start))
        return self.checked(replace(case, related=rel,
                                          related_text=case.text[rel[0]:rel[1]]))


class AddValue(_Respective):
    """A value added to a 分别 list (one more value than items)."""

    name = "add_value"

    def plant(self, doc, site, rng):
        m, cs = site
        spans = _value_spans(m)
        last = doc.text[spans[-1][0]:spans[-1][1]]
        num = re.match(ARABIC, last).group(0)
        unit = last[len(num):]
        extra = str(int(float(num.replace(",", ""))) + rng.choice([2, 3, 5])) + unit
        edit = Edit(doc.text)
        edit.insert(m.end("values"), "、" + extra)
        arith = f"{len(spans)} items, {len(spans) + 1} values after adding {extra}"
        case = make_case(doc, self.category, self.name, edit, ("orig", m.start("values"), m.end("values")),
                         ("orig", cs, m.start()), arith)
        gold = (case.gold[0], case.gold[1] + 1 + len(extra))
        return self.checked(replace(case, gold=gold, gold_text=case.text[gold[0]:gold[1]]))


_ENUM = re.compile(r"(?P<items>(?:[\u4e00-\u9fff]{1,6}、){1,8}[\u4e00-\u9fff]{1,6}?)(?P<deng>等)?"
                   r"(?P<num>[二两兩三四五六七八九十])(?P<cls>级|級|项|項|大|类|類|个|個|方面|种|種|化|家|所|条|條|地)(?!以上|以下|及以上|及以下|公路|水质|水質)")


class EnumerationCount(Operator):
    """A count word after an enumeration (市、县、乡、村四级) changed so it no longer matches the items."""

    category, name = "respective", "enumeration_count"

    def sites(self, doc):
        # three or more items: a two-item match is too often a count that belongs to the last item alone
        return [m for m in finditer(_ENUM, doc) if len(m["items"].split("、")) == han_int(m["num"]) >= 3]

    def plant(self, doc, m, rng):
        k = len(m["items"].split("、"))
        delta = rng.choice([-1, 1]) if k > 2 else 1
        if m["deng"]:
            delta = -1  # A、B、C等四大类 is consistent (等 names examples of four); 等两大类 is not
        new = han_text(k + delta, doc.script == "hant").replace("两", "二")
        if new in ("二", "兩") and m["cls"] in ("级", "級", "大", "个", "個"):
            new = "两" if doc.script == "hans" else "兩"
        edit = Edit(doc.text)
        i = edit.replace(m.start("num"), m.end("num"), new)
        arith = f"{k} items listed, the count says {han_int(new)}"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 0, len(new) + len(m["cls"])),
                                      ("orig", m.start("items"), m.end("items")), arith))

    def verify(self, case):
        g = re.fullmatch(rf"(?P<num>{HAN_NUMERAL})\w+", case.gold_text)
        return bool(g) and len(case.related_text.split("、")) != han_int(g["num"])


OPERATORS = [DropValue(), DropItem(), AddValue(), EnumerationCount()]
