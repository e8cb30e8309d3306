"""Claim builders: turn quantities and their context into typed claims.

Order matters only where one kind reads another (trends read changes)."""
from __future__ import annotations

from functools import lru_cache
from operator import attrgetter

from ..document import Claim, Doc
from ..options import CheckOptions
from . import change, partwhole, period, rate, respective, streak, trend
from ..numbers.units import dimension
from .frame import FrameReader
from .frame_vocab import vocab
from .subject import make_subject
from .pubdate import detect_year
from .common import QuantityIndex, Triggers
from .types import ClaimData

_ORDER = attrgetter("start", "end", "kind")  # claims in document order
_BUILDERS = (change, respective, trend, streak, period, rate, partwhole)


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Every builder's trigger words (each module's ``trigger_words``)."""
    return frozenset(w for b in _BUILDERS for w in b.trigger_words())


def build_claims(doc: Doc, options: CheckOptions) -> None:
    """Fill ``doc.claims`` (ids c1…cn in document order) and the publication year."""
    doc.year, doc.year_source = detect_year(doc.text, doc.source, options.year)
    claims: list[Claim] = []
    # built once for every builder: the quantities by position, and where the builders' trigger words
    # start (one pass over the text); each builder then looks only where its own words are
    idx = QuantityIndex(doc.quantities)
    triggers = Triggers(doc.text, _trigger_words())
    changes = change.build(doc, idx, triggers)
    lists = respective.build(doc, idx, triggers)
    claims += changes
    claims += trend.build(doc, changes, lists, idx, triggers)
    claims += streak.build(doc, triggers)
    claims += period.build(doc, triggers)
    claims += rate.build(doc, idx, triggers)
    claims += partwhole.build(doc, idx, triggers)
    claims += lists
    covered = {id(q) for c in claims for q in c.quantities}
    # positional arguments and the data made here: the dataclass defaults cost more (thousands of claims)
    claims += [Claim("", "quantity", q.start, q.end, [q], ClaimData())
               for q in doc.quantities if id(q) not in covered]
    claims.sort(key=_ORDER)
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    doc.claims = claims
    attach_frames(doc)


_MEASURE_OF_KIND = {"change": "change", "rate": "rate", "respective": "enumeration", "streak": "streak"}
_NO_FRAME = frozenset(("year", "date", "duration"))  # bare years, dates and durations state no figure


def attach_frames(doc: Doc) -> None:
    """Give every claim with a quantity its frame, in document order (topics carry forward)."""
    reader = FrameReader(doc)
    frame = reader.frame
    text = doc.text
    qualifier_rx = vocab().rx["change_qualifier"]
    for c in doc.claims:
        kind = c.kind
        if kind == "quantity":  # most claims: a bare quantity, its measure read from the clause
            if c.quantities and c.quantities[0].kind not in _NO_FRAME:
                c.frame = frame(c.quantities[0], "")
            continue
        if kind == "streak":
            c.frame = reader.streak_frame(c.data.streak_start, c.data.items, c.data.n)
            continue
        if not c.quantities:
            continue
        q = c.quantities[0]
        measure = _MEASURE_OF_KIND.get(kind) or ""  # "": read from the clause (count, rate, change …)
        if kind == "change":
            amount = c.quantities[-1] if len(c.quantities) > 1 or q.kind == "percent" else None
            subject = None
            if c.data.form == "reference" and q.end <= c.data.ref_start:
                # a subject written between the value and the reference wins (…10.7% 实现营业收入同比增7%);
                # a note in brackets after the value is none (28093.6亿元(人民币,下同),同比增长7.3%)
                own = make_subject(text[q.end:c.data.ref_start].lstrip(",，、 "), "", "")
                if own.specific and not reader.text[q.end:c.data.ref_start].startswith((",", "，", "(", "（")):
                    subject = own
            f = frame(q, measure, reference=c.data.reference, subject=subject)
            if amount is not None:  # the frame of the amount changed by (the frame is new: set in place)
                qualifier = qualifier_rx.search(text, reader.clause_before(amount.start)[0], amount.start)
                f.value, f.unit, f.dimension = amount.interval, amount.unit, dimension(amount.unit)
                f.measure = f"change:{qualifier.group(0)}" if qualifier else "change"  # 年均增长
            c.frame = f
        else:
            c.frame = frame(q, measure)
