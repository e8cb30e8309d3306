"""Find quantities in normalised text.

The scanner finds runs of numeral characters, rejects those that are words
(唯一, 十四五), ordinals (第二), names and codes (12345热线, "5·30"专案,
1+10+112), then reads what follows: approximation words, 万/亿, a unit or
measure word, %, 倍, 番, 成.  Dates and years are recognised so that later
stages do not mistake 2021年 for a count.
"""
from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from functools import lru_cache

from ..resources import load_data_toml
from .interval import Interval
from .numerals import BIG_UNITS, CN_DIGITS, NumeralError, parse_number, parse_rough
from .quantity import Quantity
from .units import UNIT_ALTERNATION, unit_kind

_D = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CAPITALS = "壹贰叁肆伍陆柒捌玖拾佰仟"  # financial capitals: a lone one is a word (陆续, 入伍, 收拾)
_CAPITAL_SET = frozenset(_CAPITALS)
_PLACES = "十百千万亿拾佰仟萬億廿卅卌"
_CN = "零〇○一二两兩三四五六七八九" + _CAPITALS + _PLACES
# 几 stands for a digit next to a place (十几, 几十, 三万几), never alone (几乎, 茶几)
_RUN = re.compile(
    rf"(?:{_D}|[{_CN}]|几(?=[{_PLACES}]))(?:{_D}|[{_CN}]|点(?=[零〇一二两三四五六七八九])|(?<=[{_PLACES}])几)*"
)
# 壹佰万元整, 玖仟陆佰陆拾伍圆壹角捌分: an amount in capitals read as one number
_NONZERO = "".join(ch for ch, d in CN_DIGITS.items() if d)
_MONEY_TAIL = re.compile(rf"[元圆](?:[零〇]?[{_NONZERO}]角)?(?:[零〇]?[{_NONZERO}]分)?[整正]?")
_TAIL = re.compile(
    r"(?P<a1>余|多)?(?P<mag>万亿|亿|万)?(?P<a2>余|多)?"
    rf"(?:(?P<pct>%|‰)|(?P<mult>倍)|(?P<unit>{UNIT_ALTERNATION}))?"
    r"(?P<post>左右|以上|以下|上下|之多|许|多|余)?"
)
# 约有/大约有 (约有3万名): 约 with its verb, read like 约
_PREFIXES = ("将近", "接近", "大约有", "大约", "约为", "约有", "超过", "不足", "不到", "至少", "最多", "逾", "近", "约", "超")
# the first digit is matched before the look-behind (no digit before it), so the search skips
# ahead to digits instead of trying the look-behind at every position
_DATE = re.compile(
    r"\d(?<!\d\d)(?:\d{3}-\d{1,2}-\d{1,2}|\d{3}年\d{1,2}月(?:\d{1,2}日)?|\d{3}\.\d{1,2}\.\d{1,2}|\d?月\d{1,2}日)"
)
_RANGE_SEP = ("~", "～", "—", "-", "至", "到", "－", "–")
_CHENG_STOP = set("为立功果本员效绩就熟年长交型片都千立套像规全效")
_ZERO_PREFIX = frozenset("百千万亿佰仟萬億")
_MINUS = frozenset("-－−")
_AFTER_DUO = frozenset("月天年日周小时万亿倍")  # 两个多月, 5年多时间 — but not 573个多功能
_MAGNITUDES = {None: 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}
_YEAR_DIGITS = re.compile(r"\d{4}")
_TAIL_GROUPS = ("a1", "mag", "a2", "pct", "mult", "unit", "post")


@lru_cache(maxsize=1)
def _lexicon():
    data = load_data_toml("numeral_words.toml")
    idioms = sorted(set(data["idioms"]), key=len, reverse=True)
    idiom_re = re.compile("|".join(map(re.escape, idioms)))
    return (
        idiom_re,
        tuple(data["ordinal_prefixes"]),
        tuple(data["enumeration_suffixes"]),
        tuple(data["name_suffixes"]),
    )


