"""CC304 on a plain integer that closes a clause of prose with no measure word, and the numbers that
rightly stand bare (codes, hotlines, index values, scores, years, quotations, number pairs)."""
from __future__ import annotations

import pytest

from checker import analyse_text
from checker.options import CheckOptions

MAINLAND = CheckOptions(profile="mainland")
HONGKONG = CheckOptions(profile="hongkong")


def _cc304(text: str, options: CheckOptions = MAINLAND):
    doc = analyse_text(text, options=options)
    return [doc.text[f.start:f.end] for f in doc.findings if f.rule == "CC304"]


@pytest.mark.parametrize("text,number,options", [
    # a provincial report
    ("新建扩建城市生活污水处理厂5,加快建设城市综合管廊。", "5", MAINLAND),
    ("今年新认定省级专精特新企业326,累计达到1800家。", "326", MAINLAND),
    # a business news story
    ("两批名单合计入选企业分别为521家和500家,共计1021。", "1021", MAINLAND),
    # a list whose neighbours keep their measure words
    ("建成县级指挥中心1个、乡镇分中心8、村级工作站110个。", "8", MAINLAND),
    # a Hong Kong story, in traditional script
    ("全港現有公立醫院43,另有私家醫院13間。", "43", HONGKONG),
    ("十名委員中只有兩名留任,其餘離任的是另外8,他們多數轉投私人機構。", "8", HONGKONG),
    # after an approximation word
    ("全年办理职务科技成果赋权超过800,技术合同成交额突破1140亿元。", "800", MAINLAND),
])
def test_a_bare_count_closing_its_clause_is_flagged(text, number, options):
    hits = _cc304(text, options)
    assert any(number in h for h in hits), hits


@pytest.mark.parametrize("text,options", [
    ("市民可拨打12345,也可致电110,反映问题。", MAINLAND),                  # hotlines
    ("当日上证指数收报3215,深证成指收于10320。", MAINLAND),               # index values
    ("恒指收市报24000,成交额1000亿元。", HONGKONG),
    ("湖人最终以108比102取胜,詹姆斯得分35。", MAINLAND),                   # scores
    ("他们在3、4日完成检查,分别提高15、22个百分点。", MAINLAND),           # number pairs and lists
    ("香港人在疫情中度过了2020,盼来了新一年。", HONGKONG),                 # a year
    ("“民生110,处处有回应”成为口号。", MAINLAND),                        # a quoted name
    ("> 现在这便宜药才卖500,能救命。\n\n这是电影里的一段对白。", MAINLAND),  # a Markdown block quote
    ("该校毕业生就业率跻身全省前10,详见附表2。", MAINLAND),               # a top-N, a table
    ("详见第3,本条例自公布之日起施行。", MAINLAND),                        # an ordinal
    ("城乡居民收入倍差从2.42缩小至2.12,技能人才总量超696万。", MAINLAND),  # decimals and 万
    ("受理治安案件6104起,比2020年下降24.02%。", MAINLAND),                # with its measure word
])
def test_numbers_that_rightly_stand_bare_are_not_flagged(text, options):
    assert _cc304(text, options) == []
