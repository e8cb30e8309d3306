"""What every planting operator shares: the Case record, edits, prose masks, clauses, insertion points.

An operator finds its sites with its own patterns over a document's real text, plants exactly one
error into a copy, and checks the planted error with its own exact arithmetic.  ``verify`` re-reads
the numbers from the mutated text at the gold and related spans, so a case is checked from what the
mutated document says, not from what the operator meant to write.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from .corpus import Document

Span = tuple[int, int]
SENTENCE_END = "。！？!?"
CLAUSE_END = "，,；;：:。！？!?\n"
CLOSERS = "」』”’）)]】》"
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Case:
    """One planted error: where it is in the mutated copy and why it is an error."""

    doc: str                    # Document.key of the base document
    category: str
    operator: str
    text: str                   # the mutated document
    suffix: str                 # .txt / .md: the mutated copy is read like the original
    gold: Span                  # code points in ``text``
    gold_text: str              # text[gold[0]:gold[1]] when planted (re-sliced by the tests)
    related: Optional[Span]     # the other half of the error, in ``text`` (None when single)
    related_text: str
    arithmetic: str             # the harness's own check, written out
    edits: tuple[tuple[int, int, int], ...] = ()   # (start in original, removed, inserted)
    facts: dict[str, Any] = field(default_factory=dict, compare=False)

    def resliced(self) -> bool:
        """The gold (and related) spans still cut the planted text out of the mutated document."""
        ok = self.text[self.gold[0]:self.gold[1]] == self.gold_text
        if self.related is not None:
            ok = ok and self.text[self.related[0]:self.related[1]] == self.related_text
        return ok

    def to_mutated(self, pos: int, is_end: bool = False, clamp: bool = False) -> Optional[int]:
        """Map an offset of the original document into the mutated one (None inside an edit, or with
        ``clamp`` the start of what replaced it).

        Text inserted exactly at ``pos`` goes before a span starting there and after one ending there.
        """
        shift = 0
        for start, removed, inserted in self.edits:
            if removed == 0 and pos == start:
                if is_end:
                    break
                shift += inserted
                continue
            if pos <= start:
                break
            if pos < start + removed:
                return start + shift if clamp else None
            shift += inserted - removed
        return pos + shift


class Edit:
    """A set of non-overlapping edits to one text, and where their pieces land afterwards."""

    def __init__(self, text: str):
        self.text = text
        self.items: list[tuple[int, int, str]] = []

    def replace(self, start: int, end: int, new: str) -> int:
        """Replace ``text[start:end]`` with ``new``; returns the edit's index."""
        self.items.append((start, end, new))
        return len(self.items) - 1

    def insert(self, pos: int, new: str) -> int:
        """Insert ``new`` at ``pos``; returns the edit's index."""
        return self.replace(pos, pos, new)

    def apply(self) -> tuple[str, list[int]]:
        """The mutated text and the new start of every edit (in the order they were added)."""
        order = sorted(range(len(self.items)), key=lambda i: (self.items[i][0], self.items[i][1]))
        out, pos, delta = [], 0, 0
        starts = [0] * len(self.items)
        for i in order:
            s, e, new = self.items[i]
            if s < pos:
                raise ValueError("overlapping edits")
            out.append(self.text[pos:s])
            starts[i] = s + delta
            out.append(new)
            delta += len(new) - (e - s)
            pos = e
        out.append(self.text[pos:])
        return "".join(out), starts

    def moved(self, pos: int) -> int:
        """Where original offset ``pos`` (outside every edit) lands in the mutated text."""
        delta = 0
        for s, e, new in self.items:
            if e <= pos:
                delta += len(new) - (e - s)
        return pos + delta

    def records(self) -> tuple[tuple[int, int, int], ...]:
        """(start, removed, inserted) of every edit, in text order."""
        return tuple(sorted((s, e - s, len(new)) for s, e, new in self.items))


def make_case(doc: Document, category: str, operator: str, edit: Edit,
              gold: tuple, related: Optional[tuple], arithmetic: str, **facts: Any) -> Case:
    """Build a Case; ``gold``/``related`` are ("new", edit index, offset, length) or ("orig", start, end)."""
    text, starts = edit.apply()

    def locate(ref: Optional[tuple]) -> Optional[Span]:
        if ref is None:
            return None
        if ref[0] == "new":
            _, i, off, length = ref
            return (starts[i] + off, starts[i] + off + length)
        _, s, e = ref
        return (edit.moved(s), edit.moved(s) + (e - s))

    g, r = locate(gold), locate(related)
    return Case(doc.key, category, operator, text, doc.suffix, g, text[g[0]:g[1]], r,
                text[r[0]:r[1]] if r else "", arithmetic, edit.records(), dict(facts))


@lru_cache(maxsize=512)
def _mask(text: str) -> bytes:
    """1 where a code point is not prose: front matter, markup tags, link targets and URLs."""
    m = bytearray(len(text))

    def block(s: int, e: int) -> None:
        m[s:e] = b"\x01" * (e - s)

    lead = len(text) - len(text.lstrip())
    if text.startswith("---", lead):
        end = text.find("\n---", lead + 3)
        if end != -1:
            block(0, end + 4)
    for pat in (r"<[^<>]*>", r"\]\([^)]*\)", r"https?://[^\s)）\"'<]+", r"!\[[^\]]*\]"):
        for x in re.finditer(pat, text):
            block(x.start(), x.end())
    return bytes(m)