@lru_cache(maxsize=1)
def _context_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(units that begin with a numeral character, words after 近+duration meaning "recent")."""
    data = load_data_toml("number_context.toml")
    return (tuple(sorted(data["numeral_led_units"], key=len, reverse=True)),
            tuple(sorted(data["recent_followers"], key=len, reverse=True)))


def _unit_owned_end(text: str, s: int, e: int) -> int:
    """End of the numeral run once a trailing 千/百/十 that starts a unit word (千克) is given back."""
    units = _context_words()[0]
    while e - s > 1 and text.startswith(units, e - 1) and text[e - 1] in "十百千":
        e -= 1
    return e


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    idiom_re = _lexicon()[0]
    return [m.span() for m in idiom_re.finditer(text) if not _inside_numeral(text, m)]


def _inside_numeral(text: str, m: re.Match) -> bool:
    """An idiom of numeral characters only, inside a longer numeral (二万一千: not 万一), when a numeral
    stands before it and a place or another numeral after it."""
    if not all(ch in _CN for ch in m.group(0)) or m.start() == 0 or m.end() >= len(text):
        return False
    before, after = text[m.start() - 1], text[m.end()]
    return (before in _CN or before.isdigit()) and (after in _PLACES or after in _CN)


class _SpanCursor:
    """Whether runs met in increasing start order overlap any of ``spans`` (sorted by start, possibly
    overlapping): a pointer that only moves forward, so a whole document costs one pass."""

    __slots__ = ("_spans", "_i", "_reach")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._i = 0          # first span not yet passed
        self._reach = -1     # the furthest end of the spans passed so far

    def overlaps(self, s: int, e: int) -> bool:
        """``[s, e)`` shares a code point with a span; ``s`` never decreases between calls."""
        spans, i, n = self._spans, self._i, len(self._spans)
        while i < n and spans[i][0] < s:
            if spans[i][1] > self._reach:
                self._reach = spans[i][1]
            i += 1
        self._i = i
        return self._reach > s or (i < n and spans[i][0] < e)


def _last_place(value: Fraction, step: Fraction, magnitude: int) -> Fraction:
    """Place value of the last non-zero digit written (600余万 → 100万)."""
    if value == 0:
        return step
    if value.denominator == 1 and step.denominator == 1:   # the common case, in integers
        n, r = divmod(value.numerator, step.numerator)
        if r:
            return step
    else:
        v = value / step
        if v.denominator != 1:
            return step
        n = v.numerator
    k = 0
    while n % 10 == 0:
        n //= 10
        k += 1
    return step * 10**k if k else step


def _approx_interval(v: Fraction, place: Fraction, words: tuple[str, ...], base: Interval) -> Interval:
    iv = base
    for w in words:
        if w in ("余", "多", "之多"):
            nxt = Interval(v, v + place, False, False)
        elif w in ("以上",):
            nxt = Interval(v, None, True, False)
        elif w in ("超过", "逾", "超"):
            nxt = Interval(v, None, False, False)
        elif w in ("以下",):
            nxt = Interval(Fraction(0), v, True, True)
        elif w in ("不足", "不到", "最多"):
            nxt = Interval(Fraction(0), v, True, w == "最多")
        elif w in ("至少",):
            nxt = Interval(v, None, True, False)
        elif w in ("近", "将近", "接近"):
            nxt = Interval(v - place, v, True, True)
        else:  # 约 左右 上下 许 大约 约为
            nxt = Interval(v - place / 2, v + place / 2, True, True)
        iv = nxt.intersect(iv) or nxt if iv is not base else nxt
    return iv


def _prefix_word(text: str, start: int) -> str | None:
    if start <= 0 or not text.endswith(_PREFIXES, 0, start):
        return None
    for p in _PREFIXES:
        if start - len(p) >= 0 and text.startswith(p, start - len(p)):
            return p
    return None


def _is_name(text: str, s: int, e: int, tail_end: int, unit: str | None) -> bool:
    before = text[s - 1] if s > 0 else ""
    after = text[e] if e < len(text) else ""
    if (before and before in "+·•") or (after and after in "+·•"):
        return True
    if after == "." and e + 1 < len(text) and text[e + 1].isdigit() and before == "“":
        return True
    if before == "“" and text.startswith("”", tail_end) and unit is None:
        return True
    name_suffixes = _lexicon()[3]
    rest = text[tail_end:tail_end + 4].lstrip(" ")
    if unit is None and rest.startswith(name_suffixes):
        return True
    # a bare five-or-more-digit number followed by a space and a name (12345 民情热线)
    if unit is None and e - s >= 5 and text[s:e].isdigit() and text[e:e + 1] == " ":
        return True
    return False


def extract_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text`` (normalised), in order, without overlaps."""
    blocked = _SpanCursor(_blocked_spans(text))
    _, ordinal_prefixes, enum_suffixes, _ = _lexicon()
    out: list[Quantity] = []
    date_spans = []
    for m in _DATE.finditer(text):
        date_spans.append(m.span())
        s, e = m.span()
        year = _YEAR_DIGITS.match(m.group(0))
        v = Fraction(int(year.group(0))) if year else Fraction(0)
        out.append(Quantity(s, e, s, e, m.group(0), v, Interval.point(v), 0, Fraction(1),
                            None, "date"))
    pos = 0
    dates = _SpanCursor(date_spans)
    for m in _RUN.finditer(text):
        s, e = m.span()
        if s < pos:
            continue
        if dates.overlaps(s, e):
            continue
        run = m.group(0)
        e2 = _unit_owned_end(text, s, e)
        if e2 != e:
            e, run = e2, run[:e2 - s]
        if len(run) > 40:
            continue  # a digit string this long is a code or junk, not a quantity
        # a leading 百/千/万/亿 with no digit (百万警进千万家) is a word
        if run[0] in _ZERO_PREFIX:
            continue
        if blocked.overlaps(s, e):
            continue
        if s > 0 and text.endswith(ordinal_prefixes, 0, s):
            continue
        q = _read_quantity(text, s, e, run, enum_suffixes)
        if q is None:
            continue
        out.append(q)
        pos = q.end
    out.sort(key=lambda q: q.start)
    return _merge_ranges(text, _listed_months(text, out))


