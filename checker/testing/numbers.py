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


def decimal_magnitude(n: int, decimals: int, unit: str = "万") -> tuple[str, Fraction]:
    """``n / 10**decimals`` 万 or 亿 in Arabic digits, e.g. (96, 1, "万") → ('9.6万', 96000)."""
    whole, frac = divmod(n, 10**decimals)
    text = f"{whole}.{frac:0{decimals}d}{unit}" if decimals else f"{whole}{unit}"
    return text, Fraction(n, 10**decimals) * {"万": 10**4, "亿": 10**8}[unit]


def decimal_wan(n: int, decimals: int) -> tuple[str, Fraction]:
    """``n / 10**decimals`` 万, e.g. (96, 1) → ('9.6万', 96000)."""
    return decimal_magnitude(n, decimals, "万")


_CAPITAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def capital_numeral(n: int) -> str:
    """Financial capitals (大写) for a non-negative integer (10817 → 壹万零捌佰壹拾柒, 12 → 壹拾贰)."""
    text = chinese_numeral(n).translate(_CAPITAL)
    return "壹" + text if text.startswith("拾") else text


def chinese_decimal(n: int, decimals: int, capital: bool = False) -> tuple[str, Fraction]:
    """``n / 10**decimals`` with 点, e.g. (1234, 2) → ('十二点三四', 12.34); capitals on request."""
    whole, frac = divmod(n, 10**decimals)
    text = chinese_numeral(whole)
    if decimals:
        text += "点" + "".join(DIGITS[int(c)] for c in f"{frac:0{decimals}d}")
    return (text.translate(_CAPITAL) if capital else text), Fraction(n, 10**decimals)


def capital_amount(cents: int) -> tuple[str, Fraction]:
    """An amount of money in capitals with 元/角/分/整 (1205 → ('壹拾贰元零伍分', 12.05))."""
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    text = capital_numeral(yuan) + "元" if yuan or not rest else ""
    if jiao:
        text += DIGITS[jiao].translate(_CAPITAL) + "角"
    if fen:
        text += ("零" if yuan and not jiao else "") + DIGITS[fen].translate(_CAPITAL) + "分"
    else:
        text += "整"
    return text, Fraction(cents, 100)


_ABBREVIABLE = (("亿", "千万"), ("万", "千"), ("千", "百"), ("百", "十"))


def colloquial_numeral(n: int) -> str:
    """The colloquial abbreviation when it applies (35000 → 三万五, 1203000 → 一百二十万三), else standard."""
    text = chinese_numeral(n)
    for unit, place in _ABBREVIABLE:
        k = len(text) - len(place)
        if k >= 1 + len(unit) and text.endswith(place) and text[k - 1] in DIGITS[1:] \
                and text[k - 1 - len(unit):k - 1] == unit:
            return text[:k]
    return text


WRITTEN_STYLES = ("arabic", "plain", "capital", "colloquial", "mixed", "signed")


def written_numbers(max_value: int = 10**12 - 1, style: str | None = None):
    """Strategy of ``(text, value)`` pairs in one written style or (``style=None``) all of them.

    arabic: 1234567, 1,234,567; plain: 一万零八百一十七, 十二点三四; capital: 壹万零捌佰壹拾柒,
    壹拾贰元零伍分; colloquial: 三万五, 一百二十万三; mixed: 10亿零817万5288, 9.6万, 1.25亿;
    signed: 负十一, -10, 负零点五.
    """
    from hypothesis import strategies as st

    ints = st.integers(min_value=1, max_value=max_value)
    decimals = st.tuples(st.integers(0, 10**9), st.integers(1, 4))
    styles = {
        "arabic": (ints.map(lambda n: (str(n), Fraction(n))),
                   ints.map(lambda n: (arabic_grouped(n), Fraction(n)))),
        "plain": (ints.map(lambda n: (chinese_numeral(n), Fraction(n))),
                  decimals.map(lambda t: chinese_decimal(*t))),
        "capital": (ints.map(lambda n: (capital_numeral(n), Fraction(n))),
                    decimals.map(lambda t: chinese_decimal(*t, capital=True)),
                    st.integers(1, 10**10).map(capital_amount)),
        "colloquial": (st.tuples(st.integers(1, 9999), st.sampled_from([100, 1000, 10**4, 10**8]),
                                 st.integers(1, 9)).map(_colloquial_pair),),
        "mixed": (ints.map(lambda n: (mixed_wan_yi(n), Fraction(n))),
                  st.tuples(st.integers(1, 99999), st.integers(0, 2), st.sampled_from(["万", "亿"]))
                  .map(lambda t: decimal_magnitude(*t))),
        "signed": (ints.map(lambda n: ("负" + chinese_numeral(n), -Fraction(n))),
                   ints.map(lambda n: (f"-{n}", -Fraction(n))),
                   decimals.map(lambda t: _negative(chinese_decimal(*t)))),
    }
    chosen = WRITTEN_STYLES if style is None else (style,)
    return st.one_of(*(s for name in chosen for s in styles[name]))


def _negative(pair: tuple[str, Fraction]) -> tuple[str, Fraction]:
    return "负" + pair[0], -pair[1]


def _colloquial_pair(t: tuple[int, int, int]) -> tuple[str, Fraction]:
    head, unit, digit = t
    n = head * unit + digit * unit // 10
    return colloquial_numeral(n), Fraction(n)
