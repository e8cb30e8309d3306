"""Part/whole claims: "W…,其中P…" with the part markers kept as data (其中, 经核查/经查, 包括, (含…)).

A whole is a countable quantity just before the marker; a range or a qualifier (年龄介乎11至84岁,
第3级或以上) is not a whole, nor a per-unit figure (每千人6.6批次).  Parts are the quantities of the
same kind and compatible unit after the marker, joined by 、; a group after 另外/此外 is not a part."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Claim, Doc
from ..numbers.units import compatible
from ..resources import load_data_toml
from .common import QuantityIndex
from .types import PartWholeData

COUNTABLE = ("count", "money", "measure")


@lru_cache(maxsize=1)
def _vocab():
    d = load_data_toml("frames.toml")["partwhole"]

    def alt(ws):
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    markers = re.compile(rf"(?P<m>{alt(d['parts'])})|(?<=[(（])(?P<b>{alt(d['bracket_parts'])})")
    return (markers, tuple(d["not_parts"]), re.compile(rf"(?:{alt(d['qualifiers_after'])})"),
            re.compile(rf"(?:{alt(d['per_unit_before'])})$"))


def _is_whole(text: str, q) -> bool:
    """A countable quantity that names an amount of things, not a qualifier, range or per-unit figure."""
    _, _, qualifier, per_unit = _vocab()
    if q.kind not in COUNTABLE or q.is_range or q.unit in ("岁", "周岁"):
        return False
    if qualifier.match(text, q.end) or per_unit.search(text, max(0, q.start - 5), q.start):
        return False
    return True


def _in_markup(text: str, q) -> bool:
    """A number inside a URL or an identifier (web/20201024182445/http), not prose."""
    before, after = text[q.start - 1:q.start] if q.start else "", text[q.end:q.end + 1]
    return any(ch.isascii() and (ch.isalnum() or ch in "/=&?%_.") for ch in (before, after) if ch)


def build(doc: Doc) -> list[Claim]:
    """Claims of kind ``partwhole`` with the whole first, then the parts."""
    markers, not_parts, _, _ = _vocab()
    idx = QuantityIndex(doc.quantities)
    text = doc.text
    out = []
    for m in markers.finditer(text):
        ss, se = doc.sentence_of(m.start())
        whole = next((q for q in idx.before(m.start(), max(ss, m.start() - 40)) if q.kind in COUNTABLE), None)
        if whole is None or m.start() - whole.end > 6 or not _is_whole(text, whole):
            continue
        if _in_markup(text, whole):
            continue
        parts = [q for q in idx.within(m.end(), se) if q.kind == whole.kind and compatible(q.unit, whole.unit)
                 and not _in_markup(text, q) and _is_whole(text, q)]
        if not parts:
            continue
        lead = text[m.end():parts[0].start]
        if any(w in lead for w in not_parts) or any(ch in lead[1:] for ch in ",，;；"):
            continue  # the part must follow its marker in the same clause (其中,A 100起 is fine)
        listed = [parts[0]]
        for q in parts[1:]:
            between = text[listed[-1].end:q.start]
            if len(between) <= 8 and "、" in between and not any(ch in between for ch in ",，;。"):
                listed.append(q)  # 其中A100起、B200起: an enumeration of parts
            else:
                break
        out.append(Claim(id="", kind="partwhole", start=whole.start, end=listed[-1].end,
                         quantities=[whole, *listed], data=PartWholeData(form=m.group(0))))
    return out
