"""Restated figures: one frame stated twice with values that cannot both hold.

Two statements are paired when their values are disjoint intervals (the written rounding and
approximation words decide, exactly) and their identity holds by one of two kinds of evidence:

* the frame: ``same_frame`` (compatible scope and period, one measure, dimension, flow and modality)
  and the same subject after synonyms (法律援助案件 … 法律援助案件);
* the wording: the same sentence words up to the number (one a tail of the other, at least
  ``MIN_WORDING`` Han characters, discourse leads such as 据统计 set aside) and the same noun after
  it, with frames that agree on everything but the subject (香港岛录得381,330人投票 … 38.6万人投票).

The identity is *strong* when the two statements say the same in the same words: both kinds of
evidence hold, or the frame's subject, scope and period are written alike; an error then.  Anything
weaker (synonyms, 今年以来 … 全年, an approximate value, wording alone) is a warning.

Statements are bucketed (frame: ``bucket_key``; wording: its last characters) and each is compared
with at most ``MAX_COMPARED`` earlier distinct statements of its bucket: linear in the document."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import islice
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from ...claims.frame import (
    Frame,
    Period,
    bucket_key,
    measure_of,
    same_frame,
    same_setting,
)
from ...claims.subject import Subject
from ...evidence import quote
from ...numbers import Interval, Quantity
from ...numbers.units import dimension
from ...resources import load_data_toml
from ..labels import related_label
from ..registry import kind

MAX_COMPARED = 50   # earlier distinct statements of one bucket each statement is compared with
MAX_HEAD = 64       # characters of a sentence before a number that its wording is read from
MIN_WORDING = 8     # Han characters two sentence heads share before the wording alone identifies a figure
_QUOTES = "“”\"‘’「」『』《》 \t\u3000"
_QUOTE_RX = re.compile("[" + re.escape(_QUOTES) + "]")  # (a regex deletes faster than str.translate)
_HAN_RUN = re.compile("[\u4e00-\u9fff]*")
_WORDED = re.compile("(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){%d}" % MIN_WORDING)  # MIN_WORDING Han characters


@dataclass(slots=True)
class Statement:
    """One stated value: its claim, the quantity, its frame, the sentence words before the number
    (``head``, discourse leads set aside) and the noun right after it (``noun``)."""

    claim: object
    quantity: Quantity
    frame: Frame
    head: str
    noun: str
    sentence: tuple[int, int]
    worded: bool  # ``head`` holds ``MIN_WORDING`` Han characters or more: its words may identify a figure
    kin: Optional[int] = None  # set by ``restatement_pairs``: statements alike in all ``strength`` reads

    def likeness(self) -> tuple:
        """Everything ``strength`` and ``contradict`` read of this statement but its sentence: two statements
        alike in it (a figure written again in the same words) weigh the same against any third.  Numbers
        count by identity: the reader shares one object per written number, and a ``Fraction`` is slow to
        hash; two equal numbers that are different objects are only weighed apart, never confused."""
        f, q = self.frame, self.quantity
        return (f.subject, f.scope, f.period, f.measure, f.unit, f.dimension, f.approx, id(f.value), f.reference,
                f.flow, f.modality, f.items, f.scope_label, f.period_source, self.head, self.noun, self.worded,
                q.approx, id(q.interval), q.is_range, id(q.high), id(q.value), id(q.step))

    @property
    def exact(self) -> bool:
        """Written without an approximation word (约, 余, 超过 …)."""
        return not self.quantity.approx

    def ends(self) -> tuple[Interval, ...]:
        """What each written end admits: one interval, or for a range (增长4.5%—5%, 25亿至30亿) one per
        end, each at the precision the range is written to (that of its upper end)."""
        q = self.quantity
        if not q.is_range or q.high is None:
            return (q.interval,)
        return Interval.rounded(q.value, q.step), Interval.rounded(q.high, q.step)


def contradict(a: Statement, b: Statement) -> bool:
    """The two values cannot both hold: disjoint intervals; two ranges whose low or high ends are
    disjoint; a value outside a range."""
    qa, qb = a.quantity, b.quantity
    if qa.is_range and qa.high is not None and qb.is_range and qb.high is not None:
        return any(x.disjoint(y) for x, y in zip(a.ends(), b.ends()))
    return qa.interval.disjoint(qb.interval)


@lru_cache(maxsize=1)
def set_names() -> frozenset[str]:
    """Units that name a set, not a value (八类案件, 四级网格): frames.toml [restatement] set_names."""
    return frozenset(load_data_toml("frames.toml")["restatement"]["set_names"])


@lru_cache(maxsize=1)
def _leads() -> tuple[str, ...]:
    """Words that open a restating sentence without changing what it says (据统计, 数据显示)."""
    words = load_data_toml("frames.toml")["restatement"]["leads"]
    return tuple(sorted(words, key=len, reverse=True))


def sentence_head(text: str, start: int, pos: int) -> str:
    """The sentence words from ``start`` up to ``pos``, without quotes and spaces and with discourse
    leads (据统计，) taken off the start, repeatedly; at most the last ``MAX_HEAD`` characters (heads are
    compared by their tails: a long sentence with no end costs no more per number)."""
    head = _QUOTE_RX.sub("", text[max(start, pos - MAX_HEAD):pos])
    leads = _leads()
    changed = head.startswith(leads)  # most heads open with none: one look
    while changed:
        changed = False
        for w in leads:
            if head.startswith(w):
                head = head[len(w):].lstrip(",，:：")
                changed = True
    return head


def noun_after(text: str, pos: int, limit: int = 6) -> str:
    """The Han characters right after a number (381,330人投票 → 投票), up to a boundary."""
    return _HAN_RUN.match(text, pos, pos + limit).group()


def statement(doc, claim, q: Quantity, frame: Frame) -> Statement:
    """The statement of quantity ``q`` of ``claim`` read with ``frame``; its head runs from the start of
    the whole sentence (a semicolon joins clauses of one sentence: …同比增长12.7%；两年平均增长7.0%)."""
    text = doc.text
    ss, se = doc.sentence_of(q.start)
    start = ss
    for _ in range(3):  # (a head is read from at most MAX_HEAD characters: no look further back)
        if start == 0 or start <= q.start - MAX_HEAD or text[start - 1] not in ";；":
            break
        start, _ = doc.sentence_of(start - 1)
    head = sentence_head(text, start, q.start)
    return Statement(claim, q, frame, head, noun_after(text, q.end), (ss, se), _WORDED.match(head) is not None)


# ----------------------------------------------------------------------------- identity

_LOCAL = ("sentence", "paragraph")  # a period read in the statement's own sentence or paragraph


def _local(f: Frame) -> bool:
    return f.period_source in _LOCAL


def _current(p: Period, year: Optional[int]) -> bool:
    """The document's own time: this year (今年, 全年) or the publication year written out."""
    return not p.span and (p.relative == 0 or (p.year is not None and p.year == year))


