"""Publication year: --year, then the source's metadata date, then a header line, else unknown."""
import datetime

from checker.claims.pubdate import detect_year
from checker.io import SourceDocument
from checker.options import CheckOptions
from checker.pipeline import analyse

STREAK = "2019年以来,全市连续5年被评为平安建设优秀市。"


def test_order_of_sources():
    src = SourceDocument(path="x", text="发布时间:2020-05-01\n正文", published=datetime.date(2021, 8, 19),
                         published_from="front matter date")
    assert detect_year(src.text, src, 2023) == (2023, "--year")
    assert detect_year(src.text, src) == (2021, "front matter date")
    assert detect_year(src.text, SourceDocument(path="x", text=src.text))[0] == 2020
    assert detect_year("来源:张掖政法 责任编辑:某某 发布时间:2022-10-09 阅读次数:", None)[0] == 2022


def test_latest_year_named_is_not_a_publication_date():
    assert detect_year("2019年以来连续六年获评先进。2024年再获表彰。", None) == (None, "unknown")


def test_datespan_untestable_without_a_date():
    doc = analyse(SourceDocument(path="x", text=STREAK), CheckOptions(select=["CC102"]))
    assert doc.year is None and doc.findings == []
    dated = analyse(SourceDocument(path="x", text=STREAK, published=datetime.date(2022, 1, 5)),
                    CheckOptions(select=["CC102"]))
    assert [f.rule for f in dated.findings] == ["CC102"]


def test_since_year_of_another_statement_is_not_joined():
    text = "粮食总产量连续18年保持在100万吨以上,全省上下团结奋斗,2012年以来建成高标准农田500万亩。"
    doc = analyse(SourceDocument(path="x", text=text), CheckOptions(select=["CC102"], year=2026))
    assert doc.findings == []


def test_dateline_of_a_speech_or_a_date_line_gives_the_year():
    from checker.claims.pubdate import detect_year

    assert detect_year("省政府工作报告\n——2026年1月28日在省第十四届人民代表大会第四次会议上\n正文")[0] == 2026
    assert detect_year("标题\n2021年8月19日\n正文")[0] == 2021
    assert detect_year("2019年5月1日,某地发生事故,十年来首次。")[0] is None   # an event date is no dateline


def test_since_a_start_year_bounds_a_streak_but_a_plan_may_start_later():
    from checker import analyse_text
    from checker.options import CheckOptions

    def rules(text):
        return [f.rule for f in analyse_text(text, options=CheckOptions(year=2026)).findings]

    assert rules("自2022年起,全市命案连续6年下降。") == ["CC102"]     # 2022–2026 is 5 years
    assert rules("自2019年起,全市命案连续5年下降。") == []
    assert rules("从2027年起,连续三年实施提升行动。") == []           # a plan, not the past