def is_prose(doc: Document, start: int, end: int) -> bool:
    """The whole span is readable article text (not front matter, markup or a URL)."""
    return not any(_mask(doc.text)[start:end])


def finditer(pattern: re.Pattern, doc: Document):
    """Matches of ``pattern`` that lie entirely in prose."""
    for m in pattern.finditer(doc.text):
        if is_prose(doc, m.start(), m.end()):
            yield m


def clause_start(text: str, pos: int) -> int:
    """Start of the clause containing ``pos`` (after the previous comma, semicolon or full stop)."""
    i = pos
    while i > 0 and text[i - 1] not in CLAUSE_END and text[i - 1] != ">":
        i -= 1
    return i


def clause_end(text: str, pos: int) -> int:
    """End of the clause containing ``pos`` (before the next comma, semicolon or full stop)."""
    i = pos
    while i < len(text) and text[i] not in CLAUSE_END and text[i] != "<":
        i += 1
    return i


def sentence_start(text: str, pos: int) -> int:
    """Start of the sentence containing ``pos``."""
    i = pos
    while i > 0 and text[i - 1] not in SENTENCE_END + "\n>":
        i -= 1
    return i


def sentence_end(text: str, pos: int) -> int:
    """End of the sentence containing ``pos`` (after its full stop, or at the line's end)."""
    i = pos
    while i < len(text) and text[i] not in SENTENCE_END + "\n<":
        i += 1
    if i < len(text) and text[i] in SENTENCE_END:
        i += 1
        while i < len(text) and text[i] in CLOSERS:
            i += 1
    return i


def insertion_points(doc: Document) -> list[int]:
    """Offsets right after a full stop in prose where a new sentence can be inserted."""
    out = []
    text = doc.text
    for m in re.finditer(r"[。！？]", text):
        p = m.end()
        if p < len(text) and text[p] in CLOSERS:
            continue
        if not is_prose(doc, m.start(), m.end()):
            continue
        line_start = text.rfind("\n", 0, p) + 1
        if text[line_start:line_start + 1] in "#|>":
            continue
        line_end = text.find("\n", p)
        # a paragraph of the article, not page chrome, a caption or a one-line note
        line = text[line_start:line_end if line_end != -1 else len(text)]
        if han_count(line) < 40 or line.strip() in doc.boilerplate:
            continue
        before = text[line_start:p]
        if before.count("「") > before.count("」") or before.count("“") > before.count("”"):
            continue      # inside a quotation: a new sentence there would be put in someone's mouth
        out.append(p)
    return out


def pick_insertion(doc: Document, rng: random.Random, after: Optional[int] = None,
                   before: Optional[int] = None, min_gap: int = 30) -> Optional[int]:
    """A random insertion point at least ``min_gap`` code points after ``after`` (or before ``before``)."""
    points = insertion_points(doc)
    if after is not None:
        points = [p for p in points if p >= after + min_gap]
    if before is not None:
        points = [p for p in points if p <= before - min_gap]
    return rng.choice(points) if points else None


def han_count(text: str) -> int:
    """Number of Han characters in ``text``."""
    return len(HAN.findall(text))


class Operator:
    """One way of planting one kind of error; subclasses set ``category``/``name`` and the methods."""

    category = ""
    name = ""

    def sites(self, doc: Document) -> list[Any]:
        """Places in ``doc`` where this operator can plant (found with the operator's own patterns)."""
        raise NotImplementedError

    def plant(self, doc: Document, site: Any, rng: random.Random) -> Optional[Case]:
        """Plant one error at ``site`` into a copy of ``doc``; None when the site does not allow it."""
        raise NotImplementedError

    def verify(self, case: Case) -> bool:
        """Re-read the mutated text at the case's spans and check the error with exact arithmetic."""
        raise NotImplementedError

    def checked(self, case: Optional[Case]) -> Optional[Case]:
        """``case`` if it re-slices and its arithmetic holds, else None."""
        if case is None or not case.resliced() or not self.verify(case):
            return None
        return case

    def inserted_after(self, doc: Document, m: re.Match, opening: str, phrase: str, closing: str,
                       arith: str) -> Optional[Case]:
        """Insert ``opening + phrase + closing`` right after match ``m``: the case's gold span is the
        inserted ``phrase``, its related span the original match (checked like every case)."""
        edit = Edit(doc.text)
        i = edit.insert(m.end(), opening + phrase + closing)
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, len(opening), len(phrase)),
                                      ("orig", m.start(), m.end()), arith))


_BOUND_BEFORE = ("超过", "超過", "超", "逾", "近", "约", "約", "突破", "达到近", "接近", "不到", "不足", "上", "大约", "將近", "将近")
_BOUND_AFTER = ("多", "余", "餘", "左右", "以上", "以下", "上下", "内", "內")


def inexact(text: str, start: int, end: int) -> bool:
    """The number at ``text[start:end]`` is a bound or an estimate (超/近/约 before, 多/余/以上 after)."""
    before = text[max(0, start - 4):start]
    after = text[end:end + 2]
    return before.endswith(_BOUND_BEFORE) or after.startswith(_BOUND_AFTER)
