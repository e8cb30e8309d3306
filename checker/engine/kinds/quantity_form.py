"""Kinds over the extracted quantities' written form: ``missing_unit``,
``mixed_numeral``, ``stacked_approx``, ``range_affix``."""
from __future__ import annotations

import re

from ..registry import kind


_OPEN_QUOTES, _CLOSE_QUOTES = "“「『‘", "”」』’"
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


def _quoted(text: str, lo: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened after ``lo`` (a name such as “民生110”, speech)."""
    seg = text[lo:pos]
    return sum(seg.count(c) for c in _OPEN_QUOTES) > sum(seg.count(c) for c in _CLOSE_QUOTES)


def _bare_count(ctx, q, text: str) -> bool:
    """A plain integer written straight after prose and closing its clause with nothing to say what it
    counts (共计1021。 / 国内有大小机场61， / 分中心8、指挥所110个): every word before it that takes a bare
    number (第, 注, 拨打, 收报 …, ``params.bare_after``) or clause word that makes it unitless (指数, 比分,
    编号 …, ``params.unitless_clause``) is set aside, and so are years, quotations and number pairs
    (3、4日)."""
    p = ctx.params
    number = text[q.num_start:q.num_end]
    if q.num_end != q.end or not number.isascii() or not number.isdigit() or number.startswith("0") \
            or _YEAR_LIKE.fullmatch(number):
        return False  # 10多万, 3.5, 2020 …
    before = text[q.num_start - 1] if q.num_start > 0 else ""
    if not ("\u4e00" <= before <= "\u9fff"):
        return False
    after = text[q.end:q.end + 2]
    if not after or after[0] not in p.get("bare_followers", "，,；;。、") or after[0] == "、" and after[1:].isdigit():
        return False  # 3、4日, 15、22个百分点: a pair or list that shares the measure word after it
    ss, _ = ctx.doc.sentence_of(q.start)
    lo = max(ss, q.num_start - 200)  # a bounded look back: linear in the document
    clause_start = max([max(lo, q.num_start - 80)] + [text.rfind(c, lo, q.num_start) + 1 for c in "，,；;：:"])
    clause = text[clause_start:q.num_start]
    nl = text.rfind("\n", max(0, q.start - 400), q.start)
    line = nl + 1 if nl != -1 or q.start <= 400 else q.start  # no line start in reach: no block quote known
    if any(clause.endswith(w) for w in p.get("bare_after", [])) or \
            any(w in clause for w in p.get("unitless_clause", [])) or _quoted(text, lo, q.num_start) or \
            text[line:q.start].lstrip().startswith(">"):
        return False  # a Markdown block quote is a quotation too
    return True


@kind("missing_unit")
def run_missing_unit(ctx) -> None:
    """A count with no measure word: right after a counted noun (受理治安案件6104,), or a plain integer
    closing a clause of prose (``_bare_count``: 共计1021。)."""
    text = ctx.doc.text
    tails = ctx.params.get("noun_tails", "件案人员数量")
    followers = ctx.params.get("followers", ",，。;；、")
    min_digits = ctx.params.get("min_digits", 2)
    for q in ctx.doc.quantities:
        if q.unit is not None or q.kind != "count" or q.is_range:
            continue
        before = text[q.start - 1] if q.start > 0 else ""
        after = text[q.end] if q.end < len(text) else ""
        by_noun = not q.approx and before and before in tails and (after in followers if after else True) \
            and sum(c.isdigit() for c in q.text) >= min_digits
        if by_noun or _bare_count(ctx, q, text):
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

