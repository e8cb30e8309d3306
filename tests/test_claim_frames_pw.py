"""Claim frames for parts and wholes, shares and counted lists (issue #12): 当中 and the total words
(共计, 合计, 总计) as part/whole data, measure units compared in one unit, 占…P% shares, 分别 values
after any short verb, counted enumerations read past the verb before them and open lists (等) that
count fewer than they name.  Sentences of several genres (police, economy, livelihood, environment),
each error next to its consistent twin."""
from fractions import Fraction

import pytest

from checker import analyse_text
from checker.numbers.dimensions import base_factor
from checker.options import CheckOptions


def rules(text: str, *ids: str):
    return [f.rule for f in analyse_text(text, options=CheckOptions(select=list(ids))).findings]


@pytest.mark.parametrize("text,expected", [
    # police: 当中 introduces a part like 其中
    ("警方共拘捕36名疑犯,当中48人涉嫌非法集结。", ["CC141"]),
    ("警方共拘捕36名疑犯,当中18人涉嫌非法集结。", []),
    ("本年度接获投诉520宗(当中610宗涉及网上购物)。", ["CC141"]),
    ("本年度接获投诉520宗(当中61宗涉及网上购物)。", []),
    # economy: a total before a 分别 list of its parts
    ("全年工业、服务业投资合计520亿元,分别完成610亿元、95亿元。", ["CC141"]),
    ("全年工业、服务业投资合计520亿元,分别完成425亿元、95亿元。", []),
    ("两家园区企业总计86家,分别为51家和47家。", ["CC141"]),          # 51 + 47 > 86
    ("两家园区企业总计98家,分别为51家和47家。", []),
    # livelihood: parts before their total
    ("新建保障性住房1200套、改造老旧小区住房900套,共计1800套。", ["CC141"]),
    ("新建保障性住房1200套、改造老旧小区住房900套,共计2100套。", []),
    ("城镇新增就业3.2万人和农村转移就业2.1万人,合计5.3万人。", []),
    # a list of changes after a total is about something else
    ("全年交通、水利投资共计720亿元,分别增长8.5%、6.1%。", []),
    # environment: measure units in one unit, exactly
    ("全年治理河道12公里,其中生态护岸8500米。", []),
    ("全年治理河道12公里,其中生态护岸15000米。", ["CC141"]),
    ("完成造林3.6万亩,其中人工造林2200公顷。", []),                  # 2200 ha = 33000 mu
    ("完成造林3.6万亩,其中人工造林2500公顷。", ["CC141"]),           # 2500 ha = 37500 mu
    ("全年处置固体废物8.2万吨,其中危险废物5000公斤。", []),
])
def test_parts_and_totals(text, expected):
    assert rules(text, "CC141") == expected


def test_measure_factors_are_exact():
    assert base_factor("公里") == 1000
    assert base_factor("亩") == Fraction(2000, 3)
    assert base_factor("斤") == 500          # grams: the base unit of mass
    assert base_factor("起") is None


@pytest.mark.parametrize("text,expected", [
    ("全市新能源汽车产量占全省的124%。", ["CC131"]),
    ("全市新能源汽车产量占全省的12.4%。", []),
    ("受访市民中表示满意的佔整體1052%。", ["CC131"]),
    ("受访市民中表示满意的占整体10.52%。", []),
    ("城区空气质量优良天数占全年天数的九成。", []),
    ("刑事案件中电信诈骗占到三成五。", []),
    # a share of a plan or of an earlier period may pass 100%
    ("全年完成重点项目投资386亿元,占年度计划的112%。", []),
    ("一季度社会消费品零售总额占上年同期的106%。", []),
    # a change of the share, not the share; land use is not a share
    ("数字经济增加值占GDP比重较上年提高150%。", []),
    ("新建公园占地120%的规划面积调整方案获批。", []),
])
def test_shares_of_a_whole(text, expected):
    assert rules(text, "CC131") == expected


def test_a_share_counts_once():
    # 比重 is a rate word of its own; the 占 form does not report the same percent again
    assert rules("高技术产业增加值占规上工业比重达到135%。", "CC131") == ["CC131"]


@pytest.mark.parametrize("text,expected", [
    ("全市盗窃案件、诈骗案件分别减少了312起、208起、95起。", ["CC151"]),
    ("全市盗窃案件、诈骗案件分别减少了312起、208起。", []),
    ("城乡居民医保和职工医保分别惠及230万人次。", ["CC152"]),
    ("二季度猪肉和鸡蛋价格同比分别上涨12%和8.4%、5%。", ["CC151"]),
    ("二季度猪肉和鸡蛋价格同比分别上涨12%和8.4%。", []),
    ("市区、县城空气优良天数比例分别比上年提高2.1、1.5、0.8个百分点。", ["CC151"]),
])
def test_fenbie_values_after_any_short_verb(text, expected):
    assert rules(text, "CC151", "CC152") == expected


@pytest.mark.parametrize("text,expected", [
    # the clause before the list runs into its first item: the item starts after 在/实现/健全/查
    ("派出所在社区、学校、商圈两大重点区域增设警务室。", ["CC151"]),
    ("派出所在社区、学校、商圈三大重点区域增设警务室。", []),
    ("矛盾调解实现市、县、乡、村三级全覆盖。", ["CC151"]),
    ("矛盾调解实现市、县、乡、村四级全覆盖。", []),
    ("全面推进大气、水、土壤两大污染防治攻坚战。", ["CC151"]),
    ("全面推进大气、水、土壤三大污染防治攻坚战。", []),
    ("北京、天津、河北两地联合开展执法。", ["CC151"]),
    ("北京、天津、河北三地联合开展执法。", []),
    # 等 with a count: the count may name more than listed, never fewer
    ("统筹教育、医疗、养老、托育等三大类民生实事。", ["CC151"]),
    ("统筹教育、医疗、养老、托育等四大类民生实事。", []),
    ("查处土地、矿产、房屋等7类违法案件。", []),
    # a count inside the last item is not the count of the list (where the list starts is a guess)
    ("办好中国杯世界花样滑冰大奖赛、全国青少年三大球运动会等赛事。", []),
])
def test_counted_enumerations(text, expected):
    assert rules(text, "CC151") == expected


def test_a_list_starts_after_a_scope_word_but_not_after_a_comparison_group():
    from checker.claims.lists import list_before

    text = "据此设定了今后五年我省经济发展、创新驱动、民生福祉、绿色低碳、安全保障等四大类指标。"
    parsed = list_before(text, text.index("等"))
    assert parsed.texts(text)[0] == "经济发展" and not parsed.cut
    text = "酒泉成为全省唯一发案数、损失数连续3年“双下降”的市州。"
    parsed = list_before(text, text.index("连续"))
    assert parsed.texts(text) == ["发案数", "损失数"]
