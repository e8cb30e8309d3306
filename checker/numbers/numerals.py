"""Read numbers written in Chinese numerals, Arabic digits, or a mix of both.

Own reader, on purpose: ``cn2an.transform`` rewrites ordinary words (唯一一个 →
唯11个), so cn2an serves only as a test oracle (its own test dictionaries run
through this reader in ``tests/test_numerals_cn2an.py``).  Every value is an
exact ``Fraction``.

Forms read by ``parse_number``:

- standard numerals (一百零八, 一万零八百一十七), omitted 一 before 十 (十四, 一百十一,
  一千零十) and after 零 (一万零百一十一), 廿/卅/卌 (廿二 = 22), 两/兩, 俩 alone;
- financial capitals 壹贰叁肆伍陆柒捌玖拾佰仟 and money units 元/圆 角 分 整/正
  (玖仟陆佰陆拾伍圆壹角捌分 = 9665.18);
- the colloquial abbreviation: a digit right after a unit counts in the next
  lower place (三万五 = 35000, 两千六 = 2600, 一百二 = 120, 一亿五 = 1.5亿);
- signs (负十一, -10.1万), decimals (九点六, 一百点123, 零点零一);
- digit strings read digit by digit (二〇二一, 一七二零, 幺八九, 零一);
- Arabic digits, alone or mixed with units (1,234.5, 9.6万, 10亿零817万5288, 1百01).

``parse_rough`` reads the approximate forms of running text (三五, 一两, 五六十,
十七八, 十几, 几十, 三万几) as an interval, never as one value.

The reader is table-driven: one dictionary look-up per character, integer
arithmetic until the end, and a cache for repeated numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from .interval import Interval

# ---- character tables -------------------------------------------------------------------------
_DIGIT_CHARS = {
    0: "零〇○", 1: "一壹弌幺", 2: "二贰貳两兩", 3: "三叁叄參", 4: "四肆",
    5: "五伍", 6: "六陆陸", 7: "七柒", 8: "八捌", 9: "九玖",
}
CN_DIGITS = {ch: d for d, chars in _DIGIT_CHARS.items() for ch in chars}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
TENS = {"廿": 2, "卅": 3, "卌": 4}            # one character for 二十, 三十, 四十
SIGNS = {"负": -1, "負": -1, "-": -1, "－": -1, "−": -1, "+": 1, "＋": 1}
PAIR_ALONE = {"俩": 2, "倆": 2}               # 俩 = 两个: a number only on its own
ROUGH_DIGIT = "几幾"                          # 十几, 几十: some digit
LOOSE_PAIRS = frozenset({(3, 5)})            # 三五天: a pair of non-neighbouring digits

# token kinds: d digit, z zero, s small unit, b big unit, t 廿/卅/卌, p decimal point,
# y 元/圆, j 角, f 分, e 整/正, l 俩, a Arabic number
_CHAR_TOKEN: dict[str, tuple] = {}
for _ch, _d in CN_DIGITS.items():
    _CHAR_TOKEN[_ch] = ("z" if _d == 0 else "d", _d, 0)
for _ch, _u in SMALL_UNITS.items():
    _CHAR_TOKEN[_ch] = ("s", _u, 0)
for _ch, _u in BIG_UNITS.items():
    _CHAR_TOKEN[_ch] = ("b", _u, 0)
for _ch, _d in TENS.items():
    _CHAR_TOKEN[_ch] = ("t", _d, 0)
for _ch, _d in PAIR_ALONE.items():
    _CHAR_TOKEN[_ch] = ("l", _d, 0)
for _ch in "点點":
    _CHAR_TOKEN[_ch] = ("p", 0, 0)
for _ch in "元圆圓":
    _CHAR_TOKEN[_ch] = ("y", 0, 0)
_CHAR_TOKEN["角"] = ("j", 0, 0)
_CHAR_TOKEN["分"] = ("f", 0, 0)
for _ch in "整正":
    _CHAR_TOKEN[_ch] = ("e", 0, 0)
_MONEY_KINDS = frozenset("yjfe")
_UNIT_KINDS = frozenset("sbt")

_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_ONE = Fraction(1)


class NumeralError(ValueError):
    """The text is not a well-formed number."""


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A parsed number: exact value, decimals written, and the granularity."""

    value: Fraction
    decimals: int          # digits written after the decimal point (角 = 1, 分 = 2)
    step: Fraction         # value of one unit in the last written place
    magnitude: int         # 1, 10**4, 10**8 … of the trailing 万/亿
    positional: bool       # digit-by-digit form such as 二〇二一
    mixed: bool            # Arabic digits combined with 十/百/千 (4千, 1百零8)


