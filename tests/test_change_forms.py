"""Change statements read in more forms (按年, no written reference, 升幅/降幅/增速), and what a change's
base value is not (a new subject after 、, a count of steps under 年均)."""
import pytest

from checker import check_text
from checker.options import CheckOptions


def changes(text: str):
    return [c for c in check_text(text).claims if c.kind == "change"]


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
    assert [f for f in check_text(text, options=CheckOptions(select=["CC161"])).findings] == []
    text = "1-7月,进口14720.6亿元,下降4%;与2019年同期相比,进口下降25.9%。"
    assert [f for f in check_text(text, options=CheckOptions(select=["CC161"])).findings] == []
