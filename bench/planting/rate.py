"""rate: a bounded rate or share (覆盖率, 占比, 占…的) above 100%."""
from __future__ import annotations

import re

from .base import Edit, Operator, finditer, inexact, make_case
from .numerals import decimal_value
from .vocab import BOUNDED_RATES, alternation

_PCT = r"(?P<p>\d+(?:\.\d+)?)%"
_LINK = r"(?:[达達]到|高达|高達|[达達]|为|為|是|超过|超過|提高到|提升到|提高至|提升至|升至|保持在|稳定在|穩定在|约|約)?"
_RATE = re.compile(rf"(?P<word>{alternation(BOUNDED_RATES)}){_LINK}{_PCT}(?![\d.])")
_SHARE = re.compile(rf"(?P<word>占|佔)(?P<whole>[^\d，。；,;%]{{1,16}}?)(?:的)?(?:比重|比例)?{_LINK}{_PCT}(?![\d.])")
_GOLD = re.compile(r"(?P<p>\d+(?:\.\d+)?)%")


def _ok_site(doc, m) -> bool:
    p = decimal_value(m["p"])
    before = doc.text[max(0, m.start() - 6):m.start()]
    # a change of a rate (提高5个百分点 is not here; 增长率/增速 are unbounded) is not a level
    return 0 < p < 100 and not inexact(doc.text, m.start("p"), m.end()) and not re.search(r"增长|增長|增速|变化|變化", before)


class DecimalPointLost(Operator):
    """A bounded rate with decimals loses its decimal point (98.5% → 985%)."""

    category, name = "rate", "decimal_point_lost"
    pattern = _RATE

    def sites(self, doc):
        return [m for m in finditer(self.pattern, doc) if _ok_site(doc, m) and "." in m["p"]
                and decimal_value(m["p"].replace(".", "")) > 100]

    def new_value(self, p: str) -> str:
        return p.replace(".", "")

    def plant(self, doc, m, rng):
        new = self.new_value(m["p"])
        edit = Edit(doc.text)
        i = edit.replace(m.start("p"), m.end("p"), new)
        arith = f"{m['word']} is bounded by 100%, stated {new}% > 100%"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 0, len(new) + 1),
                                      ("orig", m.start("word"), m.end("word")), arith))

    def verify(self, case):
        g = _GOLD.fullmatch(case.gold_text)
        return bool(g) and decimal_value(g["p"]) > 100 and \
            (case.related_text in BOUNDED_RATES or case.related_text in ("占", "佔"))


class HundredAdded(DecimalPointLost):
    """A bounded rate given a stray leading 1 (95% → 195%)."""

    name = "hundred_added"

    def sites(self, doc):
        return [m for m in finditer(self.pattern, doc) if _ok_site(doc, m) and "." not in m["p"]]

    def new_value(self, p: str) -> str:
        return "1" + p if len(p) == 2 else str(int(p) + 100)


class ShareOverWhole(DecimalPointLost):
    """A share of a whole (占全省…的P%) above 100%: the decimal point lost or a stray leading 1."""

    name = "share_over_whole"
    pattern = _SHARE

    def sites(self, doc):
        return [m for m in finditer(self.pattern, doc) if _ok_site(doc, m)]

    def new_value(self, p: str) -> str:
        return p.replace(".", "") if "." in p and decimal_value(p.replace(".", "")) > 100 else \
            str(decimal_value(p) + 100).rstrip("0").rstrip(".") if "." in p else str(int(p) + 100)


OPERATORS = [DecimalPointLost(), HundredAdded(), ShareOverWhole()]
