"""Trend claims: 逐年下降 / 连年增长 / 持续下降 / 两项指标均呈逐年下降趋势 (words in rules/data/series.toml).

The series is what the text states or implies for the same value: the current value, the priors
implied by each comparison with an earlier period ("比2020年下降P%", "同比增长P%", "比前年同期增长P%",
also when no value is written: the comparisons of one chain share a series), the earlier values
written beside them ("前年同期为330起"), and values stated year by year in a 分别 list, from the
change claims of the same or the previous sentence.  The joint check (``checker.assertions.joint``)
decides whether any monotone series fits.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..document import Claim, Doc
from ..resources import load_data_toml
from .common import QuantityIndex, Triggers, alternation as _alt, anchored_at
from .types import SeriesEntry, TrendData

VALUES = ("count", "money", "measure")


_YEAR_ITEM = re.compile(r"((?:19|20)\d{2})年?(?:度)?")


def _stated_series(lists: list[Claim], starts: list[int], lo: int, hi: int) -> list[SeriesEntry]:
    """Series written as a 分别 list of years and values ("2023年、2024年、2025年分别为5210起、4876起、4530起");
    ``starts`` are the lists' start offsets (built once per document)."""
    out = []
    for c in lists[bisect_left(starts, lo):bisect_left(starts, hi)]:
        d = c.data
        if d.form != "分别" or d.n_items != d.n_values or d.n_items < 2:
            continue
        # the last item may carry the subject after it (2025年全市电诈案件)
        years = [_YEAR_ITEM.fullmatch(it.strip()) for it in d.items[:-1]] + [_YEAR_ITEM.match(d.items[-1].strip())]
        if not all(years) or any(q.kind not in VALUES for q in c.quantities):
            continue
        if any(q.interval.lo is None or q.interval.hi is None for q in c.quantities):
            continue
        stated = {int(y.group(1)): q for y, q in zip(years, c.quantities)}
        if len(stated) == len(years):
            label = d.items[-1].strip()[years[-1].end():]
            out.append(SeriesEntry(value=c.quantities[-1], stated=stated, claims=[c], label=label))
    return out


@lru_cache(maxsize=1)
def _after_vocab() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    d = load_data_toml("series.toml")["trend"]
    year_value = re.compile(rf"[,，;；、:：\s]*(?:和|及)?((?:19|20)\d{{2}})年(?:度)?(?:{_alt(d['after_copula'])})?")
    listed = re.compile(rf"[,，;；\s]*(?:{_alt(d['after_list'])})")
    span = re.compile(rf"((?:19|20)\d{{2}})年?(?:{_alt(d['year_span_joins'])})((?:19|20)\d{{2}})年")
    return year_value, listed, span


def _series_after(doc: Doc, pos: int, ss: int, se: int, idx: QuantityIndex) -> dict:
    """Values written after a trend word in its sentence, by year: "2021年为61.2%,2022年为60.8%", or a
    分别/依次 list whose length matches a span of years named in the sentence ("2020年至2023年…分别为
    5.2万人、5.6万人、5.4万人和6.1万人").  Empty when there is no such series (one kind and unit).
    ``idx`` finds the document's quantities by position (built once per document)."""
    year_value, listed, span = _after_vocab()
    text = doc.text
    at = idx.starting_at
    stated: dict = {}
    p = pos
    while (m := year_value.match(text, p)) and m.end() < se and (q := at(m.end())) is not None:
        stated[int(m.group(1))] = q
        p = q.end
    if len(stated) < 2:
        m = listed.match(text, pos)
        yspan = span.search(text, ss, pos)
        if m is None or yspan is None:
            return {}
        stated = _span_list(doc, at, m.end(), yspan, se)
    return _uniform(stated)


def _series_before(doc: Doc, pos: int, ss: int, linking: re.Pattern, idx: QuantityIndex) -> dict:
    """A 分别/依次 list for a span of years that ends right before a trend word (only linking words
    between): "2019年至2023年，…分别为5020亿元、…和6230亿元，逐年攀升".  Empty when there is none.
    ``idx`` finds the document's quantities by position (built once per document)."""
    _, listed, span = _after_vocab()
    text = doc.text
    at = idx.starting_at
    m = None
    for m in listed.finditer(text, ss, pos):
        pass
    yspan = span.search(text, ss, m.start()) if m is not None else None
    if yspan is None:
        return {}
    stated = _span_list(doc, at, m.end(), yspan, pos)
    if not stated or linking.fullmatch(text, max(q.end for q in stated.values()), pos) is None:
        return {}
    return _uniform(stated)


_LIST_SEP = re.compile(r"[、,，]|和|及|以及")   # between the values of a series written as a list


def _span_list(doc: Doc, at, p: int, yspan: re.Match, limit: int) -> dict:
    """The values of a list starting at ``p`` (up to ``limit``), by year, when there is one per year of
    the span ``yspan`` (2020年至2023年); empty otherwise."""
    text = doc.text
    first, last = int(yspan.group(1)), int(yspan.group(2))
    qs = []
    while (q := at(p)) is not None and q.end <= limit:
        qs.append(q)
        sep = _LIST_SEP.match(text, q.end)
        if sep is None:
            break
        p = sep.end()
    if last <= first or len(qs) != last - first + 1:
        return {}
    return dict(zip(range(first, last + 1), qs))