def frame_identity(a: Statement, b: Statement, year: Optional[int], timed: bool = True) -> bool:
    """The frames name one figure: ``same_frame`` and one subject of their own (after synonyms), specific
    enough.  When neither names its scope, a period read far away (an earlier paragraph, the heading) that
    is not the document's own time ties nothing to one entity: a story that tours several places and
    times states each one's 森林覆盖率.  With ``timed``, both must state or inherit a period (a stock
    without a time is not one figure)."""
    fa, fb = a.frame, b.frame
    if not (fa.subject.core and fb.subject.core and fa.subject.key == fb.subject.key and fa.specific and fb.specific):
        return False
    if timed and not (fa.period.known and fb.period.known):
        return False  # a figure with no time stated or inherited is identified by its words only
    if not (fa.scope or fb.scope) and not (_local(fa) and _local(fb)) \
            and not (_current(fa.period, year) and _current(fb.period, year)):
        return False
    return same_frame(fa, fb, year)


def wording_identity(a: Statement, b: Statement, year: Optional[int]) -> bool:
    """The sentences say it in the same words (one head a tail of the other, long enough, the same noun
    after the number) and the frames agree on all but the subject."""
    short, long_ = (a, b) if len(a.head) <= len(b.head) else (b, a)
    if not short.worded or not long_.head.endswith(short.head) or a.noun != b.noun:
        return False
    return same_setting(a.frame, b.frame, year)


