"""The prose of a document: what a reader reads, not the metadata around it.

YAML front matter, URLs (including percent-encoded ones), image and link
targets, HTML tags inside Markdown, code and template shortcodes carry digits
that are not claims (``%E5%88-26%`` is not a range).  ``prose_view`` blanks
them out and returns the remaining text with an ``OffsetMap`` back to the
original, so every span still maps to the characters the user wrote.
Removed inline markup becomes nothing; removed blocks become one newline;
a bare URL becomes one space (each standing for the whole run).
"""
from __future__ import annotations

import re
from operator import itemgetter
from typing import Optional

from ..text.offsets import OffsetMap, apply_edits

# opening ---, a first line that is a YAML key (title: …), then anything up to a closing --- or ...
_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\n[ \t]*[\w-]+[ \t]*:(?:.*?\n)??(?:---|\.\.\.)[ \t]*(?:\n|\Z)",
                           re.S)
_URL_CHARS = r"[^\s<>\"'\u3000-\u303f\uff08\uff09\uff0c\uff1b\u4e00-\u9fff)\]]"
# http://, https://, ftp:// or www. in any letter case (the s also as ſ, as re.I matched it): the
# pattern opens with the class of the first letters (re skips ahead to them in C) and looks back at
# the letter for the rest
_URL = re.compile(r"[hHfFwW](?:(?<=[hH])[tT][tT][pP][sSſ]?://|(?<=[fF])[tT][pP]://|(?<=[wW])[wW][wW]\.)"
                  + _URL_CHARS + "+")
_MASKS = [
    # (pattern, replacement (or one per name of the group that matched), formats it applies to,
    # literals one of which every match contains: a text without any of them skips the pass)
    (re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", re.S | re.M), "\n", {"markdown"}, ("```", "~~~")),
    (re.compile(r"\{\{[<%].*?[%>]\}\}", re.S), "\n", {"markdown"}, ("{{",)),
    (re.compile(r"<!--.*?-->", re.S), "", {"markdown", "text"}, ("<!--",)),
    (re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I), "\n", {"markdown"}, ("<",)),
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), "", {"markdown"}, ("![",)),          # image
    # link target: the "(" first and "](" looked back at, so the search skips to brackets; runs of
    # plain characters at a time, never given back (the ")" or a space must follow them anyway)
    (re.compile(r"\((?<=\]\()(?:[^()\s]+|\([^()\s]*\))*+(?:\s+\"[^\"\n]*\")?\)"), "", {"markdown"}, ("](",)),
    (re.compile(r"`[^`\n]+`"), " ", {"markdown"}, ("`",)),                          # inline code
    # a block tag becomes a line end, another (inline) tag nothing.  One pass for both: each match
    # ends at the first ">" after its "<", so where both patterns match they match the same span
    # (and the block tag, listed first, won), and neither's matches hide a "<" from the other; the "<"
    # stands first, so re skips ahead to it
    (re.compile(r"<(?:(?P<block>(?i:/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|"
                r"footer|blockquote|pre|hr|figure|figcaption|img|iframe|video|source)\b[^<>]*>))"
                r"|/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>)"), {"block": "\n", None: ""}, {"markdown"}, ("<",)),
    (_URL, " ", {"markdown", "text", "html"}, ("://", "www.", "WWW.")),
]
_PASSES = [(rx, repl, formats, tuple((t.encode(), t) for t in needles)) for rx, repl, formats, needles in _MASKS]
# percent-encoded runs (%E5%88%B0) outside a recognised URL: found by their escapes, then
# widened over the URL characters around them (matches, so linear on long digit runs)
_PCT = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})+")   # opens with "%": re skips to it
_URLISH_RUN = re.compile(r"[A-Za-z0-9_%./~=&?+\-]*")


def front_matter_span(text: str) -> Optional[tuple[int, int]]:
    """``(start, end)`` of a YAML front matter block opening the text, or None."""
    m = _FRONT_MATTER.match(text)
    return (0, m.end()) if m else None


def _percent_runs(text: str) -> list[tuple[int, int, str]]:
    """Percent-encoded runs, each widened over the URL characters around it (not past the run
    before it), as ``(start, end, " ")``.  The regex finds each run and the widening is a match on
    the reversed text, so no Python code runs per character."""
    out: list[tuple[int, int, str]] = []
    n, last, rev = len(text), 0, None
    m = _PCT.search(text)
    while m is not None:
        s, e = m.span()
        if rev is None:
            rev = text[::-1]
        s = n - _URLISH_RUN.match(rev, n - s, n - last).end()
        last = _URLISH_RUN.match(text, e).end()
        out.append((s, last, " "))
        m = _PCT.search(text, last)
    return out


def masked_spans(text: str, fmt: str) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, replacement)`` runs that are not prose, in order."""
    spans: list[tuple[int, int, str]] = []
    if fmt == "markdown":
        fm = front_matter_span(text)
        if fm:
            spans.append((fm[0], fm[1], "\n"))
    # the needles are ASCII: looked for first among the text's ASCII characters only, so that a text
    # without one is not searched through for it
    ascii_chars = text.encode("ascii", "ignore")
    for rx, repl, formats, needles in _PASSES:
        if not (fmt in formats and any(b in ascii_chars and t in text for b, t in needles)):
            continue
        if isinstance(repl, str):
            spans += [(m.start(), m.end(), repl) for m in rx.finditer(text) if m.end() > m.start()]
        else:
            spans += [(m.start(), m.end(), repl[m.lastgroup]) for m in rx.finditer(text) if m.end() > m.start()]
    spans += _percent_runs(text)
    # by start, the longest first, else in the order found (two stable sorts with C keys)
    spans.sort(key=itemgetter(1), reverse=True)
    spans.sort(key=itemgetter(0))
    kept: list[tuple[int, int, str]] = []
    end = 0
    for s, e, r in spans:
        if s >= end:
            kept.append((s, e, r))
            end = e
    return kept


def apply_masks(text: str, spans: list[tuple[int, int, str]]) -> tuple[str, OffsetMap]:
    """The text with each span replaced, and the map from the new text to ``text``."""
    return apply_edits(text, spans)


def prose_view(text: str, fmt: str) -> Optional[tuple[str, OffsetMap]]:
    """``(prose, map)`` for ``text`` of format ``fmt``, or None when all of it is prose."""
    spans = masked_spans(text, fmt)
    if not spans:
        return None
    return apply_masks(text, spans)


class ComposedMap:
    """Two offset maps one after the other: ``outer`` maps into what ``inner`` maps from."""

    def __init__(self, inner: OffsetMap, outer: OffsetMap) -> None:
        self.inner, self.outer = inner, outer

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of a span of the final view."""
        return self.outer.span(*self.inner.span(start, end))

    def to_orig(self, i: int) -> int:
        """Original offset of view offset ``i``."""
        return self.outer.to_orig(self.inner.to_orig(i))


def compose(view: Optional[tuple[str, OffsetMap]], fmt: str) -> Optional[tuple[str, object]]:
    """Apply the prose masks on top of an existing markup ``view`` (HTML's readable text)."""
    if view is None:
        return None
    inner = prose_view(view[0], fmt)
    if inner is None:
        return view
    return inner[0], ComposedMap(inner[1], view[1])
