"""Numbers as written in Chinese text, read and written with exact arithmetic (the harness's own).

Nothing here comes from claimcheck: the harness must not measure the checker against itself.
"""
from __future__ import annotations

import re
from fractions import Fraction

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
HAN_DIGITS = "零〇一二两兩三四五六七八九十百千"
HAN_NUMERAL = f"[{HAN_DIGITS}]+"
_HAN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_UNIT = {"十": 10, "百": 100, "千": 1000}
MULTIPLIER = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "万亿": 10**12, "萬億": 10**12}
HAN_SMALL = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"]


def han_int(text: str) -> int:
    """Value of a Chinese numeral below ten thousand (三, 十二, 二十五, 一百零八)."""
    total, digit = 0, None
    for ch in text:
        if ch in _HAN_VALUE:
            digit = _HAN_VALUE[ch]
        elif ch in _HAN_UNIT:
            total += (1 if digit is None else digit) * _HAN_UNIT[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + (digit or 0)


def int_value(text: str) -> int:
    """Value of a small integer written in Arabic or Chinese digits."""
    return int(text) if text.isdigit() else han_int(text)


def han_text(n: int, traditional: bool = False) -> str:
    """Chinese numeral for 1..99 (两 for 2 only when counting, as 两年)."""
    if not 0 < n < 100:
        raise ValueError(n)
    if n <= 10:
        s = HAN_SMALL[n]
    else:
        tens, ones = divmod(n, 10)
        s = ("" if tens == 1 else HAN_SMALL[tens].replace("两", "二")) + "十" + (HAN_SMALL[ones].replace("两", "二") if ones else "")
    return s.replace("两", "兩") if traditional else s


def decimal_value(text: str) -> Fraction:
    """Exact value of an Arabic number such as ``3,315`` or ``12.67``."""
    return Fraction(text.replace(",", ""))


def decimals(text: str) -> int:
    """Number of digits after the decimal point as written."""
    return len(text.split(".")[1]) if "." in text else 0


def quantity(number: str, multiplier: str = "") -> Fraction:
    """Exact value of ``number`` times a written multiplier (万, 亿, 萬億 ...)."""
    return decimal_value(number) * MULTIPLIER.get(multiplier, 1)


def half_width(number: str, multiplier: str = "") -> Fraction:
    """Half of the last written digit's place, in the quantity's units (the rounding radius)."""
    return Fraction(1, 2 * 10 ** decimals(number)) * MULTIPLIER.get(multiplier, 1)


def round_half_up(x: Fraction, places: int) -> Fraction:
    """``x`` rounded half-up (away from zero) to ``places`` decimals, exactly."""
    q = Fraction(10) ** places
    y = abs(x) * q
    r = Fraction(int(y + Fraction(1, 2)), 1) / q
    return r if x >= 0 else -r


def fmt(x: Fraction, places: int) -> str:
    """``x`` (already a multiple of 10^-places) written with exactly ``places`` decimals."""
    x = round_half_up(x, places)
    sign = "-" if x < 0 else ""
    x = abs(x)
    whole = int(x)
    if places == 0:
        return f"{sign}{whole}"
    frac = int((x - whole) * 10 ** places)
    return f"{sign}{whole}.{frac:0{places}d}"


def fmt_like(x: Fraction, written: str) -> str:
    """``x`` written with the same number of decimals (and thousands commas) as ``written``."""
    s = fmt(x, decimals(written))
    if "," in written:
        whole, _, frac = s.partition(".")
        whole = f"{int(whole):,}"
        s = whole + ("." + frac if frac else "")
    return s


def show(x: Fraction) -> str:
    """A short exact rendering for arithmetic strings (integers plain, others to 4 decimals)."""
    if x.denominator == 1:
        return str(x.numerator)
    return f"{float(x):.4f}"


NUMBER_RE = re.compile(ARABIC)
