"""Helpers shared by the claim builders: numbers inside patterns, lookups of
quantities by position."""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from ..numbers import NumeralError, Quantity, parse_number

NUM = r"[\d零〇一二两三四五六七八九十百]+"
NUM_START = r"(?<![\d零〇一二两三四五六七八九十百])"  # a number starts here, not inside a digit run


def small_number(text: str) -> Optional[int]:
    """Parse a small whole number written in any form (3, 三, 二十二); None if not one."""
    try:
        v = parse_number(text).value
    except NumeralError:
        return None
    return int(v) if v.denominator == 1 else None


class QuantityIndex:
    """Find quantities by position in the normalised text."""

    def __init__(self, quantities: list[Quantity]) -> None:
        self.qs = quantities
        self.starts = [q.start for q in quantities]

    def starting_at(self, pos: int, slack: int = 0) -> Optional[Quantity]:
        """The quantity starting at ``pos`` (or up to ``slack`` characters later)."""
        i = bisect_left(self.starts, pos)
        if i < len(self.qs) and self.qs[i].start <= pos + slack:
            return self.qs[i]
        return None

    def within(self, start: int, end: int) -> list[Quantity]:
        """Quantities entirely inside ``[start, end)``."""
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.qs) and self.qs[i].start < end:
            if self.qs[i].end <= end:
                out.append(self.qs[i])
            i += 1
        return out

    def before(self, pos: int, lo: int):
        """Quantities ending at or before ``pos`` and starting at or after ``lo``, nearest first (lazy)."""
        i = bisect_left(self.starts, pos)
        qs = self.qs
        for j in range(i - 1, -1, -1):
            q = qs[j]
            if q.start < lo:
                return
            if q.end <= pos:
                yield q


def anchored_matches(rx, text: str, anchor, back: int, allowed):
    """The matches ``rx.finditer(text)`` gives, when every match holds a match of ``anchor`` preceded by
    at most ``back`` characters from ``allowed`` (a set, or None for any): each anchor is found by one
    fast pass and ``rx`` is tried only just before it, never at every position of the text."""
    last_end = 0
    for a in anchor.finditer(text):
        p = a.start()
        if p < last_end:
            continue
        s = p
        lo = max(last_end, p - back)
        while s > lo and (allowed is None or text[s - 1] in allowed):
            s -= 1
        for start in range(s, p + 1):
            m = rx.match(text, start)
            if m and m.end() > p:
                last_end = max(m.end(), start + 1)
                yield m
                break


def prefiltered_matches(rx, text: str, candidates):
    """The matches ``rx.finditer(text)`` gives, when ``rx`` can only start where ``candidates`` (a pattern
    Python's ``re`` finds fast: it starts with a literal or a set of characters) matches, and never
    matches the empty string: ``rx`` (its lookbehinds, its slow parts) is tried only at those starts."""
    search, match = candidates.search, rx.match
    pos = 0
    while (c := search(text, pos)) is not None:
        m = match(text, c.start())
        if m:
            yield m
            pos = m.end()
        else:
            pos = c.start() + 1
