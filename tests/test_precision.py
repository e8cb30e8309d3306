"""Negatives for the false-alarm shapes seen on real text (issue 13): the reader's prose
view, units read as numerals, round percentages, the regional profile, the counted noun,
deliberate repetition and message defects.  Sentences are written for these tests."""
import datetime as dt
import io
import json
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from checker import analyse_text
from checker.io import read_bytes
from checker.io.prose import apply_masks
from checker.numbers import extract_quantities
from checker.options import CheckOptions
from checker.pipeline import analyse

MAINLAND = CheckOptions(profile="mainland")


def _rules(doc, severities=("error", "warning")):
    return [(f.rule, f.severity) for f in doc.findings if f.severity in severities]


# --- 8. front matter, URLs, image paths and markup are not prose -----------------------------

MD = """---
title: '1-6月全市新增充电桩7-26%'
date: 2021-08-19
id: 2020-15%
thumbnail: 'https://img.example.cn/2020/05-30%.png'
---

<p style="width: 10-20%">相关报道:[【专题】](https://example.hk/article/%E5%88-26%E4%B8%AD%E5%A4)</p>
![](https://example.hk/img/%E7%99%BC-12%E5%85%83.jpg)
全市新增充电桩70个,比上年增长40%。详见 https://stats.example.cn/2021/7-21%E7%B5%B1
`code 15-30%` 不是正文。
"""


def test_markdown_metadata_urls_and_markup_yield_no_numbers():
    src = read_bytes(MD.encode(), "story.md")
    doc = analyse(src, MAINLAND)
    assert [f.rule for f in doc.findings] == []
    prose = src.readable
    assert "%E5" not in prose and "date:" not in prose and "style=" not in prose and "code" not in prose
    assert "全市新增充电桩70个" in prose and "【专题】" in prose
    # every quantity still maps to the characters the writer typed
    for q in doc.quantities:
        s, e = doc.orig_span(q.start, q.end)
        assert src.text[s:e] == q.text, (q.text, src.text[s:e])
    assert {src.text[slice(*doc.orig_span(q.start, q.end))] for q in doc.quantities} == {"70个", "40%"}


def test_a_finding_after_front_matter_points_at_the_original_text():
    text = MD + "\n该案于08年8月告破。\n"
    src = read_bytes(text.encode(), "story.md")
    doc = analyse(src, MAINLAND)
    hits = [f for f in doc.findings if f.rule == "CC307"]
    assert hits
    s, e = doc.orig_span(hits[0].start, hits[0].end)
    assert src.text[s:e] == "08年8月"


def test_a_thematic_break_is_not_front_matter():
    text = "---\n全市新增充电桩70个,比上年增长40%。\n---\n该案于08年8月告破。\n"
    src = read_bytes(text.encode(), "notes.md")
    assert "充电桩70个" in src.readable and src.published is None
    assert [f.rule for f in analyse(src, MAINLAND).findings] == ["CC307"]


def test_percent_encoded_url_in_plain_text_is_no_range():
    doc = analyse_text("见 www.example.hk/a/%E5%88-26%E4%B8 一文。", options=MAINLAND)
    assert doc.findings == []


def test_html_text_urls_are_masked_and_map_back():
    html = ('<html><head><meta property="article:published_time" content="2020-04-17T08:00:00+08:00">'
            '</head><body><p>原文 https://e.hk/%E5%88-26%E4%B8 。</p><p>该案于08年8月告破。</p></body></html>')
    src = read_bytes(html.encode(), "a.html")
    assert src.published == dt.date(2020, 4, 17) and "article:published_time" in src.published_from
    doc = analyse(src, MAINLAND)
    assert [f.rule for f in doc.findings] == ["CC307"]
    s, e = doc.orig_span(doc.findings[0].start, doc.findings[0].end)
    assert html[s:e] == "08年8月"


