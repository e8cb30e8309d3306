"""The text of a .docx and, for every character, the run that holds it.

One walk over the OOXML builds both, so the text the checker reads and the
positions the annotator writes to can never disagree.  Order: the body in
document order (tables where they stand: one line per row, cells joined by a
tab, a cell's paragraphs by newlines), then footnotes, endnotes, and the
headers and footers of each section (each part once).  Stories and
paragraphs are joined by newlines; inside a run, ``w:t`` gives its text,
``w:tab``/``w:ptab`` a tab, ``w:br`` (line break) and ``w:cr`` a newline,
``w:noBreakHyphen`` a hyphen — as python-docx's ``Run.text``.  Runs inside
hyperlinks, tracked insertions, smart tags, content controls and simple
fields are read; deleted text is not.
"""
from __future__ import annotations

from bisect import bisect_right
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any, Iterator

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import PartFactory, XmlPart
from docx.oxml.ns import qn

# footnotes and endnotes are not modelled by python-docx; loading them as plain XML parts lets the
# annotator edit them in place and python-docx serialise them on save
PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)
PartFactory.part_type_for.setdefault(CT.WML_ENDNOTES, XmlPart)

W_P, W_R, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_T, W_TAB, W_PTAB, W_BR, W_CR, W_NBH = (qn("w:t"), qn("w:tab"), qn("w:ptab"), qn("w:br"), qn("w:cr"),
                                         qn("w:noBreakHyphen"))
W_RPR, W_SDT, W_SDTCONTENT = qn("w:rPr"), qn("w:sdt"), qn("w:sdtContent")
RUN_CONTAINERS = frozenset(qn(t) for t in ("w:hyperlink", "w:ins", "w:smartTag", "w:fldSimple", "w:customXml",
                                           "w:moveTo", "w:dir", "w:bdo"))
BLOCK_CONTAINERS = frozenset(qn(t) for t in ("w:customXml",))
NOTE_SKIP_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def child_text(child: Any) -> str:
    """The text one child element of ``w:r`` stands for ('' for properties, drawings, fields …)."""
    tag = child.tag
    if tag == W_T:
        return child.text or ""
    if tag in (W_TAB, W_PTAB):
        return "\t"
    if tag == W_BR:
        return "\n" if child.get(qn("w:type"), "textWrapping") == "textWrapping" else ""
    if tag == W_CR:
        return "\n"
    if tag == W_NBH:
        return "-"
    return ""


@dataclass
class Piece:
    """Text from one child of one run: ``text[start:end]`` of the document."""

    start: int
    end: int
    run: Any
    child: Any


@dataclass
class Para:
    """One paragraph: its span in the document text and the story it belongs to."""

    start: int
    end: int
    p: Any
    story: str                      # body | footnote | endnote | header | footer
    note: str | None = None         # the w:id of the footnote or endnote holding the paragraph
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class Story:
    """A part of the package whose XML holds paragraphs (the main document, footnotes …)."""

    kind: str
    element: Any


