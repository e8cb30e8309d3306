"""Part/whole claims, with the part markers and the total words kept as data (rules/data/frames.toml
[partwhole]).

Three forms, all giving the whole first, then the parts:

* a marker after the whole: "W…,其中P…" (其中, 当中, 经核查/经查, 包括, (含…));
* a total before a 分别 list: "A、B共计W,分别达到a、b" — the values are the parts of the total;
* a total after its parts: "A 100起、B 200起,合计300起" (parts joined by 、/和/及/与).

A whole is a countable quantity; a range or a qualifier (年龄介乎11至84岁, 第3级或以上) is not a
whole, nor a per-unit figure (每千人6.6批次).  Parts are the quantities of the same kind and
compatible unit; a group after 另外/此外 is not a part."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..document import Claim, Doc
from ..numbers.units import compatible
from ..resources import load_data_toml
from .common import QuantityIndex, Triggers, alternation as alt
from .lists import FENBIE_LEAD, values_after
from .types import PartWholeData

COUNTABLE = ("count", "money", "measure")
_CLAUSE_PUNCT = ",，;；。"
# 共计W,分别…; 共计W,三类分别… / 各项分别…: a short name of the items counted back may stand before 分别
_FENBIE = re.compile(r"(?:[,，](?P<gap>[\u4e00-\u9fff]{0,4}))?分别")
_NOT_GAP = re.compile(r"比|较|同比|环比|增|降|升|减|其余|另")  # a change or another group, not the items
PART_GAP = 16              # at most this many characters between two parts before a total


@dataclass(frozen=True)
class _PartWholeVocab:
    markers: re.Pattern
    marker_words: tuple[str, ...]  # every marker match starts with one (``Triggers``)
    not_parts: tuple[str, ...]
    qualifier: re.Pattern
    per_unit: re.Pattern
    totals: re.Pattern
    total_words: tuple[str, ...]
    joins: tuple[str, ...]


@lru_cache(maxsize=1)
def _vocab() -> _PartWholeVocab:
    d = load_data_toml("frames.toml")["partwhole"]

    return _PartWholeVocab(
        markers=re.compile(rf"(?P<m>{alt(d['parts'])})|(?<=[(（])(?P<b>{alt(d['bracket_parts'])})"),
        marker_words=tuple(d["parts"] + d["bracket_parts"]),
        not_parts=tuple(d["not_parts"]),
        qualifier=re.compile(rf"(?:{alt(d['qualifiers_after'])})"),
        per_unit=re.compile(rf"(?:{alt(d['per_unit_before'])})$"),
        totals=re.compile(alt(d["totals"])),
        total_words=tuple(d["totals"]),
        joins=tuple(d["part_joins"]),
    )


def _is_whole(text: str, q) -> bool:
    """A countable quantity that names an amount of things, not a qualifier, range or per-unit figure."""
    v = _vocab()
    if q.kind not in COUNTABLE or q.is_range or q.unit in ("岁", "周岁"):
        return False
    if v.qualifier.match(text, q.end) or v.per_unit.search(text, max(0, q.start - 5), q.start):
        return False
    return True


def _in_markup(text: str, q) -> bool:
    """A number inside a URL or an identifier (web/20201024182445/http), not prose."""
    before, after = text[q.start - 1:q.start] if q.start else "", text[q.end:q.end + 1]
    return any(ch.isascii() and (ch.isalnum() or ch in "/=&?%_.") for ch in (before, after) if ch)


def _part_of(text: str, whole, q) -> bool:
    """Whether ``q`` may be a part of ``whole``: same kind, compatible unit, itself an amount in prose."""
    return q.kind == whole.kind and compatible(q.unit, whole.unit) and not _in_markup(text, q) and _is_whole(text, q)


def _claim(whole, parts, form: str) -> Claim:
    start = min(whole.start, parts[0].start)
    end = max(whole.end, parts[-1].end)
    return Claim(id="", kind="partwhole", start=start, end=end, quantities=[whole, *parts],
                 data=PartWholeData(form=form))


def _after_marker(doc: Doc, idx: QuantityIndex, triggers: Triggers) -> list[Claim]:
    """W…,其中P1、P2: the parts after a marker, in the marker's clause."""
    v = _vocab()
    text = doc.text
    out = []
    seen: set = set()
    for m in triggers.matches(v.markers, v.marker_words):
        ss, se = doc.sentence_of(m.start())
        whole = next((q for q in idx.before(m.start(), max(ss, m.start() - 40)) if q.kind in COUNTABLE), None)
        if whole is None or m.start() - whole.end > 6 or not _is_whole(text, whole):
            continue
        if _in_markup(text, whole):
            continue
        parts = [q for q in idx.within(m.end(), se) if _part_of(text, whole, q)]
        if not parts:
            continue
        lead = text[m.end():parts[0].start]
        if any(w in lead for w in v.not_parts) or any(ch in lead[1:] for ch in ",，;；"):
            continue  # the part must follow its marker in the same clause (其中,A 100起 is fine)
        listed = [parts[0]]
        for q in parts[1:]:
            between = text[listed[-1].end:q.start]
            if len(between) <= 8 and any(j in between for j in v.joins) and not any(ch in between for ch in ",，;。"):
                listed.append(q)  # 其中A100起、B200起, 当中32名男子及13名女子: an enumeration of parts
            else:
                break
        key = (whole.start, tuple(q.start for q in listed))
        if key in seen:
            continue  # 其中包括 / 当中包括: two markers, one statement
        seen.add(key)
        out.append(_claim(whole, listed, m.group(0)))
    return out


