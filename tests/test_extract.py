"""Quantity extraction: every form of the foundation issue, and the non-quantities."""
from fractions import Fraction

import pytest

from checker.numbers import extract_quantities
from checker.text import normalize


def qs(text):
    return extract_quantities(normalize(text).text)


def one(text):
    found = qs(text)
    assert len(found) == 1, [(q.text, q.kind) for q in found]
    return found[0]


@pytest.mark.parametrize("text,value,unit,kind", [
    ("发案3315起", 3315, "起", "count"),
    ("1,234人", 1234, "人", "count"),
    ("9.6万名", 96000, "名", "count"),
    ("165045万元", 1650450000, "元", "money"),
    ("10亿零817万5288人", 1008175288, "人", "count"),
    ("一百零八名", 108, "名", "count"),
    ("二十辆", 20, "辆", "count"),
    ("12.67%", Fraction(1267, 100), "%", "percent"),
    ("百分之十二", 12, "%", "percent"),
    ("3个百分点", 3, "个百分点", "percentage_point"),
    ("三成", 3, "成", "ratio"),
    ("2倍", 2, "倍", "multiple"),
    ("翻两番", 2, "番", "multiple"),
    ("三分之一", Fraction(1, 3), "分之", "ratio"),
    ("2021年", 2021, "年", "year"),
    ("二〇二一年", 2021, "年", "year"),
    ("连续3年", 3, "年", "duration"),
    ("42个月", 42, "个月", "duration"),
    ("65公里", 65, "公里", "measure"),
    ("2023万元", 20230000, "元", "money"),
    ("4.69亿元", 469000000, "元", "money"),
])
def test_forms(text, value, unit, kind):
    q = one(text)
    assert (q.value, q.unit, q.kind) == (value, unit, kind)


def test_rounding_interval_of_percent():
    q = one("下降12.67%")
    assert str(q.interval) == "[12.665, 12.675)"
    assert q.decimals == 2


@pytest.mark.parametrize("text,interval", [
    ("600余万人次", "(6000000, 7000000)"),
    ("7600多名", "(7600, 7700)"),
    ("3万余人", "(30000, 40000)"),
    ("98.5%以上", "[98.5, +∞)"),
    ("超过三成", "(3, +∞)"),
    ("近3年", "[2, 3]"),
    ("约300人", "[250, 350]"),
    ("3000人左右", "[2500, 3500]"),
    ("不足50人", "[0, 50)"),
    ("15%~20%", "[15, 20]"),
    ("3至5年", "[3, 5]"),
    ("9~16亿", "[900000000, 1600000000]"),
])
def test_approximations_and_ranges(text, interval):
    assert str(one(text).interval) == interval


@pytest.mark.parametrize("text", [
    "唯一一个站点", "统一编码", "一站式服务", "第一责任", "第二批", "十四五规划", "“5·30”专案组",
    "“1+10+112”体系", "12345 民情热线", "百万警进千万家", "一是加强领导", "党的十九大以来",
])
def test_non_quantities(text):
    assert [q.text for q in qs(text) if q.kind not in ("date",)] == []


@pytest.mark.parametrize("text", [
    "PM2.5平均浓度", "PM2.5年均浓度", "NO2浓度下降", "H7N9疫情", "G20杭州峰会", "L3级自动驾驶", "电梯E1停止运作",
    "C919大飞机", "sz000061", "AES100发动机",
])
def test_digits_after_latin_letters_are_codes(text):
    assert [q.text for q in qs(text)] == []


@pytest.mark.parametrize("text,value,unit", [
    ("全年GDP10万亿元", 10**13, "元"),   # a figure's name right before its value, in any case
    ("全年gdp10万亿元", 10**13, "元"),
    ("僅DQ50人並不足夠", 50, "人"),      # a counter of people after the letters: they are a word
    ("僅DQ50余人", 50, "人"),
    ("NBA30支球队", 30, "支"),
    ("ROE15%", 15, "%"),                 # what reads as a value is one: a percentage, money, a measure
    ("RMB100万元", 10**6, "元"),
    ("间距x5米", 5, "米"),
])
def test_numbers_after_latin_letters_that_are_values(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)


def test_a_code_before_a_change_is_not_its_value():
    from checker import analyse_text

    [c] = [c for c in analyse_text("全市NO2浓度同比下降5%。").claims if c.kind == "change"]
    assert [q.text for q in c.quantities] == ["5%"]


def test_dates():
    kinds = [(q.text, q.kind) for q in qs("发布时间:2022-10-09,2022年1月5日")]
    assert kinds == [("2022-10-09", "date"), ("2022年1月5日", "date")]


def test_mixed_numerals_flagged():
    assert one("4千人").mixed_numerals and not one("四千人").mixed_numerals


def test_unit_dimensions():
    from checker.numbers.units import compatible

    assert compatible("起", "件") and compatible("公里", "千米") and compatible("亩", "平方米")
    assert not compatible("人", "元") and not compatible("公里", "吨") and not compatible("平方公里", "公里")


def test_pint_not_imported_by_default():
    import subprocess
    import sys

    code = ("import sys; from checker import analyse_text; analyse_text('全市发案3315起,同比下降12.67%。'); "
            "print('pint' in sys.modules, 'sympy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.split() == ["False", "False"]
