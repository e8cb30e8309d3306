"""Written Chinese numbers in running text: new forms read right, approximate forms as intervals,
words that contain numerals left alone."""
from fractions import Fraction

import pytest

from checker import analyse_text
from checker.numbers import Interval
from test_extract import one, qs


@pytest.mark.parametrize("text,value,unit", [
    ("全年新增三万五人", 35000, "人"),
    ("工资两千六元", 2600, "元"),
    ("一百二十万三人", 1203000, "人"),
    ("廿四小时", 24, "小时"),
    ("一百十一人", 111, "人"),
    ("中标金额人民币壹佰万元整", 1000000, "元"),
    ("合计玖仟陆佰陆拾伍圆壹角捌分", Fraction(966518, 100), "元"),
    ("预算叁万伍仟圆整", 35000, "元"),
])
def test_new_forms_in_text(text, value, unit):
    q = one(text)
    assert (q.value, q.unit, q.approx) == (value, unit, ())


def test_amount_in_capitals_is_exact_and_spans_the_units():
    text = "中标金额人民币壹佰万元整。"
    q = one(text)
    assert q.interval.is_point and text[q.start:q.end] == "壹佰万元整"


@pytest.mark.parametrize("text,lo,hi,unit", [
    ("休息三五天后", 3, 5, "天"),
    ("来了一两个人", 1, 2, "个"),
    ("有十几个人", 11, 19, "个"),
    ("几十年来", 20, 90, "年"),
    ("二十几年前", 21, 29, "年"),
    ("三四个月", 3, 4, "个月"),
    ("五六十年", 50, 60, "年"),
    ("投入几百万元", 2000000, 9000000, "元"),
    ("新增三万几人", 31000, 39999, "人"),
    ("增长十几%", 11, 19, "%"),
])
def test_approximate_forms_are_intervals(text, lo, hi, unit):
    q = one(text)
    assert q.interval == Interval(Fraction(lo), Fraction(hi))
    assert q.unit == unit and q.is_range and q.approx == ("概数",)


@pytest.mark.parametrize("text", [
    "一些企业", "一是加强监管", "十四五规划", "万一出现问题", "给我一万个理由", "陆续开展", "陆家嘴",
    "入伍年限", "收拾起行李", "几乎所有", "茶几上", "零部件企业", "寥寥无几", "唯一一个",
])
def test_words_with_numerals_are_not_numbers(text):
    assert qs(text) == []


def test_rough_value_is_never_decided_as_exact():
    """A percent change on 十几起 cannot be decided; the claim's quantity says it is approximate."""
    # 11% (not a round figure such as 10%, which may be rounded to its leading digit): no whole prior gives it
    doc = analyse_text("2021年,全市发生命案十几起,比上年下降11%。")
    change = [c for c in doc.claims if c.kind == "change"]
    assert change and change[0].data.verdict == "untestable"
    assert change[0].quantities[0].approx == ("概数",)
    exact = analyse_text("2021年,全市发生命案13起,比上年下降11%。")
    assert [c.data.verdict for c in exact.claims if c.kind == "change"] == ["inconsistent"]


def test_colloquial_count_is_decided_exactly():
    """三万五人 is 35000, not 30005: a change computed on it is checked on the right value."""
    doc = analyse_text("全年新增三万五人,比上年增长25%。")
    change = [c for c in doc.claims if c.kind == "change"][0]
    assert change.quantities[0].value == 35000


@pytest.mark.parametrize("text,value", [
    ("比上年增长-3.4%", Fraction(-34, 10)), ("增速：-2.5%", Fraction(-25, 10)), ("增速为-0.3个百分点", Fraction(-3, 10)),
])
def test_signed_rates(text, value):
    q = one(text)
    assert q.value == value and q.interval.contains(value) and q.text.startswith("-")


@pytest.mark.parametrize("text,values", [
    ("15%-20%", [15]), ("恐襲-721傷者", [721]), ("2017-2020年", [2017]),
])
def test_hyphen_is_not_a_sign(text, values):
    assert [q.value for q in qs(text)] == values


def test_negative_growth_is_a_decrease():
    """增长-3.4% on 966起 implies a prior of 1000 (a decrease), not 934."""
    doc = analyse_text("全市发案966起,比上年增长-3.4%。")
    change = [c for c in doc.claims if c.kind == "change"][0]
    assert "1000" in change.data.detail and "934" not in change.data.detail