def strength(a: Statement, b: Statement, year: Optional[int], timed: bool = True) -> str:
    """"strong", "weak" or "" (not the same figure) for two statements in different sentences."""
    if a.sentence == b.sentence:
        return ""  # two values in one sentence are two things (a total and a part, two years)
    return _weigh(a, b, year, timed)


def _weigh(a: Statement, b: Statement, year: Optional[int], timed: bool) -> str:
    """``strength`` of two statements taken to be in different sentences: it reads only their likeness."""
    by_frame = frame_identity(a, b, year, timed)
    by_words = wording_identity(a, b, year)
    if not (by_frame or by_words):
        return ""
    fa, fb = a.frame, b.frame
    alike = (by_frame and _written(fa.subject.text) == _written(fb.subject.text)
             and fa.scope_label == fb.scope_label and fa.period.label == fb.period.label)
    local = _local(fa) and _local(fb)
    # a place must be read on both sides: two statements with no scope may be about two places
    # (金塔县：… / 玉门市：…) that the frame could not name
    scoped = bool(fa.scope) and bool(fb.scope)
    return "strong" if a.exact and b.exact and local and scoped and ((by_frame and by_words) or alike) else "weak"


def _written(text: str) -> str:
    """A phrase as written, without quotes and spaces (synonyms are not the same words)."""
    return _QUOTE_RX.sub("", text)


def _interval_key(iv: Interval) -> object:
    """A key equal for two intervals exactly when their written forms (``str``) are: the integers of
    the bounds when every bound is a terminating decimal (written exactly), else the text itself."""
    lo, hi = iv.lo, iv.hi
    if (lo is None or _terminates(lo.denominator)) and (hi is None or _terminates(hi.denominator)):
        return (None if lo is None else (lo.numerator, lo.denominator),
                None if hi is None else (hi.numerator, hi.denominator), iv.lo_closed, iv.hi_closed)
    return str(iv)


@lru_cache(maxsize=256)
def _terminates(d: int) -> bool:
    """Whether 1/d is a terminating decimal (d has no prime factor but 2 and 5)."""
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    return d == 1


def restatement_pairs(statements: list[Statement], year: Optional[int],
                      group: Callable[[Statement], object] = lambda s: (),
                      timed: bool = True) -> Iterator[tuple[Statement, Statement, str]]:
    """``(earlier, later, strength)`` for statements of one figure whose values cannot both hold.

    Each statement is looked up in its frame bucket and its wording bucket, compared in document order
    with at most ``MAX_COMPARED`` earlier distinct statements of each, and paired with the first it
    contradicts: every contradicting statement is reported once, never n² findings."""
    seen_at: set = set()
    todo = []
    for s in sorted(statements, key=_start_of):
        q = s.quantity
        at = (q.start, q.end)
        if at in seen_at:
            continue  # one number read by two claims is one statement
        seen_at.add(at)
        s.kin = None
        f = s.frame
        g = group(s)
        if s.worded:
            todo.append((s, (("frame", g, bucket_key(f)), ("words", g, f.measure, f.dimension, s.head[-MIN_WORDING:]))))
        else:
            todo.append((s, (("frame", g, bucket_key(f)),)))
    # how many statements each bucket has still to see: a bucket nobody looks into later is not filled
    left = Counter(key for _, keys in todo for key in keys)
    buckets: dict = {}
    # a figure written again in the same words (its likeness, numbered in ``kinship``) weighs the same
    # against every entry of a bucket: what its kin came to is kept per bucket, and only the entries added
    # since are weighed (a report that repeats itself is not compared pair by pair again)
    kinship: dict = {}
    weighed: dict = {}   # (bucket key, kin) → [entries weighed, the contradicting (entry, strength) in order]
    for s, keys in todo:
        found = None
        for key in keys:
            seen = buckets.get(key)
            if seen is None:
                continue
            if s.kin is None:
                s.kin = kinship.setdefault(s.likeness(), len(kinship))
            done = weighed.setdefault((key, s.kin), [0, []])
            if done[0] < len(seen):
                for e in islice(seen.values(), done[0], None):
                    st = _weigh(e, s, year, timed)  # rarely the same figure: asked before the values
                    if st and contradict(e, s):
                        done[1].append((e, st))
                done[0] = len(seen)
            # the first in bucket order that is not in this statement's own sentence
            found = next(((e, st) for e, st in done[1] if e.sentence != s.sentence), None)
            if found:
                break
        if found:
            yield found[0], s, found[1]
        signature = None
        for key in keys:
            left[key] -= 1
            if not left[key]:
                continue
            seen = buckets.setdefault(key, {})
            if len(seen) < MAX_COMPARED:
                if signature is None:
                    f = s.frame
                    signature = (f.subject.key, f.subject.attr, f.scope, f.period,
                                 f.flow, s.head[-MIN_WORDING:], _interval_key(s.quantity.interval))
                seen.setdefault(signature, s)