def _listed_months(text: str, qs: list[Quantity]) -> list[Quantity]:
    """In 4、5月份 / 7和8月 the first number is a month too, not a count."""
    for k in range(len(qs) - 2, -1, -1):
        a, b = qs[k], qs[k + 1]
        if b.kind == "date" and b.unit == "月" and a.kind == "count" and a.unit is None \
                and a.magnitude == 1 and a.interval.is_point and 1 <= a.value <= 12 \
                and text[a.end:b.start] in ("、", "和", "及", "与", ",", "，"):
            qs[k] = replace(a, unit="月", kind="date")
    return qs


def _read_quantity(text: str, s: int, e: int, run: str, enum_suffixes) -> Quantity | None:
    if len(run) == 1 and run in _CAPITALS:
        return None
    if not _CAPITAL_SET.isdisjoint(run):
        money = _read_capital_money(text, s, e)
        if money is not None:
            return money
    # 百分之十二 / 百分之12.5
    pct_word = s >= 3 and text.startswith("百分之", s - 3)
    # trailing 万/亿 belong to the tail so 600余万 and 600万 read alike
    core = run
    while core and core[-1] in "万亿" and len(core) > 1:
        core = core[:-1]
    try:
        parsed_core = parse_number(core)
    except NumeralError:
        return _read_rough(text, s, e, run)
    tail = _TAIL.match(text, s + len(core))
    # all-Chinese single character needs a unit (一是, 一个 in prose)
    is_cn = not any(map(str.isdigit, run))
    if is_cn and len(core) == 1 and core in "一二两三四五六七八九十":
        if text.startswith(enum_suffixes, e):
            return None
    if parsed_core.positional and is_cn:
        # 二〇二一年 is a year; other digit strings are handled as pairs
        if not (len(core) == 4 and text.startswith("年", s + len(core))):
            return _read_rough(text, s, e, run)
    a1, mag, a2, pct, mult, unit, post = tail.group(*_TAIL_GROUPS)
    magnitude = _MAGNITUDES[mag]
    value = parsed_core.value * magnitude if mag else parsed_core.value
    step = parsed_core.step * magnitude if mag else parsed_core.step
    if mag:
        # 9.6万 rounds at 0.1万; 90444万 at 1万
        step = Fraction(1, 10**parsed_core.decimals) * magnitude if parsed_core.decimals else Fraction(magnitude)
    kind = "count"
    if pct or pct_word:
        kind = "percent"
        unit = "%"
        if pct == "‰":
            value /= 10
            step /= 10
    elif mult:
        kind = "multiple"
        unit = "倍"
    elif unit:
        kind = unit_kind(unit)
        if unit in ("万元", "亿元"):
            scale = 10**4 if unit == "万元" else 10**8
            value *= scale
            step *= scale
            magnitude *= scale
            unit = "元"
    end = tail.end() if tail.end() > s + len(core) else s + len(core)
    # a number directly followed by 番 after 翻 (翻两番)
    if unit is None and text.startswith("番", end) and "翻" in text[max(0, s - 2):s]:
        kind, unit, end = "multiple", "番", end + 1
    if unit is None and text.startswith("成", end) and is_cn and parsed_core.value <= 10:
        nxt = text[end + 1:end + 2]
        if nxt not in _CHENG_STOP:
            kind, unit, end = "ratio", "成", end + 1
    if unit is None and text.startswith("分之", end):
        m2 = _RUN.match(text, end + 2)
        if m2:
            try:
                num = parse_number(m2.group(0)).value
            except NumeralError:
                num = None
            if num is not None and value:
                frac = num / value
                return Quantity(s, m2.end(), s, m2.end(), text[s:m2.end()], frac, Interval.point(frac),
                                0, Fraction(0), "分之", "ratio")
    if kind == "duration" and unit in ("年", "年度") and parsed_core.decimals == 0 and not mag \
            and 1900 <= value <= 2100 and (len(core) == 4):
        kind = "year"
    if unit is None and not is_cn and text.startswith("月", end) and 1 <= value <= 12 and not mag \
            and parsed_core.decimals == 0:
        unit, end = "月", end + (2 if text.startswith("月份", end) else 1)  # 9月 / 11月份: a month
    if unit == "月" or unit == "日":
        kind = "date"
    if is_cn and len(core) == 1 and unit is None and kind == "count":
        return None
    approx = []
    pre = _prefix_word(text, s - (3 if pct_word else 0))
    if pre:
        approx.append(pre)
    for word in (a1, a2):
        if word:
            approx.append(word)
    if post:
        after_post = text[end:end + 1]
        if post in ("多", "余") and (kind not in ("multiple", "duration", "count", "money", "measure")
                                    or ("\u4e00" <= after_post <= "\u9fff" and after_post not in _AFTER_DUO)):
            end = end - len(post)
            post = None
        else:
            approx.append(post)
    if unit == "个" and post in ("多", "余") and text.startswith("月", end):
        unit, kind, end = "个月", "duration", end + 1  # 一个多月: a duration of over a month
    if pre in ("近", "最近") and kind == "duration" and _means_recent(text, end, tail):
        approx.remove(pre)  # 近一个多月新低, 近3年来: the latest N months, not "nearly"
    start = s - 3 if pct_word else s
    if _is_name(text, s, e, end, unit):
        return None
    if kind in ("year", "date"):
        base = Interval.point(value)
    elif kind in ("count", "duration", "measure") and parsed_core.decimals == 0 and magnitude == 1:
        base = Interval.point(value)
    else:
        base = Interval.rounded(value, step)
    interval = _approx_interval(value, _last_place(value, step, magnitude), tuple(approx), base) \
        if approx else base
    if kind in ("percent", "percentage_point") and start == s and _minus_before(text, s):
        value, interval, start = -value, interval.negated(), s - 1     # 比上年增长-3.5%
    return Quantity(
        start=start, end=end, num_start=s, num_end=s + len(core) + (len(mag) if mag and text.startswith(mag, s + len(core)) else 0),
        text=text[start:end], value=value, interval=interval, decimals=parsed_core.decimals,
        step=step, unit=unit, kind=kind, approx=tuple(approx), magnitude=magnitude,
        mixed_numerals=parsed_core.mixed,
    )


