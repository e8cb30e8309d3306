"""Build .docx drafts for the tests with python-docx: mixed-format runs, a table, a header and a
footnote (python-docx cannot add footnotes, so that part is written as OOXML)."""
from __future__ import annotations

import io

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import RGBColor

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
{{notes}}
</w:footnotes>"""
NOTE = ('<w:footnote w:id="{id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/>'
        '</w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>')

# a draft with an error in a paragraph of mixed formatting, one in a table cell, one in a footnote and
# one in the header
HEADER = "本报讯 严格落实落实安全责任"
TITLE = "全市治安形势通报"
RUNS = [("全市发生命", {}), ("案18", {"bold": True}), ("起,同比下", {"italic": True}),
        ("降11%。", {"color": "C00000"}), ("其余案件平稳。", {})]
TABLE = [["指标", "说明"], ["抢劫案件", "抢劫案件25起，同比下降13%。"]]
AFTER = [("工作中要严格落", {}), ("实落实责任。", {"underline": True})]
FOOTNOTE = "数据来源：市公安局，严格落实落实统计制度。"


def _run(p, text, fmt):
    r = p.add_run(text)
    r.bold = fmt.get("bold")
    r.italic = fmt.get("italic")
    r.underline = fmt.get("underline")
    if "color" in fmt:
        r.font.color.rgb = RGBColor.from_string(fmt["color"])
    return r


def add_footnotes(document, notes: list[str]) -> None:
    """Add a footnotes part holding ``notes`` (ids 1, 2 …) and relate it to the main document."""
    body = "".join(NOTE.format(id=i + 1, text=t) for i, t in enumerate(notes))
    blob = FOOTNOTES.replace("{notes}", body).encode("utf-8")
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def footnote_reference(paragraph, note_id: int) -> None:
    """Append a superscript footnote mark for note ``note_id`` to ``paragraph``."""
    r = paragraph.add_run()
    rpr = r._r.get_or_add_rPr()
    rpr.append(OxmlElement("w:vertAlign", attrs={qn("w:val"): "superscript"}))
    r._r.append(OxmlElement("w:footnoteReference", attrs={qn("w:id"): str(note_id)}))


def draft_docx() -> bytes:
    """The test draft as .docx bytes."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = HEADER
    d.add_heading(TITLE, level=1)
    p = d.add_paragraph()
    for text, fmt in RUNS:
        _run(p, text, fmt)
    footnote_reference(p, 1)
    t = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    t.style = "Table Grid"
    for i, row in enumerate(TABLE):
        for j, cell in enumerate(row):
            t.cell(i, j).text = cell
    p = d.add_paragraph()
    for text, fmt in AFTER:
        _run(p, text, fmt)
    add_footnotes(d, [FOOTNOTE])
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def simple_docx(paragraphs: list[str]) -> bytes:
    """A .docx with one plain paragraph per string."""
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
