"""Plain text of an HTML file with a map back to offsets in the raw HTML.

Uses the standard library's HTML parser (a real tokenizer, tolerant of broken
markup).  Text nodes are kept verbatim, so most of the map is identity runs;
an entity (``&amp;``) becomes one character standing for the whole reference;
block tags (p, div, br, li, h1–h6, tr …) become a newline standing for the tag;
script, style and comments disappear.
"""
from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from ..errors import InputError
from ..text.offsets import OffsetMap, newline_starts

BLOCK = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article header footer "
                  "blockquote pre hr title dd dt".split())
SKIP = frozenset({"script", "style", "noscript", "template"})
MAX_DEPTH = 10_000


class _Extractor(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self._line_starts = newline_starts(raw)  # html.parser counts lines by \n only
        self.pieces: list[str] = []
        self.map = OffsetMap()
        self.n = 0
        self.skip = 0
        self.depth = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _emit(self, text: str, orig_start: int, orig_end: int, verbatim: bool) -> None:
        if not text:
            return
        if verbatim:
            self.map.add_segment(self.n, orig_start)
        else:  # one character standing for a run (entity, tag)
            self.map.add_segment(self.n, orig_start)
            self.map.mark_run(self.n, orig_end)
        self.pieces.append(text)
        self.n += len(text)

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise InputError("", "HTML nested deeper than {depth} elements", depth=MAX_DEPTH)
        if tag in BLOCK and not self.skip:
            start = self._pos()
            text = self.get_starttag_text() or ""
            self._emit("\n", start, start + len(text), False)

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK and not self.skip:
            start = self._pos()
            text = self.get_starttag_text() or ""
            self._emit("\n", start, start + len(text), False)

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip:
            self.skip -= 1
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if self.skip:
            return
        self._emit(data, self._pos(), 0, True)

    def _ref(self, text: str) -> None:
        if self.skip:
            return
        start = self._pos()
        end = self.raw.find(";", start, start + 40)
        end = end + 1 if end != -1 else start + len(text)
        ch = unescape(self.raw[start:end])
        if len(ch) == 1:
            self._emit(ch, start, end, False)
        else:
            self._emit(self.raw[start:end], start, end, True)

    def handle_entityref(self, name):
        self._ref(f"&{name}")

    def handle_charref(self, name):
        self._ref(f"&#{name}")


def html_view(raw: str, path: str) -> tuple[str, OffsetMap]:
    """``(text, map)``: the readable text of ``raw`` and its map to raw offsets."""
    p = _Extractor(raw)
    try:
        p.feed(raw)
        p.close()
    except InputError as e:
        raise InputError(path, e.template, **e.params) from None
    except (AssertionError, ValueError) as e:  # the parser's own complaints
        raise InputError(path, "malformed HTML: {why}", why=str(e)) from None
    text = "".join(p.pieces)
    p.map.norm_length = len(text)
    p.map.orig_length = len(raw)
    return text, p.map
