"""Consistency across an archive: frames written by ``scan --frames`` and compared by ``cross``.

The cross rules' own examples (rules/cross/*.toml, each an archive of several documents) run here:
the per-document example mechanism of test_rule_examples cannot express two documents."""
import json
import subprocess
import sys

import pytest

pytest.importorskip("duckdb")

from checker.cross.find import cross_findings  # noqa: E402
from checker.cross.rules import cross_rules  # noqa: E402
from checker.cross.store import FrameSink, read_frames  # noqa: E402
from checker.scan import check_record  # noqa: E402


def _header(year, city="酒泉市"):
    """A dated header naming the city the document speaks for (全市 means that city)."""
    return (f"发布时间：{year + 1}-01-15\n" if year else "") + (f"{city}人民政府\n" if city else "")


def _findings(docs, tmp_path, name="frames.duckdb"):
    """Cross findings of an archive ``[(id, year, text[, city])]``, through a frames table on disk."""
    path = str(tmp_path / name)
    sink = FrameSink(path)
    for rid, year, text, *city in docs:
        sink.append(check_record(rid, _header(year, *city) + text, frames=True)["frames"])
    sink.close()
    con = read_frames(path)
    try:
        return [f.to_json(cross_rules(), "zh") for f in cross_findings(con)]
    finally:
        con.close()


def _rules(findings):
    return sorted(f["rule"] for f in findings)


CASES = [(rid, i, ex) for rid, spec in sorted(cross_rules().items()) for i, ex in enumerate(spec["examples"])]


def test_every_cross_rule_documents_itself():
    assert set(cross_rules()) == {"CC401", "CC402", "CC403"}
    for rid, spec in cross_rules().items():
        verdicts = [ex["verdict"] for ex in spec["examples"]]
        assert "bad" in verdicts and "good" in verdicts, rid
        assert spec["message"]["zh"] and spec["message"]["en"], rid


@pytest.mark.parametrize("rid,i,ex", CASES, ids=[f"{r}-{i}-{ex['verdict']}" for r, i, ex in CASES])
def test_rule_example(rid, i, ex, tmp_path):
    # the example's year is the year the document reports on; it is published the year after
    docs = [(d["id"], d["year"], d["text"], "") for d in ex["documents"]]
    hits = [f for f in _findings(docs, tmp_path) if f["rule"] == rid]
    if ex["verdict"] == "good":
        assert hits == [], [h["message"] for h in hits]
    else:
        assert hits, f"{rid} did not flag {ex['documents']}"
        assert len({d["doc"] for d in hits[0]["documents"]}) == 2


CITY = [
    ("city-2020", 2020, "2020年全市发生电信网络诈骗案件3600起。全市刑事案件发案数连续2年下降。\n"
                        "五年来,全市累计新增城镇就业32万人。"),
    ("city-2021", 2021, "2021年全市发生电信网络诈骗案件3351起,比上年下降6.9%。\n"
                        "全市刑事案件发案数连续3年下降。\n2021年市区发生电信网络诈骗案件1200起。"),
    ("city-2022", 2022, "2022年全市发生电信网络诈骗案件2951起,比上年下降20%。\n"
                        "2021年全市发生电信网络诈骗案件3315起。\n全市刑事案件发案数连续6年下降。\n"
                        "2021年全市粮食总产量为33150吨。"),
]


def test_three_yearly_reports_one_planted_contradiction_of_each_kind(tmp_path):
    found = _findings(CITY, tmp_path)
    # 连续6年 in 2022 is too long after 连续3年 in 2021 and after 连续2年 in 2020
    assert _rules(found) == ["CC401", "CC402", "CC402", "CC403"]
    by_rule = {f["rule"]: f for f in found if f["documents"][0]["doc"] != "city-2020"}
    v = by_rule["CC401"]
    assert [d["doc"] for d in v["documents"]] == ["city-2021", "city-2022"]
    assert [d["quote"] for d in v["documents"]] == ["3351起", "3315起"]
    s = by_rule["CC402"]
    assert "连续3年" in s["documents"][0]["quote"] and "连续6年" in s["documents"][1]["quote"]
    assert s["evidence"]["most"] == "4"
    p = by_rule["CC403"]
    assert p["documents"][0]["quote"] == "3351起" and "下降20%" in p["documents"][1]["quote"]
    assert p["scope"] == "全市"


