"""Claim frames: subject, scope, period (apart from the reference), measure — on sentences of
several genres and both scripts."""
from __future__ import annotations

import pytest

from checker.claims.frame import FrameReader, Period, compatible_periods, compatible_scopes, same_frame
from checker.claims.subject import make_subject, similar_core
from checker.io import SourceDocument
from checker.pipeline import build_doc


def frames(text: str):
    """(quantity text, frame) for every non-date quantity, in document order."""
    doc = build_doc(SourceDocument(path="t", text=text))
    reader = FrameReader(doc)
    return [(q.text, reader.frame(q, "")) for q in doc.quantities if q.kind not in ("year", "date", "duration")]


def frame_of(text: str, number: str):
    return next(f for t, f in frames(text) if t == number)


def test_police_subject_scope_and_period_apart_from_reference():
    f = frame_of("2021年,全市刑事案件发案3315起,比2020年下降12.67%。", "3315起")
    assert (f.scope, f.subject.core, f.subject.attr, f.period.year, f.measure) == ("市", "刑事", "", 2021, "count")
    change = frame_of("2021年,全市刑事案件发案3315起,比2020年下降12.67%。", "12.67%")
    assert change.period.year == 2021          # 比2020年 is the reference, not the period
    assert change.measure == "change"
    assert change.subject.key == "刑事"        # the topic of the clause before


def test_object_after_the_number_is_the_subject():
    assert frame_of("全市发生18起命案,同比下降10%。", "18起").subject.core == "命案"
    assert frame_of("全年培训乡村医生4.2万名。", "4.2万名").subject.core == "乡村医生"


def test_synonyms_make_one_subject():
    a = frame_of("全市八类主要案件立案117起。", "117起").subject
    b = make_subject("八类严重暴力犯罪案件")
    assert similar_core(a.key, b.key)
    assert not similar_core(make_subject("刑事案件").key, make_subject("治安案件").key)


def test_economy_half_year_is_not_the_full_year():
    text = "上半年全市规模以上工业增加值增长5.2%。全年规模以上工业增加值增长6.1%。"
    a, b = frame_of(text, "5.2%"), frame_of(text, "6.1%")
    assert a.measure == b.measure == "change"
    assert a.period.part == "上半年" and b.period.part == ""
    assert not same_frame(a, b, 2025)


def test_livelihood_cumulative_and_new_are_apart():
    text = "五年来,全市累计新增城镇就业32万人。2025年全市城镇新增就业6.8万人。全市城镇就业总数达到120万人。"
    five, one, total = frame_of(text, "32万人"), frame_of(text, "6.8万人"), frame_of(text, "120万人")
    assert five.period.span and not one.period.span
    assert one.flow == "new" and total.flow == ""
    assert not same_frame(five, one, 2025)
    assert not same_frame(one, total, 2025)


def test_legal_aid_year_to_date_matches_the_full_year():
    text = "今年以来,全市办理法律援助案件462件。全年法律援助案件426件。"
    a, b = frame_of(text, "462件"), frame_of(text, "426件")
    assert a.period.part == "ytd"
    assert same_frame(a, b, None)


def test_environment_scope_part_is_not_the_whole():
    text = "2023年市区空气质量优良天数比例为88.5%。2023年全市空气质量优良天数比例为91.2%。"
    a, b = frame_of(text, "88.5%"), frame_of(text, "91.2%")
    assert a.scope == "市区" and b.scope == "市"
    assert not same_frame(a, b, 2023)


def test_named_county_is_its_own_scope():
    a = frame_of("肃州区刑事案件发案1200起。", "1200起")
    assert a.scope == "肃州区" and a.subject.core == "刑事"
    assert compatible_scopes("酒泉市", "市") and not compatible_scopes("肃州区", "市")
    assert not compatible_scopes("市区", "")


def test_traditional_hong_kong_phrasing():
    text = "全港去年錄得盜竊案1200宗,按年上升12%,較去年同期增加兩成。"
    f = frame_of(text, "1200宗")
    assert f.scope == "港" and "盗窃" in f.subject.core and f.period.relative == -1
    assert frame_of(text, "12%").measure == "change"


def test_different_years_and_targets_are_apart():
    a = frame_of("2022年全市粮食总产量达到300万吨。", "300万吨")
    b = frame_of("2023年全市粮食总产量达到310万吨。", "310万吨")
    assert not same_frame(a, b, 2023)
    goal = frame_of("今年全市粮食总产量目标达到320万吨。", "320万吨")
    now = frame_of("今年全市粮食总产量达到310万吨。", "310万吨")
    assert goal.modality == "target" and not same_frame(goal, now, 2023)


def test_period_inherited_from_the_sentence_start_in_a_paragraph():
    text = "2021年,全市经济稳中向好。全市地区生产总值达到1500亿元。"
    assert frame_of(text, "1500亿元").period.year == 2021


@pytest.mark.parametrize("a,b,ok", [
    (Period("今年以来", relative=0, part="ytd"), Period("全年", relative=0), True),
    (Period("上半年", part="上半年"), Period("全年", relative=0), False),
    (Period("五年来", span="5y"), Period("2025年", year=2025), False),
    (Period("2021年", year=2021), Period("今年", relative=0), True),
    (Period("2020年", year=2020), Period("今年", relative=0), False),
    (Period(), Period("2020年", year=2020), False),
    (Period(), Period(), True),
])
def test_period_compatibility(a, b, ok):
    assert compatible_periods(a, b, 2021) is ok


def test_about_line():
    f = frame_of("2021年,全市电信网络诈骗案件发案120起。", "120起")
    assert f.about() == "全市 · 电信网络诈骗案件发案 · 2021年 · count"
    loss = frame_of("2021年,全市电信网络诈骗案件发案120起,损失300万元。", "300万元")
    assert loss.subject.attr == "损失" and loss.subject.topic == "电诈"


@pytest.mark.parametrize("text", ["一" * 5000 + "年来,全市发案下降。", "连续" + "一" * 5000 + "年下降。",
                                  "分别。" + "和" * 5000 + "。", "2023年、" * 3000 + "分别为1起、2起。"])
def test_adversarial_text_reads_without_error(text):
    import json
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "-"], input=text.encode(),
                       capture_output=True, timeout=120)
    assert p.returncode in (0, 1) and b"Traceback" not in p.stderr
    json.loads(p.stdout)


def test_section_periods_follow_the_paragraph_that_opens_them():
    text = ("一、2025年和“十四五”时期工作回顾\n这一年,我们攻坚克难。\n城镇新增就业17.78万人。\n"
            "五年来,我们砥砺前行。\n城镇新增就业86.22万人。\n")
    a, b = frame_of(text, "17.78万人"), frame_of(text, "86.22万人")
    assert a.period.part == "reported" and b.period.span == "5y"
    assert not same_frame(a, b, 2026)


def test_reported_year_is_not_the_plan_year():
    text = "过去一年,全市建成高标准农田47.8万亩。\n今年全市建成高标准农田32.8万亩。"
    assert not same_frame(frame_of(text, "47.8万亩"), frame_of(text, "32.8万亩"), 2026)
