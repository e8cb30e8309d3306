"""Period claims for date spans: 2017年以来, 党的十八大以来, N年来, 近N年, N年间, 十四五, and closed spans
从2019年到2023年 / 2016—2020年 (which end at their own last year, not at publication)."""
from __future__ import annotations

import re

from ..document import Claim, Doc
from .common import NUM_CHARS, NUM_START, Triggers, anchored_at, small_number
from .types import PeriodData

CONGRESS_YEARS = {"十六": 2002, "十七": 2007, "十八": 2012, "十九": 2017, "二十": 2022}
PLAN_YEARS = {"十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}

# a period's count: ten characters at most, so that it lies within ``BACK`` of its anchor
NUM = rf"[{NUM_CHARS}]{{1,10}}"
_PERIOD = re.compile(
    r"(?P<y>(?:19|20)[0-9]{2})年(?:以来|至今|来)"
    r"|[自从](?P<ys>(?:19|20)[0-9]{2})年起"
    r"|党的(?P<c>十六|十七|十八|十九|二十)大(?:召开)?以来"
    rf"|(?P<near>近)?{NUM_START}(?P<n>{NUM})年(?:来|以来)"
    rf"|近(?P<n2>{NUM})年"
    rf"|{NUM_START}(?P<n3>{NUM})年间"
    r"|(?P<plan>十二五|十三五|十四五|十五五)(?P<within>以来|期间)"
    r"|(?P<ya>(?:19|20)[0-9]{2})年?(?:到|至|—|－|–|~|-)(?P<yb>(?:19|20)[0-9]{2})年"
)


ANCHORS = ("年", "大以来", "大召开以来", "五")  # every form holds one: 2017年以来, 十八大以来, 十四五
_BEFORE_ANCHOR = frozenset("0123456789零〇一二两三四五六七八九十百近党的“”\"自从到至—–－~-")  # 2016—2020年, 2016到2020年
BACK = 12  # at most this many characters of a period before its anchor
# most 年 and 五 are in no period: a period goes on after its 年 (2017年以来, 三年间, 2016年至2020年) or
# ends there with 近 or a dash before it (近三年, 2016—2020年); its 五 is a numeral's (五年来) or a plan's
_AFTER_YEAR = frozenset("以至来起间到—－–~-")
_BEFORE_LAST_YEAR = re.compile(r"近|[到至—－–~-]")
_AFTER_FIVE = re.compile(rf"[以期年]|{NUM}")


def _may_hold(text: str, p: int) -> bool:
    """Whether the anchor at ``p`` can be inside a period at all (cheap, before the pattern is tried)."""
    ch = text[p]
    if ch == "年":
        return text[p + 1:p + 2] in _AFTER_YEAR or _BEFORE_LAST_YEAR.search(text, max(0, p - BACK), p) is not None
    if ch == "五":
        return _AFTER_FIVE.match(text, p + 1) is not None
    return True


def period_matches(text: str, triggers: Triggers):
    """The matches ``_PERIOD.finditer(text)`` gives, tried only before the anchors that may be in one."""
    return anchored_at(_PERIOD, text, [p for p in triggers.starts(ANCHORS) if _may_hold(text, p)], BACK,
                       _BEFORE_ANCHOR)


def trigger_words() -> tuple[str, ...]:
    """The words every period form holds (``Triggers``)."""
    return ANCHORS


def build(doc: Doc, triggers: Triggers) -> list[Claim]:
    """Claims of kind ``period``: a since-year or a window of N years (``triggers``: the trigger words'
    positions)."""
    out = []
    for m in period_matches(doc.text, triggers):
        g = m.groupdict()
        if g["y"]:
            data = PeriodData(since=int(g["y"]), label=m.group(0))
        elif g["ys"]:  # 自2020年起: a start, which a plan may also name (从2027年起连续三年实施)
            data = PeriodData(since=int(g["ys"]), label=m.group(0), starting=True)
        elif g["c"]:
            data = PeriodData(since=CONGRESS_YEARS[g["c"]], label=m.group(0))
        elif g["plan"]:
            lo, hi = PLAN_YEARS[g["plan"]]  # 十三五期间 ends in 2020; 十三五以来 runs to publication
            data = PeriodData(since=lo, until=hi if g["within"] == "期间" else None, label=m.group(0))
        elif g["ya"]:
            lo, hi = int(g["ya"]), int(g["yb"])
            if hi < lo:
                continue
            data = PeriodData(since=lo, until=hi, label=f"{lo}年")
        else:
            n = small_number(g["n"] or g["n2"] or g["n3"])
            if n is None or n <= 0 or n > 200:
                continue
            data = PeriodData(years=n, label=m.group(0), near=bool(g["near"] or g["n2"]))
        out.append(Claim(id="", kind="period", start=m.start(), end=m.end(), data=data))
    return out