def test_spans_index_the_original_text(tmp_path):
    texts = {rid: _header(y) + t for rid, y, t in CITY}
    for f in _findings(CITY, tmp_path):
        for d in f["documents"]:
            assert texts[d["doc"]][d["span"]["start"]:d["span"]["end"]] == d["quote"]


def test_consistent_controls_have_no_findings(tmp_path):
    docs = [
        # the same figure restated exactly, and a change whose implied prior holds (3315 × 0.89 ≈ 2951)
        ("a-2021", 2021, "2021年全市发生电信网络诈骗案件3315起。\n全市刑事案件发案数连续3年下降。"),
        ("b-2022", 2022, "2022年全市发生电信网络诈骗案件2951起,比上年下降11%。\n"
                         "2021年全市发生电信网络诈骗案件3315起。\n全市刑事案件发案数连续4年下降。"),
        # a different scope, a different year, a cumulative figure, a rounded and an approximate value
        ("c-2022", 2022, "2021年市区发生电信网络诈骗案件1200起。\n2020年全市发生电信网络诈骗案件3600起。\n"
                         "五年来,全市累计发生电信网络诈骗案件15000起。\n2021年全市粮食总产量为3.3万吨。"),
        ("d-news", 2022, "2021年全市粮食总产量为33150吨。\n2021年全市发生电信网络诈骗案件约3300起。"),
    ]
    assert _findings(docs, tmp_path) == []


def test_relative_scopes_of_two_cities_are_two_places(tmp_path):
    # 全市 in a report of 酒泉市 and in one of 嘉峪关市 are different places
    docs = [(rid, y, t, city) for (rid, y, t), city in zip(CITY, ("酒泉市", "嘉峪关市", "张掖市"))]
    assert _findings(docs, tmp_path) == []
    assert _rules(_findings(CITY, tmp_path)) != []


def test_one_document_is_never_compared_with_itself(tmp_path):
    docs = [("only", 2022, "2021年全市发生电信网络诈骗案件3351起。\n会议指出,2021年全市发生电信网络诈骗案件3315起。")]
    assert _findings(docs, tmp_path) == []


def test_parquet_and_duckdb_tables_give_the_same_findings(tmp_path):
    assert _findings(CITY, tmp_path, "f.parquet") == _findings(CITY, tmp_path, "f.duckdb")


def _run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, timeout=180,
                          **kw)


def test_scan_frames_then_cross_end_to_end(tmp_path):
    archive = tmp_path / "city.jsonl"
    with open(archive, "w", encoding="utf-8") as fh:
        for rid, y, t in CITY:
            fh.write(json.dumps({"id": rid, "text": _header(y) + t}, ensure_ascii=False) + "\n")
    frames = tmp_path / "frames.parquet"
    p = _run("scan", str(archive), "-o", str(tmp_path / "results.jsonl"), "-j", "2", "--batch", "1",
             "--frames", str(frames))
    assert p.returncode == 0, p.stderr
    assert "frames to" in p.stderr
    out = tmp_path / "cross.jsonl"
    p = _run("cross", str(frames), "-o", str(out), "--lang", "en")
    assert p.returncode == 1, p.stderr
    found = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert _rules(found) == ["CC401", "CC402", "CC402", "CC403"]
    assert all(len(f["documents"]) == 2 and f["message"] for f in found)
    assert "4 cross-document findings" in p.stderr


def test_cross_bad_input_is_a_clear_error(tmp_path):
    p = _run("cross", str(tmp_path / "missing.parquet"))
    assert p.returncode == 2 and "missing.parquet" in p.stderr and "Traceback" not in p.stderr
    junk = tmp_path / "junk.parquet"
    junk.write_text("not a table", encoding="utf-8")
    p = _run("cross", str(junk))
    assert p.returncode == 2 and "junk.parquet" in p.stderr and "Traceback" not in p.stderr


