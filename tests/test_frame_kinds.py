"""Kinds decided on frames: restated values (CC163), changes of one frame (CC161), streaks (CC101).
Positives and the negatives the frame must keep apart, in several genres."""
from __future__ import annotations

import pytest

from checker import analyse_text
from checker.options import CheckOptions


def hits(text: str, rule: str, year: int | None = None):
    doc = analyse_text(text, options=CheckOptions(select=[rule], year=year))
    return [f for f in doc.findings if f.rule == rule]


@pytest.mark.parametrize("text", [
    "今年以来,全市办理法律援助案件462件。……全年法律援助案件426件。",                      # livelihood
    "2023年全市粮食总产量达到312.5万吨。……会上通报,2023年全市粮食总产量为321.5万吨。",     # economy
    "2024年,全市受理环境信访投诉1520件。……2024年全市受理环境信访投诉1250件。",            # environment
    "2023年全市立刑事案件3315起。……2023年,全市立刑事案件3351起。",                       # police
])
def test_restated_values_that_disagree(text):
    assert len(hits(text, "CC163")) == 1


@pytest.mark.parametrize("text", [
    "五年来,全市累计办理法律援助案件2300件。2025年全市办理法律援助案件462件。",           # cumulative vs one year
    "全市新增城镇就业6.8万人。全市城镇就业人员总数达到120万人。",                          # 新增 vs 总数
    "上半年全市办理法律援助案件210件。全年全市办理法律援助案件462件。",                     # 上半年 vs 全年
    "2023年市区受理环境信访投诉520件。2023年全市受理环境信访投诉1250件。",                 # 市区 vs 全市
    "2023年全市粮食总产量312.5万吨。2024年全市粮食总产量321.5万吨。",                      # different years
    "2023年全市粮食总产量312.5万吨。今年全市粮食总产量目标达到330万吨。",                  # target
    "2023年全市粮食总产量约312万吨。2023年全市粮食总产量312.5万吨。",                       # rounding / approximation
    "全港去年錄得盜竊案1200宗。全港去年錄得盜竊案1,200宗。",                               # same value, other form
])
def test_restated_values_kept_apart(text):
    assert hits(text, "CC163") == []


def test_change_conflict_uses_frames_not_a_word_list():
    text = "2023年全市进出口总额同比增长8.2%。……2023年,全市进出口总额同比增长12.8%。"
    assert len(hits(text, "CC161")) == 1
    assert hits("上半年全市进出口总额同比增长8.2%。全年全市进出口总额同比增长12.8%。", "CC161") == []
    assert hits("全市进出口总额同比增长8.2%,出口总额同比增长12.8%。", "CC161") == []


@pytest.mark.parametrize("text,n", [
    ("全省粮食产量连续9年稳定在700亿斤以上。……全省粮食产量连续十年稳定在700亿斤以上。", 1),
    ("全市电诈发案数、损失数连续3年“双下降”。……全市电诈发案、损失连续四年实现“双下降”。", 1),
    ("全港嚴重罪案連續5年下降。……全港嚴重罪案連續六年下降。", 1),
    ("全市空气优良天数连续3年增加。全市PM2.5浓度连续4年下降。", 0),       # different subjects
    ("全市命案连续5年下降。全市命案5年连降。", 0),                          # same N
    ("全市电诈发案连续3年下降,交通事故连续5年下降。", 0),
    ("全市刑事案件连续3年下降。市区刑事案件连续5年下降。", 0),              # different scope
])
def test_streaks(text, n):
    assert len(hits(text, "CC101")) == n


def test_frames_in_the_json_contract_and_the_report():
    import json
    import subprocess
    import sys

    text = "2021年,全市电信网络诈骗案件发案120起,同比下降20%。"
    out = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "-"], input=text.encode(),
                         capture_output=True, check=False).stdout
    claims = json.loads(out)["files"][0]["claims"]
    change = next(c for c in claims if c["kind"] == "change")
    frame = change["frame"]
    assert frame["version"] == 1 and frame["measure"] == "change" and frame["reference"] == "同比"
    assert frame["period"] == {"label": "2021年", "year": 2021, "relative": None, "part": "", "span": ""}
    assert frame["subject"]["core"] == "电诈" and frame["value"] == "[19.5, 20.5)"
    assert frame["about"] == "全市 · 电信网络诈骗案件发案 · 2021年 · 对比同比 · 变化"
    report = subprocess.run([sys.executable, "-m", "checker", "check", "-"], capture_output=True, check=False,
                            input="今年以来,全市办理法律援助案件462件。全年法律援助案件426件。".encode()).stdout.decode()
    assert "关于：全市 · 法律援助案件 · 今年以来 · 计数" in report