def _means_recent(text: str, end: int, tail) -> bool:
    if tail.group("a1") or tail.group("a2") or tail.group("post") in ("多", "余"):
        return True
    return text.startswith(_context_words()[1], end)


def _minus_before(text: str, s: int) -> bool:
    """A minus sign right before ``s`` that follows a word or a colon (增长-3.5%, 增速：-2%), not a digit."""
    if s < 2 or text[s - 1] not in _MINUS:
        return False
    before = text[s - 2]
    return before in "：:" or "\u4e00" <= before <= "\u9fff"


def _read_rough(text: str, s: int, e: int, run: str) -> Quantity | None:
    """概数 (三四个月, 五六十年, 十几个, 几十年, 三五天): an interval, marked approximate, when a unit follows."""
    try:
        iv = parse_rough(run)
    except NumeralError:
        return None
    tail = _TAIL.match(text, e)
    unit = tail.group("unit")
    kind = unit_kind(unit)
    if tail.group("pct") == "%":
        unit, kind = "%", "percent"
    elif unit is None or tail.group("mag") or tail.group("pct"):
        return None
    magnitude = 1
    for c in reversed(run):
        if c not in BIG_UNITS:
            break
        magnitude *= BIG_UNITS[c]
    return Quantity(s, tail.end(), s, e, text[s:tail.end()], iv.lo, iv, 0, Fraction(1), unit, kind,
                    ("概数",), magnitude, False, True, iv.hi)


