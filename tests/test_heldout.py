"""A held-out red-team set: hand-written Chinese report and news sentences, each with ONE planted
numeric inconsistency, and a consistent twin (the same sentences with the numbers made right).

Written without looking at bench/planting/ (other wordings than the accuracy harness plants).  A planted
case must be found by a rule of its family; its twin must have no error-level finding.  Cases the
checker cannot find yet are marked xfail(strict=True) with the reason, so a fix shows up as XPASS.
"""
from __future__ import annotations

import pytest

from checker import check_text

FAMILIES = {
    "change": ('CC111', 'CC112', 'CC113', 'CC115', 'CC132', 'CC133', 'CC161', 'CC163', 'CC403'),
    "trend": ('CC121', 'CC402'),
    "streak": ('CC101',),
    "restated": ('CC161', 'CC163', 'CC401'),
    "enumeration": ('CC151', 'CC152'),
    "partwhole": ('CC141',),
    "rate": ('CC131', 'CC132', 'CC133'),
    "magnitude": ('CC201', 'CC202', 'CC203', 'CC204'),
    "datespan": ('CC102',),
    "writing": ('CC301', 'CC302', 'CC303', 'CC304', 'CC318'),
}

# (kind, planted text, consistent twin, reason it is not found yet or None)
CASES = [
    ('change',
     '2023年，全省粮食总产量达到3600万吨，上年为3400万吨，同比增长8.2%。',
     '2023年，全省粮食总产量达到3600万吨，上年为3400万吨，同比增长5.9%。',
     None),
    ('change',
     '今年1—9月，全市共受理消费者投诉1250件，去年同期为1000件，同比上升15%。',
     '今年1—9月，全市共受理消费者投诉1250件，去年同期为1000件，同比上升25%。',
     None),
    ('change',
     '2022年全区共发生道路交通事故480起，较2021年的600起下降25%，未发生重大事故。',
     '2022年全区共发生道路交通事故480起，较2021年的600起下降20%，未发生重大事故。',
     None),
    ('change',
     '警方表示，今年首季共錄得盜竊案1,320宗，較去年同期的1,100宗上升12%。',
     '警方表示，今年首季共錄得盜竊案1,320宗，較去年同期的1,100宗上升20%。',
     None),
    ('change',
     '全年接待国内外游客2.4亿人次，比上年的1.8亿人次增长20%，旅游总收入稳步回升。',
     '全年接待国内外游客2.4亿人次，比上年的2.0亿人次增长20%，旅游总收入稳步回升。',
     None),
    ('change',
     '该校今年共有40名毕业生，其中升学人数占37.3%，其余均已就业。',
     '该校今年共有40名毕业生，其中升学人数占37.5%，其余均已就业。',
     None),
    ('trend',
     '2020年至2023年，全市新增城镇就业人数逐年增加，分别为5.2万人、5.6万人、5.4万人和6.1万人。',
     '2020年至2023年，全市新增城镇就业人数逐年增加，分别为5.2万人、5.4万人、5.6万人和6.1万人。',
     None),
    ('trend',
     '近三年来，我县森林覆盖率持续提高，2021年为61.2%，2022年为60.8%，2023年为62.5%。',
     '近三年来，我县森林覆盖率持续提高，2021年为61.2%，2022年为61.8%，2023年为62.5%。',
     None),
    ('trend',
     '本港私人住宅落成量連續三年下降，2021年為14,400個，2022年為21,200個，2023年為13,800個。',
     '本港私人住宅落成量連續三年下降，2021年為21,200個，2022年為14,400個，2023年為13,800個。',
     None),
    ('trend',
     '2019年至2022年，该市一般公共预算收入逐年下降，依次为86.3亿元、81.5亿元、83.2亿元、78.9亿元。',
     '2019年至2022年，该市一般公共预算收入逐年下降，依次为86.3亿元、83.2亿元、81.5亿元、78.9亿元。',
     None),
    ('streak',
     '2023年，我市连续3年被评为全省营商环境最佳城市。报告同时指出，这是我市连续四年被评为全省营商环境最佳城市。',
     '2023年，我市连续3年被评为全省营商环境最佳城市。报告同时指出，这是我市连续三年被评为全省营商环境最佳城市。',
     None),
    ('streak',
     '全县粮食产量连续5年稳定在50万吨以上。今年，全县粮食产量已连续六年稳定在50万吨以上。',
     '全县粮食产量连续5年稳定在50万吨以上。今年，全县粮食产量已连续五年稳定在50万吨以上。',
     None),
    ('streak',
     '該校連續三年獲得全港中學辯論賽冠軍。校長表示，學校連續兩年獲得全港中學辯論賽冠軍，實屬難得。',
     '該校連續三年獲得全港中學辯論賽冠軍。校長表示，學校連續三年獲得全港中學辯論賽冠軍，實屬難得。',
     '该校 … 学校: the two streak subjects differ in wording; anaphora is not resolved'),
    ('restated',
     '2023年末全市常住人口为356.2万人。据统计，截至2023年末，全市常住人口为365.2万人，比上年末增加1.3万人。',
     '2023年末全市常住人口为356.2万人。据统计，截至2023年末，全市常住人口为356.2万人，比上年末增加1.3万人。',
     None),
    ('restated',
     '今年上半年，全省外贸进出口总额4125亿元。海关数据显示，上半年全省外贸进出口总额4215亿元，同比增长6.3%。',
     '今年上半年，全省外贸进出口总额4125亿元。海关数据显示，上半年全省外贸进出口总额4125亿元，同比增长6.3%。',
     None),
    ('restated',
     '消防處今年共接獲火警召喚4,823宗。報告顯示，消防處今年接獲的火警召喚為4,283宗。',
     '消防處今年共接獲火警召喚4,823宗。報告顯示，消防處今年接獲的火警召喚為4,823宗。',
     'subjects that carry verbs (今年共接获 … 今年接获的) do not reduce to one frame'),
    ('restated',
     '全年城镇居民人均可支配收入52860元，增长5.1%。全年城镇居民人均可支配收入达到52680元，增长5.1%。',
     '全年城镇居民人均可支配收入52860元，增长5.1%。全年城镇居民人均可支配收入达到52860元，增长5.1%。',
     'a per-capita figure that is also a change value is not compared as a restated value'),
    ('enumeration',
     '全年共查处三大类违法行为，包括无证经营、超范围经营、虚假宣传和价格欺诈。',
     '全年共查处四大类违法行为，包括无证经营、超范围经营、虚假宣传和价格欺诈。',
     None),
    ('enumeration',
     '甲村、乙村、丙村三个村的人均可支配收入分别为2.1万元和2.4万元。',
     '甲村、乙村、丙村三个村的人均可支配收入分别为2.1万元、2.4万元和1.9万元。',
     None),
    ('enumeration',
     '全年第一产业、第二产业、第三产业增加值分别增长3.8%、5.6%。',
     '全年第一产业、第二产业、第三产业增加值分别增长3.8%、5.6%和7.2%。',
     None),
    ('enumeration',
     '我区今年重点推进五项民生工程：教育提质、医疗扩容、住房保障、养老服务。',
     '我区今年重点推进四项民生工程：教育提质、医疗扩容、住房保障、养老服务。',
     None),
    ('enumeration',
     '警方在行動中拘捕三名男子，年齡分別為23歲、35歲、41歲及52歲。',
     '警方在行動中拘捕四名男子，年齡分別為23歲、35歲、41歲及52歲。',
     'a count of people (三名男子) against the values of a later 分别 list is not compared'),
    ('partwhole',
     '今年全市新增城镇就业4.5万人，其中高校毕业生就业5.2万人。',
     '今年全市新增城镇就业4.5万人，其中高校毕业生就业2.2万人。',
     None),
    ('partwhole',
     '全县共有各类学校126所，其中小学85所、初中38所、高中12所。',
     '全县共有各类学校126所，其中小学85所、初中38所、高中3所。',
     None),
    ('partwhole',
     '警方共拘捕45人，當中包括32名男子及16名女子。',
     '警方共拘捕45人，當中包括32名男子及13名女子。',
     None),
    ('partwhole',
     '全年共计接待来访群众3200人次，其中重复来访3560人次。',
     '全年共计接待来访群众3200人次，其中重复来访560人次。',
     None),
    ('rate',
     '全市城市生活垃圾无害化处理率达到102.5%，污水集中处理率达到96.8%。',
     '全市城市生活垃圾无害化处理率达到99.5%，污水集中处理率达到96.8%。',
     None),
    ('rate',
     '全县农村自来水普及率达到108%，农村卫生厕所普及率提高到85%。',
     '全县农村自来水普及率达到98%，农村卫生厕所普及率提高到85%。',
     None),
    ('rate',
     '旅遊業議會指出，本港今年首三季的酒店平均入住率達113%。',
     '旅遊業議會指出，本港今年首三季的酒店平均入住率達87%。',
     None),
    ('rate',
     '该企业共有职工850人，其中女职工占比达到126%。',
     '该企业共有职工850人，其中女职工占比达到40%。',
     None),
    ('magnitude',
     '全市常住人口约150万人。今年全市共有380万名中小学生参加体质健康测试。',
     '全市常住人口约150万人。今年全市共有38万名中小学生参加体质健康测试。',
     None),
    ('magnitude',
     '2023年全县地区生产总值为286亿元，人均地区生产总值为5.6亿元。',
     '2023年全县地区生产总值为286亿元，人均地区生产总值为5.6万元。',
     None),
    ('magnitude',
     '全年全市城镇居民人均可支配收入为4.8亿元，农村居民人均可支配收入为2.6万元。',
     '全年全市城镇居民人均可支配收入为4.8万元，农村居民人均可支配收入为2.6万元。',
     None),
    ('magnitude',
     '全区常住人口32万人。2023年全区累计帮助420万名失业人员实现再就业。',
     '全区常住人口32万人。2023年全区累计帮助4200名失业人员实现再就业。',
     None),
    ('datespan',
     '2024年1月15日\n自2019年以来，我市连续8年保持全省县域经济综合实力前列。',
     '2024年1月15日\n自2019年以来，我市连续5年保持全省县域经济综合实力前列。',
     None),
    ('datespan',
     '2023年政府工作报告\n2018年以来，全市规模以上工业增加值连续9年保持两位数增长。',
     '2023年政府工作报告\n2018年以来，全市规模以上工业增加值连续5年保持两位数增长。',
     'the publication year is not read from a report title (2023年政府工作报告)'),
    ('datespan',
     '2023年10月25日\n自2020年起，本港整體失業率已連續六年下降。',
     '2023年10月25日\n自2020年起，本港整體失業率已連續三年下降。',
     None),
    ('writing',
     '全年完成植树造林约5万亩左右，森林覆盖率进一步提高。',
     '全年完成植树造林约5万亩，森林覆盖率进一步提高。',
     None),
    ('writing',
     '经过综合整治，今年全市PM2.5平均浓度较上年减少了2倍。',
     '经过综合整治，今年全市PM2.5平均浓度较上年减少了一半。',
     None),
    ('writing',
     '今年全市共建成5综合服务中心，覆盖所有街道。',
     '今年全市共建成5个综合服务中心，覆盖所有街道。',
     'a measure word missing between an Arabic number and its noun (5综合服务中心) is not detected'),
    ('writing',
     '通过技术改造，企业单位产品生产成本降低了3倍。',
     '通过技术改造，企业单位产品生产成本降低了三分之二。',
     None),
    ('writing',
     '是次活動吸引約3,000人左右參加，場面熱鬧。',
     '是次活動吸引約3,000人參加，場面熱鬧。',
     None),
]


def _params(planted: bool):
    out = []
    for i, (kind, bad, good, reason) in enumerate(CASES):
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if planted and reason else []
        out.append(pytest.param(kind, bad if planted else good, marks=marks, id=f"{i:02d}-{kind}"))
    return out


@pytest.mark.parametrize("kind,text", _params(True))
def test_planted_error_is_found(kind, text):
    rules = {f.rule for f in check_text(text).findings}
    assert rules & set(FAMILIES[kind]), (kind, sorted(rules))


@pytest.mark.parametrize("kind,text", _params(False))
def test_consistent_twin_has_no_error(kind, text):
    errors = [(f.rule, f.message) for f in check_text(text).findings if f.severity == "error"]
    assert errors == []


def test_every_kind_has_cases():
    kinds = {k for k, *_ in CASES}
    assert kinds == set(FAMILIES)
    assert len(CASES) >= 40
