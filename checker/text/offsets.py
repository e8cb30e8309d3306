"""Map spans of normalised text back to code-point spans of the original text.

The normaliser only ever (a) keeps characters one-for-one, (b) deletes runs of
characters, or (c) replaces a run by a single character.  The map is therefore
piecewise linear: a sorted list of segments, each saying "normalised offsets
from ``norm_start`` on are original offsets plus ``delta``".  Memory is one
entry per edit, not per character, so a 50 MB input with few edits costs
almost nothing.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain


@dataclass
class OffsetMap:
    """Piecewise-linear map from normalised offsets to original offsets."""

    norm_starts: list[int] = field(default_factory=lambda: [0])
    deltas: list[int] = field(default_factory=lambda: [0])
    # normalised index -> original end for characters that replaced a run
    _run_ends: dict[int, int] = field(default_factory=dict)
    norm_length: int = 0
    orig_length: int = 0

    def add_segment(self, norm_start: int, orig_start: int) -> None:
        """Start a new linear segment: ``norm_start`` maps to ``orig_start``."""
        delta = orig_start - norm_start
        if self.norm_starts and self.norm_starts[-1] == norm_start:
            self.deltas[-1] = delta
        elif self.deltas[-1] != delta:
            self.norm_starts.append(norm_start)
            self.deltas.append(delta)

    def mark_run(self, norm_index: int, orig_end: int) -> None:
        """Record that normalised char ``norm_index`` stands for a run ending at ``orig_end``."""
        self._run_ends[norm_index] = orig_end

    def to_orig(self, i: int) -> int:
        """Original offset of normalised offset ``i`` (``i`` may equal the text length)."""
        if i >= self.norm_length:
            return self.orig_length if i == self.norm_length else i + self.deltas[-1]
        return i + self.deltas[bisect_right(self.norm_starts, i) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``."""
        if end <= start:
            o = self.to_orig(start)
            return o, o
        last = end - 1
        o_end = self._run_ends.get(last)
        if o_end is None:
            o_end = self.to_orig(last) + 1
        return self.to_orig(start), o_end


def apply_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """``text`` with each edit ``(start, end, repl)`` applied, and the map from the result back to
    ``text``.  Edits come sorted and do not overlap; ``repl`` is empty (the run is deleted) or one
    character standing for the whole run (the only edits the map can represent)."""
    pieces: list[str] = []
    starts, deltas, runs = [0], [0], {}   # the OffsetMap's lists, filled as ``add_segment`` does
    n_pos = o_pos = 0  # length of the result so far; offset of ``text`` consumed so far
    end = len(text)
    for s, e, repl in chain(edits, ((end, end, ""),)):   # the last edit: keep the rest
        if s > o_pos or repl:
            # what this edit outputs (the kept text before it, then ``repl``) starts a segment
            delta = o_pos - n_pos
            if starts[-1] == n_pos:
                deltas[-1] = delta
            elif deltas[-1] != delta:
                starts.append(n_pos)
                deltas.append(delta)
            if s > o_pos:
                pieces.append(text[o_pos:s])
                n_pos += s - o_pos
            if repl:
                if e - s > 1:
                    runs[n_pos] = e
                pieces.append(repl)
                n_pos += 1
        o_pos = e
    result = "".join(pieces)
    return result, OffsetMap(starts, deltas, runs, len(result), end)


def newline_starts(text: str) -> list[int]:
    """Offsets where lines start when only ``\\n`` ends a line (as ``html.parser`` counts)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


class LineIndex:
    """Turn code-point offsets into 1-based (line, column) pairs (lines end at \\n, \\r\\n or \\r)."""

    def __init__(self, text: str) -> None:
        starts = [0]
        if "\r" in text:  # \r\n, or a lone \r (old Mac line ends), ends a line too
            import re

            starts.extend(m.end() for m in re.finditer(r"\r\n?|\n", text))
            self._starts = starts
            return
        self._starts = newline_starts(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
