"""Rate and share claims: …率 P%, 占比 P%, 满意度 P%, 三成."""
from __future__ import annotations

import re

from ..document import Claim, Doc
from .common import QuantityIndex

_RATE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{0,8}?(?:率|占比|比例|比重|满意度|覆盖面|知晓率|安全感))"
    r"(?:均|都|分别)?(?:常年|多年|始终|一直)?(?:保持在|保持|提升至|提升到|提高至|提高到|提至|达到|达|为|是|高达|超过|在)?"
)


def build(doc: Doc) -> list[Claim]:
    """A rate claim for each rate word directly followed by a percent or 成."""
    idx = QuantityIndex(doc.quantities)
    out = []
    for m in _RATE.finditer(doc.text):
        q = idx.starting_at(m.end(), slack=2)
        if q is None or q.kind not in ("percent", "ratio"):
            continue
        if q.start - m.end() > 2:
            continue
        out.append(Claim(id="", kind="rate", start=m.start(), end=q.end, quantities=[q],
                         data={"name": m.group("name")}))
    return out
