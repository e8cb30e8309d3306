"""`claimcheck annotate`: Word comments anchored on exactly each finding's text, formatting kept,
the input never touched; rendered by LibreOffice when it is installed."""
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import ROOT
from docx_drafts import FOOTNOTE, HEADER, TABLE, draft_docx, simple_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, cwd=cwd, timeout=180)


def anchored_texts(data: bytes) -> dict[int, str]:
    """Comment id → the text between its range start and end in word/document.xml."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_, out = {}, {}
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start" and el.tag == W + "commentRangeStart":
            open_[int(el.get(W + "id"))] = []
        elif event == "start" and el.tag == W + "commentRangeEnd":
            cid = int(el.get(W + "id"))
            out[cid] = "".join(open_.pop(cid))
        elif event == "start" and el.tag == W + "t":
            for parts in open_.values():
                parts.append(el.text or "")
        elif event == "start" and el.tag == W + "tab" and el.getparent().tag == W + "r":
            for parts in open_.values():
                parts.append("\t")
        elif event == "end" and el.tag in (W + "p", W + "tc"):
            for parts in open_.values():
                parts.append("\n" if el.tag == W + "p" else "")
    return out


def comments(data: bytes) -> dict[int, tuple[str, str]]:
    """Comment id → (author, text with paragraphs joined by newlines)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/comments.xml"))
    out = {}
    for c in root.iter(W + "comment"):
        paras = ["".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p")]
        out[int(c.get(W + "id"))] = (c.get(W + "author"), "\n".join(paras))
    return out


@pytest.fixture()
def draft(tmp_path):
    f = tmp_path / "draft.docx"
    f.write_bytes(draft_docx())
    return f


def _findings(path):
    p = run("check", "--format", "json", str(path))
    doc = json.loads(p.stdout)["files"][0]
    return doc["findings"]


def test_comments_cover_exactly_the_finding_text(draft, tmp_path):
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    out = tmp_path / "out.docx"
    p = run("annotate", str(draft), "-o", str(out))
    assert p.returncode == 1, p.stderr.decode()   # the draft has an error-level finding
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    from checker.io import read_path

    text = read_path(str(draft)).text
    found = _findings(draft)
    data = out.read_bytes()
    anchors, notes = anchored_texts(data), comments(data)
    assert len(notes) == len(found) >= 5
    stories = {"header": 0, "footnote": 0, "body": 0}
    for cid, f in enumerate(found):           # comments are written in the findings' order
        author, body = notes[cid]
        quote = text[f["span"]["start"]:f["span"]["end"]]
        assert author == "claimcheck"
        assert body.startswith(f["rule"] + "：") and f"「{quote}」" in body
        if f["span"]["start"] >= text.index(HEADER):
            stories["header"] += 1            # Word has no comments in headers: a point comment
            assert anchors[cid] == "" and "位于页眉" in body
        elif f["span"]["start"] >= text.index(FOOTNOTE):
            stories["footnote"] += 1          # anchored on the footnote mark in the text
            assert anchors[cid] == "" and "位于脚注1" in body
        else:
            stories["body"] += 1
            assert anchors[cid] == quote
    assert stories["header"] == 1 and stories["footnote"] == 1 and stories["body"] >= 3
    # the table finding sits in its cell, the footnote comment on the run holding the note mark
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    cells = [tc for tc in root.iter(W + "tc") if tc.find(f".//{W}commentRangeStart") is not None]
    assert len(cells) == 1 and "".join(t.text for t in cells[0].iter(W + "t")) == TABLE[1][1]
    mark = root.find(f".//{W}footnoteReference/..")
    assert mark.getprevious().tag == W + "commentRangeStart" and mark.getnext().tag == W + "commentRangeEnd"


def test_runs_are_split_with_their_formatting(draft, tmp_path):
    out = tmp_path / "out.docx"
    run("annotate", str(draft), "-o", str(out))
    d = docx.Document(str(out))
    runs = [(r.text, r.bold, r.italic, r.font.color.rgb) for r in d.paragraphs[1].runs if r.text]
    # "案18" (bold) was cut before 18, "降11%。" (red) after %: each half keeps its format
    assert ("案", True, None, None) in runs and ("18", True, None, None) in runs
    assert ("降11%", None, None, docx.shared.RGBColor(0xC0, 0, 0)) in runs
    assert ("。", None, None, docx.shared.RGBColor(0xC0, 0, 0)) in runs
    from checker.io import read_path

    assert read_path(str(out)).text == read_path(str(draft)).text   # comments add no text


def test_reader_keeps_document_order_and_reads_notes_and_headers(draft):
    from checker.io import read_path

    lines = read_path(str(draft)).text.split("\n")
    assert lines[2:4] == ["\t".join(TABLE[0]), "\t".join(TABLE[1])]   # the table where it stands
    assert lines[4].startswith("工作中")                              # then the paragraph after it
    assert lines[-2] == " " + FOOTNOTE and lines[-1] == HEADER


def test_english_comments(draft, tmp_path):
    out = tmp_path / "en.docx"
    run("annotate", "--lang", "en", str(draft), "-o", str(out))
    bodies = [b for _, b in comments(out.read_bytes()).values()]
    assert all("\nText: “" in b and "claimcheck explain CC" in b for b in bodies)
    assert any("(in the footnote 1)" in b for b in bodies)


def test_refuses_to_overwrite_input_and_bad_outputs(draft, tmp_path):
    before = draft.read_bytes()
    p = run("annotate", str(draft), "-o", str(draft))                  # messages in Chinese by default
    assert p.returncode == 2 and "拒绝覆盖输入文档" in p.stderr.decode() and b"Traceback" not in p.stderr
    link = tmp_path / "link.docx"
    os.symlink(draft, link)
    p = run("annotate", "--lang", "en", str(draft), "-o", str(link))
    assert p.returncode == 2 and b"refusing to overwrite" in p.stderr
    p = run("annotate", str(draft), "-o", str(tmp_path / "nowhere" / "x.docx"))
    assert p.returncode == 2 and "不存在" in p.stderr.decode() and b"Traceback" not in p.stderr
    txt = tmp_path / "a.txt"
    txt.write_text("严格落实落实责任。", encoding="utf-8")
    p = run("annotate", str(txt))
    assert p.returncode == 2 and b".docx" in p.stderr
    assert draft.read_bytes() == before and not list(tmp_path.glob(".claimcheck-*"))


def test_check_annotate_writes_checked_copy(tmp_path):
    f = tmp_path / "d.docx"
    f.write_bytes(simple_docx(["标题", "严格落实落实责任。"]))
    p = run("check", "--annotate", str(f))
    assert p.returncode == 0, p.stderr.decode()    # CC309 is a warning
    out = tmp_path / "d.checked.docx"
    assert anchored_texts(out.read_bytes()) == {0: "落实落实"}


@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftoppm")),
                    reason="LibreOffice (libreoffice-writer) and poppler-utils are not installed")
