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
from operator import attrgetter
from typing import NamedTuple

from ..resources import load_data_toml
from ..text.trie import longest_word_pattern
from .interval import Interval
from .numerals import BIG_UNITS, CN_DIGITS, NumeralError, parse_number, parse_rough
from .quantity import Quantity
from .units import UNIT_ALTERNATION, UNIT_KINDS, UNITS, unit_kind

_D = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CAPITALS = "壹贰叁肆伍陆柒捌玖拾佰仟"  # financial capitals: a lone one is a word (陆续, 入伍, 收拾)
_CAPITAL_SET = frozenset(_CAPITALS)
_PLACES = "十百千万亿拾佰仟萬億廿卅卌"
_CN = "零〇○一二两兩三四五六七八九" + _CAPITALS + _PLACES
# 几 stands for a digit next to a place (十几, 几十, 三万几), never alone (几乎, 茶几).
# A run starts with an Arabic number, a numeral character or 几 before a place; the pattern opens with
# the class of every first character (then tells the three apart by looking back at it), so the
# search skips ahead to such a character instead of trying the pattern at every position.
_RUN_FIRST = rf"[\d{_CN}几]"
_RUN_ARABIC_REST = r"(?<=\d)\d*(?:,\d{3})*(?:\.\d+)?"   # an Arabic number after its first digit
_RUN_ROUGH_FIRST = rf"(?<=几)(?=[{_PLACES}])"
_RUN_MORE = rf"(?:{_D}|[{_CN}]|点(?=[零〇一二两三四五六七八九])|(?<=[{_PLACES}])几)"
_RUN = re.compile(rf"{_RUN_FIRST}(?:{_RUN_ARABIC_REST}|(?<=[{_CN}])|{_RUN_ROUGH_FIRST}){_RUN_MORE}*")
# 壹佰万元整, 玖仟陆佰陆拾伍圆壹角捌分: an amount in capitals read as one number
_NONZERO = "".join(ch for ch, d in CN_DIGITS.items() if d)
_MONEY_TAIL = re.compile(rf"[元圆](?:[零〇]?[{_NONZERO}]角)?(?:[零〇]?[{_NONZERO}]分)?[整正]?")
# the tail after a number: approximation words around 万/亿, then %, 倍 or a unit, then a closing word
_AROUND_MAG = ("余", "多")
_MAGNITUDE_WORDS = ("万亿", "亿", "万")
_POST_WORDS = ("左右", "以上", "以下", "上下", "之多", "许", "多", "余")
_TAIL = re.compile(
    rf"(?P<a1>{'|'.join(_AROUND_MAG)})?(?P<mag>{'|'.join(_MAGNITUDE_WORDS)})?"
    rf"(?P<a2>{'|'.join(_AROUND_MAG)})?"
    rf"(?:(?P<pct>%|‰)|(?P<mult>倍)|(?P<unit>{UNIT_ALTERNATION}))?"
    rf"(?P<post>{'|'.join(_POST_WORDS)})?"
)
# characters that can start a non-empty tail or a suffix read after it (翻两番, 三成, 三分之一): a lone
# Chinese digit followed by none of them is a word, not a quantity
_SUFFIX_FIRST = frozenset("".join(_AROUND_MAG + _MAGNITUDE_WORDS + _POST_WORDS) + "%‰倍番成分"
                          + "".join(u[0] for u in UNITS))
# The scan for runs: _RUN, less most lone numeral characters that are words (一是, 一些: no numeral,
# 点, 几 or tail character after them, no 百分之 before them), which the scan loop rejects anyway.
_AFTER_NUMERAL = re.escape("".join(sorted(_SUFFIX_FIRST)))
_LONE_NUMERAL_KEPT = rf"(?<=[{_CN}])(?=[\d{_CN}点几{_AFTER_NUMERAL}])|(?<=百分之[{_CN}])"
_SCAN = re.compile(rf"{_RUN_FIRST}(?:{_RUN_ARABIC_REST}|{_LONE_NUMERAL_KEPT}|{_RUN_ROUGH_FIRST}){_RUN_MORE}*")
# 约有/大约有 (约有3万名): 约 with its verb, read like 约
_PREFIXES = ("将近", "接近", "大约有", "大约", "约为", "约有", "超过", "不足", "不到", "至少", "最多", "逾", "近", "约", "超")
# the first digit is matched before the look-behind (no digit before it), so the search skips
# ahead to digits instead of trying the look-behind at every position; 2021-3-5, 2021年3月(5日),
# 2021.3.5 share their four digits
_DATE = re.compile(
    r"\d(?<!\d\d)(?:\d{3}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月(?:\d{1,2}日)?|\.\d{1,2}\.\d{1,2})|\d?月\d{1,2}日)"
)
_RANGE_SEP = ("~", "～", "—", "-", "至", "到", "－", "–")
_RANGE_SEP_LENGTHS = frozenset(map(len, _RANGE_SEP))
_CHENG_STOP = set("为立功果本员效绩就熟年长交型片都千立套像规全效")
_ZERO_PREFIX = frozenset("百千万亿佰仟萬億")
_MINUS = frozenset("-－−")
_PREFIX_ENDS = frozenset(p[-1] for p in _PREFIXES)
_JOINING_MARKS = frozenset("+·•")   # a number joined by one of these is part of a name (1+10+112, 5·30)
_NAME_MARKS = _JOINING_MARKS | {"“"}  # a number next to one of these may be part of a name (see _is_name)
_AFTER_DUO = frozenset("月天年日周小时万亿倍")  # 两个多月, 5年多时间 — but not 573个多功能
_MAGNITUDES = {None: 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}
_YEAR_DIGITS = re.compile(r"\d{4}")