def parse_arabic(text: str) -> tuple[Fraction, int]:
    """Value and number of decimals of an Arabic numeral such as ``1,234.50``."""
    t = text.replace(",", "")
    if "." in t:
        whole, frac = t.split(".", 1)
        return Fraction(int(whole + frac), 10 ** len(frac)), len(frac)
    return Fraction(int(t)), 0


@lru_cache(maxsize=8192)
def parse_number(text: str) -> ParsedNumber:
    """Parse ``text`` (e.g. ``一百零八``, ``三万五``, ``壹佰圆整``, ``-10.1万``, ``二〇二一``).

    Raises ``NumeralError`` when the text is not a single well-formed number.
    """
    if not text:
        raise NumeralError("empty")
    sign = SIGNS.get(text[0])
    body = text if sign is None else text[1:]
    if not body:
        raise NumeralError(f"a sign without a number: {text!r}")
    p = _read(_tokenize(body), text)
    if sign == -1:
        return ParsedNumber(-p.value, p.decimals, p.step, p.magnitude, p.positional, p.mixed)
    return p


def parse_rough(text: str) -> Interval:
    """The closed interval an approximate numeral admits (概数).

    三五 → [3, 5]; 一两 → [1, 2]; 五六十 → [50, 60]; 十七八 → [17, 18];
    十几 → [11, 19]; 二十几 → [21, 29]; 几十 → [20, 90]; 几百万 → [200万, 900万];
    三万几 → [31000, 39999].  Raises ``NumeralError`` for anything else.
    """
    i = _find_rough_digit(text)
    if i >= 0:
        lo = _read_substituted(text, i, 1, "二" if i == 0 else "一")
        hi = _read_substituted(text, i, 1, "九")
        top = hi.value
        if i == len(text) - 1 and hi.step > 1:
            top += hi.step - 1          # 三万几: anything up to 三万九千九百九十九
        return Interval(lo.value, top)
    j = _find_pair(text)
    if j < 0:
        raise NumeralError(f"not an approximate numeral: {text!r}")
    lo = _read_substituted(text, j, 2, text[j])
    hi = _read_substituted(text, j, 2, text[j + 1])
    return Interval(lo.value, hi.value)


# ---- internals --------------------------------------------------------------------------------

def _tokenize(text: str) -> list[tuple]:
    tokens = []
    i, n = 0, len(text)
    get = _CHAR_TOKEN.get
    while i < n:
        tok = get(text[i])
        if tok is not None:
            tokens.append(tok)
            i += 1
            continue
        m = _ARABIC.match(text, i)
        if m is None:
            raise NumeralError(f"unexpected character {text[i]!r} in {text!r}")
        v, dec = parse_arabic(m.group(0))
        tokens.append(("a", v, dec, m.end() - i, m.group(0)))
        i = m.end()
    return tokens


def _read(tokens: list[tuple], text: str) -> ParsedNumber:
    kinds = {t[0] for t in tokens}
    if "l" in kinds:
        if len(tokens) != 1:
            raise NumeralError(f"俩 inside a number in {text!r}")
        return ParsedNumber(Fraction(tokens[0][1]), 0, _ONE, 1, False, False)
    if kinds & _MONEY_KINDS:
        return _read_money(tokens, text)
    if "p" in kinds:
        return _read_decimal(tokens, text)
    if kinds & _UNIT_KINDS:
        return _read_grouped(tokens, text)
    return _read_positional(tokens, text)