def test_libreoffice_renders_the_comments(draft, tmp_path):
    out = tmp_path / "draft.checked.docx"
    run("annotate", str(draft), "-o", str(out))
    env = {**os.environ, "HOME": str(tmp_path)}       # a fresh LibreOffice profile
    pdf_with_comments = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    subprocess.run(["soffice", "--headless", "--convert-to", pdf_with_comments, "--outdir", str(tmp_path), str(out)],
                   capture_output=True, timeout=180, env=env, check=True)
    pdf = (tmp_path / "draft.checked.pdf").read_bytes()
    # LibreOffice exports each comment as a PDF text annotation (UTF-16 in a hex string)
    notes = [bytes.fromhex(m.decode()).decode("utf-16") for m in re.findall(rb"/Contents\s*<([0-9A-Fa-f]+)>", pdf)]
    found = _findings(draft)
    assert len([n for n in notes if n.startswith("CC")]) == len(found)
    assert any(n.startswith("CC111") and "「18起,同比下降11%」" in n for n in notes)
    target = os.environ.get("CLAIMCHECK_ARTIFACTS") or str(tmp_path)
    os.makedirs(target, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(tmp_path / "draft.checked.pdf"),
                    os.path.join(target, "annotated-draft")], check=True, timeout=60)
    assert os.path.getsize(os.path.join(target, "annotated-draft-1.png")) > 5000