def test_publication_date_from_front_matter_forms():
    for line, want in (("date: 2021-08-19", dt.date(2021, 8, 19)),
                       ("date: Thu, 19 Aug 2021 23:56:09 GMT", dt.date(2021, 8, 19)),
                       ('date: "2020-04-17"', dt.date(2020, 4, 17))):
        src = read_bytes(f"---\ntitle: x\n{line}\n---\n正文。\n".encode(), "a.md")
        assert src.published == want, line
        assert "front matter" in src.published_from
    assert read_bytes("正文。date: 2020-04-17".encode(), "a.md").published is None


def test_publication_date_from_docx_core_properties(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("全市新增充电桩70个。")
    d.core_properties.created = dt.datetime(2019, 3, 1, 9, 0, 0)
    d.core_properties.modified = dt.datetime(2019, 3, 5, 9, 0, 0)
    buf = io.BytesIO()
    d.save(buf)
    src = read_bytes(buf.getvalue(), "a.docx")
    assert src.published == dt.date(2019, 3, 5) and "modified" in src.published_from


# --- 9. units read as numerals; 近 meaning "recent" ----------------------------------------

def test_kilo_units_are_not_mixed_numerals():
    doc = analyse_text("每度电排放二氧化碳0.21千克,新建线路3千米,装机2.4亿千瓦。", options=MAINLAND)
    assert _rules(doc) == []
    q = [q for q in extract_quantities("排放0.21千克") if q.unit == "千克"]
    assert q and q[0].value * 100 == 21 and not q[0].mixed_numerals


def test_jin_before_a_duration_means_recent():
    doc = analyse_text("恒生指数昨日收报两万点,创近一个多月新低。", options=MAINLAND)
    assert [f.rule for f in doc.findings if f.rule == "CC302"] == []
    q = [q for q in extract_quantities("近3年来") if q.unit == "年"][0]
    assert q.approx == () and q.interval.lo == q.interval.hi == 3
    q = [q for q in extract_quantities("历时近3年") if q.unit == "年"][0]
    assert q.approx == ("近",)


def test_months_are_dates_not_counts():
    doc = analyse_text("从月度看,3、4月份均同比上涨1.9%,1-6月累计增长2.2%,11月份同比上涨2.6%。",
                     options=MAINLAND)
    assert _rules(doc) == []


# --- 10. round figures ---------------------------------------------------------------------

def test_round_percentage_read_to_its_leading_digits():
    # 7 from 2 is +250%, which a writer rounds to 300%; no whole prior gives 300% exactly
    assert _rules(analyse_text("今年全县新建游泳馆7座,同比增加300%。", options=MAINLAND)) == []
    # the finer reading, when stated, is still decided at its own precision
    assert ("CC111", "error") in _rules(analyse_text("今年全县新建游泳馆7座,同比增加300.0%。", options=MAINLAND))
    # and a figure wrong at every granularity stays an error: 5 from 1 is +400%, from 2 +150%
    assert ("CC111", "error") in _rules(analyse_text("今年全县新建游泳馆5座,同比增加300%。", options=MAINLAND))


# --- 11. the regional profile ----------------------------------------------------------------

HK = ("香港特區政府公布,2014-15年度本港共錄得2百宗個案,按年上升5-6%,涉款1,234萬港元。"
      "警方表示,全港今年拘捕8千人。")


def test_hong_kong_text_gets_the_hongkong_profile():
    doc = analyse_text(HK)
    assert doc.profile == "hongkong" and "港" in doc.profile_reason
    assert _rules(doc, ("error", "warning", "info")) == []


def test_configured_profile_wins():
    doc = analyse_text(HK, options=CheckOptions(profile="mainland"))
    assert doc.profile == "mainland" and doc.profile_reason == "configured"
    assert {"CC305", "CC306", "CC307"} <= {f.rule for f in doc.findings}


def test_mainland_text_in_traditional_script_stays_mainland():
    doc = analyse_text("甘肅省委政法委通報,全省今年破獲案件8859起,全市同比下降5%,省委部署。")
    assert doc.profile == "mainland"


def test_cli_reports_the_profile_and_profile_flag_wins(tmp_path):
    p = tmp_path / "hk.md"
    p.write_text(f'---\ndate: "2020-04-17"\n---\n{HK}\n', encoding="utf-8")
    run = lambda *a: json.loads(subprocess.run([sys.executable, "-m", "checker", "check", "--no-config",
                                                "--format", "json", "--exit-zero", *a, str(p)],
                                               capture_output=True, check=True).stdout)
    assert run()["files"][0]["profile"]["name"] == "hongkong"
    out = run("--profile", "mainland")["files"][0]
    assert out["profile"] == {"name": "mainland", "reason": "configured"}
    assert any(f["rule"] == "CC305" for f in out["findings"])
    full = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--exit-zero", str(p)],
                          capture_output=True, check=True).stdout.decode()
    assert full.splitlines()[0].endswith("）") and "按香港用法检查（hongkong；繁体字" in full.splitlines()[0]


