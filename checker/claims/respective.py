"""分别 lists ("A、B、C分别下降x、y、z") and enumerations with a stated count
("省、市、县、乡四级")."""
from __future__ import annotations

import re

from ..document import Claim, Doc
from .common import NUM, QuantityIndex, small_number

# each "item + separator" is atomic and there are at most 24: the item class contains the separators
# 和/及/与, so a free ``+`` would try every way of cutting a run of 和 into items (exponential time)
_ITEMS = r"(?P<items>(?>[\u4e00-\u9fff“”\"]{1,12}[、和及与]){1,24}[\u4e00-\u9fff“”\"]{1,12}?)"
_FENBIE = re.compile(_ITEMS + r"(?:的[\u4e00-\u9fff]{1,6})?分别(?:为|是|达|达到|下降|增长|上升|减少|增加|提高|降低)?")
# the last item of an enumeration and the count after it: "…、乡四级"; earlier items are walked back
_ENUM_TAIL = re.compile(rf"(?<=、)(?P<last>[\u4e00-\u9fff]{{1,4}}?)(?P<n>{NUM})(?P<u>级|类|大类|方面)")


def _items_before(text: str, pos: int, last: str) -> list[str] | None:
    """Items of "A、B、C、" ending at ``pos`` (just after a 、).  Each item is one to four Han
    characters; where the first item runs into the words before it (实现市、县、乡), it is taken to be
    as long as its neighbour.  None when this is a list of quantities, not an enumeration."""
    items: list[str] = []
    end = pos - 1  # the 、
    while True:
        start = end
        while start > 0 and end - start < 8 and "\u4e00" <= text[start - 1] <= "\u9fff":
            start -= 1
        if start == end or (start > 0 and text[start - 1].isdigit()):
            return None
        bounded = start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff")
        segment = text[start:end]
        if bounded and len(segment) <= 4:
            items.insert(0, segment)
            if start > 0 and text[start - 1] == "、":
                end = start - 1
                continue
        else:
            neighbour = items[0] if items else last
            items.insert(0, segment[-len(neighbour):])
        if "等" in "".join(items):
            return None
        return items


def _split_items(items: str) -> list[str]:
    parts = re.split(r"[、]|(?<=[\u4e00-\u9fff”])(?:和|及|与)(?=[\u4e00-\u9fff“])", items)
    return [p for p in parts if p]


def build(doc: Doc) -> list[Claim]:
    """``respective`` claims with the item and value counts."""
    idx = QuantityIndex(doc.quantities)
    text = doc.text
    out = []
    for m in (_FENBIE.finditer(text) if "分别" in text else ()):
        items = _split_items(m.group("items"))
        ss, se = doc.sentence_of(m.start())
        values = []
        pos = m.end()
        while True:
            q = idx.starting_at(pos, slack=1)
            if q is None or q.start >= se:
                break
            values.append(q)
            if not text.startswith(("、", "和", ","), q.end):
                break
            pos = q.end + 1
        if not values or len(items) < 2:
            continue
        if values and text[values[-1].end:values[-1].end + 1] == "等":
            continue
        out.append(Claim(id="", kind="respective", start=m.start(), end=values[-1].end, quantities=values,
                         data={"form": "分别", "items": items, "n_items": len(items), "n_values": len(values)}))
    for m in _ENUM_TAIL.finditer(text):
        n = small_number(m.group("n"))
        if n is None or n < 2 or n > 12:
            continue
        items = _items_before(text, m.start("last"), m.group("last"))
        if items is None:
            continue
        items.append(m.group("last"))
        start = m.start("last") - sum(len(x) + 1 for x in items[:-1])
        out.append(Claim(id="", kind="respective", start=start, end=m.end(),
                         data={"form": "enumeration", "items": items, "n_items": len(items), "n_stated": n}))
    return out
