"""Parse numbers written in Chinese numerals, Arabic digits, or a mix of both.

Own parser, on purpose: ``cn2an.transform`` rewrites ordinary words (唯一一个 →
唯11个), so it serves only as a test oracle.  Every value is an exact
``Fraction``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8}
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|[零〇○一二两三四五六七八九十百千万亿]|点")


class NumeralError(ValueError):
    """The text is not a well-formed number."""


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A parsed number: exact value, decimals written, and the granularity."""

    value: Fraction
    decimals: int          # digits written after the decimal point
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


def parse_number(text: str) -> ParsedNumber:
    """Parse ``text`` (e.g. ``一百零八``, ``9.6万``, ``10亿零817万5288``, ``二〇二一``).

    Raises ``NumeralError`` when the text is not a single well-formed number.
    """
    if not text:
        raise NumeralError("empty")
    tokens = _TOKEN.findall(text)
    if "".join(tokens) != text:
        raise NumeralError(f"unexpected characters in {text!r}")
    if "点" in tokens:
        return _parse_decimal_cn(tokens, text)
    has_units = any(t in SMALL_UNITS or t in BIG_UNITS for t in tokens)
    if not has_units:
        return _parse_positional(tokens, text)
    return _parse_grouped(tokens, text)


def _parse_positional(tokens: list[str], text: str) -> ParsedNumber:
    if len(tokens) == 1 and tokens[0][0].isdigit():
        v, dec = parse_arabic(tokens[0])
        return ParsedNumber(v, dec, Fraction(1, 10**dec), 1, False, False)
    if any(t[0].isdigit() for t in tokens):
        raise NumeralError(f"mixed digits without units in {text!r}")
    digits = [CN_DIGITS[t] for t in tokens]
    if len(digits) > 1 and digits[0] == 0:
        raise NumeralError(f"leading zero in {text!r}")
    v = 0
    for d in digits:
        v = v * 10 + d
    return ParsedNumber(Fraction(v), 0, Fraction(1), 1, len(digits) > 1, False)


def _parse_decimal_cn(tokens: list[str], text: str) -> ParsedNumber:
    i = tokens.index("点")
    head, tail = tokens[:i], tokens[i + 1:]
    if not head or not tail or any(t not in CN_DIGITS for t in tail):
        raise NumeralError(f"bad decimal {text!r}")
    whole = parse_number("".join(head))
    frac = "".join(str(CN_DIGITS[t]) for t in tail)
    v = whole.value + Fraction(int(frac), 10 ** len(frac))
    return ParsedNumber(v, len(frac), Fraction(1, 10 ** len(frac)), 1, False, whole.mixed)


def _parse_grouped(tokens: list[str], text: str) -> ParsedNumber:
    acc = Fraction(0)       # everything folded under 亿
    wan = Fraction(0)       # the 万 group of the current 亿 group
    sec = Fraction(0)       # below 万
    num: Fraction | None = None
    num_dec = 0
    last_place = Fraction(1)  # place value of the last written digit
    last_dec = 0
    mixed = False
    prev_small = None       # value of the last small unit, for order checks
    zero_pending = False
    for t in tokens:
        if t[0].isdigit():
            if num is not None:
                raise NumeralError(f"two numbers in a row in {text!r}")
            num, num_dec = parse_arabic(t)
            last_dec = num_dec
            last_place = Fraction(1, 10**num_dec)
        elif t in CN_DIGITS:
            d = CN_DIGITS[t]
            if d == 0:
                zero_pending = True
                continue
            if num is not None:
                raise NumeralError(f"two digits in a row in {text!r}")
            num = Fraction(d)
            last_dec = 0
            last_place = Fraction(1)
        elif t in SMALL_UNITS:
            u = SMALL_UNITS[t]
            if prev_small is not None and u >= prev_small and not zero_pending and num is not None and sec:
                raise NumeralError(f"units out of order in {text!r}")
            if num is None:
                if t != "十" or sec:
                    if t == "十" and sec and zero_pending:
                        num = Fraction(1)
                    else:
                        raise NumeralError(f"unit without digit in {text!r}")
                else:
                    num = Fraction(1)
            elif num.denominator != 1 or num >= 10:
                mixed = True
                if num >= 10:
                    raise NumeralError(f"Arabic number before {t} in {text!r}")
            elif _was_arabic(tokens, t):
                mixed = True
            sec += num * u
            last_place = Fraction(u) * (Fraction(1, 10**last_dec) if last_dec else 1)
            num = None
            prev_small = u
        else:  # 万 / 亿
            u = BIG_UNITS[t]
            group = sec + (num or 0)
            if t == "万":
                if group == 0:
                    raise NumeralError(f"万 without digits in {text!r}")
                wan = group * u
            else:
                total = wan + group
                if total == 0 and acc == 0:
                    raise NumeralError(f"亿 without digits in {text!r}")
                acc = (acc + total) * u
                wan = Fraction(0)
            last_place = last_place * u
            sec = Fraction(0)
            num = None
            prev_small = None
        zero_pending = False if t not in ("零", "〇", "○") else zero_pending
    value = acc + wan + sec + (num or 0)
    magnitude = 1
    for t in reversed(tokens):
        if t in BIG_UNITS:
            magnitude *= BIG_UNITS[t]
        else:
            break
    return ParsedNumber(value, last_dec, last_place, magnitude, False, mixed)


def _was_arabic(tokens: list[str], unit: str) -> bool:
    i = tokens.index(unit)
    return i > 0 and tokens[i - 1][0].isdigit()
