"""Trend claims: 逐年下降 / 持续增长 / 两项指标均呈逐年下降趋势.

The series is what the text states or implies for the same value: the current
value plus the whole-number priors implied by each "比YYYY年下降P%" (from the
change claims of the same or the previous sentence).
"""
from __future__ import annotations

import re

from ..document import Claim, Doc
from .types import SeriesEntry, TrendData

_TREND = re.compile(r"(?:均|都)?(?:呈)?(?P<how>逐年|连年|年年)(?P<dir>下降|减少|降低|下滑|上升|增长|增加|提高|攀升)")
_DEC = ("下降", "减少", "降低", "下滑")


def build(doc: Doc, changes: list[Claim]) -> list[Claim]:
    """Trend claims with the series of each metric they refer to."""
    out = []
    for m in _TREND.finditer(doc.text):
        ss, se = doc.sentence_of(m.start())
        # the statements the trend refers to: this sentence and the one before
        prev_start = doc.sentence_of(ss - 1)[0] if ss > 0 else ss
        series: dict[int, SeriesEntry] = {}
        for c in changes:
            if not (prev_start <= c.start < m.start()) or not c.quantities:
                continue
            if c.data.reference_year is None or not c.data.candidates:
                continue
            value = c.quantities[0]
            if value.kind == "percent":
                continue
            entry = series.setdefault(id(value), SeriesEntry(value=value))
            entry.points[c.data.reference_year] = c.data.candidates
            entry.claims.append(c)
        decreasing = m.group("dir") in _DEC
        claim = Claim(id="", kind="trend", start=m.start(), end=m.end(),
                      data=TrendData(direction="decrease" if decreasing else "increase",
                                     series=list(series.values())))
        out.append(claim)
    return out


