"""A second, independent held-out red-team set: hand-written passages (2-4 sentences) in the styles of
provincial work reports, statistics bulletins, police and environment reports, economy news and Hong Kong
news in traditional script, each with ONE planted numeric inconsistency and a consistent twin.

Written without reading tests/test_heldout.py, bench/planting/ or the rule examples, with phrasings
deliberately away from the obvious templates.  A planted case must get an error- or warning-level finding
from a rule of its family; its twin must get no error-level finding.  Cases the checker cannot find yet
are xfail(strict=True) with the cause, so a fix shows up as XPASS.
"""
from __future__ import annotations

import pytest

from checker import check_text
from heldout_cases import assert_covers, assert_found, assert_no_error, case_params

FAMILIES = {
    'change': ('CC111', 'CC112', 'CC115'),
    'trend': ('CC121',),
    'streak': ('CC101',),
    'restated': ('CC161', 'CC163'),
    'enumeration': ('CC151', 'CC152', 'CC141'),
    'partwhole': ('CC141',),
    'rate': ('CC131', 'CC132', 'CC133', 'CC141'),
    'magnitude': ('CC201', 'CC202', 'CC203', 'CC204', 'CC205', 'CC141'),
    'datespan': ('CC102',),
    'writing': ('CC113', 'CC301', 'CC302', 'CC303', 'CC304'),
}

