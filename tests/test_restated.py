"""Restated figures (CC163 values and rates, CC161 changes): one figure stated twice with values that
cannot both hold, identified by its frame or by its wording; strong identity is an error, weaker a
warning.  Sentences of several genres, positives and the negatives the identity must keep apart."""
from __future__ import annotations

import pytest

from checker import analyse_text
from checker.claims.frame import Period, compatible_periods
from checker.claims.subject import make_subject
from checker.options import CheckOptions


def hits(text: str, rule: str, year: int | None = 2024):
    doc = analyse_text(text, options=CheckOptions(select=[rule], year=year))
    return [(f.severity, doc.text[f.start:f.end]) for f in doc.findings if f.rule == rule]


@pytest.mark.parametrize("text,rule,found", [
    # police: a rate restated
    ("2023年,全市刑事案件破案率85.3%。……2023年,全市刑事案件破案率为83.5%。", "CC163", "83.5%"),
    # livelihood: restated in a larger unit, off beyond the rounding of 1.5万
    ("2023年,全镇常住人口12600人。……2023年,全镇常住人口1.5万人。", "CC163", "1.5万人"),
    # economy: a sub-period without a year is one period (1-6月 … 1-6月)
    ("1-6月,全国发行地方政府债券33411亿元。……1-6月,全国发行地方政府债券37420亿元。", "CC163", "37420亿元"),
    # economy: the end value of a from-to change
    ("五年来,全省一般公共预算收入从3826.5亿元增长到4398.6亿元。……五年来,全省一般公共预算收入从3826.5亿元"
     "增长到4618.5亿元。", "CC163", "4618.5亿元"),
    # environment: a part restated in the same words
    ("2021年土地卫星数据共计发现2135个图斑,经核查违法图斑72个。……2021年土地卫星数据共计发现2135个图斑,"
     "经核查违法图斑74个。", "CC163", "74个"),
    # Hong Kong, traditional script
    ("去年全港錄得盜竊案12,600宗。……據統計,去年全港錄得盜竊案1.5萬宗。", "CC163", "1.5万宗"),
    # economy: a change without a written reference
    ("2025年全省固定资产投资下降3.3%。……2025年全省固定资产投资下降4.3%。", "CC161", "全省固定资产投资下降4.3%"),
    # targets restated: a target is compared with a target
    ("今年主要预期目标是:地区生产总值增长5%左右,进出口总值增长5%。……今年主要预期目标是:地区生产总值"
     "增长5%左右,进出口总值增长7%。", "CC161", "进出口总值增长7%"),
])
def test_restated_figures_found(text, rule, found):
    found_at = hits(text, rule)
    assert len(found_at) == 1 and found_at[0][1].endswith(found)


def test_clauses_after_a_semicolon_read_with_their_sentence():
    text = ("上半年,全市规模以上工业增加值同比增长8.3%;两年平均增长3.2%。……上半年,全市规模以上工业增加值"
            "同比增长8.3%;两年平均增长4.1%。")
    found_at = hits(text, "CC161")
    assert len(found_at) == 1 and found_at[0][1].endswith("两年平均增长4.1%")


def test_changes_in_percentage_points_apart_from_percent():
    text = "7月,全市工业品出厂价格同比涨幅回落1.2个百分点。……7月,全市工业品出厂价格同比涨幅回落2.1个百分点。"
    assert len(hits(text, "CC161")) == 1
    assert hits("7月,全市工业品出厂价格同比上涨1.2%。……7月,全市工业品出厂价格同比上涨2.1个百分点。", "CC161") == []


def test_ranges_compared_by_their_ends():
    text = "今年主要目标是:地区生产总值增长4.5%—5%。……今年主要目标是:地区生产总值增长3.5%—5%。"
    assert len(hits(text, "CC161")) == 1
    assert hits("今年主要目标是:地区生产总值增长4.5%—5%。……今年地区生产总值增长5%。", "CC161") == []


@pytest.mark.parametrize("text,severity", [
    # the same words: error
    ("2023年全市粮食总产量达到312.5万吨。会议指出,2023年全市粮食总产量为321.5万吨。", "error"),
    # synonyms (电信网络诈骗 = 电诈) name one figure, but not in the same words: warning
    ("2023年,全市电信网络诈骗案件发案1200起。2023年,全市电诈案件发案1250起。", "warning"),
    # the year so far and the full year: warning
    ("今年以来,全市办理法律援助案件462件。全年法律援助案件426件。", "warning"),
    # an approximate value compares as its interval: warning
    ("2023年全市完成植树造林1250亩。2023年全市完成植树造林超过1300亩。", "warning"),
])
def test_severity_follows_the_strength_of_the_identity(text, severity):
    assert [s for s, _ in hits(text, "CC163")] == [severity]


@pytest.mark.parametrize("text", [
    "2023年全市社会消费品零售总额约1200亿元。2023年全市社会消费品零售总额1250亿元。",     # 约1200 admits 1250
    "2023年,全镇常住人口12600人。2023年,全镇常住人口1.26万人。",                           # the same, rounded
    "截至今日,共有至少18个组织表态。……截至今日,共有至少16个组织表态。",                   # two lower bounds
    "截至2月12日,已有16名医生、35名护士参与。……截至2月17日,已有16名医生、39名护士参与。",  # two dates
    "截至6月底,全市登记市场主体12.5万户。截至9月底,全市登记市场主体12.9万户。",
    "1-6月,全市进出口总额320亿元。1-9月,全市进出口总额480亿元。",                           # 1-6月 vs 1-9月
    "2023年全市刑事案件发案1200起,比2022年的1350起下降11.1%。全年全市刑事案件发案1200起。",  # a reference value
    "全市刑事案件发案1200起,同比减少150起。全市刑事案件发案1200起,上年为1350起。",
    # 其中 keeps the period of the sentence before: June is not January-June
    "2021年1-6月,全国发行地方政府债券33411亿元。其中,发行一般债券16103亿元。\n"
    "2021年6月,全国发行地方政府债券7949亿元。其中,发行一般债券2344亿元。",
    # a heading that names a place scopes its section
    "一、金塔县\n2023年,全县地区生产总值完成120亿元。\n二、瓜州县\n2023年,全县地区生产总值完成150亿元。",
    # a story touring places: a rate under a far-away period of another time names each one's figure
    "1971年,两国建交。\n**几内亚**\n几内亚矿产丰富,森林覆盖率46%。\n**加蓬**\n加蓬石油丰富,森林覆盖率85%。",
    "全市刑事案件破案率85.3%,同比提高2.1个百分点。全市命案破案率100%。",
])
def test_values_kept_apart(text):
    assert hits(text, "CC163") == []