def _read_positional(tokens: list[tuple], text: str) -> ParsedNumber:
    if tokens[0][0] == "a":
        if len(tokens) > 1:
            raise NumeralError(f"mixed digits without units in {text!r}")
        v, dec = tokens[0][1], tokens[0][2]
        return ParsedNumber(v, dec, Fraction(1, 10**dec), 1, False, False)
    v = 0
    for kind, d, *_ in tokens:
        if kind == "a":
            raise NumeralError(f"mixed digits without units in {text!r}")
        v = v * 10 + d
    return ParsedNumber(Fraction(v), 0, _ONE, 1, len(tokens) > 1, False)


def _read_grouped(tokens: list[tuple], text: str) -> ParsedNumber:
    total = 0            # whole 亿 groups, already multiplied
    wan = 0              # the 万 group of the current 亿 group, multiplied
    sec = 0              # below 万
    num = None           # pending digit or Arabic number
    num_tok = None
    zero = False         # 零 written since the last unit
    sec_unit = 0         # last small unit of the section (must decrease)
    last_unit = 0        # last unit written (for the colloquial abbreviation)
    place = _ONE         # place value of the last written digit
    closed = False       # a decimal times a unit (10.1万): only bigger units may follow
    mixed = False
    magnitude = 1
    decimals = 0         # decimals of the last number written
    for tok in tokens:
        kind = tok[0]
        if kind != "b":
            magnitude = 1
        if kind in "dza":
            if num is not None or closed:
                raise NumeralError(f"two numbers in a row in {text!r}")
            if kind == "z":
                zero = True
            else:
                num, num_tok = tok[1], tok
                decimals = tok[2]
            continue
        if kind in "st":
            if closed:
                raise NumeralError(f"digits after a decimal in {text!r}")
            u = 10 if kind == "t" else tok[1]
            if kind == "t":
                if num is not None:
                    raise NumeralError(f"digit before {tok} in {text!r}")
                num, num_tok = tok[1], tok
                decimals = 0
            elif num is None:
                if u != 10 and not zero:
                    raise NumeralError(f"unit without digit in {text!r}")
                num, num_tok = 1, None        # 十一, 一百十一, 一万零百一十一
                decimals = 0
            if sec_unit and u >= sec_unit:
                raise NumeralError(f"units out of order in {text!r}")
            dec = 0
            if num_tok is not None and num_tok[0] == "a":
                if num >= 10:
                    raise NumeralError(f"Arabic number before {u} in {text!r}")
                mixed = True
                dec = num_tok[2]
                closed = dec > 0
            sec += num * u
            place = Fraction(u, 10**dec) if dec else Fraction(u)
            sec_unit = last_unit = u
            num = None
            zero = False
            continue
        # big unit 万 / 亿
        u = tok[1]
        group = sec if num is None else sec + num
        if num is not None:
            dec = num_tok[2] if num_tok[0] == "a" else 0
            place = Fraction(1, 10**dec)
        if num is not None and num_tok[0] == "a" and num_tok[2]:
            closed = True
        if u == 10**4:
            if group == 0:
                raise NumeralError(f"万 without digits in {text!r}")
            if wan:
                raise NumeralError(f"万 twice in {text!r}")
            wan = group * u
        else:
            t = wan + group
            if t == 0 and total == 0:
                raise NumeralError(f"亿 without digits in {text!r}")
            total = (total + t) * u
            wan = 0
        place *= u
        magnitude *= u
        last_unit = u
        sec = sec_unit = 0
        num = None
        zero = False
    if zero and num is None:
        raise NumeralError(f"零 at the end of {text!r}")
    value = total + wan + sec
    if num is not None:
        arabic = num_tok is not None and num_tok[0] == "a"
        if zero or not last_unit or (arabic and num_tok[3] > 1):
            value += num                  # 一千零五, 1万600
            place = Fraction(1, 10**num_tok[2]) if arabic else _ONE
        else:
            value += num * last_unit // 10  # 三万五, 两千六, 一百二, 十五, 1万6
            place = Fraction(last_unit // 10)
    return ParsedNumber(Fraction(value), decimals, place, magnitude, False, mixed)


def _read_decimal(tokens: list[tuple], text: str) -> ParsedNumber:
    i = next(k for k, t in enumerate(tokens) if t[0] == "p")
    head, tail = tokens[:i], tokens[i + 1:]
    mag = 1
    while tail and tail[-1][0] == "b":
        mag *= tail.pop()[1]
    if not head or not tail:
        raise NumeralError(f"bad decimal {text!r}")
    if len(tail) == 1 and tail[0][0] == "a" and tail[0][4].isdigit():
        digits = tail[0][4]                # 一百点123
    elif all(t[0] in "dz" for t in tail):
        digits = "".join(str(t[1]) for t in tail)
    else:
        raise NumeralError(f"bad decimal {text!r}")
    whole = _read(head, text)
    if whole.decimals or whole.value.denominator != 1:
        raise NumeralError(f"two decimal points in {text!r}")
    dec = len(digits)
    v = (whole.value + Fraction(int(digits), 10**dec)) * mag
    return ParsedNumber(v, dec, Fraction(mag, 10**dec), mag, False, whole.mixed)


def _read_money(tokens: list[tuple], text: str) -> ParsedNumber:
    """壹拾壹元整, 玖仟陆佰陆拾伍圆壹角捌分, 三元五角: the amount in 元."""
    kinds = [t[0] for t in tokens]
    if kinds.count("y") > 1 or kinds.count("e") > 1 or kinds.count("j") > 1 or kinds.count("f") > 1:
        raise NumeralError(f"bad amount {text!r}")
    if "y" in kinds:
        k = kinds.index("y")
        if k == 0:
            raise NumeralError(f"元 without digits in {text!r}")
        whole = _read(tokens[:k], text)
        if whole.decimals:
            raise NumeralError(f"a decimal before 元 in {text!r}")
        rest = kinds[k + 1:]
        rest_toks = tokens[k + 1:]
    else:
        whole = None
        rest, rest_toks = kinds, tokens
    cents = 0
    decimals = 0
    i = 0
    for unit, scale, dec in (("j", 10, 1), ("f", 1, 2)):
        j = i
        if j < len(rest) and rest[j] == "z":
            j += 1
        if j + 1 < len(rest) and rest[j] == "d" and rest[j + 1] == unit:
            cents += rest_toks[j][1] * scale
            decimals = dec
            i = j + 2
    if i < len(rest) and rest[i] == "e" and decimals < 2:
        i += 1
    if i != len(rest) or (whole is None and not decimals):
        raise NumeralError(f"bad amount {text!r}")
    v = (whole.value if whole else 0) + Fraction(cents, 100)
    return ParsedNumber(v, decimals, Fraction(1, 10**decimals), 1, False, whole.mixed if whole else False)


def _find_rough_digit(text: str) -> int:
    found = -1
    for k, ch in enumerate(text):
        if ch in ROUGH_DIGIT:
            if found >= 0:
                raise NumeralError(f"two rough digits in {text!r}")
            found = k
    return found


def _find_pair(text: str) -> int:
    """Index of the one pair of neighbouring digits (三四, 一两, 三五), or -1."""
    found = -1
    for k in range(len(text) - 1):
        a, b = CN_DIGITS.get(text[k]), CN_DIGITS.get(text[k + 1])
        if a and b and (b == a + 1 or (a, b) in LOOSE_PAIRS):
            if found >= 0:
                raise NumeralError(f"more than one pair in {text!r}")
            found = k
    return found


def _read_substituted(text: str, i: int, width: int, digit: str) -> ParsedNumber:
    """Read ``text`` with ``text[i:i+width]`` replaced by one ``digit``; no digit strings."""
    p = parse_number(text[:i] + digit + text[i + width:])
    if p.positional or p.decimals:
        raise NumeralError(f"not an approximate numeral: {text!r}")
    return p
