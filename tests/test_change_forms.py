"""Change statements read in more forms (按年, no written reference, 升幅/降幅/增速), and what a change's
base value is not (a new subject after 、, a count of steps under 年均)."""
import pytest

from checker import analyse_text
from checker.options import CheckOptions


def changes(text: str):
    return [c for c in analyse_text(text).claims if c.kind == "change"]


@pytest.mark.parametrize("text,reference,verdict", [
    ("全港上月錄得盜竊案1200宗,按年上升12%。", "同比", "untestable"),   # many whole priors fit
    ("全市地区生产总值达到1500亿元,增长5.5%。", "", "untestable"),
    ("全市接待游客人数降幅为5%。", "", "untestable"),
    ("地区生产总值连跨两个万亿元台阶,年均增长5.7%。", "", "untestable"),
])
def test_change_forms(text, reference, verdict):
    c = changes(text)[0]
    assert (c.data.reference, c.data.verdict) == (reference, verdict)
    assert c.data.detail


def test_new_subject_after_a_list_comma_is_not_the_value():
    c = changes("全省集装箱班轮航线达80条、港口集装箱吞吐量增长17%。")[0]
    assert [q.text for q in c.quantities] == ["17%"]


def test_targets_and_unreferenced_changes_are_not_conflicts():
    text = ("过去一年,全市地区生产总值同比增长4.8%。\n今年经济社会发展主要预期目标是:地区生产总值同比增长4.5%左右。")
    assert [f for f in analyse_text(text, options=CheckOptions(select=["CC161"])).findings] == []
    text = "1-7月,进口14720.6亿元,下降4%;与2019年同期相比,进口下降25.9%。"
    assert [f for f in analyse_text(text, options=CheckOptions(select=["CC161"])).findings] == []


@pytest.mark.parametrize("text,n", [
    ("2023年、2024年、2025年全市电诈案件分别为5210起、4876起、4530起,呈逐年下降趋势。", 0),
    ("2023年、2024年、2025年全市电诈案件分别为5210起、4876起、4930起,呈逐年下降趋势。", 1),
    ("2023年、2024年、2025年,全市电诈案件分别为5210起、4876起、4930起。三年来,电诈案件呈逐年下降趋势。", 1),
    ("2022年、2023年、2024年,全省粮食产量分别为1200万吨、1210万吨、1190万吨,连年增长。", 1),
    ("2021年,全市刑事案件发案3315起,比2020年下降12%,比2019年下降8%,均呈逐年下降趋势。", 1),
])
def test_trends_assembled_across_clauses_and_sentences(text, n):
    found = analyse_text(text, options=CheckOptions(select=["CC121"])).findings
    assert len(found) == n, [f.message for f in found]


@pytest.mark.parametrize("text,n", [
    ("全市城镇调查失业率比上年提高了1%。", 1),
    ("全市城镇调查失业率比上年提高了0.3个百分点。", 0),
    ("全市粮食产量比上年提高了1%。", 0),          # a quantity, not a rate: % is right
])
def test_percent_for_points_on_a_rate(text, n):
    assert len(analyse_text(text, options=CheckOptions(select=["CC113"])).findings) == n


def test_rate_verbs():
    rates = [c for c in analyse_text("全市空气质量优良天数比例稳定在90%以上,森林覆盖率维持在45%。").claims
             if c.kind == "rate"]
    assert len(rates) == 2


@pytest.mark.parametrize("text,rule", [
    ("由2022年的1200起下降到2023年的1000起,下降15%。", "CC111"),
    ("全市刑事案件从1200起下降到1000起、降幅15%。", "CC111"),
    ("贷款利率从3.25%降至2.25%,下降了1%。", "CC113"),
])
def test_from_to_with_years_and_size_nouns(text, rule):
    assert [f.rule for f in analyse_text(text).findings if f.rule.startswith("CC11")] == [rule]


@pytest.mark.parametrize("text", [
    "由2022年的1200起下降到2023年的1000起,下降16.7%。",
    "全市刑事案件从1200起下降到1000起、降幅16.7%。",
])
def test_from_to_consistent(text):
    changes = [c for c in analyse_text(text).claims if c.kind == "change"]
    assert [c.data.verdict for c in changes] == ["consistent"]
    assert analyse_text(text).findings == []


def test_new_value_only_is_untestable_with_a_reason():
    c = changes("给林郑评100分的受访者比率跌至5.31%,为半年来新低。")[0]
    assert c.data.verdict == "untestable" and "new value" in c.data.detail
