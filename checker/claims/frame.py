"""Claim frames: what a number is about.

A frame records, for one numeric statement, its *subject* (the noun phrase, split into a core
and a generic attribute such as 发案/损失/总量), its *scope* (全市 / 市区 / a named county, or the place a
heading line names for its section), the
*period* the value describes (kept apart from the comparison reference 比2019年 / 同比 and from
cumulative wording 累计 / 五年来), its *measure* (count, amount, rate, change, …), unit and
dimension, approximation and exact interval.

Two frames describe the same thing (``same_frame``) when scope and period are compatible,
measure and dimension agree and the subjects are similar: equal attributes, and cores that are
equal, differ by one character at length ≥ 4, or share ≥ 90 % of their character bigrams.  ``rules/data/metrics.toml`` is only a
synonym table applied before comparing.  Vocabulary lives in ``rules/data/frames.toml``.

``FrameReader`` reads every period and scope marker of a document once (one regex pass each), so
building a frame costs a binary search plus a look at its own clause.  Subjects are read by
``checker.claims.subject``, the words by ``checker.claims.frame_vocab``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Optional

from ..numbers import Interval, Quantity
from ..numbers.units import dimension
from ..text.offsets import newline_starts
from .common import small_number
from .frame_vocab import vocab
from .subject import PLACE, QUOTES, Subject, make_subject, may_end_change, same_items, same_subject

_BOUNDARY = ",，;；:：。！？!?\n、… \t\u3000|"
# the last clause boundary (comma) before an end position: search(text, lo, end)
_LAST_CUT = re.compile("[" + re.escape(_BOUNDARY) + "][^" + re.escape(_BOUNDARY) + r"]*\Z")
_LAST_COMMA = re.compile(r"[,，;；:：][^,，;；:：]*\Z")
_NOUN_CUT = re.compile(r"同比|环比|按年|比|较|分别|均|下降|增长|上升|减少|增加|的|是|为|占")
_ORDINAL = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*")


# ----------------------------------------------------------------------------- the records

@dataclass(frozen=True, slots=True)
class Period:
    """The time a value describes.

    ``year`` is absolute when written; ``relative`` counts from the publication year otherwise
    (0 this year, -1 last year); ``part`` is "" for a whole period, "ytd" for the year so far,
    else the sub-period as written; ``span`` is "" for one period, else the cumulative wording
    (五年来 → "5y", 2017年以来 → "since2017", 十四五 → the plan, 累计)."""

    label: str = ""
    year: Optional[int] = None
    relative: Optional[int] = None
    part: str = ""
    span: str = ""

    @property
    def known(self) -> bool:
        """Whether any time was stated or inherited."""
        return bool(self.label)


# a frame's measure in words, for messages and reports
MEASURE_NAMES = {
    "zh": {"count": "计数", "amount": "金额", "quantity": "数量", "rate": "比率", "change": "变化",
           "streak": "连续", "rank": "排名", "enumeration": "列举数"},
    "en": {"count": "count", "amount": "amount", "quantity": "quantity", "rate": "rate", "change": "change",
           "streak": "streak", "rank": "rank", "enumeration": "enumeration count"},
}


@dataclass(slots=True, eq=False)
class Frame:
    """A typed record of what one numeric statement says."""

    subject: Subject
    scope: str
    period: Period
    measure: str
    unit: Optional[str] = None
    dimension: str = "unknown"
    approx: tuple[str, ...] = ()
    value: Optional[Interval] = None
    reference: str = ""
    flow: str = ""
    modality: str = ""
    items: tuple[Subject, ...] = field(default=())
    scope_label: str = ""
    period_source: str = ""  # where the period was read: sentence, paragraph, section, heading ("" unknown)

    @property
    def specific(self) -> bool:
        """Whether the frame identifies one figure: a specific subject, or a two-character one made
        specific by its scope part or flow (城镇 · 新增 · 就业)."""
        if self.subject.specific:
            return True
        if not self.subject.prose or vocab().rx["not_specific"].search(self.subject.text):
            return False
        extra = (self.scope if len(self.scope) > 1 else "") + ("新增" if self.flow else "")
        return len(self.subject.key) >= 2 and bool(extra)

    def about(self, lang: Optional[str] = None) -> str:
        """One line for readers: "全市 · 电信网络诈骗案件 · 2021年 · count" (the measure as its code);
        with ``lang`` the measure and the unstated parts worded in that language (计数 / count)."""
        def shown(s: Subject) -> str:
            return s.text if s.core else s.topic + s.text
        en = lang == "en"
        subject = "、".join(shown(s) for s in self.items) if self.items else shown(self.subject)
        measure = self.measure if lang is None else MEASURE_NAMES["en" if en else "zh"].get(self.measure, self.measure)
        parts = [self.scope_label or self.scope or ("scope not stated" if en else "范围未说明"), subject or "?",
                 self.period.label or ("time not stated" if en else "时间未说明"), measure]
        if self.reference:
            parts.insert(3, f"compared with {self.reference}" if en else f"对比{self.reference}")
        return " · ".join(parts)



# ----------------------------------------------------------------------------- periods

@lru_cache(maxsize=4096)
def _marker_period(label: str, groups: tuple) -> Period:
    """The period a marker match names, from its text and groups (``m.groups()``): read once per wording."""
    return _period_from(label, dict(zip(_marker_groups(), groups)))


@lru_cache(maxsize=1)
def _marker_groups() -> tuple[str, ...]:
    """The names of the marker pattern's groups, in the order ``m.groups()`` gives them."""
    index = vocab().marker_rx.groupindex
    return tuple(sorted(index, key=index.__getitem__))


