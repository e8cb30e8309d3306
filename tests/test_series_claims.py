"""Series claims: 逐年/连年/持续 checked against a value's comparisons with successive earlier periods
(同比, 比前年同期, 比2020年) and the earlier values written beside them; priors written beside a change
(CC111); from-to changes whose words move the other way than the values (CC115)."""
import pytest

from checker import analyse_text
from checker.options import CheckOptions


def rules(text: str, *select: str, lang: str = "zh") -> list[str]:
    doc = analyse_text(text, options=CheckOptions(select=list(select), lang=lang))
    return [f.rule for f in doc.findings]


@pytest.mark.parametrize("text,n", [
    # economy, no value written: the farther comparison must be the larger one
    ("前三季度,全省社会消费品零售总额同比增长6.4%,比前年同期增长2.8%,呈逐年增长趋势。", 1),
    ("前三季度,全省社会消费品零售总额同比增长2.8%,比前年同期增长6.4%,呈逐年增长趋势。", 0),
    ("前三季度,全省社会消费品零售总额同比增长6.4%,比前年同期增长6.4%,呈逐年增长趋势。", 0),  # equal within rounding
    # environment, named years (年均浓度 names the metric, it is no average change)
    ("全市PM2.5年均浓度较2023年下降18%,比2022年下降9%,呈逐年下降趋势。", 1),
    ("全市PM2.5年均浓度较2023年下降9%,比2022年下降18%,呈逐年下降趋势。", 0),
    # livelihood, a value with its comparisons
    ("全市城乡居民养老保险参保人数达128.6万人,同比增长4.3%,比前年同期增长9.1%,连年增长。", 0),
    ("全市城乡居民养老保险参保人数达128.6万人,同比增长9.1%,比前年同期增长4.3%,连年增长。", 1),
    # police, a whole count: a stated earlier value on the wrong side of the implied prior
    ("今年全县共破获电信诈骗案件238起,同比下降15.6%,前年同期为262起,呈逐年下降趋势。", 1),
    ("今年全县共破获电信诈骗案件238起,同比下降15.6%,前年同期为315起,呈逐年下降趋势。", 0),
    ("2024年,全区交通事故死亡人数57人,比2023年下降12.3%,2022年为61人,呈逐年下降趋势。", 1),
    # a measure may stay level within rounding (only whole counts must fall by one)
    ("全市化学需氧量排放量4.12万吨,同比下降3.1%,比前年同期下降3.1%,呈逐年下降趋势。", 0),
    ("全市化学需氧量排放量4.12万吨,同比下降3.1%,比前年同期下降2.9%,呈逐年下降趋势。", 1),
    # the direction of the nearer comparison contradicts the trend
    ("全市新能源汽车保有量同比下降3.5%,呈逐年增长趋势。", 1),
    # 均 gathers every series before it, also one whose farther comparison fits no whole prior
    ("2024年全市受理行政复议案件612件,比2023年下降8.4%,比2022年下降3.96%;办结信访事项2385件,"
     "比2023年下降5.2%,比2022年下降11.4%,两项指标均呈逐年下降趋势。", 1),
    ("2024年全市受理行政复议案件612件,比2023年下降8.4%,比2022年下降14.04%;办结信访事项2385件,"
     "比2023年下降5.2%,比2022年下降11.4%,两项指标均呈逐年下降趋势。", 0),
])
def test_trend_against_successive_comparisons(text, n):
    assert rules(text, "CC121").count("CC121") == n


@pytest.mark.parametrize("text", [
    "上半年,全省规上工业增加值同比增长14.0%,比前年同期增长7.0%。",            # no claim that every year rose
    "全市出口同比增长5%,比前年同期增长2%,进口则呈逐年增长趋势。",              # the trend is about another subject
    "全市接警量同比下降8%,比前年同期下降3%,两年平均下降5.5%,警情总体持续好转。",  # no monotone claim on a value
])
def test_no_trend_claim_no_finding(text):
    assert rules(text, "CC121") == []


