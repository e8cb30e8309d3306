"""CC201/CC203: the counted noun (from-to statements, the head of a longer phrase) and the population a
count is held to (the region, else the country or the world the sentence speaks of)."""
from __future__ import annotations

import pytest

from checker import analyse_text
from checker.options import CheckOptions

MAINLAND = CheckOptions(profile="mainland")


def _magnitude(text: str, options: CheckOptions = MAINLAND):
    doc = analyse_text(text, options=options)
    return [(f.rule, doc.text[f.start:f.end]) for f in doc.findings if f.category == "magnitude"]


@pytest.mark.parametrize("text,rule,quote", [
    # a provincial report: the count in a from-to statement, the noun before 从
    ("湖南省专精特新企业从0.3万家增长到1.2亿家,数量居中部第一。", "CC201", "1.2亿家"),
    ("甘肃省新能源汽车充电桩由2.1亿个增加到5.6万个。", "CC201", "2.1亿个"),
    # the counted noun a few words after the number
    ("重庆市社会救助服务联合体实现区县全覆盖,1.2亿个退役军人服务站提质增效。", "CC201", "1.2亿个"),
    # the counted noun ends a longer phrase after the number
    ("江西省新增3.2亿个公办幼儿园普惠性学前教育学位。", "CC201", "3.2亿个"),
    # a national statistics release names no region: the country bounds it
    ("国家统计局发布,前三季度全国城镇新增就业1045亿人,完成全年目标的95%。", "CC203", "1045亿人"),
    # a sentence about another region, or the country, is held to the country's population
    ("香港政府估计,10年内会有167亿人可从中国内地移居到香港。", "CC203", "167亿人"),
    ("广西防返贫监测帮扶模式在全国推广,脱贫人口务工规模293.2亿人。", "CC203", "293.2亿人"),
    # a count of account holders is not one of residents, but still one of people
    ("云南省个人养老金制度全面实施、开户602亿人。", "CC203", "602亿人"),
    # the noun counted is people (乡村医生), whatever 村 in it would count elsewhere
    ("甘肃省培训乡村医生4.2亿名,村卫生室实现全覆盖。", "CC203", "4.2亿名"),
    # a stray 万 in a sentence that also counts 人次 elsewhere
    ("内蒙古开展职业技能培训40万人次,新增退役军人就业4000万人、残疾人就业6500人。", "CC203", "4000万人"),
])
def test_counts_beyond_the_population_that_bounds_them(text, rule, quote):
    assert (rule, quote) in _magnitude(text)


@pytest.mark.parametrize("text", [
    "湖南省专精特新企业从0.3万家增长到1.2万家,数量居中部第一。",
    "江西省新增3.2万个公办幼儿园普惠性学前教育学位。",
    "国家统计局发布,前三季度全国城镇新增就业1045万人,完成全年目标的95%。",
    "香港政府估计,10年内会有167万人可从中国内地移居到香港。",
    "全球互联网用户超过50亿人,其中我国网民10.8亿人。",
    "江苏省全年接待境内外游客9.6亿人,旅游总收入1.4万亿元。",
    "安徽省全年生产口罩5亿个、防护服3000万件。",
    "甘肃省培训乡村医生4.2万名,村卫生室实现全覆盖。",
    "重庆市社会救助服务联合体实现区县全覆盖,1.2万个退役军人服务站提质增效。",
    "青海省全年旅游人数达到4500万人,旅游总收入460亿元。",
])
def test_plausible_counts_are_left_alone(text):
    assert _magnitude(text) == []
