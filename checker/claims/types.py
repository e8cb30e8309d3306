"""Typed data of each claim kind (instead of a dict read by string keys).

Every kind's record derives from ``ClaimData``, which carries the verdict and its detail that the
report shows for any claim."""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Optional


@dataclass
class ClaimData:
    """Fields every claim has: its own verdict (None = not decided by itself) and why."""

    verdict: Optional[str] = None
    detail: str = ""


@dataclass
class GivenValue:
    """A value written for an earlier period beside a change ("（上年同期为3796起）", "前年同期为330起"):
    how many periods back (``back``) or which year it names, and the quantity."""

    label: str                           # the period as written: 上年同期, 2019年
    quantity: Any
    back: Optional[int] = None           # 1: the year before, 2: the one before that
    year: Optional[int] = None
    start: int = 0                       # where the period word starts (the statement's span)


@dataclass
class ChangeData(ClaimData):
    """A change: "V, 比2020年下降P%", "从A下降到B, 下降P%"."""

    direction: str = ""                  # increase | decrease
    reference: str = ""                  # 同比 / 2020年 / 上年 / 环比 / 过去
    reference_year: Optional[int] = None
    back: Optional[int] = None           # periods back the reference names (同比 1, 比前年同期 2); None: a year or 环比
    series: int = -1                     # comparisons of one value share it (the value's or the chain's start)
    given: list[GivenValue] = field(default_factory=list)  # earlier values written right after the change
    given_conflict: Optional[GivenValue] = None             # the given prior the stated change contradicts
    average: bool = False                # 年均增长, 两年平均增长: an average over several periods, not one comparison
    ref_start: int = 0                   # where the reference (同比 / 比2020年) is written
    to_form: bool = False                # 下降到/为 X: X is the new value, not the amount
    subject: str = ""
    amount_kind: Optional[str] = None
    candidates: list[int] = field(default_factory=list)
    prior_range: Optional[str] = None
    prior_lo: Optional[Fraction] = None  # the admissible prior values (whole numbers for counts)
    prior_hi: Optional[Fraction] = None
    note: Optional[str] = None
    nearest: Optional[str] = None
    value: Optional[str] = None
    amount: Optional[str] = None
    form: str = "reference"              # reference | from-to
    stated: Optional[str] = None
    stated_kind: Optional[str] = None
    misuse: Optional[str] = None
    from_value: Optional[str] = None
    to_value: Optional[str] = None
    from_year: Optional[int] = None
    to_year: Optional[int] = None


@dataclass
class SeriesEntry:
    """One value a trend refers to, with the prior values each comparison implies (year → candidates).
    ``value`` is None for a chain of comparisons without a written value ("同比增长5%,比前年同期增长9%");
    ``adjacent`` when the trend word directly follows the series (no other statement between)."""

    value: Any
    points: dict[int, list[int]] = field(default_factory=dict)
    claims: list[Any] = field(default_factory=list)
    stated: dict[int, Any] = field(default_factory=dict)  # year → the quantity written for that year
    label: str = ""                                          # what the written series is about
    adjacent: bool = False


@dataclass
class TrendData(ClaimData):
    """逐年下降 / 持续增长 with the series it refers to."""

    direction: str = ""
    series: list[SeriesEntry] = field(default_factory=list)


@dataclass
class StreakData(ClaimData):
    """连续N年 / N年连降: the length, its unit and the outcome (下降, 上升, 第一, …)."""

    n: int = 0
    n_text: str = ""
    unit: str = "年"
    outcome: str = ""
    multiplicity: int = 1                # 双下降 = 2 listed items, 三下降 = 3
    items: list[str] = field(default_factory=list)  # what the streak is about, as listed before it
    streak_start: int = 0
    streak_end: int = 0
    wording: str = ""                    # the clause as written around the streak, its length left out


@dataclass
class PeriodData(ClaimData):
    """A since-year or a window of years (2017年以来, 五年来, 十四五)."""

    label: str = ""
    since: Optional[int] = None
    until: Optional[int] = None          # the last year of a closed span (2016—2020年, 十三五期间)
    years: Optional[int] = None
    near: bool = False
    starting: bool = False               # 自2020年起: may also start a plan, so never "in the future"


@dataclass
class RateData(ClaimData):
    """A rate or share; ``fraction`` when its numerator and denominator are stated beside it;
    ``may_exceed`` when the rate's name admits more than 100% (完成率, 增长率)."""

    name: str = ""
    fraction: bool = False
    may_exceed: bool = False
    of_count: bool = False      # quantities[1] is a counted whole the share must be a whole part of


@dataclass
class PartWholeData(ClaimData):
    """A whole and its parts (其中 / 包括 / 共计 …)."""

    form: str = ""


@dataclass
class RespectiveData(ClaimData):
    """A 分别 list or a counted enumeration: items, and the values or the count stated."""

    form: str = ""                       # 分别 | enumeration
    items: list[str] = field(default_factory=list)
    n_items: int = 0
    n_values: int = 0
    n_stated: int = 0
    open: bool = False                   # 等: the list names examples only
    n_alt: int = 0                       # another admissible item count (和 inside the last item's name)
