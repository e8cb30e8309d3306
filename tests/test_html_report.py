"""The HTML report: well-formed, self-contained, escaped; highlights sit on the exact spans."""
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import ROOT, SEEDS
from checker import analyse_text
from checker.engine import load_rules
from checker.report.evidence import explain
from checker.report.html import Mark, render_html, segments

SEED0 = sorted(SEEDS.glob("000_*.txt"))[0]
SEED1 = sorted(SEEDS.glob("001_*.txt"))[0]
DRAFT = ("2021年,全市刑事案件发案3315起,比2020年下降12.67%,比2019年下降5.04%,呈逐年下降趋势。\n\n"
         "全市发生命案18起,同比下降11%。\n")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RULES = {r.id: r for r in load_rules(())}


class Strict(HTMLParser):
    """A parser that rejects unclosed and mismatched tags and records every highlight's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.marks, self.ids = [], [], [], []
        self.text_by_ref: dict[str, str] = {}
        self.attrs_seen: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attrs_seen.extend((tag, k, v or "") for k, v in attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.errors.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        for tag, a in self.stack:
            if tag == "mark":
                for ref in a.get("data-refs", "").split():
                    self.text_by_ref[ref] = self.text_by_ref.get(ref, "") + data


def parse(html: str) -> Strict:
    p = Strict()
    p.feed(html)
    p.close()
    assert not p.errors, p.errors[:5]
    assert not p.stack, f"unclosed: {[t for t, _ in p.stack]}"
    assert len(p.ids) == len(set(p.ids)), "duplicate ids"
    return p


def run(*args):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, timeout=120, cwd=ROOT)


def contract(path):
    return json.loads(run("check", "--format", "json", str(path)).stdout)["files"][0]


@pytest.mark.parametrize("seed", [SEED0, SEED1])
def test_report_is_wellformed_selfcontained_and_highlights_exact_spans(tmp_path, seed):
    out = tmp_path / "r.html"
    p = run("report", "--output", str(out), str(seed))
    assert p.returncode == 1, p.stderr.decode()
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
    assert "<title>核查报告" in html and "@media print" in html
    parsed = parse(html)
    # no external resource: no link/src elements, no url(), no @import, no http(s) references
    assert not [x for x in parsed.attrs_seen if x[1] in ("src", "srcset") or x[0] == "link"]
    assert not re.search(r"url\(|@import|https?://|//cdn", html.split("<main>")[0] + html.split("</main>")[1])
    original = seed.read_text(encoding="utf-8")
    found = contract(seed)["findings"]
    assert found
    for i, f in enumerate(found):
        want = original[f["span"]["start"]:f["span"]["end"]]
        assert parsed.text_by_ref[f"d0-f{i}"] == want
        assert f'id="d0-f{i}-info"' in html and f["rule"] in html
        for j, r in enumerate(f["related"]):
            assert parsed.text_by_ref[f"d0-f{i}-r{j}"] == original[r["span"]["start"]:r["span"]["end"]]


def test_text_outside_marks_is_the_document_verbatim(tmp_path):
    out = tmp_path / "r.html"
    run("report", "--output", str(out), str(SEED0))
    html = out.read_text(encoding="utf-8")
    doctext = html[html.index('<div class="doctext"'):]
    doctext = doctext[doctext.index(">") + 1:doctext.index("</div>")]
    import html as h

    assert h.unescape(re.sub(r"<[^>]+>", "", doctext)) == SEED0.read_text(encoding="utf-8")


def test_change_finding_details_english(tmp_path):
    src = tmp_path / "draft.txt"
    src.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "r.html"
    assert run("report", "--lang", "en", "--output", str(out), str(src)).returncode == 1
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Fact-check report" in html
    parse(html)
    assert "20.11–20.34" in html and "no whole number gives 11%" in html
    assert "20 → 10%" in html and "21 → 14%" in html                      # nearest consistent values
    assert "GRIM test" in html                                            # the rule's basis
    assert "These cannot all hold." in html                               # the trend's derivation
    assert re.search(r'<mark class="mark finding sev-error[^"]*" data-refs="d0-f1[^"]*" title="CC111 ', html)


def test_evidence_in_words_zh():
    doc = analyse_text(DRAFT)
    by_rule = {f.rule: f for f in doc.findings}
    ev = explain(doc, by_rule["CC111"], "zh")
    assert ("比较基期", "同比") in ev.reported and ("推算的基期值", "20.11～20.34") in ev.recomputed
    assert ev.derivation == ["设基期值为 x，则 (x − 18) ÷ x 按书写精度（整数百分比）应为 11%；x 只能在 20.11～20.34 之间。",
                             "推算上年同期的数为 20.11～20.34，没有哪个整数能得出 11%（最接近的整数：20 → 10%，21 → 14%）"]
    trend = explain(doc, by_rule["CC121"], "zh")
    assert trend.derivation[0] == "「3315起,比2020年下降12.67%」意味着2021年为 3315"
    assert trend.derivation[3] == "「呈逐年下降」要求2020年的数大于2021年"
    assert "比2019年下降5.04%" in trend.derivation[2] and trend.derivation[-1] == "这些条件不能同时成立。"


def test_several_documents_one_page_with_contents(tmp_path):
    src = tmp_path / "draft.txt"
    src.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "all.html"
    p = run("report", "--output", str(out), str(SEED0), str(src), str(tmp_path / "missing.txt"))
    assert p.returncode == 2 and b"missing.txt" in p.stderr
    html = out.read_text(encoding="utf-8")
    parsed = parse(html)
    assert '<nav class="toc"' in html and html.count('<section class="doc"') == 3
    for anchor in ("d0", "d1", "e0"):
        assert f'href="#{anchor}"' in html and anchor in parsed.ids
    assert "无法读取" in html and "文件或目录不存在" in html
    assert parsed.text_by_ref["d1-f1"] == "18起,同比下降11%"


def test_markup_in_the_document_is_escaped_and_html_input_shows_its_text(tmp_path):
    src = tmp_path / "page.html"
    src.write_text("<html><body><p>全市发生命案18起,同比下降11%。</p><p>&lt;script&gt;alert(1)&lt;/script&gt;"
                   "</p></body></html>", encoding="utf-8")
    raw = tmp_path / "raw.txt"
    raw.write_text("<script>alert(1)</script> 全市发生命案18起,同比下降11%。", encoding="utf-8")
    out = tmp_path / "r.html"
    run("report", "--output", str(out), str(src), str(raw))
    html = out.read_text(encoding="utf-8")
    parsed = parse(html)
    assert html.count("<script>") == 1 and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert parsed.text_by_ref["d0-f0"] == "18起,同比下降11%" == parsed.text_by_ref["d1-f0"]
    assert "<p>" not in html.split('<div class="doctext"')[1].split("</div>")[0]


def test_claims_table_lists_every_claim_with_verdict_and_filters():
    doc = analyse_text(DRAFT)
    html = render_html([doc], RULES, "zh")
    rows = re.findall(r'<tr id="d0-c\d+-row" data-kind="([^"]+)" data-verdict="([^"]+)"', html)
    assert len(rows) == sum(1 for c in doc.claims if c.kind != "quantity")
    assert ("trend", "inconsistent") in rows and ("change", "inconsistent") in rows
    assert '<select name="kind">' in html and '<option value="trend">trend</option>' in html
    assert '<option value="inconsistent">不一致</option>' in html


def test_claim_frame_is_shown_when_claims_carry_one():
    doc = analyse_text(DRAFT)
    claim = next(c for c in doc.claims if c.kind == "change")
    assert claim.frame is not None                      # the pipeline frames every claim
    html = render_html([doc], RULES, "zh")
    assert "<th>框架</th>" in html and f"<b>主体</b> {claim.frame.subject.text}" in html
    for c in doc.claims:
        c.frame = None
    assert "<th>框架</th>" not in render_html([doc], RULES, "zh")


def test_segments_overlap_nest_and_empty_spans():
    text = "abcdefghij"
    segs = segments(text, [Mark(2, 6, "finding", "f0", "warning"), Mark(4, 8, "finding", "f1", "error"),
                           Mark(4, 6, "related", "f1-r0", "error"), Mark(9, 9, "finding", "f2", "info")])
    assert "".join(s.text for s in segs if s.text != "‸") == text
    assert [(s.text, s.refs) for s in segs if s.refs] == [
        ("cd", "f0"), ("ef", "f0 f1 f1-r0"), ("gh", "f1"), ("‸", "f2")]
    assert "sev-error" in segs[2].classes and "related" in segs[2].classes
    assert segs[1].anchors == ["f0"] and set(segs[2].anchors) == {"f1", "f1-r0"}