class _Lexicon(NamedTuple):
    """The words of numeral_words.toml, in the forms the scanner uses."""

    idioms: re.Pattern                  # words with numeral characters that are not quantities
    ordinal_prefixes: tuple[str, ...]
    enumeration_suffixes: tuple[str, ...]
    name_suffixes: tuple[str, ...]
    numeral_idioms: frozenset[str]      # idioms of numeral characters only (万一)
    name_suffix_firsts: frozenset[str]  # first characters of the name suffixes


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_data_toml("numeral_words.toml")
    return _Lexicon(
        re.compile(longest_word_pattern(data["idioms"])),
        tuple(data["ordinal_prefixes"]),
        tuple(data["enumeration_suffixes"]),
        tuple(data["name_suffixes"]),
        frozenset(w for w in data["idioms"] if all(ch in _CN for ch in w)),
        frozenset(w[:1] for w in data["name_suffixes"]),
    )


@lru_cache(maxsize=1)
def _context_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(units that begin with a numeral character, words after 近+duration meaning "recent")."""
    data = load_data_toml("number_context.toml")
    return (tuple(sorted(data["numeral_led_units"], key=len, reverse=True)),
            tuple(sorted(data["recent_followers"], key=len, reverse=True)))


@lru_cache(maxsize=1)
def _code_exceptions() -> tuple[frozenset[str], frozenset[str]]:
    """(Latin names of a figure that may stand right before its value, upper-cased; the counters of people
    and cases a code does not take)."""
    data = load_data_toml("number_context.toml")
    return frozenset(w.upper() for w in data["value_acronyms"]), frozenset(data["counted_after_letters"])


def _after_letters(text: str, s: int) -> bool:
    """Whether the digits at ``s`` continue Latin letters that do not name a figure (PM2.5, NO2, G20, L3级;
    not GDP10万亿元, in any case)."""
    i = s
    while i > 0 and text[i - 1].isascii() and text[i - 1].isalpha():
        i -= 1
    return i < s and text[i:s].upper() not in _code_exceptions()[0]


def _a_code(q: Quantity) -> bool:
    """Whether a number read right after Latin letters (``_after_letters``) is part of a code: it is not when
    it reads as a value, a percentage, an amount of money, a measure with its unit or a count of people or
    cases (ROE15%, RMB100万元, 3x5米, 僅DQ50余人)."""
    if q.kind in ("percent", "money", "measure"):
        return False
    return not (q.kind == "count" and q.unit in _code_exceptions()[1])


def _unit_owned_end(text: str, s: int, e: int) -> int:
    """End of the numeral run once a trailing 千/百/十 that starts a unit word (千克) is given back."""
    units = _context_words()[0]
    while e - s > 1 and text.startswith(units, e - 1) and text[e - 1] in "十百千":
        e -= 1
    return e


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    lexicon = _lexicon()
    numeral_idioms = lexicon.numeral_idioms
    return [m.span() for m in lexicon.idioms.finditer(text)
            if m.group(0) not in numeral_idioms or not _inside_numeral(text, m)]


def _inside_numeral(text: str, m: re.Match) -> bool:
    """An idiom of numeral characters only (``_Lexicon.numeral_idioms``) inside a longer numeral (二万一千:
    not 万一), when a numeral stands before it and a place or another numeral after it."""
    if m.start() == 0 or m.end() >= len(text):
        return False
    before, after = text[m.start() - 1], text[m.end()]
    return (before in _CN or before.isdigit()) and (after in _PLACES or after in _CN)


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


def _is_name(text: str, s: int, e: int, tail_end: int, unit: str | None, before: str) -> bool:
    """The number at ``s:e`` is part of a name or code (12345热线, "5·30"专案, 1+10+112); ``before`` is the
    character before it ("" at the start)."""
    after = text[e] if e < len(text) else ""
    if before in _JOINING_MARKS or after in _JOINING_MARKS:
        return True
    if before == "“" and ((after == "." and e + 1 < len(text) and text[e + 1].isdigit())
                          or (unit is None and text.startswith("”", tail_end))):
        return True
    if unit is not None:
        return False
    nxt = text[tail_end:tail_end + 1]
    lexicon = _lexicon()
    if nxt == " " or nxt in lexicon.name_suffix_firsts:     # a name word may follow (after spaces)
        rest = text[tail_end:tail_end + 4].lstrip(" ")
        if rest.startswith(lexicon.name_suffixes):
            return True
    # a bare five-or-more-digit number followed by a space and a name (12345 民情热线)
    return e - s >= 5 and after == " " and text[s:e].isdigit()


def extract_quantities(text: str) -> list[Quantity]:
    """All quantities in ``text`` (normalised), in order, without overlaps."""
    # dates and blocked words: sorted spans that do not overlap one another; runs come in increasing
    # start order, so one index into each list only moves forward
    blocked = _blocked_spans(text)
    lexicon = _lexicon()
    ordinal_prefixes, enum_suffixes = lexicon.ordinal_prefixes, lexicon.enumeration_suffixes
    units = _context_words()[0]
    out: list[Quantity] = []
    dates = []
    for m in _DATE.finditer(text):
        s, e = m.span()
        dates.append((s, e))
        written = m.group(0)
        value, interval = _date_value(written[:4])
        out.append(Quantity(s, e, s, e, written, value, interval, 0, _ONE, None, "date"))
    n, n_dates, n_blocked = len(text), len(dates), len(blocked)
    di = bi = 0
    ordered = not dates   # quantities from runs come in increasing start order unless dates lead
    last_start = -1
    pos = 0
    read = _read_quantity
    for m in _SCAN.finditer(text):
        s, e = m.span()
        if s < pos:
            continue
        if di < n_dates:
            while di < n_dates and dates[di][1] <= s:
                di += 1
            if di < n_dates and dates[di][0] < e:
                continue
        run = m.group(0)
        if run[-1] in "十百千" and e - s > 1 and text.startswith(units, e - 1):
            e = _unit_owned_end(text, s, e)
            run = run[:e - s]
        if e - s == 1 and (run in _CAPITALS or not run.isdigit() and (e == n or text[e] not in _SUFFIX_FIRST)
                           and not (s >= 3 and text.startswith("百分之", s - 3))):
            # a lone capital (陆续, 入伍), or a lone Chinese digit that nothing after it makes a quantity
            # (no unit, %, 倍, 番, 成 or 分之: 一是, 一些), is a word
            continue
        # a digit string over 40 characters is a code or junk; a leading 百/千/万/亿 with no digit
        # (百万警进千万家) is a word
        if len(run) > 40 or run[0] in _ZERO_PREFIX:
            continue
        if bi < n_blocked:
            while bi < n_blocked and blocked[bi][1] <= s:
                bi += 1
            if bi < n_blocked and blocked[bi][0] < e:
                continue
        if s > 0 and text.endswith(ordinal_prefixes, 0, s):
            continue
        code_led = s > 0 and text[s - 1].isascii() and text[s - 1].isalpha() and run[0].isdigit() \
            and _after_letters(text, s)
        q = read(text, s, e, run, enum_suffixes)
        if q is None or code_led and _a_code(q):
            continue
        if q.start < last_start:
            ordered = False
        last_start = q.start
        out.append(q)
        pos = q.end
    if not ordered:
        out.sort(key=_START)
    return _merge_ranges(text, _listed_months(text, out))


_START = attrgetter("start")
_ONE = Fraction(1)


@lru_cache(maxsize=1024)
def _date_value(head: str) -> tuple[Fraction, Interval]:
    """Value and interval of a date whose text begins with ``head``: its year when it has one, else 0."""
    v = Fraction(int(head)) if _YEAR_DIGITS.match(head) else Fraction(0)
    return v, Interval.point(v)


def _listed_months(text: str, qs: list[Quantity]) -> list[Quantity]:
    """In 4、5月份 / 7和8月 the first number is a month too, not a count."""
    for k in range(len(qs) - 2, -1, -1):
        b = qs[k + 1]
        if b.kind == "date" and b.unit == "月":
            a = qs[k]
            if a.kind == "count" and a.unit is None and a.magnitude == 1 and a.interval.is_point \
                    and 1 <= a.value <= 12 and text[a.end:b.start] in ("、", "和", "及", "与", ",", "，"):
                qs[k] = replace(a, unit="月", kind="date")
    return qs


@lru_cache(maxsize=8192)
def _core(core: str) -> tuple:
    """What the reader needs of a number's digits (the run without trailing 万/亿), once per distinct
    text: (parse or None when not a number, all Chinese, one Chinese character, at most ten, a year
    1900-2100 in four digits, a month number)."""
    try:
        p = parse_number(core)
    except NumeralError:
        return None, False, False, False, False, False
    is_cn = not any(map(str.isdigit, core))
    whole = p.decimals == 0
    return (p, is_cn, is_cn and len(core) == 1, p.value <= 10,
            whole and len(core) == 4 and 1900 <= p.value <= 2100, whole and 1 <= p.value <= 12)


@lru_cache(maxsize=16384)
def _numbers(core: str, mag: str | None, permille: bool, scale: int, kind: str, approx: tuple[str, ...],
             minus: bool) -> tuple[Fraction, Interval, Fraction, int]:
    """(value, interval, step, magnitude) of the number ``core`` with its tail: 万/亿 ``mag``, ‰, the
    万元/亿元 ``scale`` (1 when none), its ``kind``, approximation words and a minus sign before it."""
    p = parse_number(core)
    magnitude = _MAGNITUDES[mag]
    value, step = p.value, p.step
    if mag:
        value = value * magnitude
        # 9.6万 rounds at 0.1万; 90444万 at 1万
        step = Fraction(1, 10**p.decimals) * magnitude if p.decimals else Fraction(magnitude)
    if permille:
        value /= 10
        step /= 10
    if scale != 1:
        value *= scale
        step *= scale
        magnitude *= scale
    if kind in ("year", "date"):
        base = Interval.point(value)
    elif kind in ("count", "duration", "measure") and p.decimals == 0 and magnitude == 1:
        base = Interval.point(value)
    else:
        base = Interval.rounded(value, step)
    interval = _approx_interval(value, _last_place(value, step, magnitude), approx, base) if approx else base
    if minus:
        value, interval = -value, interval.negated()
    return value, interval, step, magnitude


_MONEY_SCALE = {"万元": 10**4, "亿元": 10**8}


def _read_quantity(text: str, s: int, e: int, run: str, enum_suffixes) -> Quantity | None:
    if len(run) > 1 and not _CAPITAL_SET.isdisjoint(run):
        money = _read_capital_money(text, s, e)
        if money is not None:
            return money
    before = text[s - 1] if s > 0 else ""
    # 百分之十二 / 百分之12.5
    pct_word = before == "之" and s >= 3 and text.startswith("百分之", s - 3)
    # trailing 万/亿 belong to the tail so 600余万 and 600万 read alike
    core = run
    if run[-1] in "万亿":
        while core and core[-1] in "万亿" and len(core) > 1:
            core = core[:-1]
    parsed, is_cn, single_cn, up_to_ten, year, month = _core(core)
    if parsed is None:
        return _read_rough(text, s, e, run)
    ce = s + len(core)
    if is_cn:
        # all-Chinese single character needs a unit (一是, 一个 in prose)
        if single_cn and core in "一二两三四五六七八九十" and text.startswith(enum_suffixes, e):
            return None
        # 二〇二一年 is a year; other digit strings are handled as pairs
        if parsed.positional and not (len(core) == 4 and text.startswith("年", ce)):
            return _read_rough(text, s, e, run)
    if ce < len(text) and text[ce] in _SUFFIX_FIRST:
        tail = _TAIL.match(text, ce)
        a1, mag, a2, pct, mult, unit, post = tail.groups()
        end = tail.end()
    else:   # nothing after the number can start a tail
        a1 = mag = a2 = pct = mult = unit = post = None
        end = ce
    scale = 1
    kind = "count"
    if pct or pct_word:
        kind = "percent"
        unit = "%"
    elif mult:
        kind = "multiple"
        unit = "倍"
    elif unit:
        kind = UNIT_KINDS[unit]
        if unit in _MONEY_SCALE:
            scale = _MONEY_SCALE[unit]
            unit = "元"
        elif kind == "duration":
            if unit == "日":
                kind = "date"
            elif (unit == "年" or unit == "年度") and not mag and year:
                kind = "year"
    else:   # no unit yet (kind is count): a suffix after the tail may give one
        nxt = text[end:end + 1]
        # a number directly followed by 番 after 翻 (翻两番)
        if nxt == "番" and "翻" in text[max(0, s - 2):s]:
            kind, unit, end = "multiple", "番", end + 1
        elif nxt == "成" and is_cn and up_to_ten:
            if text[end + 1:end + 2] not in _CHENG_STOP:
                kind, unit, end = "ratio", "成", end + 1
        elif nxt == "分" and text.startswith("分之", end):
            ratio = _read_ratio(text, s, end, parsed.value * _MAGNITUDES[mag] if mag else parsed.value)
            if ratio is not None:
                return ratio
        elif nxt == "月" and not is_cn and not mag and month:
            unit, kind, end = "月", "date", end + (2 if text.startswith("月份", end) else 1)  # 9月 / 11月份
        if unit is None and single_cn:
            return None
    start = s - 3 if pct_word else s
    pre = _prefix_word(text, start) if start > 0 and text[start - 1] in _PREFIX_ENDS else None
    if pre or a1 or a2 or post:
        approx = [pre] if pre else []
        if a1:
            approx.append(a1)
        if a2:
            approx.append(a2)
        tail_post = post
        if post:
            if post in ("多", "余"):
                after_post = text[end:end + 1]
                if kind not in ("multiple", "duration", "count", "money", "measure") \
                        or ("\u4e00" <= after_post <= "\u9fff" and after_post not in _AFTER_DUO):
                    end = end - len(post)
                    post = None
                else:
                    approx.append(post)
            else:
                approx.append(post)
            if unit == "个" and post in ("多", "余") and text.startswith("月", end):
                unit, kind, end = "个月", "duration", end + 1  # 一个多月: a duration of over a month
        if pre in ("近", "最近") and kind == "duration" and _means_recent(text, end, a1, a2, tail_post):
            approx.remove(pre)  # 近一个多月新低, 近3年来: the latest N months, not "nearly"
        approx_t = tuple(approx)
    else:
        approx_t = ()
    if (unit is None or before in _NAME_MARKS or text[e:e + 1] in _NAME_MARKS) \
            and _is_name(text, s, e, end, unit, before):
        return None
    minus = before in _MINUS and not pct_word and (kind == "percent" or kind == "percentage_point") \
        and _minus_before(text, s)
    value, interval, step, magnitude = _numbers(core, mag, pct == "‰", scale, kind, approx_t, minus)
    if minus:
        start = s - 1     # 比上年增长-3.5%
    return Quantity(start, end, s, ce + len(mag) if mag and a1 is None else ce, text[start:end], value,
                    interval, parsed.decimals, step, unit, kind, approx_t, magnitude, parsed.mixed)


def _means_recent(text: str, end: int, a1: str | None, a2: str | None, post: str | None) -> bool:
    if a1 or a2 or post in ("多", "余"):
        return True
    return text.startswith(_context_words()[1], end)


def _read_ratio(text: str, s: int, end: int, value: Fraction) -> Quantity | None:
    """三分之一 / 5分之2: the ratio numerator/denominator, from the denominator ``value`` before 分之."""
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
    return None


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
    last = len(qs) - 1
    joined: dict[int, Quantity] = {}      # index of a range's first quantity → the range
    # pairs as far apart as a separator is long, in one pass of integer tests
    for i in [i for i in range(last) if qs[i + 1].start - qs[i].end in _RANGE_SEP_LENGTHS]:
        if i - 1 in joined:    # this quantity already ends a range
            continue
        a, b = qs[i], qs[i + 1]
        if text[a.end:b.start] not in _RANGE_SEP or (a.unit is not None and a.unit != b.unit):
            continue
        months = b.kind == "date" and b.unit == "月" and a.unit is None and a.kind == "count" \
            and a.interval.is_point and 1 <= a.value <= 12  # 1-6月: a span of months
        if months or (a.kind != "date" and b.kind != "date"):
            lo = a.value
            if a.unit is None and b.magnitude > 1 and a.magnitude == 1 and b.kind != "year":
                lo = a.value * b.magnitude  # 9~16亿: the first value borrows the magnitude
            iv = Interval(min(lo, b.value), max(lo, b.value))
            joined[i] = Quantity(a.start, b.end, a.num_start, b.num_end, text[a.start:b.end],
                                 lo, iv, max(a.decimals, b.decimals), b.step, b.unit, b.kind,
                                 a.approx + b.approx, b.magnitude, a.mixed_numerals or b.mixed_numerals,
                                 True, b.value)
    if not joined:
        return qs
    out: list[Quantity] = []
    i = 0
    while i <= last:
        if i in joined:
            out.append(joined[i])
            i += 2
        else:
            out.append(qs[i])
            i += 1
    return out
