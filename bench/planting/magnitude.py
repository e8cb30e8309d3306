"""magnitude: a count of people or units beyond the population of the region the text is about."""
from __future__ import annotations

import re
from fractions import Fraction

from .base import Edit, Operator, finditer, inexact, make_case, sentence_start
from .numerals import ARABIC, quantity, show

# Resident population, 2020 census (万人), rounded: the harness's own table, used with a 1.5x margin.
POPULATION_WAN = {
    "云南省": 4721, "内蒙古自治区": 2405, "吉林省": 2407, "天津市": 1387, "安徽省": 6103, "山西省": 3492,
    "广西壮族自治区": 5013, "江苏省": 8475, "江西省": 4519, "河北省": 7461, "海南省": 1008, "湖南省": 6644,
    "福建省": 4154, "重庆市": 3205, "陕西省": 3953, "青海省": 592, "甘肃省": 2502, "香港": 747,
    "全国": 141178,
}
MARGIN = Fraction(3, 2)
_SCOPE = {"全省": "region", "我省": "region", "全区": "region", "全自治区": "region", "全市": "region",
          "全港": "香港", "本港": "香港", "香港": "香港", "全國": "全国", "全国": "全国", "我国": "全国"}
_PEOPLE = re.compile(rf"(?<![\d.,每])(?P<n>{ARABIC})(?P<m>万|萬|亿|億)?(?P<u>人|名|户|戶)(?!次|均|口|民币|民幣|大|工|以)")
_THINGS = re.compile(rf"(?<![\d.,每])(?P<n>{ARABIC})(?P<m>万|萬)(?P<u>家|所|座|个|個)(?!百分|月|小时|小時)")
_GOLD = re.compile(rf"(?P<n>{ARABIC})(?P<m>万|萬|亿|億)?(?P<u>\w)")


def scope_of(doc, start: int) -> str:
    """The region a count in this sentence is about (a scope word in the sentence, else the document's)."""
    head = doc.text[sentence_start(doc.text, start):start]
    for word, region in _SCOPE.items():
        if word in head:
            name = doc.region if region == "region" else region
            # 全市 is the region only where the region is a city (天津市, 重庆市) or for the seeds (a city
            # of the province: the province's population bounds it from above)
            if word == "全市" and not (doc.region.endswith("市") or doc.genre == "seeds"):
                continue
            if name in POPULATION_WAN:
                return name
    # without a scope word: a provincial report speaks of its province; a national news story is
    # bounded by the country; a Hong Kong story may be about anywhere, so it needs the word
    if doc.genre in ("reports", "seeds"):
        return doc.region if doc.region in POPULATION_WAN else ""
    return "全国" if doc.genre == "sina" else ""


def beyond(value: Fraction, region: str) -> bool:
    """More than 1.5 times the region's population."""
    return value > POPULATION_WAN[region] * 10 ** 4 * MARGIN


class _Slip(Operator):
    category = "magnitude"
    pattern = _PEOPLE
    old, new = ("万", "萬"), {"hans": "亿", "hant": "億"}

    def sites(self, doc):
        out = []
        for m in finditer(self.pattern, doc):
            if (m["m"] or "") not in self.old or inexact(doc.text, m.start(), m.end()):
                continue
            region = scope_of(doc, m.start())
            if region:
                out.append((m, region))
        return out

    def plant(self, doc, site, rng):
        m, region = site
        mult = self.new[doc.script]
        if not beyond(quantity(m["n"], mult), region):
            return None
        edit = Edit(doc.text)
        if m["m"]:
            i = edit.replace(m.start("m"), m.end("m"), mult)
        else:
            i = edit.insert(m.end("n"), mult)
        amount = m["n"] + mult + m["u"]
        arith = (f"{amount} = {show(quantity(m['n'], mult))} > 1.5 × {region} population "
                 f"{POPULATION_WAN[region]}万")
        case = make_case(doc, self.category, self.name, edit, ("new", i, -len(m["n"]), len(amount)), None, arith,
                         region=region)
        return self.checked(case)

    def verify(self, case):
        g = _GOLD.fullmatch(case.gold_text)
        return bool(g) and beyond(quantity(g["n"], g["m"] or ""), case.facts["region"])


class PeopleWanToYi(_Slip):
    """A count of people or households in 万 written in 亿, beyond the region's population."""

    name = "people_wan_to_yi"


class PeopleGainWan(_Slip):
    """A bare count of people given a stray 万, beyond the region's population."""

    name = "people_gain_wan"
    old, new = ("",), {"hans": "万", "hant": "萬"}


class ThingsWanToYi(_Slip):
    """A count of institutions or places (家/所/座/个) in 万 written in 亿: more than one per person."""

    name = "things_wan_to_yi"
    pattern = _THINGS


OPERATORS = [PeopleWanToYi(), PeopleGainWan(), ThingsWanToYi()]
