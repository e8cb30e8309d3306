"""The analysed document (like spaCy's Doc): every stage's output, with spans.

Spans inside the pipeline index the *normalised* text; ``Doc.orig_span``
turns them into code-point spans of the original, which is all that leaves
the program.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from .io import SourceDocument
from .numbers import Quantity
from .text import LineIndex, NormalizedText

if TYPE_CHECKING:
    from .claims.frame import Frame
    from .claims.types import ClaimData


_DATA_CLASS: list = []


def _empty_data():
    """A fresh ``ClaimData`` (imported once, on first use: checker.claims imports this module)."""
    if not _DATA_CLASS:
        from .claims.types import ClaimData

        _DATA_CLASS.append(ClaimData)
    return _DATA_CLASS[0]()


@dataclass
class Claim:
    """One numeric claim: a kind, its span in normalised text, its quantities, its frame (what the
    number is about) and the kind's typed data (``checker.claims.types``)."""

    id: str
    kind: str
    start: int
    end: int
    quantities: list[Quantity] = field(default_factory=list)
    data: "ClaimData" = field(default_factory=_empty_data)
    frame: Optional["Frame"] = None


@dataclass
class Related:
    """A further span a finding points at (the other half of a contradiction)."""

    start: int
    end: int
    message: str


@dataclass
class Finding:
    """A rule's verdict on one place in the document."""

    rule: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    related: list[Related] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)
    orig: Optional[tuple[int, int]] = None  # set when the span is known only in the original text
    fix: Optional[tuple[str, bool]] = None   # (replacement of the whole span, safe) from the rule's fix


@dataclass
class Doc:
    """A document as it moves through the pipeline."""

    source: SourceDocument
    norm: NormalizedText
    sentences: list[tuple[int, int]]
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    language: str = "zh-Hans"
    year: Optional[int] = None
    year_source: str = ""
    profile: str = "mainland"              # regional profile the rules ran under
    profile_reason: str = ""               # configured, or the markers that chose it
    lang: str = "zh"                       # language of the messages (CheckOptions.lang)
    _lines: Optional[LineIndex] = None
    _joint: Optional[Any] = None          # cached document-level solution (assertions.joint)
    _scope: Optional[Any] = None          # cached region scope (regions.detect_scope)
    _sent_starts: Optional[list[int]] = None

    @property
    def text(self) -> str:
        """The normalised text every stage reads."""
        return self.norm.text

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original code-point span of a normalised span (through the markup view, if any)."""
        s, e = self.norm.orig_span(start, end)
        if self.source.view is not None:
            return self.source.view[1].span(s, e)
        return s, e

    def line_col(self, orig_offset: int) -> tuple[int, int]:
        """1-based line and column in the original text."""
        if self._lines is None:
            self._lines = LineIndex(self.source.text)
        return self._lines.line_col(orig_offset)

    @property
    def scope(self):
        """The regions this document is about (computed once)."""
        if self._scope is None:
            from .regions import detect_scope

            self._scope = detect_scope(self.text)
        return self._scope

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence span containing normalised ``offset``."""
        if self._sent_starts is None:
            self._sent_starts = [s for s, _ in self.sentences]
        i = bisect_right(self._sent_starts, offset) - 1
        if i < 0:
            return (0, 0)
        return self.sentences[i]