@pytest.mark.parametrize("first,second,conflict", [
    ("3.3万吨", "33150吨", False),   # 3.3万 admits [32500, 33500)
    ("3.3万吨", "34150吨", True),
    ("12.5亿元", "12.46亿元", False),
    ("12.5亿元", "12.3亿元", True),
])
def test_rounding_decides_a_value_conflict(first, second, conflict, tmp_path):
    docs = [("r-2021", 2021, f"2021年全市粮食总产量为{first}。"), ("n-2022", 2022, f"2021年全市粮食总产量为{second}。")]
    docs = docs if "吨" in first else [(r, y, t.replace("粮食总产量", "一般公共预算收入")) for r, y, t in docs]
    assert _rules(_findings(docs, tmp_path)) == (["CC401"] if conflict else [])


def test_directory_scan_takes_the_publication_date_from_front_matter(tmp_path):
    # a streak's year is its document's publication year: in a directory it comes from the front matter
    d = tmp_path / "news"
    d.mkdir()
    for name, date, n in (("a.md", "2021-03-01", 3), ("b.md", "2022-03-01", 6)):
        (d / name).write_text(f'---\ntitle: "通报"\ndate: "{date}"\n---\n\n酒泉市人民政府\n\n'
                              f"全市电信网络诈骗案件发案数连续{n}年下降。\n", encoding="utf-8")
    frames = tmp_path / "frames.duckdb"
    p = _run("scan", str(d), "-o", str(tmp_path / "r.jsonl"), "--frames", str(frames))
    assert p.returncode == 0, p.stderr
    p = _run("cross", str(frames))
    assert p.returncode == 1, p.stderr
    found = [json.loads(line) for line in p.stdout.splitlines()]
    assert _rules(found) == ["CC402"]
    assert [x["pubyear"] for x in found[0]["documents"]] == [2021, 2022]


@pytest.mark.parametrize("text,date", [
    ('---\ntitle: "x"\ndate: "2020-05-11"\n---\n正文', "2020-05-11"),
    ("---\npublished: 2021-1-2\n---\n", "2021-01-02"),
    ("正文\n---\ndate: 2020-05-11\n---\n", None),        # not a leading block
    ("---\ndate: 2021-13-45\n---\n", None),              # no such day
])
def test_front_matter_date(text, date):
    from checker.io.metadata import front_matter_date

    got, where = front_matter_date(text)  # the date and where it was found
    assert (got.isoformat() if got else None) == date
    assert bool(where) == (date is not None)


def test_resumed_scan_appends_only_new_documents_to_the_frames_table(tmp_path):
    archive = tmp_path / "city.jsonl"
    lines = [json.dumps({"id": rid, "text": _header(y) + t}, ensure_ascii=False) for rid, y, t in CITY]
    archive.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    frames, results = tmp_path / "frames.parquet", tmp_path / "r.jsonl"
    assert _run("scan", str(archive), "-o", str(results), "--frames", str(frames)).returncode == 0
    con = read_frames(str(frames))
    first = con.execute("SELECT count(*), count(DISTINCT doc) FROM frames").fetchone()
    con.close()
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _run("scan", str(archive), "-o", str(results), "--frames", str(frames)).returncode == 0
    con = read_frames(str(frames))
    per_doc = dict(con.execute("SELECT doc, count(*) FROM frames GROUP BY doc").fetchall())
    con.close()
    assert len(per_doc) == 3 and first[1] == 2
    assert per_doc["city-2020"] + per_doc["city-2021"] == first[0]  # the first two were not written twice


