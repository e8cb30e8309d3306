"""Frame rows: one flat record per framed claim of an analysed document (strings for exact values)."""
from __future__ import annotations

import calendar
import datetime
import json
import re
from dataclasses import replace
from fractions import Fraction
from functools import lru_cache
from typing import Optional

from ..engine.kinds.restated import noun_after, set_names
from ..resources import load_data_toml

# column name → DuckDB type; the order is the table's
COLUMNS: dict[str, str] = {
    "doc": "VARCHAR", "region": "VARCHAR", "pubyear": "INTEGER", "published": "VARCHAR", "claim": "VARCHAR", "kind": "VARCHAR",
    "row_kind": "VARCHAR",  # value | change | streak | prior (the prior a change implies) | other
    "start": "INTEGER", "end": "INTEGER", "quote": "VARCHAR", "sentence": "VARCHAR",
    "scope": "VARCHAR", "scope_label": "VARCHAR",
    "subject_text": "VARCHAR", "subject_core": "VARCHAR", "subject_attr": "VARCHAR", "subject_topic": "VARCHAR",
    "items": "VARCHAR", "specific": "BOOLEAN",
    "period_label": "VARCHAR", "period_year": "INTEGER", "period_relative": "INTEGER", "period_part": "VARCHAR",
    "period_span": "VARCHAR",
    "period_resolved": "INTEGER",  # the period's absolute year when it was over at publication, else NULL
    "period_here": "BOOLEAN",  # the period is written in the value's own paragraph (not inherited from afar)
 "measure": "VARCHAR", "unit": "VARCHAR", "dimension": "VARCHAR",
    "approx": "VARCHAR", "exact": "BOOLEAN", "value_lo": "VARCHAR", "value_hi": "VARCHAR",
    "lo_closed": "BOOLEAN", "hi_closed": "BOOLEAN", "value": "VARCHAR",
    "reference": "VARCHAR", "flow": "VARCHAR", "modality": "VARCHAR", "outcome": "VARCHAR", "about": "VARCHAR",
    "after": "VARCHAR",  # the Han characters right after the value (the thing counted: 668个「团体选民」)
}


@lru_cache(maxsize=1)
def year_on_year() -> frozenset[str]:
    """References that compare with the year before (rules/data/cross.toml)."""
    return frozenset(load_data_toml("cross.toml")["prior"]["year_on_year"])


@lru_cache(maxsize=1)
def _running() -> re.Pattern:
    """Markers of a running total as of the day of writing (rules/data/cross.toml [running])."""
    return re.compile("|".join(load_data_toml("cross.toml")["running"]["markers"]))


@lru_cache(maxsize=1)
def _day_after() -> re.Pattern:
    return re.compile(load_data_toml("cross.toml")["day"]["after_label"])


@lru_cache(maxsize=1)
def unit_class() -> dict[str, str]:
    """Count classifier → the first of its interchangeable group (rules/data/cross.toml [units])."""
    return {u: group[0] for group in load_data_toml("cross.toml")["units"]["interchangeable"] for u in group}


@lru_cache(maxsize=1)
def group_by_example() -> tuple[str, ...]:
    """Subject endings that name a group by examples (rules/data/cross.toml [subject])."""
    return tuple(load_data_toml("cross.toml")["subject"]["group_by_example"])




MAX_LOOK = 300  # characters before a value that its clause and period are read from (linear time)


def _clause_before(doc, start: int, ss: int) -> str:
    """The text of ``start``'s sentence (starting at ``ss``) before it, from the last sentence-level stop
    (at most ``MAX_LOOK`` characters back)."""
    before = doc.text[max(ss, start - MAX_LOOK):start]
    cut = max(before.rfind(ch) for ch in "。；;！!？?\n")
    return before[cut + 1:]


def _period_of_row(doc, start: int, ss: int, p) -> tuple[str, str]:
    """(part, span) of a value's period as compared across documents: a running total (自…起, 累计)
    becomes the span ``running``; a period written down to a day (2019年12月31日) gets the day in its
    part, so values of two days of one month are two figures."""
    part, span = p.part, p.span
    clause = _clause_before(doc, start, ss)
    if not span and _running().search(clause):
        span = "running"
    if p.label and not span:
        i = clause.rfind(p.label)
        if i >= 0:
            m = _day_after().match(clause, i + len(p.label))
            if m:
                part = (part or p.label) + m.group(0).strip()
    return part, span


_MONTH_DAY = re.compile(r"(\d{1,2})月(?:(\d{1,2})[日号])?")


def resolved_year(p, part: str, span: str, published: Optional[datetime.date], pubyear: Optional[int]) -> Optional[int]:
    """The absolute year of a value's period, when the period was over at publication; else None.

    A written year, or one relative to the publication year (去年); a month or day written without a
    year (6月12日, in news) is the latest such date not after the publication.  A period still running
    when the document was written (今年, this month, today, a cumulative span) has no settled value to
    compare, so it gets None; a period with an unparsed part (上半年) counts as ending with its year."""
    if span:
        return None
    year = p.year if p.year is not None else (pubyear + p.relative if p.relative is not None and pubyear else None)
    m = _MONTH_DAY.fullmatch(part or "")
    month, day = (int(m.group(1)), int(m.group(2)) if m.group(2) else None) if m else (None, None)
    if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None
    if year is None and p.relative is None and month is not None and published is not None:
        year = published.year if (month, day or 1) <= (published.month, published.day) else published.year - 1
    if year is None or not 1 <= year <= 9999:
        return None
    if published is not None:
        if month is None:
            end = datetime.date(year, 12, 31)
        else:
            last = calendar.monthrange(year, month)[1]
            end = datetime.date(year, month, min(day, last) if day else last)
        if end >= published:
            return None
    elif pubyear is not None and year >= pubyear:
        return None
    return year


