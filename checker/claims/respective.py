"""分别 lists ("A、B、C分别下降x、y、z"), counted enumerations ("省、市、县、乡四级", "A、B、C三大行业")
and counted outcomes ("发案数、损失数实现“双下降”"), all read with one list parser
(``checker.claims.lists``)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Claim, Doc
from ..resources import load_data_toml
from .common import NUM, NUM_START, QuantityIndex, Triggers, alternation, matches_at, small_number
from .lists import FENBIE_LEAD, list_before, list_vocab, values_after
from .types import RespectiveData


@lru_cache(maxsize=1)
def _fenbie_rx() -> re.Pattern:
    """分别 with the comparison and verb after it (verbs: frames.toml [lists] respective_verbs, in order);
    分别比上年增长, 分别较2020年下降了: a comparison counts only when a verb follows it."""
    verbs = "|".join(map(re.escape, load_data_toml("frames.toml")["lists"]["respective_verbs"]))
    return re.compile(rf"分别(?:同比|环比|按年|按季|按月|(?:比|较)[^,，。;；、%]{{1,10}}?(?={verbs}))?(?:{verbs})?(?:了)?")
_MULTIPLE_COUNTS = "双三四五六"
_MULTIPLE_OUTCOMES = ("下降", "减少", "降低", "上升", "增长", "提升", "提高", "增加", "降", "减", "升", "增", "丰收", "达标")
_MULTIPLE = re.compile(rf"(?P<k>[{_MULTIPLE_COUNTS}])(?P<dir>{'|'.join(_MULTIPLE_OUTCOMES)})")
# what may stand between a list and its counted outcome: 连续3年“…”, 实现, 均
_BEFORE_OUTCOME = re.compile(rf"(?:连续{NUM}(?:个)?(?:年|个月|季度)|{NUM}年)?(?:均|都)?(?:实现|呈现|保持)?[“\"]?$")
_OF = re.compile(r"的[\u4e00-\u9fff]{1,6}$")


@lru_cache(maxsize=1)
def _enum_rx() -> re.Pattern:
    """A small count and its counter word (四级, 三大, 两个), counters from the data."""
    counters = "|".join(re.escape(c) for c in list_vocab().counters)
    return re.compile(rf"(?<=[\u4e00-\u9fff”)）]){NUM_START}(?P<n>[两二三四五六七八九十]|[2-9]|1[0-2])(?P<u>{counters})")


@lru_cache(maxsize=1)
def _counted_at() -> re.Pattern:
    """Where a count and its counter may start (``_enum_rx`` and ``_forward_rx`` can start nowhere
    else): one numeral per match, so that no start is skipped, found by ``re`` skipping to numerals."""
    counters = "|".join(re.escape(c) for c in list_vocab().counters)
    return re.compile(rf"[两二三四五六七八九十1-9](?=[0-2]?(?:{counters}))")


_OUTCOME_WORDS = tuple(k + w for k in _MULTIPLE_COUNTS for w in _MULTIPLE_OUTCOMES)  # 双下降, 三提升


def trigger_words() -> tuple[str, ...]:
    """分别 and the counted outcomes: every match of those patterns starts with one (``Triggers``)."""
    return ("分别",) + _OUTCOME_WORDS


def _fenbie(doc: Doc, idx: QuantityIndex, triggers: Triggers) -> list[Claim]:
    text = doc.text
    out = []
    for m in triggers.matches(_fenbie_rx(), ("分别",)):
        ss, se = doc.sentence_of(m.start())
        end = m.start()
        of = _OF.search(text, max(ss, end - 7), end)  # A、B、C的发案数分别…
        if of:
            end = of.start()
        parsed = list_before(text, end, ss)
        if parsed is None or len(parsed.items) < 2:
            # the list may stand alone in the clause before: 2023年、2024年、2025年,全市电诈案件分别为…
            comma = max(text.rfind(",", max(ss, end - 24), end), text.rfind("，", max(ss, end - 24), end))
            parsed = list_before(text, comma, ss) if comma > ss else None
            if parsed is not None and not _bare_list(text, parsed):
                parsed = None
        if parsed is None or parsed.open:
            continue
        values = values_after(idx.starting_at, text, m.end(), se, lead=FENBIE_LEAD)
        if not values or text.startswith("等", values[-1].end) or any(q.kind == "date" for q in values):
            continue
        items = parsed.texts(text)
        out.append(Claim(id="", kind="respective", start=parsed.start, end=values[-1].end, quantities=values,
                         data=RespectiveData(form="分别", items=items, n_items=len(items), n_values=len(values),
                                             n_alt=_alternative(parsed))))
    return out


def _alternative(parsed, text: str | None = None) -> int:
    """The other admissible item count: one fewer when the last two items were split at a 和 that may
    belong to a name (电信计算机和信息服务).  With ``text`` (a counted enumeration, whose items are short
    names), only when the two joined would still be one short item (ENUM_ITEM_MAX)."""
    if not parsed.joined:
        return len(parsed.items)
    if text is not None and parsed.items[-1][1] - parsed.items[-2][0] > ENUM_ITEM_MAX:
        return len(parsed.items)  # 农贸市场提升和公厕新建: two items, too long to be one name
    return len(parsed.items) - 1


_INTRODUCERS = ("是", "为", "有", "包括", ":", "：")


def _bare_list(text: str, parsed) -> bool:
    """A clause that is a list and nothing else (2023年、2024年、2025年): short items, no values in them."""
    lead = text[parsed.segment_start:parsed.start].strip()
    if parsed.cut or (lead and not lead.endswith(_INTRODUCERS)):
        return False  # …领域是A、B、C,分别增长…: a list introduced by 是/为/包括 is bare too
    return all(len(it) <= 12 and "%" not in it and "分别" not in it for it in parsed.texts(text))


def _enumerations(doc: Doc, counted: list[int]) -> list[Claim]:
    """A count right after a list of at least two 、-joined items: 省、市、县、乡四级; A、B和C三大行业
    (``counted``: where a count may start)."""
    text = doc.text
    out = []
    for m in matches_at(_enum_rx(), text, counted):
        if "、" not in text[max(0, m.start() - 40):m.start()]:
            continue
        n = small_number(m.group("n"))
        nxt = text[m.end():m.end() + 1]
        named = "\u4e00" <= nxt <= "\u9fff" or nxt in "“\"" or (nxt.isdigit() and m.group("u") in _SET_COUNTERS)
        if n is None or n < 2 or not named or \
                text[max(0, m.start() - 1):m.start()] == "第":
            continue  # 村、社区8个, : a number of things, not the count of the items listed
        ss, _ = doc.sentence_of(m.start())
        parsed = list_before(text, m.start(), ss)
        if parsed is None or len(parsed.items) < 2 or \
                not _is_enumeration(text, parsed, m.start(), m.group("u"), m.group("n")):
            continue  # an open list (A、B、C等五大类) is counted too: the count may not be below it
        items = parsed.texts(text)
        out.append(Claim(id="", kind="respective", start=parsed.start, end=m.end(),
                         data=RespectiveData(form="enumeration", items=items, n_items=len(items), n_stated=n,
                                             n_alt=_alternative(parsed, text), open=parsed.open)))
    return out


ENUM_ITEM_MAX = 8  # characters of one item of a counted enumeration (a short name)
_NUMERAL_COUNTER = re.compile(rf"{NUM}(?:级|类|大|项|个|方面)|^{NUM}$")
_SET_COUNTERS = ("级", "类", "大类", "方面", "大")  # counters that name a set: digits allowed (4级, 8类)
_JOINS = set("、和及与或")


def _is_enumeration(text: str, parsed, count_start: int | None = None, counter: str = "", numeral: str = "") -> bool:
    """Short named items joined by 、 and counted right after the last one (省、市、县、乡四级;
    南山口、哇让、同德、德令哈四个电站).  Not: items with numbers (一项暴动罪判囚6年、…), items that are
    clauses (…提出, …的), ordinals (第二、第三个), nested counts (六大工程、城建六大行动), or a count
    of other things in Arabic digits (北美、欧洲和亚洲10个城市)."""
    items = parsed.texts(text)
    if not any(text[e:e + 1] == "、" for _, e in parsed.items):
        return False
    if parsed.cut and count_start is not None:
        return False  # where the first item starts is a guess: do not count
    if _NUMERAL_COUNTER.search(text[parsed.segment_start:parsed.start]):
        return False  # 苏南运河二级航道、宿连三级航道: the first item, cut to size, was a ranked name
    for it in items:
        if not it or len(it) > ENUM_ITEM_MAX or any(ch.isdigit() for ch in it) or _NUMERAL_COUNTER.search(it):
            return False
        if any(w in it for w in ("的", "嘅", "之", "其中", "包括")):
            return False
    if count_start is not None:
        if text[count_start - 1:count_start] in _JOINS or text[max(0, count_start - 1):count_start] == "第":
            return False
        if counter not in _SET_COUNTERS and not all(ch in "两二三四五六七八九十" for ch in numeral):
            return False
    return True


def _outcomes(doc: Doc, triggers: Triggers) -> list[Claim]:
    """双下降 / 三提升: the count against the items listed before it."""
    text = doc.text
    out = []
    for m in triggers.matches(_MULTIPLE, _OUTCOME_WORDS):
        ss, _ = doc.sentence_of(m.start())
        lead = _BEFORE_OUTCOME.search(text, max(ss, m.start() - 14), m.start())
        end = lead.start() if lead else m.start()
        parsed = list_before(text, end, ss)
        if parsed is None or parsed.open or len(parsed.items) < 2 or not _is_enumeration(text, parsed):
            continue
        n = 2 if m.group("k") == "双" else small_number(m.group("k"))
        items = parsed.texts(text)
        out.append(Claim(id="", kind="respective", start=parsed.start, end=m.end(),
                         data=RespectiveData(form="enumeration", items=items, n_items=len(items), n_stated=n or 0,
                                             n_alt=_alternative(parsed))))
    return out


@lru_cache(maxsize=1)
def _forward_rx() -> re.Pattern:
    d = load_data_toml("frames.toml")["lists"]
    return re.compile(rf"(?<![\d零〇一二两三四五六七八九十百第]){NUM_START}(?P<n>[两二三四五六七八九十]|(?<![.\d])[2-9](?![.\d]))(?P<u>{alternation(d['counters'])})"
                      rf"[\u4e00-\u9fff]{{1,10}}?[,，]?(?:(?P<all>{alternation(d['introduce_all'])})|(?P<some>{alternation(d['introduce_some'])}))")


_CLAUSE_STOP = re.compile(r"[。；;！!？?\n,，]")


def _forward_enumerations(doc: Doc, counted: list[int]) -> list[Claim]:
    """A count written before the list it counts: "五项民生工程：A、B、C、D" (the whole list: the counts
    must agree), "三大类违法行为,包括A、B、C" (examples: the count may not be below them);
    ``counted``: where a count may start."""
    text = doc.text
    out = []
    for m in matches_at(_forward_rx(), text, counted):
        stop = _CLAUSE_STOP.search(text, m.end())
        end = stop.start() if stop else len(text)
        parsed = list_before(text, end, m.end())
        if parsed is None or len(parsed.items) < 2 or parsed.start != m.end() or not _is_enumeration(text, parsed):
            continue
        n = small_number(m.group("n"))
        items = parsed.texts(text)
        out.append(Claim(id="", kind="respective", start=m.start(), end=end,
                         data=RespectiveData(form="enumeration", items=items, n_items=len(items), n_stated=n or 0,
                                             n_alt=_alternative(parsed, text), open=parsed.open or bool(m.group("some")))))
    return out


def build(doc: Doc, idx: QuantityIndex, triggers: Triggers) -> list[Claim]:
    """``respective`` claims with the item and value counts (``idx``, ``triggers``: the quantities by
    position and the trigger words' positions)."""
    text = doc.text
    out = _fenbie(doc, idx, triggers) if "分别" in text else []
    # counted enumerations need a 、-joined list: where a count may start is found once for both forms
    counted = [m.start() for m in _counted_at().finditer(text)] if "、" in text else []
    return out + _enumerations(doc, counted) + _forward_enumerations(doc, counted) + _outcomes(doc, triggers)
