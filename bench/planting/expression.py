"""expression: number-writing errors an editor would mark (约…左右, 下降N倍, 约…多, a dropped measure word)."""
from __future__ import annotations

import re
from dataclasses import replace

from .base import Edit, Operator, finditer, make_case
from .numerals import ARABIC, han_text
from .script import in_script
from .vocab import COUNT_UNITS, MEASURE_UNITS, MEASURE_WORDS, alternation

_MULT = r"(?:万亿|萬億|万|萬|亿|億)"
_UNIT = alternation(MEASURE_UNITS + COUNT_UNITS)
_ABOUT = re.compile(rf"(?P<yue>约|約)(?P<n>{ARABIC})(?P<m>{_MULT})?(?P<u>{_UNIT})(?!左右|多|余|餘|以上|以下|百分|月|小时|小時|半)")
_AROUND = re.compile(rf"(?<![约約\d.,])(?P<n>{ARABIC})(?P<m>{_MULT})?(?P<u>{_UNIT})(?P<zy>左右)")
_ABOUT_TEXT = "约 and 左右 both mark the same number as approximate"
_DUO = re.compile(rf"(?<![约約\d.,])(?P<n>\d+0)(?P<m>{_MULT})?(?P<duo>多|余|餘)(?P<u>{_UNIT})")
_FALL = re.compile(r"(?P<dir>下降|减少|減少|降低|下跌)(?P<le>了)?(?P<p>\d+(?:\.\d+)?)%")
_COUNT = re.compile(rf"(?<=[\u4e00-\u9fff])(?P<n>\d+)(?P<u>{alternation(MEASURE_WORDS)})(?=[，。；、,;])")

STACKED = re.compile(rf"(?:约|約){ARABIC}{_MULT}?(?:多|余|餘)?{_UNIT}(?:左右|多|余|餘)|(?:约|約){ARABIC}{_MULT}?(?:多|余|餘)\w")


class AddZuoyou(Operator):
    """约N个 given a 左右 as well (two approximation markers on one number)."""

    category, name = "expression", "add_zuoyou"

    def sites(self, doc):
        return list(finditer(_ABOUT, doc))

    def plant(self, doc, m, rng):
        edit = Edit(doc.text)
        edit.insert(m.end(), "左右")
        case = make_case(doc, self.category, self.name, edit, ("orig", m.start(), m.end()), None,
                         "约 and 左右 both mark the same number as approximate")
        gold = (case.gold[0], case.gold[1] + 2)
        return self.checked(replace(case, gold=gold, gold_text=case.text[gold[0]:gold[1]]))

    def verify(self, case):
        return bool(STACKED.fullmatch(case.gold_text))


class AddYue(Operator):
    """N个左右 given a 约 as well (two approximation markers on one number)."""

    category, name = "expression", "add_yue"
    why = "约 and 左右 both mark the same number as approximate"

    def sites(self, doc):
        return list(finditer(_AROUND, doc))

    def plant(self, doc, m, rng):
        edit = Edit(doc.text)
        yue = in_script("约", doc.script)
        i = edit.insert(m.start(), yue)
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 0, 1 + m.end() - m.start()),
                                      None, self.why))

    def verify(self, case):
        return bool(STACKED.fullmatch(case.gold_text))


class AddYueToDuo(AddYue):
    """N多个 given a 约 as well (约 with 多: an estimate and a lower bound at once)."""

    name = "add_yue_to_duo"
    why = "约 (an estimate) and 多 (more than) on one number contradict each other"

    def sites(self, doc):
        return list(finditer(_DUO, doc))


class DecreaseTimes(Operator):
    """A fall given in 倍 (下降两倍): a quantity cannot fall by a multiple of itself."""

    category, name = "expression", "decrease_times"

    def sites(self, doc):
        return list(finditer(_FALL, doc))

    def plant(self, doc, m, rng):
        k = rng.choice([2, 3])
        times = han_text(k, doc.script == "hant") + "倍"
        edit = Edit(doc.text)
        i = edit.replace(m.start("p"), m.end(), times)
        off = -(m.start("p") - m.start())
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, off, -off + len(times)), None,
                                      f"falling by {k} times the amount leaves 1 - {k} = {1 - k} of it: not possible "
                                      f"(a fall is written as a percentage or fraction)"))

    def verify(self, case):
        g = re.fullmatch(r"(?:下降|减少|減少|降低|下跌)了?(?P<k>[两兩二三])倍", case.gold_text)
        return bool(g)


class DropMeasureWord(Operator):
    """A count's measure word dropped (受理案件6104起， → 受理案件6104，)."""

    category, name = "expression", "drop_measure_word"

    def sites(self, doc):
        # before 、 and another number the dropped word reads as shared by the list (达到43、322家): no error
        return [m for m in finditer(_COUNT, doc) if not re.search(r"(?:19|20)\d\d$", m["n"])
                and int(m["n"]) >= 2 and not re.search(r"[第前近约約共達达]$", doc.text[m.start() - 1:m.start()])
                and not re.match(r"、\d", doc.text[m.end():m.end() + 2])]

    def plant(self, doc, m, rng):
        edit = Edit(doc.text)
        edit.replace(m.start("u"), m.end("u"), "")
        case = make_case(doc, self.category, self.name, edit, ("orig", m.start() - 2, m.end("n")), None,
                         f"{m['n']} counts {m['u']}: the measure word is missing")
        return self.checked(replace(case, facts={"unit": m["u"]}))

    def verify(self, case):
        text = case.text
        return bool(re.fullmatch(r"[\u4e00-\u9fff]{2}\d+", case.gold_text)) and \
            text[case.gold[1]:case.gold[1] + 1] in "，。；、,;"


OPERATORS = [AddZuoyou(), AddYue(), AddYueToDuo(), DecreaseTimes(), DropMeasureWord()]