def _written_near(doc, start: int, se: int, label: str) -> bool:
    """Whether the period ``label`` is written in the paragraph (line) of ``start``, up to the end of
    its sentence (``se``): a period inherited from an earlier paragraph or a heading is not compared across
    documents (in news it is often another story's)."""
    if not label:
        return False
    para = doc.text.rfind("\n", max(0, start - MAX_LOOK), start) + 1
    para = max(para, start - MAX_LOOK)
    return label in doc.text[para:min(max(se, start), start + MAX_LOOK)]


def _frac(x: Optional[Fraction]) -> Optional[str]:
    return None if x is None else str(x)


def _subject(s) -> list[str]:
    return [s.text, s.core, s.attr, s.topic]


def _row(doc, rid: str, c, f, row_kind: str, start: int, end: int, exact: bool) -> dict:
    s, e = doc.orig_span(start, end)
    ss, se = doc.sentence_of(start)
    p, v = f.period, f.value
    part, span = _period_of_row(doc, start, ss, p)
    pub = doc.source.published
    return {
        "doc": rid, "region": _region(doc), "pubyear": doc.year, "published": pub.isoformat() if pub else None, "claim": c.id,
        "kind": c.kind, "row_kind": row_kind, "start": s, "end": e, "quote": doc.source.text[s:e],
        "sentence": doc.text[ss:se][:200],
        "scope": f.scope, "scope_label": f.scope_label,
        "subject_text": f.subject.text, "subject_core": f.subject.core, "subject_attr": f.subject.attr,
        "subject_topic": f.subject.topic, "items": json.dumps([_subject(x) for x in f.items], ensure_ascii=False),
        "specific": f.specific,
        "period_label": p.label, "period_year": p.year, "period_relative": p.relative, "period_part": part,
        "period_span": span, "period_resolved": resolved_year(p, part, span, pub, doc.year),
        "period_here": _written_near(doc, start, se, c.frame.period.label if c.frame else ""), "measure": f.measure, "unit": f.unit, "dimension": f.dimension,
        "approx": ",".join(f.approx), "exact": exact,
        "value_lo": _frac(v.lo) if v else None, "value_hi": _frac(v.hi) if v else None,
        "lo_closed": v.lo_closed if v else None, "hi_closed": v.hi_closed if v else None,
        "value": str(v) if v else None, "reference": f.reference, "flow": f.flow, "modality": f.modality,
        "outcome": getattr(c.data, "outcome", "") or getattr(c.data, "direction", "") or "",
        "about": f.about(), "after": noun_after(doc.text, end, 4),
    }


def _region(doc) -> str:
    """The region the document speaks for (全市/全省 and unstated scopes are relative to it), or ""."""
    sc = doc.scope
    r = sc.prefecture if sc.default_level == "prefecture" and sc.prefecture else sc.province
    return r.name if r else ""


def frame_rows(doc, rid: str) -> list[dict]:
    """Every framed claim of ``doc`` as a row (spans are code points of the original text); a change
    claim also gives a ``prior`` row: the value its comparison implies for the year before."""
    from ..claims.frame import Period, absolute_year
    from ..engine.kinds.restated import value_frame as _value_frame
    from ..numbers import Interval

    rows = []
    for c in doc.claims:
        f = c.frame
        if f is None or f.value is None:
            continue
        q = c.quantities[0] if c.quantities else None
        exact = q is not None and not q.approx and not q.is_range and q.unit not in set_names()
        if c.kind == "streak":
            rows.append(_row(doc, rid, c, replace(f, unit=c.data.unit), "streak", c.start, c.end, True))
            continue
        kind = {"quantity": "value", "change": "change"}.get(c.kind, "other")
        if kind == "change" and c.quantities:
            amount = c.quantities[-1]
            exact = not amount.approx and not amount.is_range
        rows.append(_row(doc, rid, c, f, kind, c.start, c.end, exact))
        d = c.data
        if c.kind != "change":
            continue
        base = _value_frame(c)
        if base is not None:  # the value a change starts from (2951起,比上年下降20% states 2951起)
            rows.append(_row(doc, rid, c, base, "value", q.start, q.end, not q.approx and not q.is_range))
        prior_year = d.reference_year
        if prior_year is None and d.reference in year_on_year():
            prior_year = absolute_year(base.period, doc.year) if base is not None else None
            prior_year = prior_year - 1 if prior_year is not None else None
        if base is None or prior_year is None or base.period.span or base.period.part \
                or d.prior_lo is None or d.prior_hi is None:
            continue
        prior = replace(base, period=Period(label=f"{prior_year}年", year=prior_year),
                        value=Interval(d.prior_lo, d.prior_hi))
        rows.append(_row(doc, rid, c, prior, "prior", c.start, c.end,
                         exact and not q.approx and not q.is_range))
    return rows