def _start_of(s: Statement) -> int:
    return s.quantity.start


# ----------------------------------------------------------------------------- what is compared

def value_frame(c) -> Optional[Frame]:
    """The frame of the value a claim states (a change claim's base value, a rate, or a bare quantity)."""
    if c.frame is None or not c.quantities:
        return None
    q = c.quantities[0]
    if c.kind == "change":
        if q.kind not in ("count", "money", "measure") or len(c.quantities) < 2 or c.data.form != "reference":
            return None
        return replace(c.frame, measure=measure_of(q), unit=q.unit, dimension=dimension(q.unit),
                       value=q.interval, reference="")
    if c.kind == "rate":
        return c.frame if q.kind == "percent" else None
    if c.kind != "quantity" or c.frame.measure not in ("count", "amount", "quantity"):
        return None
    return c.frame


def _stated_values(c) -> list[tuple[Quantity, Frame]]:
    """The values a claim states, each with its frame, for restatements: ``value_frame``'s; the end value
    of a from-to change (从3826.5亿元增长到4398.6亿元 states 4398.6亿元, of the year it names) and its start
    (of the year it names, else of no known time); a bare change in percentage points (降幅收窄11.3个
    百分点); the whole and the parts of a part/whole claim.  A value whose subject is not read here (a
    percentage-point change names what changed a clause before: 食品同比上涨2.9%,涨幅比上月扩大0.6个
    百分点; a part) has an empty subject: only the same sentence words identify it."""
    f = c.frame
    if f is None or not c.quantities:
        return []
    if c.kind == "change" and c.data.form == "from-to" and len(c.quantities) >= 2:
        a, b = c.quantities[0], c.quantities[1]
        if b.kind not in ("count", "money", "measure"):
            return []
        d = c.data
        to = Period(label=f"{d.to_year}年", year=d.to_year) if d.to_year is not None else f.period
        since = Period(label=f"{d.from_year}年", year=d.from_year) if d.from_year is not None else Period()
        return [(a, _as_value(f, a, period=since, subject=Subject())), (b, _as_value(f, b, period=to))]
    if c.kind == "quantity" and f.measure == "change" and c.quantities[0].kind == "percentage_point":
        return [(c.quantities[0], replace(f, subject=Subject()))]
    if c.kind == "partwhole":
        whole, parts = c.quantities[0], c.quantities[1:]
        out = [(whole, _as_value(f, whole))] if whole.kind in ("count", "money", "measure") else []
        return out + [(p, _as_value(f, p, subject=Subject())) for p in parts if p.kind in ("count", "money", "measure")]
    vf = value_frame(c)
    return [(c.quantities[0], vf)] if vf is not None else []


def _as_value(f: Frame, q: Quantity, **changes) -> Frame:
    """Frame ``f`` read as the frame of the stated value ``q``."""
    return replace(f, measure=measure_of(q), unit=q.unit, dimension=dimension(q.unit), value=q.interval,
                   reference="", **changes)


