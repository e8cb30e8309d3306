"""The text a subject is read from: from the previous clause boundary up to a position.

What the subject *means* (its core, scope, period) is the claim frame's business
(``checker.claims.frame``, ``checker.claims.subject``); ``rules/data/metrics.toml`` is only the synonym table it applies.
"""
from __future__ import annotations

_BOUNDARY = ",，;；:：\n"


def subject_before(text: str, pos: int, limit: int = 30) -> tuple[int, str]:
    """The text from the previous clause boundary up to ``pos`` (at most ``limit`` chars)."""
    start = pos
    lo = max(0, pos - limit)
    while start > lo and text[start - 1] not in _BOUNDARY and text[start - 1] != "。":
        start -= 1
    return start, text[start:pos]
