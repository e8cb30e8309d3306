"""Part/whole claims: "W…,其中P…" and "共/合计 N…分别为a、b、c"."""
from __future__ import annotations

import re

from ..document import Claim, Doc
from ..numbers.units import compatible
from .common import QuantityIndex
from .types import PartWholeData

_QIZHONG = re.compile(r"其中")
_TOTAL = re.compile(r"(?:共计|合计|总计|共)")
COUNTABLE = ("count", "money", "measure")


def build(doc: Doc) -> list[Claim]:
    """Claims of kind ``partwhole`` with the whole first, then the parts."""
    idx = QuantityIndex(doc.quantities)
    text = doc.text
    out = []
    for m in _QIZHONG.finditer(text):
        ss, se = doc.sentence_of(m.start())
        whole = next((q for q in idx.before(m.start(), max(ss, m.start() - 40)) if q.kind in COUNTABLE), None)
        if whole is None or m.start() - whole.end > 6:
            continue
        parts = [q for q in idx.within(m.end(), se) if q.kind == whole.kind and compatible(q.unit, whole.unit)]
        if not parts:
            continue
        listed = [parts[0]]
        for q in parts[1:]:
            between = text[listed[-1].end:q.start]
            if len(between) <= 8 and "、" in between and not any(ch in between for ch in ",，;。"):
                listed.append(q)  # 其中A100起、B200起: an enumeration of parts
            else:
                break
        out.append(Claim(id="", kind="partwhole", start=whole.start, end=listed[-1].end,
                         quantities=[whole, *listed], data=PartWholeData(form="其中")))
    return out