def _read_capital_money(text: str, s: int, e: int) -> Quantity | None:
    """An amount in capitals with its money units (壹佰万元整 = 1000000 元, exact)."""
    m = _MONEY_TAIL.match(text, e)
    if m is None or (m.end() - e < 2 and text[e] != "圆"):
        return None
    try:
        p = parse_number(text[s:m.end()])
    except NumeralError:
        return None
    return Quantity(s, m.end(), s, e, text[s:m.end()], p.value, Interval.point(p.value), p.decimals, p.step,
                    "元", "money")


def _merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Join ``15%~20%``, ``15~20%``, ``3至5年`` and ``2017-2020年度`` into ranges."""
    if len(qs) < 2:
        return qs
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs):
            b = qs[i + 1]
            sep = text[a.end:b.start]
            months = b.kind == "date" and b.unit == "月" and a.unit is None and a.kind == "count" \
                and a.interval.is_point and 1 <= a.value <= 12  # 1-6月: a span of months
            if sep in _RANGE_SEP and (a.unit is None or a.unit == b.unit) and (months or (
                    a.kind not in ("date",) and b.kind != "date")):
                lo = a.value
                if a.unit is None and b.magnitude > 1 and a.magnitude == 1 and b.kind != "year":
                    lo = a.value * b.magnitude  # 9~16亿: the first value borrows the magnitude
                kind = b.kind
                iv = Interval(min(lo, b.value), max(lo, b.value))
                out.append(Quantity(a.start, b.end, a.num_start, b.num_end, text[a.start:b.end],
                                    lo, iv, max(a.decimals, b.decimals), b.step, b.unit, kind,
                                    a.approx + b.approx, b.magnitude, a.mixed_numerals or b.mixed_numerals,
                                    True, b.value))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