@pytest.mark.parametrize("text", [
    # 两年平均 belongs to the change, not the subject: two cities' two-year averages are two figures
    "上半年,深圳市规模以上工业增加值同比增长8.3%,两年平均增长3.2%。上半年,成都市规模以上工业增加值"
    "同比增长14.0%,两年平均增长8.0%。",
    # the changes of two items in percentage points, with the item a clause before
    "食品同比上涨2.9%,涨幅比上月扩大0.6个百分点。核心CPI上涨1%,涨幅比上月扩大0.1个百分点。",
    "上半年,全市规模以上工业增加值增长5.2%。全年,全市规模以上工业增加值增长6.1%。",
    "2023年全市地区生产总值增长5.3%。2023年全市地区生产总值比2019年增长21.3%。",
    "全市出口总额增长8.2%。全市进出口总额增长12.8%。",
    "一、金塔县\n2023年,全县地区生产总值同比增长5.1%。\n二、瓜州县\n2023年,全县地区生产总值同比增长6.3%。",
])
def test_changes_kept_apart(text):
    assert hits(text, "CC161") == [] and hits(text, "CC163") == []


@pytest.mark.parametrize("a,b,ok", [
    (Period("1-6月", part="1-6月"), Period("1-6月", part="1-6月"), True),
    (Period("1-7月", part="1-7月"), Period("今年1-7月", relative=0, part="1-7月"), True),
    (Period("1-7月", part="1-7月"), Period("去年1-7月", relative=-1, part="1-7月"), False),
    (Period("1-6月", part="1-6月"), Period("1-9月", part="1-9月"), False),
    (Period("2月12日", part="2月12日"), Period("2月17日", part="2月17日"), False),
])
def test_sub_periods_without_a_year(a, b, ok):
    assert compatible_periods(a, b, 2024) is ok


def test_change_qualifiers_are_not_the_subject():
    assert make_subject("两年平均增长").core == ""
    assert make_subject("规模以上工业增加值年均增长").core == "规模以上工业增加值"


def _pairs_one_by_one(statements, year, timed=True):
    """``restatement_pairs`` as first written: every statement weighed against every entry of its buckets,
    pair by pair (the reference the remembered weighings must agree with)."""
    from collections import Counter

    from checker.engine.kinds.restated import (MAX_COMPARED, MIN_WORDING, _interval_key, bucket_key,
                                               contradict, strength)

    seen_at, todo = set(), []
    for s in sorted(statements, key=lambda s: s.quantity.start):
        at = (s.quantity.start, s.quantity.end)
        if at in seen_at:
            continue
        seen_at.add(at)
        f = s.frame
        keys = (("frame", (), bucket_key(f)),) + (
            (("words", (), f.measure, f.dimension, s.head[-MIN_WORDING:]),) if s.worded else ())
        todo.append((s, keys))
    left = Counter(k for _, keys in todo for k in keys)
    buckets: dict = {}
    for s, keys in todo:
        found = next(((e, st) for k in keys for e in buckets.get(k, {}).values()
                      for st in [strength(e, s, year, timed)] if st and contradict(e, s)), None)
        if found:
            yield found[0], s, found[1]
        for k in keys:
            left[k] -= 1
            if left[k] and len(buckets.setdefault(k, {})) < MAX_COMPARED:
                f, p = s.frame, s.frame.period
                buckets[k].setdefault((f.subject.key, f.subject.attr, f.scope, (p.label, p.year, p.relative, p.part,
                                       p.span), f.flow, s.head[-MIN_WORDING:], _interval_key(s.quantity.interval)), s)


@pytest.mark.parametrize("copies", [0, 1, 3, 12])
def test_remembered_weighings_give_the_pairs_one_by_one_weighing_gives(copies):
    """A report repeated, with some figures changed in later copies (and two figures in one sentence): the
    pairs found when a figure written again reuses its kin's weighings are the pairs of weighing each pair."""
    from checker.engine.kinds import restated as R

    from conftest import SEEDS

    base = (SEEDS / "000_8c17534d86b76211.txt").read_text(encoding="utf-8")
    parts = [base.replace("3315", "3351") if i % 3 == 2 else base for i in range(copies)]
    parts.append("2021年全市刑事案件发案3315起，全市刑事案件发案3351起。")
    doc = analyse_text("\n".join(parts))
    stmts = [s for c in doc.claims if c.kind in ("quantity", "change", "rate", "partwhole")
             for s in R._value_statements(doc, c)]
    got = [(a.quantity.start, b.quantity.start, st) for a, b, st in R.restatement_pairs(stmts, doc.year)]
    want = [(a.quantity.start, b.quantity.start, st) for a, b, st in _pairs_one_by_one(stmts, doc.year)]
    assert got == want
    assert bool(got) == (copies > 0)   # two values in one sentence are two things; a changed value is found
