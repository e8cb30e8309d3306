"""Prose masks: what is not prose is blanked, each span mapping back to what was written."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.io.prose import masked_spans, prose_view

_BLOCK = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|"
                    r"blockquote|pre|hr|figure|figcaption|img|iframe|video|source)\b[^<>]*>", re.I)
_INLINE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_TAGGY = st.lists(st.sampled_from(["<p>", "</div>", "<li/>", "<pre-x>", '<P class="a">', "<span>", '<p"x">', "<h7>",
                                   "<br >", "<", ">", "/", "p", " ", "\n", "中", "a"]), max_size=12).map("".join)


def _tags_apart(text):
    """Block and inline tags as two passes would find them (a block tag wins a tie), kept left to right."""
    spans = [(m.start(), m.end(), "\n") for m in _BLOCK.finditer(text)]
    spans += [(m.start(), m.end(), "") for m in _INLINE.finditer(text)]
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept, end = [], 0
    for s, e, r in spans:
        if s >= end:
            kept.append((s, e, r))
            end = e
    return kept


@settings(max_examples=300, deadline=None)
@given(_TAGGY)
def test_one_tag_pass_finds_what_two_passes_find(text):
    assert masked_spans(text, "markdown") == _tags_apart(text)


def test_block_tags_end_lines_inline_tags_vanish():
    text = "<P class='x'>收入<span>12</span>亿元<br/>增长5%"
    view, _ = prose_view(text, "markdown")
    assert view == "\n收入12亿元\n增长5%"


def test_urls_in_any_letter_case_and_percent_runs_are_blanked():
    for url in ("HTTPS://example.com/a?b=1", "www.example.com/2021", "WWW.EXAMPLE.COM", "ftp://x.org/9"):
        view, omap = prose_view(f"见{url}，共3宗", "text")
        assert view == "见 ，共3宗"
        assert omap.span(1, 2) == (1, 1 + len(url))
    view, _ = prose_view("路径/a/%E5%88%B0/b 之后", "text")
    assert view == "路径  之后"
