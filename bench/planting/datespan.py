"""datespan: a 连续N年 or a 以来 span longer than the publication date allows."""
from __future__ import annotations

import re

from .base import Edit, Operator, finditer, make_case, sentence_start
from .numerals import han_text, int_value
from .script import in_script
from .streak import STREAK, streak_sites

_SINCE = re.compile(r"(?:自|从|從)?(?P<y>(?:19|20)\d\d)年(?:以来|以來|起|开始|開始)")
_SINCE_STREAK = re.compile(r"(?P<y>(?:19|20)\d\d)年以(?:来|來)[^。！？\n]{0,40}?(?P<streak>(?:连续|連續)(?P<n>\d{1,2}|[一二两兩三四五六七八九十]+)年)")


def years_allowed(since: int, published: int) -> int:
    """The most years a span from ``since`` can cover by publication (both years counted)."""
    return published - since + 1


def too_long(since: int, n: int, published: int) -> bool:
    """连续n年 since ``since`` cannot fit before publication."""
    return n > years_allowed(since, published)


class SinceInserted(Operator):
    """"Y年以来，" put before a 连续N年 clause with Y so late that N years cannot fit by publication."""

    category, name = "datespan", "since_inserted"
    wording = "{y}年以来，"

    def sites(self, doc):
        return [s for s in streak_sites(doc) if s[0]["unit"] == "年" and s[1] >= 3 and doc.year
                and not _SINCE.search(doc.text[sentence_start(doc.text, s[0].start()):s[0].start()])]

    def plant(self, doc, site, rng):
        m, n, cs, ce = site
        since = doc.year - n + rng.choice([2, 3])
        if since > doc.year:
            since = doc.year
        phrase = in_script(self.wording.format(y=since), doc.script)
        edit = Edit(doc.text)
        i = edit.insert(cs, phrase)
        arith = (f"published {doc.year} at the latest: {since}–{doc.year} is {years_allowed(since, doc.year)} "
                 f"years counting both ends, < 连续{n}年")
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 0, len(phrase) - 1),
                                      ("orig", m.start(), m.end()), arith, year=doc.year))

    def verify(self, case):
        g, r = _SINCE.fullmatch(case.gold_text), STREAK.fullmatch(case.related_text)
        return bool(g and r) and too_long(int(g["y"]), int_value(r["n"]), case.facts["year"]) \
            and case.related[0] - case.gold[1] < 60


class SinceFromYear(SinceInserted):
    """"自Y年起，" put before a 连续N年 clause with Y so late that N years cannot fit by publication."""

    name = "since_from_year"
    wording = "自{y}年起，"


class SinceMovedLater(Operator):
    """In "Y年以来…连续N年", the year moved later so the streak no longer fits by publication."""

    category, name = "datespan", "since_moved_later"

    def sites(self, doc):
        return [m for m in finditer(_SINCE_STREAK, doc) if doc.year
                and not too_long(int(m["y"]), int_value(m["n"]), doc.year) and int_value(m["n"]) >= 3]

    def plant(self, doc, m, rng):
        n = int_value(m["n"])
        since = min(doc.year, doc.year - n + rng.choice([2, 3]))
        edit = Edit(doc.text)
        i = edit.replace(m.start("y"), m.end("y"), str(since))
        arith = f"published {doc.year} at the latest: {since}–{doc.year} is {years_allowed(since, doc.year)} years < 连续{n}年"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, 0, len(str(since)) + 3),
                                      ("orig", m.start("streak"), m.end("streak")), arith, year=doc.year))

    def verify(self, case):
        g = re.match(r"(?P<y>\d{4})年以(?:来|來)", case.gold_text)
        r = STREAK.fullmatch(case.related_text)
        return bool(g and r) and too_long(int(g["y"]), int_value(r["n"]), case.facts["year"])


class StreakLengthened(Operator):
    """In "Y年以来…连续N年", N raised beyond the years from Y to publication."""

    category, name = "datespan", "streak_lengthened"

    def sites(self, doc):
        return SinceMovedLater.sites(self, doc)

    def plant(self, doc, m, rng):
        n = years_allowed(int(m["y"]), doc.year) + rng.choice([1, 2])
        new = str(n) if m["n"].isdigit() else han_text(n, doc.script == "hant")
        edit = Edit(doc.text)
        i = edit.replace(m.start("n"), m.end("n"), new)
        streak = m["streak"][:2] + new + "年"
        arith = f"published {doc.year} at the latest: {m['y']}–{doc.year} is {years_allowed(int(m['y']), doc.year)} years < 连续{n}年"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, -2, len(streak)),
                                      ("orig", m.start("y"), m.start("y") + 7), arith, year=doc.year))

    def verify(self, case):
        g = STREAK.fullmatch(case.gold_text)
        r = _SINCE.fullmatch(case.related_text)
        return bool(g and r) and too_long(int(r["y"]), int_value(g["n"]), case.facts["year"])


OPERATORS = [SinceInserted(), SinceFromYear(), SinceMovedLater(), StreakLengthened()]