class DocxLayout:
    """Text of a python-docx ``Document`` with a map from offsets to runs."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.stories = list(_stories(document))
        self._chunks: list[str] = []
        self.pos = 0
        self.paras: list[Para] = []
        for i, story in enumerate(self.stories):
            if story.kind == "body":
                if i:
                    self._sep("\n")
                self._blocks(story.element, story.kind)
            else:
                for note in _notes(story):
                    self._sep("\n")
                    self._blocks(note, story.kind, note.get(qn("w:id")))
        self.text = "".join(self._chunks)
        del self._chunks
        self._para_starts = [p.start for p in self.paras]

    # --- building -----------------------------------------------------------------------------
    def _sep(self, ch: str) -> None:
        self._chunks.append(ch)
        self.pos += len(ch)

    def _blocks(self, container: Any, story: str, note: str | None = None) -> None:
        first = True
        for item in _block_items(container):
            if item.tag == W_P:
                if not first:
                    self._sep("\n")
                self._para(item, story, note)
                first = False
            else:
                for tr in _rows(item):
                    if not first:
                        self._sep("\n")
                    for j, tc in enumerate(_cells(tr)):
                        if j:
                            self._sep("\t")
                        self._blocks(tc, story, note)
                    first = False

    def _para(self, p: Any, story: str, note: str | None) -> None:
        para = Para(self.pos, self.pos, p, story, note)
        for r in _runs(p):
            for child in r:
                s = child_text(child)
                if s:
                    para.pieces.append(Piece(self.pos, self.pos + len(s), r, child))
                    self._chunks.append(s)
                    self.pos += len(s)
        para.end = self.pos
        self.paras.append(para)

    # --- lookup -------------------------------------------------------------------------------
    def para_at(self, offset: int) -> Para:
        """The paragraph holding ``offset`` (or the one just before a separator)."""
        i = max(0, bisect_right(self._para_starts, offset) - 1)
        return self.paras[i]

    def pieces_in(self, start: int, end: int) -> list[Piece]:
        """Pieces overlapping ``[start, end)``, in document order."""
        out: list[Piece] = []
        i = max(0, bisect_right(self._para_starts, start) - 1)
        for para in self.paras[i:]:
            if para.start >= end:
                break
            out.extend(pc for pc in para.pieces if pc.start < end and pc.end > start)
        return out


def _stories(document: Any) -> Iterator[Story]:
    yield Story("body", document.element.body)
    part = document.part
    for reltype, kind in ((RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote")):
        for rel in part.rels.values():
            if rel.reltype == reltype and not rel.is_external and isinstance(rel.target_part, XmlPart):
                yield Story(kind, rel.target_part.element)
    seen = set()
    for sect in document.element.body.iter(qn("w:sectPr")):
        for ref in sect:
            if ref.tag in (qn("w:headerReference"), qn("w:footerReference")):
                rid = ref.get(qn("r:id"))
                if rid in seen or rid not in part.rels:
                    continue
                seen.add(rid)
                kind = "header" if ref.tag == qn("w:headerReference") else "footer"
                yield Story(kind, part.rels[rid].target_part.element)


def _notes(story: Story) -> Iterator[Any]:
    """The containers of a story other than the body: each note, or the header/footer itself."""
    if story.kind in ("header", "footer"):
        yield story.element
        return
    for note in story.element:
        if note.get(qn("w:type")) not in NOTE_SKIP_TYPES:
            yield note


def _block_items(container: Any) -> Iterator[Any]:
    for child in container:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _block_items(content)
        elif child.tag in BLOCK_CONTAINERS:
            yield from _block_items(child)


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` children of a table or row, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (W_SDT, qn("w:customXml")):
            content = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from _children(content, tag)


def _rows(tbl: Any) -> Iterator[Any]:
    return _children(tbl, W_TR)


def _cells(tr: Any) -> Iterator[Any]:
    return _children(tr, W_TC)


def _runs(container: Any) -> Iterator[Any]:
    for child in container:
        if child.tag == W_R:
            yield child
        elif child.tag in RUN_CONTAINERS:
            yield from _runs(child)
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _runs(content)


# --- editing ------------------------------------------------------------------------------------

def split_run(run: Any, at: int) -> Any:
    """Split ``run`` so that its first ``at`` characters stay and the rest move to a new run right
    after it, with the same properties; return the new run.  ``0 < at < len(text of run)``."""
    new = run.makeelement(run.tag, dict(run.attrib))
    rpr = run.find(W_RPR)
    if rpr is not None:
        new.append(deepcopy(rpr))
    pos = 0
    moving = []
    for child in run:
        if child.tag == W_RPR:
            continue
        s = child_text(child)
        if pos >= at and (s or pos > at):
            moving.append(child)
        elif pos < at < pos + len(s):       # only w:t holds more than one character
            k = at - pos
            tail = child.makeelement(W_T, {XML_SPACE: "preserve"})
            tail.text = s[k:]
            child.text = s[:k]
            child.set(XML_SPACE, "preserve")
            moving.append(tail)
        pos += len(s)
    for child in moving:
        new.append(child)                   # lxml moves (not copies) an element on append
    run.addnext(new)
    return new


def split_at(layout: DocxLayout, offsets: set[int]) -> DocxLayout:
    """Split runs so that every offset in ``offsets`` falls on a run boundary; return the new layout
    (the text is unchanged, which is checked)."""
    cuts: dict[int, tuple[Any, list[int]]] = {}
    run_start: dict[int, int] = {}
    run_obj: dict[int, Any] = {}
    for para in layout.paras:
        for pc in para.pieces:
            key = id(pc.run)
            run_start.setdefault(key, pc.start)
            run_obj[key] = pc.run
    for off in offsets:
        for pc in layout.pieces_in(off, off + 1)[:1]:
            if pc.start < off < pc.end or (pc.start == off and run_start[id(pc.run)] < off):
                key = id(pc.run)
                cuts.setdefault(key, (pc.run, []))[1].append(off - run_start[key])
    for run, local in cuts.values():
        for at in sorted(set(local), reverse=True):   # from the end: earlier cut points stay valid
            split_run(run, at)
    new = DocxLayout(layout.document)
    if new.text != layout.text:  # pragma: no cover - a bug in split_run, never the user's input
        raise AssertionError("splitting runs changed the document text")
    return new