def _value_statements(doc, c) -> list[Statement]:
    """The statements of the values ``c`` states that are figures that can be restated: a unit, an
    interval bounded on one side at least (超过1300亿元), not a name (“三个口袋”, 八类案件)."""
    out = []
    text = doc.text
    for q, f in _stated_values(c):
        if q.unit in set_names() or q.unit is None or (q.interval.lo is None and q.interval.hi is None):
            continue
        if q.start > 0 and text[q.start - 1] in "“「『《\"":
            continue  # a number in a name
        if f.subject.core and _after_list(text, q.start - len(f.subject.text)):
            continue  # the count after a list (A、B4个电站)
        s = statement(doc, c, q, f)
        if not f.subject.core and not s.worded:
            continue
        out.append(s)
    return out


def _after_list(text: str, clause_start: int) -> bool:
    """Whether a clause opens after 、 with a list item before it that states no number of its own (A、B4个
    电站 counts A and B; 确诊逾7300宗、死亡个案131宗 lists two figures)."""
    if text[max(0, clause_start - 1):clause_start] != "、":
        return False
    i = clause_start - 1
    while i > 0 and clause_start - i < 30 and text[i - 1] not in ",，;；:：。！？\n、":
        i -= 1
    return not any(ch.isdigit() for ch in text[i:clause_start])


def _change_statement(doc, c) -> Optional[Statement]:
    """The statement of the amount of a change (同比下降7.9%, 涨幅回落14.9个百分点), when it can be
    restated: a percent or percentage points, a stated comparison (not 从A到B), not 分别."""
    d = c.data
    if d.amount_kind not in ("percent", "percentage_point") or d.to_form or d.form != "reference" or c.frame is None:
        return None
    q = c.quantities[-1]
    if "分别" in doc.text[max(0, q.start - 8):q.start]:
        return None
    s = statement(doc, c, q, c.frame)
    if not c.frame.subject.key and not s.worded:
        return None
    return s


def _severity(st: str) -> str:
    return "error" if st == "strong" else "warning"


@kind("conflict")
def run_conflict(ctx) -> None:
    """The same frame (subject, scope, period) and reference changed by amounts that cannot both hold."""
    doc = ctx.doc
    stmts = [s for c in doc.claims if c.kind == "change" for s in [_change_statement(doc, c)] if s is not None]
    def group(s: Statement) -> tuple:  # one reference, direction and kind of amount (% vs 个百分点)
        d = s.claim.data
        return d.reference, d.direction, d.amount_kind

    for a, b, st in restatement_pairs(stmts, doc.year, group, timed=False):
        ca, cb = a.claim, b.claim
        ctx.emit(cb.start, cb.end, {"first": quote(doc, ca.start, ca.end), "second": quote(doc, cb.start, cb.end)},
                 related=[(ca.start, ca.end, related_label("other", ctx.options.lang))], claims=[ca.id, cb.id], severity=_severity(st),
                 evidence={"about": a.frame.about(), "other_about": b.frame.about(), "identity": st})


_VALUE_KINDS = frozenset(("quantity", "change", "rate", "partwhole"))


@kind("restated")
def run_restated(ctx) -> None:
    """One frame (subject, scope, period, flow) stated twice with values that disagree beyond
    their rounding (今年以来办理法律援助案件462件 … 全年法律援助案件426件)."""
    doc = ctx.doc
    stmts = [s for c in doc.claims if c.kind in _VALUE_KINDS for s in _value_statements(doc, c)]
    for a, b, st in restatement_pairs(stmts, doc.year):
        qa, qb = a.quantity, b.quantity
        ctx.emit(qb.start, qb.end, {"first": quote(doc, qa.start, qa.end), "second": quote(doc, qb.start, qb.end),
                                    "about": b.frame.about(ctx.options.lang)},
                 related=[(qa.start, qa.end, related_label("other", ctx.options.lang))], claims=[a.claim.id, b.claim.id], severity=_severity(st),
                 evidence={"about": a.frame.about(), "values": [str(qa.interval), str(qb.interval)], "identity": st})
