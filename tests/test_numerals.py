"""The numeral parser: every written form, and cn2an as an oracle on generated numbers."""
from fractions import Fraction

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.numbers import Interval, NumeralError, parse_number, parse_rough
from checker.testing.numbers import WRITTEN_STYLES, mixed_wan_yi, written_numbers

FORMS = [
    ("两", 2), ("二十", 20), ("十四", 14), ("一百零八", 108), ("二〇二一", 2021), ("九点六", Fraction(96, 10)),
    ("9.6万", 96000), ("1.84万", 18400), ("165045万", 1650450000), ("10亿零817万5288", 1008175288),
    ("3万亿", 3 * 10**12), ("1亿2000万", 120000000), ("两千", 2000), ("一万零八百一十七", 10817),
    ("三千零五十二", 3052), ("12.67", Fraction(1267, 100)), ("1,234,567", 1234567), ("十万", 100000),
    ("二十一万三千", 213000), ("一千七百", 1700), ("4千", 4000), ("1百零8", 108),
    # colloquial abbreviation: a digit right after a unit counts in the next lower place
    ("三万五", 35000), ("两千六", 2600), ("一百二", 120), ("十三万五", 135000), ("一百二十万三", 1203000),
    ("一亿五", 150000000), ("1万6", 16000), ("一千零五", 1005), ("1万600", 10600),
    # capitals and money units
    ("壹佰壹拾壹", 111), ("贰仟零伍", 2005), ("壹拾壹元整", 11), ("叁万伍仟圆正", 35000),
    ("玖仟陆佰陆拾伍圆壹角捌分", Fraction(966518, 100)), ("壹拾壹元零伍分", Fraction(1105, 100)),
    ("伍角", Fraction(1, 2)), ("三元五角", Fraction(7, 2)),
    # signs, 廿/卅/卌, 兩/俩, omitted 一, digit strings, decimals
    ("负十一", -11), ("负零点一零", Fraction(-1, 10)), ("-10.1万", -101000), ("+3", 3),
    ("廿二", 22), ("卅", 30), ("卌五", 45), ("兩千六", 2600), ("俩", 2), ("一百十一", 111),
    ("一万零百一十一", 10111), ("一七二零", 1720), ("幺八九", 189), ("零一", 1),
    ("一百点123", Fraction(100123, 1000)), ("一百点05", Fraction(10005, 100)), ("一点五万", 15000),
]


@pytest.mark.parametrize("text,value", FORMS)
def test_forms(text, value):
    assert parse_number(text).value == value


@pytest.mark.parametrize("bad", ["", "万", "百", "亿万", "abc", "十十", "3三", "百万", "负", "元整", "圆", "整",
                                 "十七十八", "10.1万零100", "三十零", "俩千", "一万二万", "壹拾壹元整整",
                                 "一点五点", "1.5点3", "十几"])
def test_rejects(bad):
    with pytest.raises(NumeralError):
        parse_number(bad)


def test_precision_and_magnitude():
    p = parse_number("9.6万")
    assert (p.decimals, p.step, p.magnitude) == (1, 1000, 10000)
    assert parse_number("4千").mixed and not parse_number("四千").mixed
    assert parse_number("三万五").step == 1000            # the abbreviated digit is in the 千 place
    assert parse_number("玖仟陆佰陆拾伍圆壹角捌分").decimals == 2
    assert parse_number("二〇二一").positional and not parse_number("二千零二十一").positional


@pytest.mark.parametrize("text,lo,hi", [
    ("三五", 3, 5), ("一两", 1, 2), ("两三", 2, 3), ("三四", 3, 4), ("五六十", 50, 60), ("十七八", 17, 18),
    ("一百五六十", 150, 160), ("三四百万", 3000000, 4000000), ("十几", 11, 19), ("二十几", 21, 29),
    ("几十", 20, 90), ("几百万", 2000000, 9000000), ("十几万", 110000, 190000), ("三万几", 31000, 39999),
    ("廿几", 21, 29), ("一百几十", 110, 190),
])
def test_rough_forms_are_intervals(text, lo, hi):
    assert parse_rough(text) == Interval(Fraction(lo), Fraction(hi))