def _period_from(label: str, g: dict) -> Period:
    """The period a marker names, from its text and its named groups."""
    if g["plan"]:
        return Period(label=label, span=label.strip("“”").removesuffix("时期").removesuffix("期间")
                      .removesuffix("以来").removesuffix("期"))
    if g["cong"]:
        return Period(label=label, span=f"since{g['cong']}")
    if g["nyears"]:
        raw = g["n"] or g["n2"] or ""
        n = small_number(raw) if len(raw) <= 6 else None  # 一一一…年来 (adversarial) is no count of years
        return Period(label=label[:24], span=f"{n}y" if n is not None else "years?")
    if g["y"]:
        y = int(g["y"])
        if g["since"]:
            return Period(label=label, year=y, span=f"since{y}")
        part = g["ypart"] or ""
        if g["yb"]:
            part = part or f"-{g['yb']}"
        return Period(label=label, year=y, part=part)
    if g["rel"]:
        kind, rel, part = vocab().period_words[g["rel"]]
        return Period(label=label, relative=rel, part=g["rpart"] or part)
    if g["part"]:
        return Period(label=label, relative=None, part=g["part"])
    return Period(label=label, span=g["cum"])


def compatible_periods(a: Period, b: Period, year: Optional[int]) -> bool:
    """Whether two periods may describe the same value.  ``year`` is the publication year (or None).

    Cumulative spans match only each other; sub-periods only the same sub-period ("ytd", the year
    so far, matches the whole year); years must agree (a relative year resolves against the
    publication year); an unstated period matches the current one."""
    if "ambiguous" in (a.span, b.span):
        return False  # under a heading that names two periods, which one is meant is unknown
    if a.span or b.span:
        return a.span == b.span and a.year == b.year
    pa, pb = a.part.replace("ytd", ""), b.part.replace("ytd", "")
    if pa != pb:
        return False
    ya, yb = absolute_year(a, year), absolute_year(b, year)
    if not a.known or not b.known:
        other = b if not a.known else a
        oy = yb if not a.known else ya
        return not other.known or other.relative == 0 or (oy is not None and oy == year)
    if ya is not None and yb is not None:
        return ya == yb
    a_open, b_open = a.year is None and a.relative is None, b.year is None and b.relative is None
    if a_open and b_open:
        # 过去一年 … 这一年: the year the report looks back on; 1-6月 … 1-6月: one sub-period of an unstated year
        return pa == "reported" or bool(pa)
    if (a_open or b_open) and pa and pa != "reported":
        # 1-7月 … 今年1-7月: a sub-period without a year is the current year's
        oy = yb if a_open else ya
        other = b if a_open else a
        return other.relative == 0 or (oy is not None and oy == year)
    return a.relative is not None and a.relative == b.relative