def _totals(doc: Doc, idx: QuantityIndex, triggers: Triggers) -> list[Claim]:
    """A total word (共计, 合计, 总计) and its quantity, with the parts of a 分别 list after it or of a
    list of amounts before it."""
    v = _vocab()
    text = doc.text
    out = []
    for m in triggers.matches(v.totals, v.total_words):
        whole = idx.starting_at(m.end(), slack=2)
        if whole is None or whole.start - m.end() > 2 or not _is_whole(text, whole) or _in_markup(text, whole):
            continue
        if any(ch in text[m.end():whole.start] for ch in _CLAUSE_PUNCT):
            continue
        ss, se = doc.sentence_of(m.start())
        parts = _fenbie_parts(text, idx, whole, se)
        if parts is None:
            parts = _parts_before(text, idx, whole, m.start(), ss)
        if parts:
            out.append(_claim(whole, parts, m.group(0)))
    return out


def _fenbie_parts(text: str, idx: QuantityIndex, whole, se: int):
    """共计W,分别达到a、b: the values of the 分别 list right after the total, when all are amounts of
    its kind (a list of rates or changes is about something else)."""
    f = _FENBIE.match(text, whole.end)
    if f is None or (f.group("gap") and _NOT_GAP.search(f.group("gap"))):
        return None
    values = values_after(idx.starting_at, text, f.end(), se, lead=FENBIE_LEAD)
    if not values or not all(_part_of(text, whole, q) for q in values):
        return None
    return values


def _parts_before(text: str, idx: QuantityIndex, whole, total_start: int, ss: int):
    """A 100起、B 200起,合计300起: at least two amounts of the total's kind in the clause before it
    (ending at a comma just before the total word), each joined to the next by 、/和/及/与."""
    v = _vocab()
    lead = text[max(ss, total_start - 5):total_start]
    comma = max(lead.rfind(","), lead.rfind("，"))
    if comma < 0 or any(not ("\u4e00" <= ch <= "\u9fff") for ch in lead[comma + 1:]):
        return None  # the total opens its clause (…,合计 / …,两项合计)
    clause_end = total_start - (len(lead) - comma)
    parts = []
    pos = clause_end
    for q in idx.before(clause_end, max(ss, clause_end - 200)):
        between = text[q.end:pos]
        if len(between) > PART_GAP or any(ch in between for ch in _CLAUSE_PUNCT):
            break
        if parts and not any(j in between for j in v.joins):
            break
        if not _part_of(text, whole, q):
            break
        parts.append(q)
        pos = q.start
    if len(parts) < 2:
        return None
    return parts[::-1]


def trigger_words() -> tuple[str, ...]:
    """The words every part/whole statement starts from: its markers and total words."""
    v = _vocab()
    return v.marker_words + v.total_words


def build(doc: Doc, idx: QuantityIndex, triggers: Triggers) -> list[Claim]:
    """Claims of kind ``partwhole`` with the whole first, then the parts (``idx``, ``triggers``: the
    quantities by position and the trigger words' positions)."""
    return sorted(_after_marker(doc, idx, triggers) + _totals(doc, idx, triggers), key=lambda c: (c.start, c.end))