# (kind, planted text, consistent twin, why it is not found yet or None)
CASES = [
    ('change',
     '前三季度，全省规模以上工业企业实现利润总额842.6亿元，比上年同期的760.1亿元增长21.7%。其中制造业利润增长较快。',
     '前三季度，全省规模以上工业企业实现利润总额842.6亿元，比上年同期的760.1亿元增长10.9%。其中制造业利润增长较快。',
     None),
    ('change',
     '全年全市接待游客3260万人次，上年为2980万人次，增幅达到19.4%，旅游总收入稳步提升。',
     '全年全市接待游客3260万人次，上年为2980万人次，增幅达到9.4%，旅游总收入稳步提升。',
     None),
    ('change',
     '本港上月零售業總銷貨價值為三百二十億元，較去年同期的二百九十億元上升百分之二十三。',
     '本港上月零售業總銷貨價值為三百二十億元，較去年同期的二百九十億元上升百分之十點三。',
     None),
    ('change',
     '2023年全县粮食总产量下降至41.2万吨，较2022年的45.8万吨减少4.6%，主要受夏季干旱影响。',
     '2023年全县粮食总产量下降至41.2万吨，较2022年的45.8万吨减少10.0%，主要受夏季干旱影响。',
     None),
    ('change',
     '今年一季度全区一般公共预算收入完成18.4亿元，去年同期这一数字是16.0亿元，同比增加25%。',
     '今年一季度全区一般公共预算收入完成18.4亿元，去年同期这一数字是16.0亿元，同比增加15%。',
     None),
    ('trend',
     '2019年至2023年，全市地区生产总值分别为5120亿元、5080亿元、5460亿元、5810亿元和6230亿元，经济总量逐年攀升。',
     '2019年至2023年，全市地区生产总值分别为5020亿元、5080亿元、5460亿元、5810亿元和6230亿元，经济总量逐年攀升。',
     'a trend word after a 分别 series is tied to it only across linking words; a restating subject (…，经济总量逐年攀升) may name another metric'),
    ('trend',
     '近三年我市PM2.5年均浓度持续下降，2021年为38微克/立方米，2022年为35微克/立方米，2023年为36微克/立方米。',
     '近三年我市PM2.5年均浓度持续下降，2021年为38微克/立方米，2022年为35微克/立方米，2023年为32微克/立方米。',
     None),
    ('trend',
     '全省刑事案件立案数连续四年下降：2020年4.1万起，2021年3.8万起，2022年3.9万起，2023年3.3万起。',
     '全省刑事案件立案数连续四年下降：2020年4.1万起，2021年3.8万起，2022年3.5万起，2023年3.3万起。',
     None),
    ('trend',
     '過去三年，本港住宅落成量按年持續增加，分別為一萬四千、一萬二千及一萬九千個單位。',
     '過去三年，本港住宅落成量按年持續增加，分別為一萬一千、一萬四千及一萬九千個單位。',
     'a traditional-script 分別為 list of 一萬四千… without years is not read as a series'),
    ('streak',
     '我省外贸进出口总额已连续7年保持增长。报告指出，这是我省外贸进出口总额连续第9年实现正增长。',
     '我省外贸进出口总额已连续7年保持增长。报告指出，这是我省外贸进出口总额连续第7年实现正增长。',
     None),
    ('streak',
     '该市空气质量优良天数比例连续五年位居全省第一。今年，该市空气质量优良天数比例已是连续第六年排名全省首位。',
     '该市空气质量优良天数比例连续五年位居全省第一。今年，该市空气质量优良天数比例已是连续第五年排名全省首位。',
     '连续五年位居第一 vs 连续第六年排名首位: ranks with different wording are not matched'),
    ('streak',
     '本港失業率連續三個月維持在百分之二點九。統計處指出，失業率已連續四個月維持同一水平。',
     '本港失業率連續三個月維持在百分之二點九。統計處指出，失業率已連續三個月維持同一水平。',
     '連續三個月 vs 連續四個月 with the subject in a different clause are not matched'),
    ('restated',
     '全年新增城镇就业人员12.6万人。会议强调，在12.8万名新增城镇就业人员中，高校毕业生占四成以上。',
     '全年新增城镇就业人员12.6万人。会议强调，在12.6万名新增城镇就业人员中，高校毕业生占四成以上。',
     'a restatement written as 在N名X中 (number before its subject) is not a frame'),
    ('restated',
     '全年完成固定资产投资3860亿元。从投资结构看，3860000万元的固定资产投资中，基础设施投资占三成。',
     '全年完成固定资产投资3860亿元。从投资结构看，38600000万元的固定资产投资中，基础设施投资占三成。',
     '3860000万元 (should be 38600000万元) restated under 从投资结构看…的固定资产投资中 is not a frame'),
    ('restated',
     '全市森林覆盖率达到43.6%，较上年提高0.8个百分点。目前，全市森林覆盖率为46.3%，位居全省前列。',
     '全市森林覆盖率达到43.6%，较上年提高0.8个百分点。目前，全市森林覆盖率为43.6%，位居全省前列。',
     'a restated percentage (覆盖率43.6% vs 46.3%) is not compared as the same figure'),
    ('restated',
     '警方今年首季共接獲詐騙案八千三百宗。在該八千五百宗詐騙案中，網上購物騙案佔最多。',
     '警方今年首季共接獲詐騙案八千三百宗。在該八千三百宗詐騙案中，網上購物騙案佔最多。',
     'a restatement written as 在該N宗X中 (number before its subject) is not a frame'),
    ('restated',
     '全年全省城镇居民人均可支配收入为48620元。报告称，城镇居民人均可支配收入4.68万元，增长5.1%。',
     '全年全省城镇居民人均可支配收入为48620元。报告称，城镇居民人均可支配收入4.86万元，增长5.1%。',
     'a per-capita figure restated in another unit (48620元 vs 4.68万元) is not compared'),
    ('enumeration',
     '今年我市重点推进三项民生工程，即老旧小区改造、背街小巷整治、农贸市场提升和公厕新建。',
     '今年我市重点推进四项民生工程，即老旧小区改造、背街小巷整治、农贸市场提升和公厕新建。',
     None),
    ('enumeration',
     '全市共查处交通违法行为5.2万起，其中酒驾、醉驾、超速分别为3100起、820起。',
     '全市共查处交通违法行为5.2万起，其中酒驾、醉驾、超速分别为3100起、820起和1.6万起。',
     None),
    ('enumeration',
     '本次抽检覆盖食品、药品、化妆品三大类共计1200批次，三类分别抽检620批次、350批次、280批次。',
     '本次抽检覆盖食品、药品、化妆品三大类共计1200批次，三类分别抽检620批次、350批次、230批次。',
     None),
    ('enumeration',
     '全省共建成3个国家级开发区，包括长沙、株洲、湘潭、岳阳经济技术开发区。',
     '全省共建成4个国家级开发区，包括长沙、株洲、湘潭、岳阳经济技术开发区。',
     'the last item carries the shared head (岳阳经济技术开发区) and is too long for a counted list'),
    ('partwhole',
     '全年共受理各类信访事项2340件，其中网上信访2610件，办结率达到98%。',
     '全年共受理各类信访事项2340件，其中网上信访1610件，办结率达到98%。',
     None),
    ('partwhole',
     '全市常住人口为386万人，城镇人口达到412万人，城镇化率稳步提高。',
     '全市常住人口为386万人，城镇人口达到212万人，城镇化率稳步提高。',
     'a part named without 其中 (常住人口386万人，城镇人口412万人) is not known to be a part'),
    ('partwhole',
     '今年上半年新設立公司共二萬一千間，當中包括外資公司二萬三千間。',
     '今年上半年新設立公司共二萬一千間，當中包括外資公司三千間。',
     None),
    ('partwhole',
     '全年进出口总额1.82万亿元，其中出口1.05万亿元，进口0.95万亿元。',
     '全年进出口总额1.82万亿元，其中出口1.05万亿元，进口0.77万亿元。',
     'two parts whose sum (1.05+0.95) exceeds the whole need 、 between them; a comma-joined pair is not summed'),
    ('rate',
     '全年规模以上工业增加值中，高技术制造业占比为46.2%，装备制造业占比为61.5%，二者合计超过全部。',
     '全年规模以上工业增加值中，高技术制造业占比为16.2%，装备制造业占比为31.5%，均较上年有所提高。',
     'two shares of one whole that sum over 100% are not checked (they may overlap)'),
    ('rate',
     '全县适龄儿童入学率达到103.5%，义务教育巩固率保持在97%以上。',
     '全县适龄儿童入学率达到99.5%，义务教育巩固率保持在97%以上。',
     None),
    ('rate',
     '全市共有农村户籍人口85万人，参加新农合的有92万人，参合率为108%。',
     '全市共有农村户籍人口85万人，参加新农合的有82万人，参合率为96.5%。',
     None),
    ('rate',
     '本年度共檢控交通違例者一萬二千人，其中約一萬五千人被定罪，定罪率約百分之八十。',
     '本年度共檢控交通違例者一萬二千人，其中約九千六百人被定罪，定罪率約百分之八十。',
     None),
    ('magnitude',
     '截至年末，全省常住人口4680万人，其中参加基本养老保险人数达到5.9亿人。',
     '截至年末，全省常住人口4680万人，其中参加基本养老保险人数达到3590万人。',
     None),
    ('magnitude',
     '2023年全省农村居民人均可支配收入达到19860万元，比上年增长7.1%。',
     '2023年全省农村居民人均可支配收入达到19860元，比上年增长7.1%。',
     None),
    ('magnitude',
     '某县（常住人口约45万人）去年全年累计接种流感疫苗超过520万人。',
     '某县（常住人口约45万人）去年全年累计接种流感疫苗超过12万人。',
     'a count of people (接种520万人) beyond the stated population in brackets is not compared'),
    ('magnitude',
     '全市城镇居民人均住房建筑面积达到3650平方米，居住条件持续改善。',
     '全市城镇居民人均住房建筑面积达到36.5平方米，居住条件持续改善。',
     None),
    ('datespan',
     '（2024年1月发布）自2018年以来，我市财政收入连续9年保持两位数增长。',
     '（2024年1月发布）自2018年以来，我市财政收入连续6年保持两位数增长。',
     None),
    ('datespan',
     '2024年工作报告：从2019年到2023年，全省累计脱贫人口达120万人，这8年间贫困发生率大幅下降。',
     '2024年工作报告：从2019年到2023年，全省累计脱贫人口达120万人，这5年间贫困发生率大幅下降。',
     None),
    ('datespan',
     '“十三五”时期（2016—2020年）的6年间，全市累计新增就业48万人。',
     '“十三五”时期（2016—2020年）的5年间，全市累计新增就业48万人。',
     None),
    ('writing',
     '全市约有3万名左右的志愿者参与了此次文明城市创建活动。',
     '全市约有3万名志愿者参与了此次文明城市创建活动。',
     None),
    ('writing',
     '通过技术改造，该厂单位产品能耗降低了2倍，生产成本明显下降。',
     '通过技术改造，该厂单位产品能耗降低了一半，生产成本明显下降。',
     None),
    ('writing',
     '全市城镇登记失业率为3.2%，比上年下降0.4%，就业形势总体稳定。',
     '全市城镇登记失业率为3.2%，比上年下降0.4个百分点，就业形势总体稳定。',
     None),
    ('writing',
     '今年全区新增市场主体近2万多户，同比增长12%。',
     '今年全区新增市场主体近2万户，同比增长12%。',
     None),
    ('writing',
     '本次活动共吸引了大约5000人左右参加。',
     '本次活动共吸引了大约5000人参加。',
     None),
]