# --- 3. the counted noun ---------------------------------------------------------------------

def test_place_word_after_the_measure_word_is_not_what_is_counted():
    doc = analyse_text("福建省全面加强海上安全管理,8.5万艘乡镇渔船纳入监管。", options=MAINLAND)
    assert [f.rule for f in doc.findings if f.category == "magnitude"] == []


def test_concentrations_are_measurements_not_counts():
    """A concentration's prior need not be a whole number: no GRIM verdict on 32微克/立方米 −4%."""
    for text in ("全市PM2.5平均浓度为32微克/立方米，同比下降4%。", "化学需氧量15mg/L，同比下降7%。",
                 "细颗粒物年均浓度29微克每立方米，同比下降9.4%。"):
        doc = analyse_text(text, options=MAINLAND)
        assert [f.rule for f in doc.findings if f.severity == "error"] == [], text
        assert any(q.unit and q.kind == "measure" for q in doc.quantities), text
    from checker.numbers.units import compatible

    assert compatible("微克/立方米", "毫克/立方米") and not compatible("微克/立方米", "吨")


# --- 7. repeated words -----------------------------------------------------------------------

def test_repetition_across_word_boundaries_is_no_warning():
    doc = analyse_text("着力构建共建共治共享格局,不断深化文化文艺体制改革。", options=MAINLAND)
    assert _rules(doc) == []


def test_deliberate_reduplication_and_cantonese_are_not_flagged():
    for text in ("韭菜一茬一茬地割,干部一批又一批地派,逐格逐格地看。",
                 "佢话有嘅有嘅,真系非常非常难,你能走多远走多远。",
                 "地址:九龙旺角旺角道11号。"):
        assert [f.rule for f in analyse_text(text, options=MAINLAND).findings if f.rule == "CC309"] == [], text


def test_an_editing_leftover_is_still_flagged():
    doc = analyse_text("各单位要严格落实落实“谁主管谁负责”,层层落实责任。", options=MAINLAND)
    assert ("CC309", "warning") in _rules(doc)


def test_many_repetitions_counted_in_one_pass_as_str_count_would():
    from checker.engine.kinds.pattern import word_counts

    words = {chr(0x4E00 + 7 * k) + chr(0x4E01 + 7 * k) for k in range(40)}    # more than the str.count path
    text = "，".join(w + w + "中" + w for w in sorted(words)) + "共建共治共建"
    assert word_counts(text, words) == {w: text.count(w) for w in words}
    assert word_counts(text, {"共建", "共治"}) == {"共建": 2, "共治": 1}
    # each straddling pair once in the text (info), each tripled pair a real leftover (warning)
    doc = analyse_text("中" + "中".join(w + w for w in sorted(words)) + "中", options=MAINLAND)
    assert {f.severity for f in doc.findings if f.rule == "CC309"} == {"info"}
    doc = analyse_text(text, options=MAINLAND)
    assert {f.severity for f in doc.findings if f.rule == "CC309"} == {"warning"}