@pytest.mark.parametrize("bad", ["三", "一二三", "三四五", "几几", "一几", "三七", "十五", "二〇二一", "几点几"])
def test_rough_rejects(bad):
    with pytest.raises(NumeralError):
        parse_rough(bad)


@settings(max_examples=10_000, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_cn2an_oracle_chinese(n):
    """cn2an renders n in Chinese; we must read back n.  10,000 generated numbers, 0 mismatches."""
    text = cn2an.an2cn(n)
    assert parse_number(text).value == n


@settings(max_examples=2_000, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_cn2an_oracle_mixed(n):
    """Mixed Arabic/万/亿 forms read back to the number they render (cn2an rejects 64万零10,
    so the ground truth is the generator's integer)."""
    text = mixed_wan_yi(n)
    assert parse_number(text).value == n


@settings(max_examples=2_000, deadline=None)
@given(st.integers(min_value=1, max_value=99_999_999), st.sampled_from(["万", "亿"]))
def test_cn2an_oracle_decimal_magnitude(n, unit):
    """'1234.56万' style: cn2an's smart mode and ours agree exactly."""
    whole, frac = divmod(n, 100)
    text = f"{whole}.{frac:02d}{unit}"
    assert parse_number(text).value == Fraction(str(cn2an.cn2an(text, "smart")))


@pytest.mark.parametrize("style", WRITTEN_STYLES)
@settings(max_examples=1_000, deadline=None)
@given(data=st.data())
def test_written_style_roundtrip(style, data):
    """read(render(x)) == x for integers and decimals in every written style."""
    text, value = data.draw(written_numbers(style=style))
    assert parse_number(text).value == value


@settings(max_examples=2_000, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_cn2an_oracle_capitals(n):
    """cn2an renders n in financial capitals; we must read back n."""
    assert parse_number(cn2an.an2cn(n, "up")).value == n


@settings(max_examples=500, deadline=None)
@given(st.integers(1, 8), st.sampled_from(["", "十", "百", "千", "万", "十万", "百万", "亿"]))
def test_rough_pair_property(d, place):
    """Two neighbouring digits before a place (三四百万) span the two readings of the place."""
    from checker.testing.numbers import DIGITS
    unit = parse_number("一" + place).value if place else 1
    text = DIGITS[d] + DIGITS[d + 1] + place
    assert parse_rough(text) == Interval(Fraction(d * unit), Fraction((d + 1) * unit))


@settings(max_examples=500, deadline=None)
@given(st.integers(1, 99_999_999).filter(lambda t: t % 10))
def test_rough_ones_property(tens):
    """十几, 三百二十几 …: a number ending in 十 followed by 几 spans its ones 1–9."""
    from checker.testing.numbers import chinese_numeral
    head = chinese_numeral(tens * 10)
    assert parse_rough(head + "几") == Interval(Fraction(tens * 10 + 1), Fraction(tens * 10 + 9))


@given(st.integers(-10**12, 10**12), st.integers(0, 12), st.integers(0, 12), st.sampled_from([1, 3, 7, 9]))
def test_fmt_writes_exact_decimals_and_marks_rounded_ones(n, twos, fives, other):
    """A terminating fraction is written exactly (it reads back as itself); any other is rounded to six
    places behind '≈'."""
    from checker.numbers.interval import fmt

    x = Fraction(n, 2**twos * 5**fives * other)
    out = fmt(x)
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:   # the denominator has no prime factor but 2 and 5: the decimal terminates
        assert Fraction(out) == x and not out.endswith(".")
    else:
        assert out.startswith("≈") and abs(Fraction(out[1:]) - x) <= Fraction(1, 2 * 10**6)


_BOUNDS = st.one_of(st.none(), st.fractions(min_value=-5, max_value=5, max_denominator=4))


@given(_BOUNDS, _BOUNDS, st.booleans(), st.booleans(), _BOUNDS, _BOUNDS, st.booleans(), st.booleans())
def test_disjoint_is_an_empty_intersection(a, b, ac, bc, c, d, cc, dc):
    """``disjoint`` says exactly what ``intersect(...) is None`` says, empty and half-open intervals included."""
    x, y = Interval(a, b, ac, bc), Interval(c, d, cc, dc)
    assert x.disjoint(y) == (x.intersect(y) is None) == y.disjoint(x)
