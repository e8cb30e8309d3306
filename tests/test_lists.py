"""The list parser (、/和/及/与/以及) and the kinds built on it: 分别, counted enumerations, 双下降."""
from __future__ import annotations

import time

import pytest

from checker import analyse_text
from checker.claims.lists import list_before
from checker.options import CheckOptions


def items(text: str, suffix: str = "分别"):
    end = text.index(suffix) if suffix else len(text)
    p = list_before(text, end)
    return (p.texts(text), p.open) if p else None


@pytest.mark.parametrize("text,expected", [
    ("全省刑事案件、治安案件、信访总量分别", (["刑事案件", "治安案件", "信访总量"], False)),
    ("农村自来水普及率和城镇化率分别", (["自来水普及率", "城镇化率"], False)),
    ("软件和信息技术服务业、交通运输和邮政业分别", (["软件和信息技术服务业", "交通运输和邮政业"], False)),
    ("“平安村(社区)”、“无邪教村”和“民主法治村”分别", (["“平安村(社区)”", "“无邪教村”", "“民主法治村”"], False)),
    ("2023年、2024年以及2025年分别", (["2023年", "2024年", "2025年"], False)),
    ("涉及金额和人数分别", (["涉及金额", "人数"], False)),
    ("查处土地、矿产、房屋等分别", (["土地", "矿产", "房屋"], True)),
    ("全港住宅、寫字樓及舖位分别", (["住宅", "寫字樓", "舖位"], False)),
])
def test_list_items(text, expected):
    assert items(text) == expected


def test_first_item_cut_from_the_words_before_it():
    assert items("实现省、市、县、乡四级", "四级")[0] == ["省", "市", "县", "乡"]


def test_linear_on_adversarial_conjunctions():
    """Doubling the input about doubles the time (a backtracking regex would explode)."""
    def cost(n):
        text = "分别。" + "和" * n + "及" * n + "、" * n + "分别为1、2。"
        t = time.perf_counter()
        for _ in range(20):
            analyse_text(text, options=CheckOptions(select=["CC151"]))
        return time.perf_counter() - t
    small, big = cost(2000), cost(8000)
    assert big < small * 12


def findings(text, rule):
    return [f for f in analyse_text(text, options=CheckOptions(select=[rule])).findings if f.rule == rule]


@pytest.mark.parametrize("text,n", [
    ("全市刑事案件、治安案件分别下降10%、12%、15%。", 1),              # police: three values for two items
    ("城镇和农村居民人均可支配收入分别增长5.1%、6.3%。", 0),          # livelihood
    ("全省粮食、油料和蔬菜产量分别增长1.2%、2.1%和3.5%。", 0),        # economy
    ("二氧化硫、氮氧化物排放量分别下降3%、4%,PM2.5浓度下降5%。", 0),  # environment: a comma ends the values
    ("软件和信息技术服务业、批发和零售业增加值分别增长12.1%、5.3%。", 0),   # 和 inside industry names
    ("全港住宅、寫字樓、舖位及車位租金分别按年上升3%、2%。", 1),            # Hong Kong phrasing
    ("全港住宅、寫字樓及舖位租金分别按年上升3%、2%。", 0),                  # 及 may join a name: 2 or 3
])
def test_fenbie_alignment(text, n):
    assert len(findings(text, "CC151")) == n


def test_single_value_is_an_info_note():
    f = findings("全市刑事案件和治安案件分别下降10%。", "CC152")
    assert len(f) == 1 and f[0].severity == "info"
    assert findings("全市刑事案件和治安案件均下降10%。", "CC152") == []


@pytest.mark.parametrize("text,n", [
    ("全市电诈发案数、损失数、破案数连续3年实现“双下降”。", 1),
    ("全市电诈发案数、损失数连续3年实现“双下降”。", 0),
    ("全市电诈案件实现同比、环比双下降。", 0),
    ("南山口、哇让、同德、德令哈三个抽水蓄能电站开工。", 1),
    ("南山口、哇让、同德、德令哈四个抽水蓄能电站开工。", 0),
    ("在北美、欧洲和亚洲10个城市举办推介会。", 0),                     # 10 cities, not 3 items
    ("苏南运河二级航道、宿连三级航道全线通航。", 0),                   # ranked names, not a count
    ("查处土地、矿产、房屋等7类违法案件。", 0),                         # 等: open
])
def test_counted_enumerations(text, n):
    assert len(findings(text, "CC151")) == n


@pytest.mark.parametrize("text,n", [
    ("出口增长较快的领域是个人文化和娱乐服务、知识产权使用费、电信计算机和信息服务,分别增长28.3%、23.9%。", 1),
    ("出口增长较快的领域是个人文化和娱乐服务、知识产权使用费、电信计算机和信息服务,分别增长28.3%、23.9%、20.8%。", 0),
    ("对东盟、欧盟、美国、韩国和日本进出口分别增长8.4%、10.2%、9.9%、12.3%。", 1),   # 韩国和日本: two items
    ("对东盟、欧盟、美国、韩国和日本进出口分别增长8.4%、10.2%、9.9%、12.3%和1.8%。", 0),
])
def test_lists_introduced_by_a_copula_and_short_joins(text, n):
    assert len(findings(text, "CC151")) == n
