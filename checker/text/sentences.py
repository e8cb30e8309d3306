"""Split normalised text into sentences and clauses (spans, never copies)."""
from __future__ import annotations

import re

_SENT_END = re.compile(r"[。！？!?；;\n]+|……")
_CLAUSE_END = re.compile(r"[,，、:：]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence, ending punctuation included."""
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.end() > start:
            if text[start:m.start()].strip():
                spans.append((start, m.end()))
            start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of the sentence ``text[start:end]`` split at commas and colons."""
    out = []
    s = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out