def test_unusable_frames_paths_are_one_message_and_status_2(tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps({"id": "a", "text": "全市人口100万人。"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    results = tmp_path / "r.jsonl"
    cases = [
        (("scan", str(archive), "-o", str(results), "--frames", str(results)), "--frames"),
        (("scan", str(archive), "-o", str(results), "--frames", str(tmp_path / "no" / "f.duckdb")), "f.duckdb"),
        (("cross", str(tmp_path / "missing.parquet")), "missing.parquet"),
        (("cross", str(archive)), "a.jsonl"),
    ]
    for args, named in cases:
        p = _run(*args)
        assert p.returncode == 2 and named in p.stderr and "Traceback" not in p.stderr, (args, p.stderr)
    assert not results.exists()  # nothing was scanned into the results


# ----------------------------------------------------------------------------- Dask: parts and grouping

def _archive(tmp_path, docs=CITY):
    archive = tmp_path / "city.jsonl"
    with open(archive, "w", encoding="utf-8") as fh:
        for rid, y, t in docs:
            fh.write(json.dumps({"id": rid, "text": _header(y) + t}, ensure_ascii=False) + "\n")
    return archive


def _key(rec):
    return json.dumps(rec, ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def cluster():
    """One LocalCluster of 2 single-threaded worker processes for the Dask tests (a few seconds)."""
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.bag")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c.scheduler_address


def test_dask_writes_parts_and_groups_on_the_cluster_with_the_same_findings(cluster, tmp_path):
    from checker.cross.on_dask import cross_findings_dask
    from checker.cross.store import parquet_parts
    from checker.scan import ScanOptions, scan

    docs = CITY + [("a-2021", 2021, "2021年全市发生电信网络诈骗案件3315起。\n全市刑事案件发案数连续3年下降。")]
    archive = _archive(tmp_path, docs)
    parts = tmp_path / "parts"
    summary = scan(str(archive), str(tmp_path / "d.jsonl"),
                   ScanOptions(engine="dask", scheduler=cluster, batch=1, frames=str(parts)))
    # each batch (one document here) wrote its own part, in the worker
    assert len(parquet_parts(str(parts))) == len(docs)
    embedded = tmp_path / "frames.parquet"
    scan(str(archive), str(tmp_path / "p.jsonl"), ScanOptions(frames=str(embedded)))
    assert summary["frames"] == sum(1 for _ in _table_rows(embedded))
    rules = cross_rules()
    con = read_frames(str(embedded))
    try:
        want = sorted(_key(f.to_json(rules, "zh")) for f in cross_findings(con))
    finally:
        con.close()
    got = sorted(_key(f.to_json(rules, "zh")) for f in cross_findings_dask(str(parts), cluster, 2))
    assert got == want
    # a-2021 adds CC401 (3315 vs 3351) and CC402 (连续3年, then 连续6年 a year later); not CC403 against
    # city-2022's 20% (city-2022 itself states a-2021's 3315: that contradiction is city-2022's own)
    assert sorted(json.loads(k)["rule"] for k in want) == ["CC401", "CC401", "CC402", "CC402", "CC402", "CC403"]


def _table_rows(path):
    con = read_frames(str(path))
    try:
        return con.execute("SELECT doc FROM frames").fetchall()
    finally:
        con.close()


def test_cross_cli_on_a_dask_scheduler_and_its_html_report(cluster, tmp_path, capsys):
    from checker.cli import main

    # in this process (the cluster's workers do the work): no interpreter start-ups in the test's time
    archive = _archive(tmp_path)
    parts = tmp_path / "parts"
    assert main(["scan", str(archive), "-o", str(tmp_path / "r.jsonl"), "--engine", "dask", "--scheduler", cluster,
                 "--batch", "1", "--frames", str(parts)]) == 0
    out, html = tmp_path / "cross.jsonl", tmp_path / "cross.html"
    capsys.readouterr()
    assert main(["cross", str(parts), "--engine", "dask", "--scheduler", cluster, "-o", str(out),
                 "--html", str(html)]) == 1
    err = capsys.readouterr().err
    found = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert _rules(found) == ["CC401", "CC402", "CC402", "CC403"]
    assert all(len(f["documents"]) == 2 and all("span" in d for d in f["documents"]) for f in found)
    # the terminal tree: scope, then subject, then each finding with both documents' quotes
    assert "全市" in err and "「3351起」" in err and "「3315起」" in err
    page = html.read_text(encoding="utf-8")
    assert page.count('<article class="finding">') == 4
    assert page.index("<h2>全市</h2>") < page.index("3351起")
    assert "city-2021" in page and "city-2022" in page


@pytest.mark.parametrize("args,named", [
    (("--engine", "dask", "--frames", "f.duckdb"), "f.duckdb"),
    (("--engine", "dask", "--frames", "a.jsonl"), "a.jsonl"),
])
def test_dask_frames_need_a_directory(args, named, tmp_path, capsys):
    from checker.cli import main

    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps({"id": "a", "text": "全市人口100万人。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    args = [str(tmp_path / a) if a.endswith((".duckdb", ".jsonl")) else a for a in args]
    assert main(["scan", str(archive), "-o", str(tmp_path / "r.jsonl"), *args]) == 2
    err = capsys.readouterr().err
    assert named in err and "Traceback" not in err, err
    assert main(["cross", str(tmp_path / "missing"), "--engine", "dask"]) == 2
    err = capsys.readouterr().err
    assert "missing" in err and "Traceback" not in err


# ----------------------------------------------------------------------------- news archives (Hong Kong)

def test_running_totals_of_different_days_are_not_one_figure(tmp_path):
    # 自…起 … 共 counts up to the day of writing: 5 on one day and 30 five days later both hold
    docs = [("n-0103", 2019, "公立医院自2019年12月31日起,共向卫生署呈报五宗相关病人个案。", "香港特别行政区"),
            ("n-0108", 2019, "公立医院自2019年12月31日起,共向卫生署呈报30宗相关病人个案。", "香港特别行政区")]
    assert _findings(docs, tmp_path) == []
    # without the running-total wording the same two sentences are one figure of that month
    docs = [(rid, y, "2019年12月," + t.replace("自2019年12月31日起,共", ""), c) for rid, y, t, c in docs]
    assert _rules(_findings(docs, tmp_path, "month.duckdb")) == ["CC401"]


def test_a_period_written_to_the_day_is_that_days_figure(tmp_path):
    day = "2019年6月{d}日,警方在金钟拘捕{n}名示威者。"
    docs = [("a", 2019, day.format(d=12, n=11), "香港特别行政区"), ("b", 2019, day.format(d=13, n=32), "香港特别行政区")]
    assert _findings(docs, tmp_path) == []
    docs = [("a", 2019, day.format(d=12, n=11), "香港特别行政区"), ("b", 2019, day.format(d=12, n=32), "香港特别行政区")]
    found = _findings(docs, tmp_path, "same-day.duckdb")
    assert _rules(found) == ["CC401"] and [d["quote"] for d in found[0]["documents"]] == ["11名", "32名"]
    # one document with the same number on two days: each day is compared on its own
    docs = [("a", 2019, day.format(d=12, n=11), "香港特别行政区"),
            ("b", 2019, day.format(d=13, n=32) + day.format(d=12, n=32), "香港特别行政区")]
    assert _rules(_findings(docs, tmp_path, "two-days.duckdb")) == ["CC401"]


@pytest.mark.parametrize("first,second,conflict", [
    ("3351起", "3315宗", True),    # 起 and 宗 count the same cases
    ("3351起", "3315人", False),   # cases are not persons
])
def test_count_classifiers(first, second, conflict, tmp_path):
    docs = [("r-2021", 2021, f"2021年全市发生电信网络诈骗案件{first}。"),
            ("n-2022", 2022, f"2021年全市发生电信网络诈骗案件{second}。")]
    assert _rules(_findings(docs, tmp_path)) == (["CC401"] if conflict else [])


def test_a_reprinted_sentence_does_not_contradict_its_reprint(tmp_path):
    text = "2003年7月1日,五十万市民上街反对基本法23条立法。"
    docs = [("a", 2019, text, "香港特别行政区"), ("b", 2019, text, "香港特别行政区")]
    assert _findings(docs, tmp_path) == []


@pytest.mark.parametrize("period,part,published,year", [
    (dict(label="2021年", year=2021), "", "2022-01-15", 2021),
    (dict(label="2021年", year=2021), "", "2021-12-20", None),          # the year was not over
    (dict(label="去年", relative=-1), "", "2022-03-01", 2021),
    (dict(label="今年", relative=0), "", "2022-03-01", None),
    (dict(label="今年5月", relative=0, part="5月"), "5月", "2022-07-01", 2022),
    (dict(label="今年5月", relative=0, part="5月"), "5月", "2022-05-20", None),  # this month, still running
    (dict(label="6月", part="6月"), "6月12日", "2019-06-20", 2019),     # a date without a year: the latest
    (dict(label="12月", part="12月"), "12月31日", "2020-01-03", 2019),  # such date before publication
    (dict(label="6月", part="6月"), "6月12日", "2019-06-12", None),     # the same day: counts still change
    (dict(label="五年来", span="5y"), "", "2022-01-15", None),
])
def test_a_value_is_compared_only_for_a_period_over_at_publication(period, part, published, year):
    import datetime

    from checker.claims.frame import Period
    from checker.cross.rows import resolved_year

    pub = datetime.date.fromisoformat(published)
    p = Period(**period)
    assert resolved_year(p, part, p.span, pub, pub.year) == year


def test_rows_written_twice_give_each_finding_once(tmp_path):
    # a resumed Dask scan may write a batch's part again: each statement counts once
    once = _findings(CITY, tmp_path, "once.duckdb")
    assert _findings(CITY + CITY, tmp_path, "twice.duckdb") == once


@pytest.mark.parametrize("first,second,conflict", [
    ("2019年6月9日,103万人上街游行。", "2019年6月9日,100万人上街游行。", False),   # 100万: rounded to the 百万
    ("2019年6月9日,103万人上街游行。", "2019年6月9日,130万人上街游行。", True),
    ("2019年,劳工界有668个团体选民。", "2019年,劳工界有60个选委。", False),           # two things counted
    ("2019年,劳工界有668个团体选民。", "2019年,劳工界有686个团体选民。", True),
    ("侦破罪案总数由前年的25,213宗,跌至去年的21,965宗。", "侦破暴力罪案数目,由前年的5,786宗,跌至去年的4,974宗。",
     False),                                                                          # 跌至去年的 names no figure
])
def test_news_figures_compared_only_when_one_thing(first, second, conflict, tmp_path):
    docs = [("a", 2019, first, "香港特别行政区"), ("b", 2019, second, "香港特别行政区")]
    assert _rules(_findings(docs, tmp_path)) == (["CC401"] if conflict else [])


def test_a_period_from_another_paragraph_is_not_compared(tmp_path):
    # news: the year in an earlier paragraph is often another story's
    docs = [("a", 2019, "2017年施政报告发表。\n\n全文共用了47次「疯狂」。", "香港特别行政区"),
            ("b", 2019, "2017年施政报告发表。\n\n全文共用了199次「疯狂」。", "香港特别行政区")]
    assert _findings(docs, tmp_path) == []
    docs = [(r, y, t.replace("。\n\n全文", ",全文"), c) for r, y, t, c in docs]
    assert _rules(_findings(docs, tmp_path, "same-paragraph.duckdb")) == ["CC401"]


def test_documents_that_also_state_the_other_value_do_not_contradict_each_other(tmp_path):
    one, two = "2019年,劳工界有668个团体选民。", "2019年,劳工界有686个团体选民。"
    docs = [("a", 2019, one + "\n" + two, "香港特别行政区"), ("b", 2019, two + "\n" + one, "香港特别行政区")]
    assert _findings(docs, tmp_path) == []


def test_a_group_named_by_examples_is_not_one_figure(tmp_path):
    docs = [("a", 2020, "2019年8月18日维园集会,黎智英、李柱铭等9人,被控。", "香港特别行政区"),
            ("b", 2020, "2019年8月18日维园集会,黎智英、李柱铭等7人,否认控罪。", "香港特别行政区")]
    assert _findings(docs, tmp_path) == []


def test_report_values_read_as_numbers_not_intervals():
    from checker.cross.report import value_text

    assert value_text("[3351, 3351]") == "3351"
    assert value_text("[3666, 3711]") == "3666～3711" and value_text("[3666, 3711]", "–") == "3666–3711"
    assert value_text("3351") == "3351" and value_text("[1, 2, 3]") == "[1, 2, 3]"