def absolute_year(p: Period, year: Optional[int]) -> Optional[int]:
    """The calendar year of period ``p`` (its own year, else relative to the publication ``year``), or None."""
    if p.year is not None:
        return p.year
    if p.relative is not None and year is not None:
        return year + p.relative
    return None


# ----------------------------------------------------------------------------- the reader

class FrameReader:
    """Frames for the positions of one document; markers are found once, looked up by bisection.

    Every index is built in one pass over the text (period markers, scope words, 新增 and target words,
    line starts, headings); clause boundaries are found on demand in the few characters before a number."""

    def __init__(self, doc) -> None:
        v = vocab()
        self.doc = doc
        text = doc.text
        self.text = text
        sentence_of = doc.sentence_of
        ref_before = v.rx["ref_before"].search
        starts: list[int] = []
        ends: list[int] = []
        periods: list[Period] = []
        refs: list[bool] = []
        initial: list[int] = []  # indexes of sentence-initial non-reference markers
        for m in v.marker_rx.finditer(text):
            s, e = m.span()
            label = m.group(0)
            starts.append(s)
            ends.append(e)
            periods.append(_marker_period(label, m.groups()))
            reference = bool(ref_before(text[max(0, s - 4):s].rstrip("“\""))) or \
                text.startswith(("同期相比", "相比", "同期比"), e)
            refs.append(reference)
            if not reference:
                ss = sentence_of(s)[0]
                if s - ss <= 8 and len(text[ss:s].strip(" \t“”\"")) <= 2:
                    initial.append(len(starts) - 1)
        self.marker_starts, self.marker_ends, self.marker_periods, self.marker_refs = starts, ends, periods, refs
        self.initial_starts = [starts[i] for i in initial]
        self.initial_ends = [ends[i] for i in initial]
        self.initial_periods = [periods[i] for i in initial]
        lines = text.split("\n")
        self.para_starts = newline_starts(text)
        self.new_ends = [m.end() for m in v.rx["new"].finditer(text)]        # 新增 …
        self.target_ends = [m.end() for m in v.rx["target"].finditer(text)]  # 目标, 预期 …
        comparison = v.rx["comparison"].match
        self.scopes = [(m.start(), m.end(), m.group(0)) for m in v.scope_rx.finditer(text)
                       if not comparison(text, m.end())]
        self.scope_ends = [e for _, e, _ in self.scopes]
        self.headings, self.place_heads = self._heading_lines(lines)
        self.heading_starts = [h for h, _ in self.headings]
        self.place_head_starts = [h for h, _ in self.place_heads]
        # a paragraph that opens with a period (这一年,… / 五年来,…) sets it for the paragraphs after it,
        # until the next heading that names a period
        leading = [k for k, s in enumerate(self.initial_starts) if self._para_of(s) >= sentence_of(s)[0]]
        self.leading_starts = [self.initial_starts[k] for k in leading]
        self.leading_ends = [self.initial_ends[k] for k in leading]
        self.leading_periods = [self.initial_periods[k] for k in leading]
        self._topic: tuple[int, str] = (-1, "")
        self._continued: dict[int, Optional[Period]] = {}  # sentence start → ``_continued_period``
        self._continuation = v.continuation
        self.whole = v.whole

    @staticmethod
    def _any_in(ends: list[int], lo: int, hi: int) -> bool:
        """Whether a word ending in ``(lo, hi]`` was found (positions from one pass over the text)."""
        i = bisect_left(ends, lo + 1)
        return i < len(ends) and ends[i] <= hi

    def _heading_lines(self, lines: list[str]) -> tuple[list[tuple[int, Period]], list[tuple[int, str]]]:
        """``(period headings, place headings)`` from one walk over the lines.

        Period headings: periods named in short heading lines (no 。), which hold until the next heading
        that names one; a heading naming two periods (2025年和“十四五”时期工作回顾) leaves its section's
        period ambiguous.  Place headings: heading lines that are a place name (一、金塔县 / **瓜州县**: the
        section is about it), and heading lines that are a whole-area word alone (全市), which end such a
        section: ``(line start, place or "")``."""
        v = vocab()
        periods: list[tuple[int, Period]] = []
        places: list[tuple[int, str]] = []
        starts, ends, refs, marks = self.marker_starts, self.marker_ends, self.marker_refs, self.marker_periods
        pos = 0
        for line in lines:
            if "。" not in line:
                s = line.strip()
                if s and len(s) <= 40:
                    named = []
                    for i in range(bisect_left(ends, pos + 1), len(starts)):
                        if starts[i] >= pos + len(line) or len(named) > 1:
                            break
                        if not refs[i]:
                            named.append(marks[i])
                    if len(named) == 1:
                        periods.append((pos, named[0]))
                    elif named:
                        periods.append((pos, Period(label=s[:24], span="ambiguous")))
                p = line.strip(" \t\u3000#*")
                if p and len(p) <= 16:
                    name = _ORDINAL.sub("", p).rstrip(":：").strip(" *")
                    if name in v.whole:
                        places.append((pos, ""))
                    elif PLACE.fullmatch(name) and name not in v.not_places:  # a heading alone: 玉门市, 厦门市
                        places.append((pos, name))
            pos += len(line) + 1
        return periods, places

    def period_at(self, pos: int, ss: Optional[int] = None, section: bool = True) -> Period:
        """The period of a value at ``pos`` (see ``period_and_source``)."""
        return self.period_and_source(pos, ss, section)[0]

    def period_and_source(self, pos: int, ss: Optional[int] = None, section: bool = True) -> tuple[Period, str]:
        """The period of a value at ``pos`` and where it was read: the last non-reference marker before it
        in its sentence (starting at ``ss``: "sentence"), else in the sentence a continuation such as 其中
        refers to ("sentence"), else the last sentence-initial one in its paragraph ("paragraph"), else
        (with ``section``) the one opening an earlier paragraph of the section ("section"), else the
        section heading's ("heading")."""
        if ss is None:
            ss, _ = self.doc.sentence_of(pos)
        return self._period(pos, ss, self._para_of(ss), section)

    def _period(self, pos: int, ss: int, para: int, section: bool) -> tuple[Period, str]:
        """``period_and_source`` with the sentence start ``ss`` and the paragraph start ``para`` known."""
        own = self._sentence_marker(pos, ss)
        if own is not None:
            return own, "sentence"
        return self._period_elsewhere(pos, ss, para, section)

    def _period_elsewhere(self, pos: int, ss: int, para: int, section: bool) -> tuple[Period, str]:
        """``_period`` when the sentence itself names none before ``pos``."""
        if ss in self._continued:
            own = self._continued[ss]
        else:
            own = self._continued[ss] = self._continued_period(ss, para)
        if own is not None:
            return own, "sentence"
        j = bisect_left(self.initial_ends, pos + 1) - 1
        if j >= 0 and self.initial_starts[j] >= para:
            return self.initial_periods[j], "paragraph"
        if not section:
            return Period(), ""
        h = bisect_left(self.heading_starts, para + 1) - 1
        k = bisect_left(self.leading_ends, pos + 1) - 1
        if k >= 0 and (h < 0 or self.leading_starts[k] > self.heading_starts[h]):
            return self.leading_periods[k], "section"
        return (self.headings[h][1], "heading") if h >= 0 else (Period(), "")

    def _continued_period(self, ss: int, para: int) -> Optional[Period]:
        """The period of the sentence a continuation at ``ss`` (其中,… / after a semicolon) refers to, up to
        three sentences back in its paragraph (``para``), or None."""
        own = None
        start, steps = ss, 0
        while own is None and steps < 3 and start > para and self._continues(start):
            prev_start, prev_end = self.doc.sentence_of(start - 1)  # 其中,… : of the whole the sentence before states
            if prev_start < para:
                break
            own = self._sentence_marker(prev_end, prev_start)
            start, steps = prev_start, steps + 1
        return own

    def _sentence_marker(self, pos: int, ss: int) -> Optional[Period]:
        """The last non-reference period marker ending before ``pos`` and starting at or after ``ss``."""
        i = bisect_left(self.marker_ends, pos + 1) - 1
        lo = max(-1, i - 32)  # a few references in a row at most; never a walk over the whole text
        starts, refs = self.marker_starts, self.marker_refs
        while i > lo and starts[i] >= ss:
            if not refs[i]:
                return self.marker_periods[i]
            i -= 1
        return None

    def _continues(self, ss: int) -> bool:
        """Whether the sentence at ``ss`` continues the one before: it follows a semicolon, or opens with
        a continuation word (其中,…)."""
        if self.text[max(0, ss - 1):ss] in ("；", ";"):
            return True
        return self.text[ss:ss + 8].lstrip(" \t\u3000").startswith(self._continuation)

    def _para_of(self, pos: int) -> int:
        """Start of the paragraph (line) containing ``pos``."""
        return self.para_starts[bisect_left(self.para_starts, pos + 1) - 1]

    def scope_at(self, pos: int, subject_mods: tuple[str, ...] = (), ss: Optional[int] = None) -> tuple[str, str]:
        """The scope of a value at ``pos`` (see ``_written_scope``); a whole-area or unstated scope under a
        heading that names a place is that place (一、金塔县 … 全县地区生产总值 is 金塔县's).
        Returns ``(scope, as written)``."""
        scope, label = self._written_scope(pos, subject_mods, ss)
        if len(scope) <= 1 and self.place_heads:
            k = bisect_left(self.place_head_starts, pos + 1) - 1
            place = self.place_heads[k][1] if k >= 0 else ""
            if place and (not scope or place.endswith(scope)):
                return place, label or place
        return scope, label

    def _written_scope(self, pos: int, subject_mods: tuple[str, ...] = (), ss: Optional[int] = None) -> tuple[str, str]:
        """The scope written for a value at ``pos``: a place at the start of its subject, else the last scope
        word before it in its clause (全市 → 市; 市区 kept), else "" (the document's own)."""
        if subject_mods:
            own = _scope_of_modifiers(subject_mods)
            if own is not None:
                return own
        if ss is None:
            ss, _ = self.doc.sentence_of(pos)
        # the clause: a scope word earlier in the sentence may frame another statement
        i = bisect_left(self.scope_ends, pos + 1) - 1
        if i >= 0:
            s, _, w = self.scopes[i]
            lo = max(ss, pos - 60)
            if s >= lo and s >= self._clause_start(pos, lo, _LAST_COMMA):  # (the clause starts at lo or later)
                return self.whole.get(w, w), w
        return "", ""

    def _clause_start(self, pos: int, lo: int, last: re.Pattern) -> int:
        """Just after the boundary ``last`` finds in ``[lo, pos)`` (the last one), else ``lo``."""
        m = last.search(self.text, lo, pos)
        return m.start() + 1 if m else lo

    def clause_before(self, pos: int, limit: int = 30) -> tuple[int, str]:
        """The text from the previous clause boundary up to ``pos`` (at most ``limit`` characters)."""
        start = self._clause_start(pos, max(pos - limit, 0), _LAST_CUT)
        return start, self.text[start:pos]

    def noun_after(self, pos: int, limit: int = 12) -> str:
        """The noun right after a number and its unit (发生18起命案 → 命案), up to a boundary or a comparison."""
        text = self.text
        end = pos
        while end < len(text) and end - pos < limit and text[end] not in _BOUNDARY and (
                "\u4e00" <= text[end] <= "\u9fff" or text[end] in QUOTES):
            end += 1
        seg = text[pos:end]
        cut = _NOUN_CUT.search(seg)
        return seg[:cut.start()] if cut else seg

    def _subject(self, pos: int, end: Optional[int], before: str, topic_from: int) -> Subject:
        """Subject of a number at ``[pos, end)`` from the clause ``before`` it (the topic before, read from
        ``topic_from`` on, fills a generic one; the noun after the number is read only when nothing but
        a verb precedes it)."""
        at, topic = self._topic
        if at < 0 or at < topic_from:
            topic = ""
        subj = make_subject(before, "", topic)
        if not subj.text and end is not None:
            subj = make_subject(before, self.noun_after(end), topic)
        if subj.core:
            self._topic = (pos, subj.core)
        return subj

    def _para_start(self, pos: int) -> int:
        """Start of the paragraph before the one containing ``pos`` (topics carry over one paragraph)."""
        i = bisect_left(self.para_starts, pos + 1) - 1
        return self.para_starts[max(0, i - 1)]

    def frame(self, q: Quantity, measure: str, *, subject: Optional[Subject] = None, reference: str = "",
              items: tuple[Subject, ...] = ()) -> Frame:
        """The frame of quantity ``q`` read as ``measure`` (call in document order: topics carry over).

        The clause, sentence and paragraph are looked up once, for the subject, scope and period."""
        pos = q.start
        cs, before = self.clause_before(pos)
        ss, _ = self.doc.sentence_of(pos)
        para_starts = self.para_starts
        pi = bisect_left(para_starts, ss + 1) - 1
        if measure == "":
            measure = measure_of(q, before)
        if subject is None:
            subject = self._subject(pos, q.end, before, para_starts[pi - 1 if pi else 0])
        ends = self.new_ends
        k = bisect_left(ends, cs + 1)
        flow = "new" if k < len(ends) and ends[k] <= pos else ""
        # 主要预期目标是:地区生产总值增长4.5%: a target word anywhere before in the sentence
        ends = self.target_ends
        k = bisect_left(ends, (ss if ss > pos - 120 else pos - 120) + 1)
        if k < len(ends) and ends[k] <= pos or self.text.startswith(("左右", "以上"), q.end):
            modality = "target"
        else:
            modality = ""
        scope, scope_label = self.scope_at(pos, subject.modifiers, ss)
        period, source = self._period(pos, ss, para_starts[pi], True)
        return Frame(subject=subject, scope=scope, period=period, measure=measure, unit=q.unit,
                     dimension=dimension(q.unit), approx=tuple(q.approx), value=q.interval, reference=reference,
                     flow=flow, modality=modality, items=items, scope_label=scope_label, period_source=source)

    def streak_frame(self, pos: int, items: list[str], n: int) -> Frame:
        """The frame of a streak at ``pos`` about the listed ``items`` (the topic before fills generic items,
        the first item's core fills the generic items after it: 电诈发案、损失 → 电诈损失)."""
        ss, _ = self.doc.sentence_of(pos)
        topic = self._topic[1] if self._topic[0] >= self._para_start(ss) else ""
        subjects: list[Subject] = []
        for it in items:
            s = make_subject(it, "", topic)
            subjects.append(s)
            if s.core:
                topic = s.core
        # a generic item before the first specific one takes that one's core (发案、电诈损失 is rare; keep order)
        subject = subjects[0] if subjects else Subject()
        scope, label = self.scope_at(pos, subject.modifiers)
        value = Interval(Fraction(n), Fraction(n))
        # 力争粮食产量连续N年…: a planned streak is not a stated one (a target word in its own clause)
        target = self._any_in(self.target_ends, self._clause_start(pos, max(ss, pos - 40), _LAST_COMMA), pos)
        # a streak runs up to the time of writing wherever it is stated: only a period written in its own
        # paragraph dates it (2021年，…连续3年), never a section's (2025年工作回顾 / 今年的主要目标)
        return Frame(subject=subject, scope=scope, scope_label=label, period=self.period_at(pos, section=False),
                     measure="streak", value=value, items=tuple(subjects), modality="target" if target else "")


