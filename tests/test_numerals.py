"""The numeral parser: every written form, and cn2an as an oracle on generated numbers."""
from fractions import Fraction

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.numbers import NumeralError, parse_number
from checker.testing.numbers import mixed_wan_yi, written_numbers

FORMS = [
    ("两", 2), ("二十", 20), ("十四", 14), ("一百零八", 108), ("二〇二一", 2021), ("九点六", Fraction(96, 10)),
    ("9.6万", 96000), ("1.84万", 18400), ("165045万", 1650450000), ("10亿零817万5288", 1008175288),
    ("3万亿", 3 * 10**12), ("1亿2000万", 120000000), ("两千", 2000), ("一万零八百一十七", 10817),
    ("三千零五十二", 3052), ("12.67", Fraction(1267, 100)), ("1,234,567", 1234567), ("十万", 100000),
    ("二十一万三千", 213000), ("一千七百", 1700), ("4千", 4000), ("1百零8", 108),
]


@pytest.mark.parametrize("text,value", FORMS)
def test_forms(text, value):
    assert parse_number(text).value == value


@pytest.mark.parametrize("bad", ["", "万", "百", "亿万", "abc", "十十", "3三", "百万"])
def test_rejects(bad):
    with pytest.raises(NumeralError):
        parse_number(bad)


def test_precision_and_magnitude():
    p = parse_number("9.6万")
    assert (p.decimals, p.step, p.magnitude) == (1, 1000, 10000)
    assert parse_number("4千").mixed and not parse_number("四千").mixed


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


@settings(max_examples=2_000, deadline=None)
@given(written_numbers())
def test_written_forms_roundtrip(pair):
    text, value = pair
    assert parse_number(text).value == value
