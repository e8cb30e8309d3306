"""A copy of a .docx with one Word comment per finding, anchored on exactly the finding's text.

The finding's original span (code points into the text the reader built) is mapped to runs through
``DocxLayout``, the same walk that produced that text; runs are split at the span boundaries (the
new run copies the old one's properties, so formatting is kept) and the comment range markers go
around the runs.  Only the main document carries comment ranges: Word refuses comments in headers
and footers, and LibreOffice (7.4) cannot open a file with a comment inside a footnote, so a finding
in a footnote or endnote is anchored on its note mark in the text, and one in a header or footer
on the start of the body; the comment names where the quoted text is.
"""
from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from ..document import Doc
from ..errors import InputError
from ..io.docx import open_docx
from ..io.docx_layout import DocxLayout, split_at
from ..report.build import finding_out
from .comment import comment_text

AUTHOR = "claimcheck"
INITIALS = "cc"


class OutputError(InputError):
    """The annotated copy cannot be written where asked."""


@dataclass
class Annotated:
    """The annotated document's bytes and how many comments it carries."""

    data: bytes
    comments: int


def default_output(path: str) -> str:
    """``draft.docx`` → ``draft.checked.docx`` beside it."""
    stem, _ = os.path.splitext(path)
    return f"{stem}.checked.docx"


def annotate(data: bytes, doc: Doc, lang: str) -> Annotated:
    """Comment every finding of ``doc`` (analysed from ``data``) into a copy of ``data``."""
    path = doc.source.path
    document = open_docx(data, path)
    layout = DocxLayout(document)
    if layout.text != doc.source.text:
        raise InputError(path, "the file changed while it was being checked; run again")
    text = doc.source.text
    found = [finding_out(doc, f) for f in doc.findings]
    cuts = {x for f in found for x in (f.span.start, f.span.end)}
    layout = split_at(layout, cuts)
    numbers = _note_numbers(document)
    for f in found:
        para = layout.para_at(f.span.start)
        stories = [layout.para_at(r.span.start).story for r in f.related]
        note = numbers.get((para.story, para.note), "")
        comment = document.comments.add_comment(comment_text(f, text, lang, para.story, stories, note),
                                                author=AUTHOR, initials=INITIALS)
        _mark(layout, f.span.start, f.span.end, comment.comment_id)
    buf = io.BytesIO()
    document.save(buf)
    return Annotated(buf.getvalue(), len(found))


def _note_numbers(document: Any) -> dict[tuple[str, str | None], str]:
    """(``footnote``/``endnote``, w:id) → the number the reader sees: the order of its mark in the text."""
    out: dict[tuple[str, str | None], str] = {}
    for story in ("footnote", "endnote"):
        for i, ref in enumerate(document.element.body.iter(qn(f"w:{story}Reference"))):
            out.setdefault((story, ref.get(qn("w:id"))), str(i + 1))
    return out


def _mark(layout: DocxLayout, start: int, end: int, cid: int) -> None:
    """Put comment ``cid``'s range around the runs of ``[start, end)`` (or a point comment)."""
    para = layout.para_at(start)
    pieces = [pc for pc in layout.pieces_in(start, end) if layout.para_at(pc.start).story == "body"]
    if para.story == "body" and pieces:
        _range(pieces[0].run, pieces[-1].run, cid)
        return
    if para.story in ("footnote", "endnote"):
        body = layout.document.element.body
        marks = body.xpath(f".//w:r[w:{para.story}Reference[@w:id='{int(para.note or 0)}']]")
        if marks:
            _range(marks[0], marks[0], cid)
            return
    para = next((p for p in layout.paras if p.story == "body"), para)
    _point(para.p, cid)


def _range(first: Any, last: Any, cid: int) -> None:
    first.addprevious(_el("w:commentRangeStart", cid))
    last.addnext(_el("w:commentRangeEnd", cid))
    last.getnext().addnext(_reference_run(cid))


def _point(p: Any, cid: int) -> None:
    ppr = p.find(qn("w:pPr"))
    marks = [_el("w:commentRangeStart", cid), _el("w:commentRangeEnd", cid), _reference_run(cid)]
    at = 0 if ppr is None else list(p).index(ppr) + 1
    for i, m in enumerate(marks):
        p.insert(at + i, m)


def _el(tag: str, cid: int) -> Any:
    from docx.oxml.parser import OxmlElement

    return OxmlElement(tag, attrs={qn("w:id"): str(cid)})


def _reference_run(cid: int) -> Any:
    from docx.oxml.parser import OxmlElement

    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    r.append(rpr)
    r.append(_el("w:commentReference", cid))
    return r


def write_atomic(path: str, data: bytes, source: str) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder; never onto ``source``."""
    if os.path.abspath(path) == os.path.abspath(source) or (
            os.path.exists(path) and os.path.exists(source) and os.path.samefile(path, source)):
        raise OutputError(path, "refusing to overwrite the input document; choose another -o")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(path, "cannot write: folder {folder} does not exist", folder=folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".claimcheck-", suffix=".docx", dir=folder)
    except OSError as e:
        raise OutputError(path, "cannot write: {why}", why=str(e.strerror)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp creates 0600; a document gets the usual mode
        os.replace(tmp, path)
    except OSError as e:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise OutputError(path, "cannot write: {why}", why=str(e.strerror)) from None


def annotate_path(path: str, out: str, doc: Doc, lang: str) -> int:
    """Read ``path`` again, write its annotated copy to ``out``; return the number of comments."""
    if os.path.abspath(out) == os.path.abspath(path) or (os.path.exists(out) and os.path.samefile(out, path)):
        raise OutputError(out, "refusing to overwrite the input document; choose another -o")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise InputError(path, "cannot read: {why}", why=str(e.strerror)) from None
    result = annotate(data, doc, lang)
    write_atomic(out, result.data, path)
    return result.comments