def test_readme_word_and_editor_examples(tmp_path):
    """Every `claimcheck` line of the README's Word/editor section runs, with the exit status it states."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## In Word and in the editor")
    section = text[start:text.index("\n## ", start + 3)]
    (tmp_path / "draft.docx").write_bytes(draft_docx())
    cmds = [ln.strip() for ln in section.splitlines() if ln.strip().startswith("claimcheck ")]
    assert len(cmds) == 3
    for cmd in cmds:
        line, _, comment = cmd.partition("#")
        want = int(comment.split("exit")[1].split()[0].rstrip(":"))
        argv = line.split()[1:]
        if "<" in argv:
            assert argv[argv.index("<") + 1] == "/dev/null"
            argv = argv[:argv.index("<")]
        p = subprocess.run([sys.executable, "-m", "checker", *argv], capture_output=True, cwd=tmp_path,
                           stdin=subprocess.DEVNULL, timeout=180)
        assert p.returncode == want, (cmd, p.stderr.decode())
        if "annotate" in cmd:
            out = tmp_path / "draft.checked.docx"
            assert len(comments(out.read_bytes())) >= 5
            out.unlink()


SEED_FILES = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))


@settings(max_examples=12, deadline=None)
@given(st.data())
def test_anchors_match_quotes_whatever_the_runs(data):
    """A seed story laid out in randomly cut runs of mixed format, one line in a table cell: every
    comment in the body covers exactly its finding's quote, and the text is unchanged."""
    from checker.annotate import annotate
    from checker.io import read_bytes
    from checker.options import CheckOptions
    from checker.pipeline import analyse

    lines = data.draw(st.sampled_from(SEED_FILES)).read_text(encoding="utf-8").split("\n")
    lines.insert(data.draw(st.integers(0, len(lines))), "全市发生命案18起,同比下降11%。严格落实落实责任。")
    in_table = data.draw(st.integers(0, len(lines) - 1))
    d = docx.Document()
    for i, line in enumerate(lines):
        if i == in_table:
            t = d.add_table(rows=1, cols=2)
            t.cell(0, 0).text = "项目"
            p = t.cell(0, 1).paragraphs[0]
        else:
            p = d.add_paragraph()
        cuts = sorted(set(data.draw(st.lists(st.integers(1, max(1, len(line) - 1)), max_size=6))))
        for k, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(line)])):
            if a < b:
                r = p.add_run(line[a:b])
                r.bold = k % 2 == 1
    buf = io.BytesIO()
    d.save(buf)
    raw = buf.getvalue()
    src = read_bytes(raw, "story.docx")
    doc = analyse(src, CheckOptions())
    result = annotate(raw, doc, "zh")
    assert read_bytes(result.data, "out.docx").text == src.text
    from checker.report.build import finding_out

    anchors = anchored_texts(result.data)
    assert len(anchors) == result.comments == len(doc.findings) >= 2
    for cid, f in enumerate(finding_out(doc, x) for x in doc.findings):
        assert anchors[cid] == src.text[f.span.start:f.span.end]


def test_related_spans_are_named_in_the_comment(tmp_path):
    f = tmp_path / "pw.docx"
    f.write_bytes(simple_docx(["全市共有企业100家，其中国有企业120家。"]))
    out = tmp_path / "pw.checked.docx"
    assert run("annotate", str(f), "-o", str(out)).returncode == 1
    (author, body), = comments(out.read_bytes()).values()
    assert body.split("\n")[1:] == ["原文：「120家」", "相关：「100家」：整体", "说明：claimcheck explain CC141"]
    assert anchored_texts(out.read_bytes()) == {0: "120家"}


def test_merged_cells_are_read_once(tmp_path):
    d = docx.Document()
    d.add_paragraph("前言")
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "严格落实落实责任。"
    t.cell(1, 0).merge(t.cell(1, 1)).text = "甲"
    t.cell(1, 2).text = "乙"
    d.add_paragraph("结语")
    f = tmp_path / "m.docx"
    d.save(str(f))
    from checker.io import read_path

    assert read_path(str(f)).text == "前言\n严格落实落实责任。\n甲\t乙\n结语"
    assert [x["span"]["line"] for x in _findings(f)] == [2]


def test_hyperlinks_and_content_controls_are_read_and_annotated(tmp_path):
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    p = d.add_paragraph("请")
    p._p.append(parse_xml(f'<w:hyperlink {ns} w:anchor="x"><w:r><w:t>严格落实</w:t></w:r>'
                          f'<w:r><w:rPr><w:b/></w:rPr><w:t>落实责任</w:t></w:r></w:hyperlink>'))
    d.element.body.insert(1, parse_xml(f'<w:sdt {ns}><w:sdtPr/><w:sdtContent><w:p><w:r>'
                                       f'<w:t>全市发生命案18起,同比下降11%。</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    f = tmp_path / "h.docx"
    d.save(str(f))
    from checker.io import read_path

    assert read_path(str(f)).text == "请严格落实落实责任\n全市发生命案18起,同比下降11%。"
    out = tmp_path / "h.checked.docx"
    assert run("annotate", str(f), "-o", str(out)).returncode == 1
    assert sorted(anchored_texts(out.read_bytes()).values()) == ["18起,同比下降11%", "落实落实"]
    assert read_path(str(out)).text == read_path(str(f)).text