def test_trend_message_names_the_periods_and_the_index():
    text = "前三季度,全省社会消费品零售总额同比增长6.4%,比前年同期增长2.8%,呈逐年增长趋势。"
    zh = analyse_text(text, options=CheckOptions(select=["CC121"])).findings[0].message
    en = analyse_text(text, options=CheckOptions(select=["CC121"], lang="en")).findings[0].message
    assert "前年同期" in zh and "以本期为100" in zh
    assert "two years earlier" in en and "current period = 100" in en


def test_trend_message_in_the_value_units():
    text = "今年全县共破获电信诈骗案件238起,同比下降15.6%,前年同期为262起,呈逐年下降趋势。"
    msg = analyse_text(text, options=CheckOptions(select=["CC121"])).findings[0].message
    assert "前年同期为 262" in msg and "上年同期" in msg
    text = "上半年,全市社会消费品零售总额1435.0亿元,同比增长14.0%,比前年同期增长7.0%,呈逐年增长趋势。"
    msg = analyse_text(text, options=CheckOptions(select=["CC121"])).findings[0].message
    assert "本期为 1435亿元" in msg and "上年同期为 1258.22～1259.324亿元" in msg


@pytest.mark.parametrize("text,n", [
    # a prior written beside the change must give the stated percentage
    ("1-8月,全省进出口总值2416.8亿元,同比增长4.6%（上年同期为2210.5亿元）。", 1),
    ("1-8月,全省进出口总值2416.8亿元,同比增长4.6%（上年同期为2310.5亿元）。", 0),
    ("今年以来,全市接报盗窃警情1264起,同比下降11.3%（上年同期为1425起）。", 0),
    ("今年以来,全市接报盗窃警情1264起,同比下降11.3%（上年同期为1452起）。", 1),
    ("全年农村居民人均可支配收入21480元、增长7.2%（上年为21036元）。", 1),   # no written reference: the year before
    # brackets that are not a prior of the change
    ("全年一般公共预算收入1842.6亿元、增长3.4%（同口径增长5.1%）。", 0),
    ("全年一般公共预算收入1842.6亿元、增长3.4%（上年为下降2.6%）。", 0),
    ("全年地表水优良水体比例92.5%,同比提高1.5个百分点（上年为91.0%）。", 0),
    # real growth at comparable prices: a nominal prior need not give it
    ("全年地区生产总值5123.4亿元、增长5.6%（上年为4730.2亿元）。", 0),
])
def test_prior_written_beside_a_change(text, n):
    assert rules(text, "CC111").count("CC111") == n


def test_prior_message_shows_the_change_it_gives():
    text = "今年以来,全市接报盗窃警情1264起,同比下降11.3%（上年同期为1452起）。"
    doc = analyse_text(text, options=CheckOptions(select=["CC111"]))
    f = doc.findings[0]
    assert "1452起" in f.message and "12.95%" in f.message
    assert [doc.text[r.start:r.end] for r in f.related] == ["上年同期为1452起"]


@pytest.mark.parametrize("text,n", [
    ("全县农村居民人均可支配收入从18620元下降到21350元。", 1),
    ("全市森林覆盖率由41.2%提高到39.8%。", 1),
    ("全市森林覆盖率由39.8%提高到41.2%。", 0),
    ("全省城镇登记失业率由3.2%降至3.2%。", 0),                               # equal within rounding
    ("全省营商环境评价排名从第12位上升到第5位。", 0),
    ("全省营商环境评价由全国15名上升到8名。", 0),
    ("全市规上工业增加值增速由下降2.1%转为增长至1.5%。", 0),
    ("全市一般公共预算收入由326.5亿元增长到348.2亿元,下降6.6%。", 1),
    ("全市一般公共预算收入由326.5亿元增长到348.2亿元,增幅6.6%。", 0),
])
def test_from_to_direction(text, n):
    assert rules(text, "CC115").count("CC115") == n
