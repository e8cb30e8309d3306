"""Kinds over the extracted quantities' written form: ``missing_unit``,
``mixed_numeral``, ``stacked_approx``, ``range_affix``."""
from __future__ import annotations

import re

from ..registry import kind


@kind("missing_unit")
def run_missing_unit(ctx) -> None:
    """A count right after a counted noun with no measure word (受理治安案件6104,)."""
    text = ctx.doc.text
    tails = ctx.params.get("noun_tails", "件案人员数量")
    followers = ctx.params.get("followers", ",，。;；、")
    min_digits = ctx.params.get("min_digits", 2)
    for q in ctx.doc.quantities:
        if q.unit is not None or q.kind != "count" or q.is_range or q.approx:
            continue
        digits = sum(c.isdigit() for c in q.text)
        if digits < min_digits:
            continue
        before = text[q.start - 1] if q.start > 0 else ""
        after = text[q.end] if q.end < len(text) else ""
        if before and before in tails and (after in followers if after else True):
            # at the end of the text the span stops at the number (it used to run one past the end)
            ctx.emit(q.start - min(q.start, 4), q.end + (1 if after else 0), {"number": q.text})


_MAGNITUDE_UNIT = re.compile(r"[\d.,]+[百千]万")


@kind("mixed_numeral")
def run_mixed(ctx) -> None:
    """Arabic digits joined to 十/百/千 (4千, 1百零8): GB/T 15835-2011 §5.3.
    Digits before 百万/千万 alone (1百万) are the magnitude-unit rule's finding, not this one's."""
    for q in ctx.doc.quantities:
        if q.mixed_numerals:
            number = ctx.doc.text[q.num_start:q.num_end]
            if not _MAGNITUDE_UNIT.fullmatch(number):
                ctx.emit(q.num_start, q.num_end, {"number": number})


@kind("stacked_approx")
def run_stacked(ctx) -> None:
    """Two approximation words on one number (约…左右, 近…多, 超过…以上)."""
    pairs = [tuple(p) for p in ctx.params.get("pairs", [])]
    for q in ctx.doc.quantities:
        if len(q.approx) < 2:
            continue
        words = set(q.approx)
        for a, b in pairs:
            if a in words and b in words:
                s = q.start
                for w in (a, b):
                    if ctx.doc.text.startswith(w, q.start - len(w)):
                        s = min(s, q.start - len(w))
                match = ctx.doc.text[s:q.end]
                cut = match.rfind(b)
                values = {"first": a, "second": b, "match": match}
                if cut > 0:  # the match without its second approximation word (约3000人左右 → 约3000人)
                    values["without_second"] = match[:cut] + match[cut + len(b):]
                ctx.emit(s, q.end, values)
                break

