"""Part/whole markers, qualifiers and per-unit figures; rates that may exceed 100%; shares; dates that
are not the value of a change — the negatives of real text, and the positives next to them."""
import pytest

from checker import analyse_text
from checker.options import CheckOptions


def rules(text: str, *ids: str, year=None):
    return [f.rule for f in analyse_text(text, options=CheckOptions(select=list(ids), year=year)).findings]


@pytest.mark.parametrize("text,expected", [
    ("全年受理矛盾纠纷8215起,其中婚姻家庭纠纷9120起。", ["CC141"]),
    ("2021年土地卫星数据共计发现2135个图斑,经核查违法图斑2372个。", ["CC141"]),       # 经核查 marks a part
    ("全市登记流动人口1200人,包括外省来人1500人。", ["CC141"]),
    ("被捕者年龄介乎11至84岁,其中2393人为学生。", []),                                 # an age range is no whole
    ("全港65岁以上长者中,其中85岁以上占18%。", []),                                     # ages qualify
    ("取得第3级或以上成绩的考生,其中第5级考生占12%。", []),                              # a level qualifies
    ("抽检食品每千人6.6批次,其中不合格12批次。", []),                                   # per-thousand figure
    ("全年受理矛盾纠纷8215起,另外,其他部门受理9120起。", []),                          # 另外: another group
    ("2025年全市新开工项目320个,其中,民间投资项目210个。", []),
])
def test_part_whole(text, expected):
    assert rules(text, "CC141") == expected


@pytest.mark.parametrize("text,expected", [
    ("全市群众满意率达到101.3%。", ["CC131"]),
    ("年度化债任务完成率达120%。", []),
    ("全市规上工业增加值增长率达到120%。", []),
])
def test_rates_that_may_exceed_100(text, expected):
    assert rules(text, "CC131") == expected


def test_share_needs_a_part_of_its_whole():
    assert rules("全市共有120个社区,其中45个社区配齐专职人员,占比达到40%。", "CC132") == ["CC132"]
    assert rules("建成8个区域医疗中心、13个县域医共体,住院报销比例达70%。", "CC132") == []


@pytest.mark.parametrize("text", [
    "1月至9月固定资产投资同比增长7.3%。",
    "11月份,CPI同比上涨2.3%。",
    "从月度看,4、5月份均同比上涨2.1%。",
])
def test_a_month_is_not_the_value_of_a_change(text):
    assert rules(text, "CC111", "CC112") == []