# --- 12. message defects ---------------------------------------------------------------------

def test_per_capita_message_has_a_readable_ratio():
    doc = analyse_text("福建省全省共有乡镇(街道)10.73万个。", options=MAINLAND)
    msgs = [f.message for f in doc.findings if f.rule == "CC201"]
    assert msgs and "1/≈387" in msgs[0] and "≈." not in msgs[0]


def test_short_year_quote_has_no_context_character():
    doc = analyse_text("见[08年8月的报道](https://example.cn/a)。", options=MAINLAND)
    msgs = [f.message for f in doc.findings if f.rule == "CC307"]
    assert msgs == ["年份简写：「08年8月」，应写全四位年份"]


def test_one_span_one_rule_for_bai_wan():
    doc = analyse_text("项目投资1百万元。", options=MAINLAND)
    assert [f.rule for f in doc.findings] == ["CC318"]


def test_a_provincial_count_is_not_held_to_the_most_named_city():
    text = ("鄂尔多斯市煤炭产量稳居前列,鄂尔多斯市能源基地建设加快,鄂尔多斯市新材料产业集聚。"
            "全区经营主体突破300万户,规上工业企业达到4358户。")
    assert [f.rule for f in analyse_text(text, options=MAINLAND).findings if f.category == "magnitude"] == []


def test_people_beyond_the_region_are_flagged_but_not_visitors_or_national_figures():
    bad = analyse_text("青海省全年城镇新增就业6.2亿人,城镇调查失业率5.5%左右。", options=MAINLAND)
    assert [f.rule for f in bad.findings if f.category == "magnitude"] == ["CC203"]
    good = analyse_text("青海省全年接待游客4800万人。全国城镇新增就业1256万人。青海省城镇新增就业6.2万人。",
                      options=MAINLAND)
    assert [f.rule for f in good.findings if f.category == "magnitude"] == []


def test_renminbi_is_money_not_people():
    q = [q for q in extract_quantities("拖欠学费逾10亿人民币") if q.unit == "人民币"]
    assert q and q[0].kind == "money"


@given(st.text(alphabet="全市新增70个%E5:/.<>-\n ", max_size=60),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8), st.sampled_from(["", " ", "\n"])), max_size=6))
def test_masked_view_maps_every_character_back(text, raw_spans):
    """Kept characters map to themselves in the original; a replacement stands for its whole run."""
    spans, end = [], 0
    for s, n, repl in sorted(raw_spans):
        s = min(s, len(text))
        e = min(len(text), s + max(n, 1))
        if s >= end and e > s:
            spans.append((s, e, repl))
            end = e
    view, omap = apply_masks(text, spans)
    replaced = {}
    shift = 0
    for s, e, repl in spans:
        if repl:
            replaced[s - shift] = (s, e)
        shift += (e - s) - len(repl)
    for i, ch in enumerate(view):
        if i in replaced:
            assert omap.span(i, i + 1) == replaced[i]
        else:
            assert text[omap.to_orig(i)] == ch


def test_rankings_titles_and_own_cities_do_not_widen_the_scope():
    for text in ("江苏省科技型中小企业增至9.4亿家,均居全国第一。",
                 "福建省启动城中村改造2.6亿户,厦门入选国家城市更新名单。",
                 "甘肃省创建全国“民主法治示范村”12个,全省培养“法律明白人”10765万人。"):
        assert [f.category for f in analyse_text(text, options=MAINLAND).findings
                if f.category == "magnitude"], text
    other = analyse_text("福建省经济稳步增长,福建省就业形势稳定。福建省对口支援新疆昌吉州,当地新增就业8000万人。",
                       options=MAINLAND)
    assert [f for f in other.findings if f.category == "magnitude"] == []
