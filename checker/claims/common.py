"""Helpers shared by the claim builders: numbers inside patterns, lookups of
quantities by position, and where the builders' trigger words are (``Triggers``, one pass per
document) so that each builder tries its patterns only there."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterable, Optional

from ..text.trie import longest_word_pattern
from ..numbers import NumeralError, Quantity, parse_number

def longest_first(words) -> tuple[str, ...]:
    """``words`` without repeats, longest first (an alternation of them then prefers the longer word)."""
    return tuple(sorted(set(words), key=len, reverse=True))


def alternation(words) -> str:
    """``words`` as a regex alternation, longest first."""
    return "|".join(re.escape(w) for w in longest_first(words))


NUM_CHARS = "0-9零〇一二两三四五六七八九十百"   # ASCII digits: what the normaliser leaves of full-width ones
NUM = rf"[{NUM_CHARS}]+"
NUM_START = rf"(?<![{NUM_CHARS}])"  # a number starts here, not inside a digit run


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


def anchored_at(rx, text: str, anchors, back: int, allowed):
    """The matches ``rx.finditer(text)`` gives, when every match holds one of the increasing positions
    ``anchors`` preceded by at most ``back`` characters from ``allowed`` (a set, or None for any): ``rx``
    is tried only just before each.  Extra positions do no harm: only a match reaching past one counts."""
    last_end = 0
    for p in anchors:
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


class Triggers:
    """Where the claim builders' trigger words start in one document, found by one pass over the text.

    The pass is one pattern: the words' first characters as a set (``re`` skips every other character
    in C) and, behind each, the longest trigger word starting there (read through a trie of the words);
    every shorter trigger word it begins with starts there too.  A builder then tries its own pattern
    only at its own words' positions (``matches``, ``starts``) and skips the document when none occurs."""

    def __init__(self, text: str, words: Iterable[str]) -> None:
        self.text = text
        self._rx, self._longer, self._asked = _trigger_pattern(frozenset(words))
        at: dict[str, list[int]] = {}
        for m in self._rx.finditer(text):
            w = m.group(1)
            if w in at:
                at[w].append(m.start())
            else:
                at[w] = [m.start()]
        self._at = at  # the longest trigger word found → where it starts

    def starts(self, words: Iterable[str]) -> list[int]:
        """Increasing positions where any of ``words`` (all among the words the index was built for)
        starts."""
        key = words if isinstance(words, tuple) else tuple(words)
        found = self._asked.get(key)
        if found is None:  # the words found in the pass that begin with one asked for (once per process)
            found = self._asked[key] = tuple({x for v in key for x in self._longer[v]})
        at = self._at
        lists = [at[w] for w in found if w in at]
        if len(lists) < 2:
            return lists[0] if lists else []
        return sorted(set().union(*lists))

    def matches(self, rx: re.Pattern, words: Iterable[str]):
        """The matches ``rx.finditer(text)`` gives, when every match of ``rx`` starts with one of
        ``words`` and none is empty: ``rx`` is tried at those positions only."""
        return matches_at(rx, self.text, self.starts(words))


def matches_at(rx: re.Pattern, text: str, starts: Iterable[int]):
    """The matches ``rx.finditer(text)`` gives, when ``rx`` can only start at the increasing positions
    ``starts`` and never matches the empty string."""
    match = rx.match
    last_end = 0
    for p in starts:
        if p >= last_end and (m := match(text, p)):
            last_end = m.end()
            yield m


@lru_cache(maxsize=8)
def _trigger_pattern(words: frozenset[str]) -> tuple[re.Pattern, dict[str, tuple[str, ...]], dict]:
    """The one-pass pattern of ``Triggers``, for each word the trigger words that begin with it (itself
    included), and an empty memo of those for the word lists asked for.  Each match is the one character
    a word starts with, so no start inside another word is skipped; the lookbehind reads the longest
    word from that character on."""
    words = frozenset(w for w in words if w)
    first = "".join(sorted({re.escape(w[0]) for w in words}))
    rx = re.compile(rf"[{first}](?<=(?=({longest_word_pattern(words)}))[\s\S])" if words else r"(?!)")
    longer = {v: tuple(w for w in words if w.startswith(v)) for v in words}
    return rx, longer, {}