@pytest.mark.parametrize("kind,text", case_params(CASES, True))
def test_planted_error_is_found(kind, text):
    assert_found(FAMILIES[kind], kind, text, ("error", "warning"))


@pytest.mark.parametrize("kind,text", case_params(CASES, False))
def test_consistent_twin_has_no_error(kind, text):
    assert_no_error(text)


def test_every_kind_has_cases():
    assert_covers(CASES, FAMILIES, 40)


# Forms the fixes made on this set handle, in other wordings than the set's own passages.
@pytest.mark.parametrize("text,rule", [
    ("“十三五”期间（2016—2020年），全市连续6年实现粮食增产。", "CC102"),
    ("从2015年到2020年，全县连续7年保持财政收入增长。", "CC102"),
    ("2018年至2022年，全市专利授权量分别为1200件、1350件、1300件、1500件和1720件，呈逐年上升态势。", "CC121"),
    ("全市共有2家三甲医院，即市一院、市二院、市中医院。", "CC151"),
    ("全年共监测空气样品860批次，其中PM2.5样品920批次。", "CC141"),
    ("本次共出动执法人员约有2000人左右。", "CC302"),
    ("全年共办理案件三万一千件，其中刑事案件三万五千件。", "CC141"),
    ("全省高新技术企业数量已连续5年增长。据统计，全省高新技术企业数量连续第6年实现增长。", "CC101"),
    ("全市人口出生率为8.1‰，全省规上工业增加值占比为35.2%，比上年提高1.3%。", "CC113"),
])
def test_fixed_forms_are_found(text, rule):
    assert rule in {f.rule for f in check_text(text).findings}


@pytest.mark.parametrize("text", [
    "“十三五”期间（2016—2020年），全市连续5年实现粮食增产。",
    "2018年至2022年，全市专利授权量分别为1200件、1250件、1300件、1500件和1720件，呈逐年上升态势。",
    "全市共有3家三甲医院，即市一院、市二院、市中医院。",
    "全年共监测空气样品860批次，其中PM2.5样品420批次。",
    "“十三五”以来，全市连续8年实现粮食增产。",
])
def test_fixed_forms_consistent(text):
    assert [f.rule for f in check_text(text).findings if f.severity == "error"] == []