def _uniform(stated: dict) -> dict:
    """``stated`` when its values are of one kind and unit, exact enough to compare; else empty."""
    qs = list(stated.values())
    kinds = {q.kind for q in qs}
    if len(kinds) != 1 or kinds.pop() not in VALUES + ("percent",) or len({q.unit for q in qs}) != 1 \
            or any(q.interval.lo is None or q.interval.hi is None or q.approx for q in qs):
        return {}
    return stated


@lru_cache(maxsize=1)
def _vocab() -> tuple[re.Pattern, frozenset[str], re.Pattern, re.Pattern]:
    """The trend words (逐年/连年/持续 + a direction), the falling directions, the words that may link a
    series to its trend word, and those that may gather several series before 均 (rules/data/series.toml
    [trend])."""
    d = load_data_toml("series.toml")["trend"]
    how = rf"{_alt(d['every_period'])}|(?:{_alt(d['counted_periods'])})[二两三四五六七八九十\d]+(?:个)?年"
    rx = re.compile(rf"(?P<all>均|都)?(?:呈)?(?P<how>{how})(?P<dir>{_alt(d['increase'] + d['decrease'])})")
    linking = re.compile(rf"(?:[,，、;；\s]|{_alt(d['linking'])})*")
    gathering = re.compile(rf"(?:[,，、;；\s]|{_alt(d['linking'] + d['gathering'])})*")
    return rx, frozenset(d["decrease"]), linking, gathering


_BEFORE_TREND = frozenset("均都呈")  # what a trend match may hold before its trigger word (均呈逐年下降)


@lru_cache(maxsize=1)
def trigger_words() -> tuple[str, ...]:
    """The words every trend match holds at most two characters in (逐年, 持续, 连续 …): the
    trend pattern is tried only before them (``Triggers``)."""
    d = load_data_toml("series.toml")["trend"]
    return tuple(d["every_period"]) + tuple(d["counted_periods"])


def _comparable(c: Claim) -> bool:
    """A percent change of one value against a named earlier period (同比, 比前年同期, 比2020年)."""
    d = c.data
    if d.form != "reference" or d.to_form or not c.quantities or c.quantities[-1].kind != "percent":
        return False
    if len(c.quantities) > 1 and c.quantities[0].kind not in VALUES:
        return False
    return d.back is not None or d.reference_year is not None


def _series_end(entry: SeriesEntry) -> int:
    return max([c.end for c in entry.claims] + [g.quantity.end for c in entry.claims for g in c.data.given])


def build(doc: Doc, changes: list[Claim], lists: list[Claim], idx: QuantityIndex,
          triggers: Triggers) -> list[Claim]:
    """Trend claims with the series of each metric they refer to: values implied by changes
    ("比2020年下降12%", "同比增长5%,比前年同期增长9%"), earlier values written beside them
    ("前年同期为330起") and values stated for several years in a 分别 list, in this sentence or the
    one before.  ``idx``, ``triggers``: the quantities by position and the trigger words' positions."""
    out = []
    trend_rx, falling, linking, gathering = _vocab()
    lists = sorted(lists, key=lambda c: c.start)
    change_starts = [c.start for c in changes]
    list_starts = [c.start for c in lists]
    for m in anchored_at(trend_rx, doc.text, triggers.starts(trigger_words()), 2, _BEFORE_TREND):
        ss, se = doc.sentence_of(m.start())
        # the statements the trend refers to: this sentence and the one before
        prev_start = doc.sentence_of(ss - 1)[0] if ss > 0 else ss
        series: dict[int, SeriesEntry] = {}
        for c in changes[bisect_left(change_starts, prev_start):bisect_left(change_starts, m.start())]:
            if not _comparable(c):
                continue
            value = c.quantities[0] if len(c.quantities) > 1 else None
            entry = series.setdefault(c.data.series, SeriesEntry(value=value))
            entry.claims.append(c)
            if c.data.reference_year is not None and (c.data.candidates or c.data.prior_lo is not None):
                entry.points[c.data.reference_year] = c.data.candidates  # empty: a range, bounded by the change
        for entry in series.values():
            end = _series_end(entry)
            entry.adjacent = ss <= end <= m.start() and linking.fullmatch(doc.text, end, m.start()) is not None
        if m.group("all") and series:
            # 两项指标均呈逐年下降: when the nearest series leads to the trend, every series before it (this
            # sentence and the one before, as for all trends) does
            last = max(series.values(), key=_series_end)
            if gathering.fullmatch(doc.text, _series_end(last), m.start()):
                for entry in series.values():
                    entry.adjacent = True
        decreasing = m.group("dir") in falling
        claim = Claim(id="", kind="trend", start=m.start(), end=m.end(),
                      data=TrendData(direction="decrease" if decreasing else "increase",
                                     series=list(series.values()) + _stated_series(lists, list_starts, prev_start, m.start())))
        before = _series_before(doc, m.start(), ss, linking, idx)
        if before and not any(e.stated == before for e in claim.data.series):
            claim.data.series.append(SeriesEntry(value=before[max(before)], stated=before, claims=[claim]))
        after = _series_after(doc, m.end(), ss, se, idx)
        if after:
            claim.data.series.append(SeriesEntry(value=after[max(after)], stated=after, claims=[claim]))
        out.append(claim)
    return out
