"""分别 lists ("A、B、C分别下降x、y、z") and enumerations with a stated count
("省、市、县、乡四级")."""
from __future__ import annotations

import re

from ..document import Claim, Doc
from .common import NUM, QuantityIndex, small_number

_ITEMS = r"(?P<items>(?:[\u4e00-\u9fff“”\"]{1,12}[、和及与])+[\u4e00-\u9fff“”\"]{1,12}?)"
_FENBIE = re.compile(_ITEMS + r"(?:的[\u4e00-\u9fff]{1,6})?分别(?:为|是|达|达到|下降|增长|上升|减少|增加|提高|降低)?")
_ENUM = re.compile(rf"(?<![\u4e00-\u9fff])(?P<items>(?:[\u4e00-\u9fff]{{1,4}}、)+[\u4e00-\u9fff]{{1,4}})(?P<n>{NUM})(?P<u>级|个|类|项|大|方面|家)")


def _split_items(items: str) -> list[str]:
    parts = re.split(r"[、]|(?<=[\u4e00-\u9fff”])(?:和|及|与)(?=[\u4e00-\u9fff“])", items)
    return [p for p in parts if p]


def build(doc: Doc) -> list[Claim]:
    """``respective`` claims with the item and value counts."""
    idx = QuantityIndex(doc.quantities)
    text = doc.text
    out = []
    for m in _FENBIE.finditer(text):
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
    for m in _ENUM.finditer(text):
        items = m.group("items").split("、")
        n = small_number(m.group("n"))
        if n is None or n > 12 or "等" in m.group("items"):
            continue
        if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in "、"):
            continue
        # drop a leading word that is not an item (全省、…): keep the last n_items
        out.append(Claim(id="", kind="respective", start=m.start(), end=m.end(),
                         data={"form": "enumeration", "items": items, "n_items": len(items), "n_stated": n}))
    return out
