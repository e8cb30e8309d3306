"""Render integers in Chinese written forms, and hypothesis strategies over them."""
from __future__ import annotations

from fractions import Fraction

from ..numbers.interval import round_half_up  # noqa: F401  (re-exported for strategies)

DIGITS = "零一二三四五六七八九"


def _below_wan(n: int, leading: bool) -> str:
    """Chinese numeral for 0 < n < 10000 (leading: no 零 before, 十 not 一十)."""
    out = []
    zero = False
    for unit, place in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            if out:
                zero = True
            continue
        if zero:
            out.append("零")
            zero = False
        if place == "十" and d == 1 and not out and leading:
            out.append("十")
        else:
            out.append(DIGITS[d] + place)
    return "".join(out)


def chinese_numeral(n: int) -> str:
    """Standard Chinese numeral for a non-negative integer below 10¹² (10817 → 一万零八百一十七)."""
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    units = ["", "万", "亿"]
    out = []
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or g < 1000):
            out.append("零")
        out.append(_below_wan(g, leading=not out) + units[i])
        need_zero = False
    return "".join(out)


def arabic_grouped(n: int) -> str:
    """Arabic digits with thousands separators (1234567 → 1,234,567)."""
    return f"{n:,}"


def mixed_wan_yi(n: int) -> str:
    """Arabic digits grouped by 亿 and 万 (1008175288 → 10亿零817万5288), GB/T 15835-2011 §5.3."""
    yi, rest = divmod(n, 10**8)
    wan, ones = divmod(rest, 10**4)
    parts = []
    if yi:
        parts.append(f"{yi}亿")
    if wan:
        if parts and wan < 1000:
            parts.append("零")
        parts.append(f"{wan}万")
    if ones or not parts:
        if parts and ones < 1000:
            parts.append("零")
        parts.append(str(ones))
    return "".join(parts)


def decimal_wan(n: int, decimals: int) -> tuple[str, Fraction]:
    """``n / 10**decimals`` 万, e.g. (96, 1) → ('9.6万', 96000)."""
    whole, frac = divmod(n, 10**decimals)
    text = f"{whole}.{frac:0{decimals}d}万" if decimals else f"{whole}万"
    return text, Fraction(n, 10**decimals) * 10000


def written_numbers(max_value: int = 10**12 - 1):
    """Strategy of ``(text, value)`` pairs in Arabic, Chinese, mixed and 万-decimal forms."""
    from hypothesis import strategies as st

    ints = st.integers(min_value=1, max_value=max_value)
    return st.one_of(
        ints.map(lambda n: (str(n), Fraction(n))),
        ints.map(lambda n: (arabic_grouped(n), Fraction(n))),
        ints.map(lambda n: (chinese_numeral(n), Fraction(n))),
        ints.map(lambda n: (mixed_wan_yi(n), Fraction(n))),
        st.tuples(st.integers(1, 99999), st.integers(0, 2)).map(lambda t: decimal_wan(*t)),
    )

