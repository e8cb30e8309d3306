"""One parser for lists joined by 、 / 和 / 及 / 与 / 以及, linear in the text it reads.

``list_before(text, end, lo)`` reads the list that ends at ``end`` (just before 分别, a count such
as 四级, or a streak), walking back no further than the clause boundary or ``lo``.  Items may hold
brackets, quotes and digits; a conjunction splits only outside brackets and quotes, outside the
words that merely contain its character (普及, 涉及, 和谐: data), and outside names that contain one
(软件和信息技术服务业: data), and only as the join of the last item (A、B和C) or of a pair (A和B).
等 after the last item makes the list open.  The first item, when it runs into the words before
it (实现省、市、县), is cut to the size of its neighbours.

Every step is a single pass over the segment, so adversarial input (``'和' * 10000``) costs linear
time."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_data_toml
from .common import alternation, longest_first

_CLAUSE_END = set(",，;；。:：!！?？\n|")
_OPEN_BRACKETS = "(（[【“「『《\""
_CLOSE_BRACKETS = ")）]】”」』》\""
MAX_SEGMENT = 200
_INTRODUCERS = ("是", "为", "包括", "：", ":")
_OPENING = re.compile("[" + re.escape(_OPEN_BRACKETS) + "]")
_TO_LAST_CLAUSE_END = re.compile("[\\s\\S]*[" + re.escape("".join(sorted(_CLAUSE_END))) + "]")


@dataclass(frozen=True)
class _ListVocab:
    conjunctions: tuple[str, ...]
    words_rx: re.Pattern
    names_rx: re.Pattern
    counters: tuple[str, ...]
    openers_rx: re.Pattern
    conjunction_ends: re.Pattern  # the last characters of the conjunctions: where a join may end


FENBIE_LEAD = 4  # Han characters of a verb a 分别 pattern does not name (惠及, 增至, 上涨) before the values

@lru_cache(maxsize=1)
def list_vocab() -> _ListVocab:
    """The list vocabulary of ``rules/data/frames.toml`` ([lists]), loaded once."""
    data = load_data_toml("frames.toml")
    d = data["lists"]

    return _ListVocab(longest_first(d["conjunctions"]), re.compile(alternation(d["words"])),
                      re.compile(alternation(d["names"])), longest_first(d["counters"]),
                      re.compile(alternation(d["openers"] + data["scope"]["whole"])),  # 我省经济发展、…
                      re.compile(alternation({c[-1] for c in d["conjunctions"]})))


@dataclass(frozen=True)
class ParsedList:
    """Items of a list as spans of the text, and whether 等 left it open."""

    items: tuple[tuple[int, int], ...]
    open: bool = False
    segment_start: int = 0  # where the clause read starts (before a first item cut to size)
    cut: bool = False       # the first item was cut to its neighbours' size (its start is a guess)
    joined: bool = False    # the last two items were split at a conjunction (A、B和C): one fewer is possible

    @property
    def start(self) -> int:
        """Where the first item starts."""
        return self.items[0][0]

    def texts(self, text: str) -> list[str]:
        """The items as written."""
        return [text[s:e] for s, e in self.items]


def _protected(seg: str) -> list[bool]:
    """Per character of ``seg``: True where a conjunction or 、 must not split (inside brackets or quotes,
    inside a word such as 普及 or a name such as 软件和信息技术服务业)."""
    v = list_vocab()
    mask = [False] * len(seg)
    depth = 0
    quote_open = False
    for i, ch in enumerate(seg) if _OPENING.search(seg) else ():  # no bracket or quote opens: none to mask
        if ch == '"':
            quote_open = not quote_open
            mask[i] = True
            continue
        if ch in _OPEN_BRACKETS:
            depth += 1
        elif ch in _CLOSE_BRACKETS and depth:
            depth -= 1
            mask[i] = True
            continue
        mask[i] = depth > 0 or quote_open
    for rx in (v.words_rx, v.names_rx):
        for m in rx.finditer(seg):
            for i in range(m.start(), m.end()):
                mask[i] = True
    return mask


def _after_opener(rest: str, most: int) -> str:
    """What follows the word that opens a list (在, 实现, 健全; rules/data/frames.toml [lists] openers,
    and the scope words 全市/我省) in ``rest``, when that is between one and ``most`` characters long;
    else ""."""
    from .frame_vocab import vocab

    comparison = vocab().rx["comparison"]
    best = ""
    for m in list_vocab().openers_rx.finditer(rest, max(0, len(rest) - most - 4)):
        tail = rest[m.end():]
        if comparison.match(tail):
            continue  # 全省唯一发案数: a comparison group, not the scope the list starts after
        if 0 < len(tail) <= most:
            best = tail
            break
    return best


def list_before(text: str, end: int, lo: int = 0, min_items: int = 2) -> ParsedList | None:
    """The list ending at ``end`` (items joined by 、 and a final 和/及/与/以及), or None when fewer than
    ``min_items`` items are there."""
    lo = max(lo, end - MAX_SEGMENT)
    is_open = False
    if text.startswith("等等", end - 2) and end - 2 >= lo:
        end, is_open = end - 2, True
    elif end - 1 >= lo and text[end - 1] == "等":
        end, is_open = end - 1, True
    clause = _TO_LAST_CLAUSE_END.match(text, lo, end)  # the segment starts after the last clause end
    start = clause.end() if clause else lo
    seg = text[start:end]
    if not seg:
        return None
    mask = _protected(seg)
    cuts = []
    i = seg.find("、")
    while i >= 0:
        if not mask[i]:
            cuts.append(i)
        i = seg.find("、", i + 1)
    # the final join: the last conjunction after the last 、 (A、B和C) or anywhere in a pair (A和B)
    v = list_vocab()
    tail_from = cuts[-1] + 1 if cuts else 0
    join = None
    for i in reversed([m.start() for m in v.conjunction_ends.finditer(seg, tail_from + 1)]):
        for c in v.conjunctions:  # longest first, ending at i: 以及 before 及
            a = i - len(c) + 1
            if a > tail_from and seg.startswith(c, a) and not mask[a] and not mask[i] and i + 1 < len(seg):
                join = (a, i + 1)
                break
        if join:
            break
    bounds: list[tuple[int, int]] = []
    s = 0
    for c in cuts:
        bounds.append((s, c))
        s = c + 1
    if join is not None:
        bounds.append((s, join[0]))
        bounds.append((join[1], len(seg)))
    else:
        bounds.append((s, len(seg)))
    bounds = [(a, b) for a, b in bounds if b > a]
    if len(bounds) < min_items:
        return None
    # the first item may run into the words before it: cut it to the size of its neighbours
    first_s, first_e = bounds[0]
    cut = False
    widest = max((b - a for a, b in bounds[1:]), default=first_e - first_s)
    from .frame_vocab import vocab
    from .subject import strip_lead

    rest = strip_lead(seg[first_s:first_e])  # scope, period and discourse words (全市, 2021年, 据统计)
    if len(bounds) > 1 and len(rest) > widest + 1:
        verb = vocab().rx["verb"].match(rest)  # and a verb whose object the list is (查处土地、矿产)
        if verb and verb.end() < len(rest):
            rest = rest[verb.end():]
        intro = max(rest.rfind(w) + len(w) if rest.rfind(w) >= 0 else -1 for w in _INTRODUCERS)
        if len(rest) > widest + 2 and 0 < intro < len(rest):
            rest = rest[intro:]  # 增长较快的领域是个人文化和娱乐服务: the list starts after 是
        if len(rest) > widest + 2:
            opened = _after_opener(rest, widest + 2)
            if opened:
                rest = opened  # 刘业强在立法会大会、财委会: the list starts after 在, a word that opens it
            else:
                rest = rest[-widest:]
                cut = True
    bounds[0] = (first_e - len(rest), first_e)
    # the final 和 may belong to a name (电信计算机和信息服务) when the word before it is long enough
    # to be half a name; after a short item (韩国和日本) it joins two items for sure
    ambiguous = join is not None and bool(cuts) and join[0] - (cuts[-1] + 1) >= 3
    return ParsedList(tuple((start + a, start + b) for a, b in bounds), is_open, start, cut, joined=ambiguous)


_VALUE_SEPARATORS = ("、", "和", "及", "与", "以及")


def values_after(quantities_at, text: str, pos: int, end: int, slack: int = 1, lead: int = 0) -> list:
    """The quantities of a value list starting at ``pos`` ("15.97%、47.05%和42.37%"), joined by 、/和/及/与
    only: a comma ends the clause, and the list with it.  ``quantities_at(pos, slack)`` looks a quantity up.
    ``lead``: the first value may follow up to that many Han characters (a verb: 惠及, 增至, 上涨)."""
    values = []
    first = slack
    if lead:
        run = 0
        while run < lead and pos + run < end and "\u4e00" <= text[pos + run] <= "\u9fff":
            run += 1
        first = max(slack, run)
    while True:
        q = quantities_at(pos, first if not values else slack)
        if q is None or q.start >= end:
            break
        values.append(q)
        sep = next((s for s in _VALUE_SEPARATORS if text.startswith(s, q.end)), None)
        if sep is None:
            break
        pos = q.end + len(sep)
    return values
