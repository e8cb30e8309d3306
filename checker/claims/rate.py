"""Rate and share claims: …率 P%, 占比 P%, 满意度 P%, 三成."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Claim, Doc
from ..resources import load_data_toml
from .common import QuantityIndex
from .types import RateData


@lru_cache(maxsize=1)
def _may_exceed() -> re.Pattern:
    """Rate names whose value may pass 100% (完成率, 增长率, 负债率; rules/data/frames.toml [rate])."""
    words = load_data_toml("frames.toml")["rate"]["may_exceed"]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))

_RATE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{0,8}?(?:率|占比|比例|比重|满意度|覆盖面|知晓率|安全感))"
    r"(?:均|都|分别)?(?:常年|多年|始终|一直)?(?:稳定在|保持在|维持在|控制在|保持|提升至|提升到|提高至|提高到|提至|达到|达|为|是|高达|超过|在)?"
)


_ANCHOR = re.compile(r"率|占比|比例|比重|满意度|覆盖面|安全感")


def _rate_matches(text: str):
    """The matches ``_RATE.finditer`` gives, found from the rate words (率, 占比, …) instead of trying
    every position: a name is at most eight Han characters before its rate word."""
    last_end = 0
    for a in _ANCHOR.finditer(text):
        if a.start() < last_end:
            continue
        s = a.start()
        lo = max(last_end, a.start() - 8)
        while s > lo and "\u4e00" <= text[s - 1] <= "\u9fff":
            s -= 1
        for start in range(s, a.start() + 1):  # the leftmost start that matches, as finditer would
            m = _RATE.match(text, start)
            if m:
                last_end = max(m.end(), start + 1)
                yield m
                break


_SHARE_WORDS = ("占比", "比例", "比重")
_SUBSET_WORDS = ("其中", "中有", "中的", "之中", "中,", "中，")  # 120个社区,其中45个; 27个省份中有8个


def _numerator_denominator(doc: Doc, idx: QuantityIndex, pos: int):
    """Exactly two counts in the same unit earlier in the sentence: (numerator, denominator)."""
    ss, _ = doc.sentence_of(pos)
    counts = [q for q in idx.before(pos, ss) if q.kind == "count" and q.unit and not q.approx
              and q.interval.is_point and q.value > 0]
    if len(counts) != 2 or counts[0].unit != counts[1].unit:
        return None
    small, big = sorted(counts, key=lambda q: q.value)
    if small.value == big.value or big.start > small.start:
        return None
    between = doc.text[big.end:small.start]
    if not any(w in between for w in _SUBSET_WORDS):
        return None  # two counts side by side are not a part and its whole (8个中心…13个医院)
    return small, big


def build(doc: Doc) -> list[Claim]:
    """A rate claim for each rate word directly followed by a percent or 成."""
    idx = QuantityIndex(doc.quantities)
    out = []
    for m in _rate_matches(doc.text):
        q = idx.starting_at(m.end(), slack=2)
        if q is None or q.kind not in ("percent", "ratio"):
            continue
        if q.start - m.end() > 2:
            continue
        data = RateData(name=m.group("name"), may_exceed=bool(_may_exceed().search(m.group("name"))))
        qs = [q]
        if any(w in m.group("name") for w in _SHARE_WORDS):
            pair = _numerator_denominator(doc, idx, m.start())
            if pair is not None:
                qs += list(pair)
                data.fraction = True
        out.append(Claim(id="", kind="rate", start=m.start(), end=q.end, quantities=qs, data=data))
    return out