@lru_cache(maxsize=1024)
def _scope_of_modifiers(mods: tuple[str, ...]) -> Optional[tuple[str, str]]:
    """The scope a subject's own modifiers name (the innermost, last written, is the most specific):
    ``(scope, as written)``, or None."""
    v = vocab()
    for w in reversed(mods):
        if w in v.parts or w not in v.whole and PLACE.fullmatch(w):
            return w, w
        if w in v.whole:
            return v.whole[w], w
    return None


_CHANGE_KINDS = frozenset(("percent", "multiple"))  # a change after a direction word, else a rate or multiple
_MEASURE_OF_KIND = {"count": "count", "money": "amount", "measure": "quantity", "percent": "rate", "ratio": "rate"}


def measure_of(q: Quantity, text: str = "") -> str:
    """The measure a bare quantity states (count / amount / quantity / rate; change after a direction
    word such as 增长/降幅, read from ``text``, the clause before it)."""
    kind = q.kind
    if kind == "percentage_point":
        return "change"
    if kind in _CHANGE_KINDS:
        t = text.rstrip("约近超逾")
        if may_end_change(t) and vocab().change_tail.search(t):
            return "change"
    return _MEASURE_OF_KIND.get(kind, kind)


def same_frame(a: Frame, b: Frame, year: Optional[int]) -> bool:
    """Identity of two frames: compatible scope and period, same measure and dimension, similar
    subject, same flow (新增 vs 总数) and modality (a target is not a result)."""
    if not same_setting(a, b, year):
        return False
    if a.items or b.items:
        return same_items(a.items, b.items)
    return same_subject(a.subject, b.subject)


