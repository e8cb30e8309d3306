"""CC101 across a document: streaks dated only by their own paragraph, planned streaks apart, clauses
restated word for word, and the finding placed at the later statement."""
from __future__ import annotations

from checker import analyse_text
from checker.options import CheckOptions

Y2026 = CheckOptions(profile="mainland", year=2026)


def _cc101(text: str, options: CheckOptions = Y2026):
    doc = analyse_text(text, options=options)
    return [(doc.text[f.start:f.end], [doc.text[r.start:r.end] for r in f.related])
            for f in doc.findings if f.rule == "CC101"]


WORK_REPORT = (
    "一、2025年工作回顾\n"
    "过去一年，我们坚持生态优先。全省森林覆盖率稳步提高，空气质量优良天数比例连续7年居全国前列，"
    "河湖长制考核连续3年获评优秀。\n"
    "二、2026年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n"
    "持续打好蓝天碧水净土保卫战。{restated}推进美丽河湖建设。\n"
)


def test_a_streak_restated_under_the_plan_heading_is_compared_with_the_review():
    # the plan section inherits 今年 (2026) and the review 2025: neither dates a streak, which runs up to
    # the time of writing wherever it is stated
    hits = _cc101(WORK_REPORT.format(restated="空气质量优良天数比例连续6年居全国前列。"))
    assert len(hits) == 1
    later, related = hits[0]
    assert "连续6年" in later and any("连续7年" in r for r in related)


def test_the_same_streak_restated_with_the_same_length_is_no_finding():
    assert _cc101(WORK_REPORT.format(restated="空气质量优良天数比例连续7年居全国前列。")) == []


def test_a_planned_streak_is_not_a_stated_one():
    assert _cc101(WORK_REPORT.format(restated="力争空气质量优良天数比例连续8年居全国前列。")) == []


def test_years_written_in_their_own_paragraphs_keep_two_streaks_apart():
    text = ("2020年，全市粮食总产量连续3年稳定在100万吨以上。\n"
            "2021年，全市粮食总产量连续4年稳定在100万吨以上。\n")
    assert _cc101(text) == []


def test_a_clause_restated_word_for_word_is_one_statement_whatever_its_subject_leans_on():
    # 发案数、损失数 take their subject from the sentence before (电诈); restated after a sentence about
    # something else, only the identical wording says it is the same claim
    text = ("近年来，电信网络诈骗案件高发。本县成为全市唯一发案数、损失数连续3年“双下降”的县区。\n"
            "群众安全感持续提升，一项项便民举措落地见效。\n"
            "平安建设扎实推进，本县成为全市唯一发案数、损失数连续5年“双下降”的县区。\n")
    hits = _cc101(text, CheckOptions(profile="mainland"))
    assert len(hits) == 1 and "连续5年" in hits[0][0] and any("连续3年" in r for r in hits[0][1])


def test_a_short_generic_clause_is_not_identified_by_its_wording_alone():
    # 总额 alone names no figure, and nothing before says of what: two statements, not one restated
    text = ("总额连续5个月蝉联全省第一。\n"
            "一季度以来，全市项目建设提速。\n"
            "重大项目持续发力，新开工项目进展顺利。\n"
            "总额连续7个月蝉联全省第一。\n")
    assert _cc101(text, CheckOptions(profile="mainland")) == []


def test_each_contradicting_statement_is_reported_once_at_its_own_place():
    text = ("全市电诈发案、损失连续3年实现“双下降”。\n"
            "据统计，全市电诈发案、损失连续四年实现“双下降”。\n"
            "今年，全市电诈发案、损失连续五年实现“双下降”。\n")
    hits = _cc101(text, CheckOptions(profile="mainland"))
    assert len(hits) == 2 and "连续四年" in hits[0][0] and "连续五年" in hits[1][0]
    assert all(any("连续3年" in r for r in h[1]) for h in hits)
