"""Rate and share claims: …率 P%, 占比 P%, 满意度 P%, 三成."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Claim, Doc
from ..resources import load_data_toml
from .common import QuantityIndex, Triggers, alternation
from .types import RateData


@lru_cache(maxsize=1)
def _may_exceed() -> re.Pattern:
    """Rate names whose value may pass 100% (完成率, 增长率, 负债率; rules/data/frames.toml [rate])."""
    words = load_data_toml("frames.toml")["rate"]["may_exceed"]
    return re.compile(alternation(words))

_RATE_NAMES = ("率", "占比", "比例", "比重", "满意度", "覆盖面", "知晓率", "安全感")
_RATE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{0,8}?(?:" + "|".join(_RATE_NAMES) + "))"
    r"(?:均|都|分别)?(?:常年|多年|始终|一直)?(?:稳定在|保持在|维持在|控制在|保持|提升至|提升到|提高至|提高到|提至|达到|达|为|是|高达|超过|在)?"
)


# every rate name ends with one of these (知晓率 with 率): the trigger words
RATE_WORDS = tuple(w for w in _RATE_NAMES if not any(v != w and w.endswith(v) for v in _RATE_NAMES))
# how far before its trigger word a name may start: eight characters, and what a longer name holds before it
_NAME_BACK = 8 + max(len(w) - max(len(v) for v in RATE_WORDS if w.endswith(v)) for w in _RATE_NAMES)


def _rate_matches(text: str, triggers: Triggers):
    """The matches ``_RATE.finditer`` gives, found from the rate words (率, 占比, …) instead of trying
    every position: a name starts at most ``_NAME_BACK`` Han characters before its rate word."""
    last_end = 0
    for p in triggers.starts(RATE_WORDS):
        if p < last_end:
            continue
        s = p
        lo = max(last_end, p - _NAME_BACK)
        while s > lo and "\u4e00" <= text[s - 1] <= "\u9fff":
            s -= 1
        for start in range(s, p + 1):  # the leftmost start that matches, as finditer would
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


@lru_cache(maxsize=1)
def _share_vocab() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(share verbs, words that are not a share, wholes a share of which may pass 100%) from
    rules/data/frames.toml [rate]."""
    d = load_data_toml("frames.toml")["rate"]

    return tuple(re.compile(alternation(d[k])) for k in ("share_verbs", "not_share", "share_may_exceed"))


@lru_cache(maxsize=1)
def trigger_words() -> tuple[str, ...]:
    """The rate words, the share verbs (占) and the words that are no share (占地): every match of the
    rate patterns starts with or holds one (``Triggers``)."""
    d = load_data_toml("frames.toml")["rate"]
    return RATE_WORDS + tuple(d["share_verbs"]) + tuple(d["not_share"])


SHARE_REACH = 20  # at most this many characters name the whole between 占 and the share
_NOT_WHOLE = set(",，。;；:：、()（）[]【】!?！？\n|%") | set("0123456789.")
_SHARE_TAIL = re.compile(r"(?:的)?(?:比重|比例|份额)?(?:分别|均)?(?:为|是|达到|达|约|近|超过|逾|高达)?$")


def _shares(doc: Doc, idx: QuantityIndex, taken: set[int], triggers: Triggers) -> list[Claim]:
    """占/佔 + the whole + a percent or 成 (占全国同类产品出口总值的9.85%, 佔整體11.68%): a share of a
    whole, bounded by 100% unless the whole is a plan or an earlier period (占年度计划的112%)."""
    verbs, not_share, may_exceed = _share_vocab()
    d = load_data_toml("frames.toml")["rate"]
    text = doc.text
    blocked = {i for m in triggers.matches(not_share, d["not_share"]) for i in range(m.start(), m.end())}
    out = []
    last = -1
    for m in triggers.matches(verbs, d["share_verbs"]):
        if m.start() in blocked or m.start() < last:
            continue
        j = m.end()
        stop = min(len(text), j + SHARE_REACH)
        while j < stop and text[j] not in _NOT_WHOLE:
            j += 1
        q = idx.starting_at(m.end(), slack=j - m.end())
        if q is None or q.start > j or q.kind not in ("percent", "ratio") or q.start in taken:
            continue
        whole = text[m.end():q.start]
        if any(w in whole for w in d["compared"]):  # 占…比重较上年提高3%: a change of the share
            continue
        last = q.end
        name = text[m.start():m.end() + _SHARE_TAIL.search(whole).start()]
        data = RateData(name=name, may_exceed=bool(may_exceed.search(whole)))
        out.append(Claim(id="", kind="rate", start=m.start(), end=q.end, quantities=[q], data=data))
    return out


def build(doc: Doc, idx: QuantityIndex, triggers: Triggers) -> list[Claim]:
    """A rate claim for each rate word directly followed by a percent or 成, and for each share 占…P%
    (``idx``, ``triggers``: the quantities by position and the trigger words' positions)."""
    out = []
    for m in _rate_matches(doc.text, triggers):
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
    if "占" in doc.text or "佔" in doc.text:
        out += _shares(doc, idx, {c.quantities[0].start for c in out}, triggers)
    for c in out:
        found = None if c.data.fraction or c.data.may_exceed else _counted_whole(doc, idx, c)
        if found is not None:
            whole, part = found
            c.quantities.append(whole)
            c.data.of_count = True
            if part not in c.data.name:
                c.data.name = part + c.data.name   # 升学人数占: the part, named for the message
    return out


@lru_cache(maxsize=1)
def _share_word_tail() -> re.Pattern:
    """A share word (the share verbs of rules/data/frames.toml [rate], or 占比/比例/比重) with its verb, at
    the end of a text."""
    verbs = load_data_toml("frames.toml")["rate"]["share_verbs"]
    return re.compile(rf"(?:{alternation([*verbs, *_SHARE_WORDS])})(?:为|是|达到|达)?$")


def _counted_whole(doc: Doc, idx: QuantityIndex, c: Claim):
    """``(whole, part)``: the one count of people before a share in its sentence, and the words naming
    the part, when the share is of those people
    ("共有40名毕业生,其中升学人数占37.3%"): a whole number in ``grim_whole_units``, a subset word after
    it, and a part named with one of ``grim_part_tails`` right before the share word."""
    d = load_data_toml("frames.toml")["rate"]
    q = c.quantities[0]
    if q.kind != "percent" or q.approx or q.is_range or q.interval.lo is None or q.interval.hi is None:
        return None
    ss, _ = doc.sentence_of(c.start)
    counts = [x for x in idx.before(c.start, max(ss, c.start - 80)) if x.kind == "count"]  # bounded: linear
    if len(counts) != 1:
        return None
    w = counts[0]
    if w.unit not in d["grim_whole_units"] or w.approx or not w.interval.is_point or w.value.denominator != 1 \
            or w.value < 1 or w.magnitude != 1:
        return None
    between = _share_word_tail().sub("", doc.text[w.end:q.start])
    cut = max(between.find(s) + len(s) if s in between else -1 for s in _SUBSET_WORDS)
    if cut < 0 or any(ch in between[cut:] for ch in ",，;；。"):
        return None
    part = between[cut:]
    if not any(part.endswith(t) for t in d["grim_part_tails"]):
        return None
    return w, part