def same_setting(a: Frame, b: Frame, year: Optional[int]) -> bool:
    """Everything of ``same_frame`` but the subject: compatible scope and period, same measure,
    dimension, flow and modality."""
    if a.measure != b.measure or a.dimension != b.dimension or a.flow != b.flow or a.modality != b.modality:
        return False
    if not compatible_scopes(a.scope, b.scope):
        return False
    if a.measure == "streak":
        if not same_streak_time(a, b, year):
            return False
    elif not compatible_periods(a.period, b.period, year):
        return False
    return True


def same_streak_time(a: Frame, b: Frame, year: Optional[int]) -> bool:
    """Whether two streaks may be one statement in time: a streak runs up to the time of writing wherever
    it is stated, so only two different years written in their own paragraphs (2020年…连续3年 /
    2021年…连续4年) keep them apart; a planned streak is not a stated one."""
    if a.modality != b.modality:
        return False
    ya, yb = absolute_year(a.period, year), absolute_year(b.period, year)
    return ya is None or yb is None or ya == yb


def compatible_scopes(a: str, b: str) -> bool:
    """Unstated scope matches the document's own level (市/省); parts and named places only themselves;
    a named place matches the whole of its own level (酒泉市 ~ 全市)."""
    if a == b:
        return True
    if not a or not b:
        other = a or b
        return len(other) == 1 or (other not in vocab().parts and bool(PLACE.fullmatch(other)))
    if len(a) == 1 and len(b) > 1:
        return b not in vocab().parts and b.endswith(a)
    if len(b) == 1 and len(a) > 1:
        return a not in vocab().parts and a.endswith(b)
    return False


def bucket_key(f: Frame) -> tuple:
    """A key under which frames that may be the same are grouped (measure, dimension and the last
    character of the subject core): comparisons stay inside a bucket, never across all pairs."""
    if f.items:
        return (f.measure, f.dimension, frozenset(s.key[-1:] for s in f.items))
    key = f.subject.key
    return (f.measure, f.dimension, key[-1:] if key else "")
