"""Subjects: what a number is about, read from the clause before it.

A subject is the noun phrase as written, split into a specific *core* (after synonyms: 电信网络诈骗案件 →
电诈) and a generic *attribute* (发案, 损失, 总量); scope, period and discourse words are taken off its
start and copulas off its end.  Two subjects are the same (``same_subject``) when their attributes are
equal and their cores similar: equal, one character apart at length ≥ 4, or ≥ 90 % of their character
bigrams shared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.han import han_count
from .frame_vocab import CLASS_WORDS, vocab

HAN = "\u4e00-\u9fff"
QUOTES = "“”\"‘’「」『』《》"
_QUOTES_AND_SPACE = re.compile("[" + re.escape(QUOTES) + r"\s]")  # (a regex deletes faster than str.translate)


@dataclass(frozen=True, slots=True)
class Subject:
    """What is counted or measured: the phrase as written, its core and generic attribute.

    ``core`` is the specific part after synonyms ("电诈" of 电信网络诈骗案件); ``attr`` the generic
    tail (发案, 损失, 总量); ``topic`` the core inherited from the text before when the phrase
    has none of its own (发案数、损失数 after a sentence about 电诈案件)."""

    text: str = ""
    core: str = ""
    attr: str = ""
    topic: str = ""
    modifiers: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The core compared across frames (own, else inherited)."""
        return self.core or self.topic

    @property
    def prose(self) -> bool:
        """Whether the subject reads as words (two Han characters or more, no markup or URL residue)."""
        key = self.key
        return han_count(key) >= 2 and not any(ch in key for ch in "%/=&?[]【】<>{}|#")

    @property
    def specific(self) -> bool:
        """Specific enough to identify a figure on its own: prose, three Han characters or more (or a
        synonym-table key), and not a remainder or per-unit phrase (其余, 每, 平均)."""
        return _specific(self.text, self.core, self.topic)

    @property
    def head(self) -> str:
        """The head phrase shown to readers: key plus attribute."""
        return self.key + self.attr



@lru_cache(maxsize=8192)
def _specific(text: str, core: str, topic: str) -> bool:
    key = core or topic
    if not Subject(text=text, core=core, topic=topic).prose or vocab().rx["not_specific"].search(text):
        return False
    phrase = canonical(text) if core else topic + canonical(text)
    return han_count(phrase) >= 3 or key in vocab().canon.values()


def may_end_with(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` ends with one of ``words``, or does before a final newline (where ``$`` matches
    too): the cheap look before searching with a pattern anchored at the end."""
    if not words:
        return True
    return text.endswith(words) or text.endswith("\n") and text[:-1].endswith(words)


def may_end_change(text: str) -> bool:
    """Whether ``text`` may end with a change tail (``vocab().change_tail``): a direction word, then
    了/为/达/至/到 at most."""
    v = vocab()
    if may_end_with(text, v.direction_words):
        return True
    end = text[:-1] if text.endswith("\n") else text
    return end[-1:] in v.direction_after and may_end_with(end[:-1], v.direction_words)


def canonical(text: str) -> str:
    """``text`` without quotes and spaces, synonyms replaced by their key (metrics.toml)."""
    v = vocab()
    t = _QUOTES_AND_SPACE.sub("", text)
    if v.synonyms is not None:
        t = v.synonyms.sub(lambda m: v.canon[m.group(0)], t)
    return t


def split_head(text: str) -> tuple[str, str]:
    """``(core, attr)``: generic words (发案, 损失, 总量) and class words (案件) peeled off the end of a
    canonical phrase; the attribute is the last generic word written (刑事案件发案 → 刑事, 发案)."""
    v = vocab()
    core, attr = text, ""
    while core:
        m = v.rx["generic"].search(core) if may_end_with(core, v.generic_words) else None
        if m is None:
            break
        g = m.group(0)
        core = core[: -len(g)]
        if g not in CLASS_WORDS and not attr:
            attr = v.canon.get(g, g)
    return core, ("" if attr in v.count_attrs else attr)


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


def similar_core(a: str, b: str) -> bool:
    """Two subject cores name the same thing: equal; or one contains the other with a single character
    more (the shorter at least four: 法律援助 / 法律援助类); or their character bigrams agree by a Dice
    coefficient ≥ 0.9 (全体居民 and 城乡居民 人均可支配收入 are apart).  Containment alone is not enough: 出口 is not 进出口, nor 工业增加值
    规模以上工业增加值 — a modifier changes the figure."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 4 and len(long_) - len(short) <= 1 and short in long_:
        return True
    ba, bb = _bigrams(a), _bigrams(b)
    return len(short) >= 4 and 2 * len(ba & bb) >= 0.9 * (len(ba) + len(bb))


def same_items(a: tuple[Subject, ...], b: tuple[Subject, ...]) -> bool:
    """Two lists name the same things: as many items, each similar to one of the other list's."""
    if len(a) != len(b) or not a:
        return False
    return all(any(same_subject(x, y) for y in b) for x in a) and all(any(same_subject(y, x) for x in a) for y in b)


def same_subject(a: Subject, b: Subject) -> bool:
    """Same attribute (损失 is not 发案) and similar cores."""
    if a.attr != b.attr:
        return False
    return similar_core(a.key, b.key)


def _strip_start(text: str) -> tuple[str, list[str]]:
    """Discourse words (据统计, 其中, 共 …) taken off the start, repeatedly."""
    rx = vocab().rx["prefix"]
    taken = []
    m = rx.match(text)
    while m:
        taken.append(m.group(0))
        text = text[m.end():]
        m = rx.match(text)
    return text, taken


def _strip_end(text: str) -> str:
    """Copulas (达到, 为, 共计 …) taken off the end, repeatedly."""
    v = vocab()
    rx = v.rx["suffix"]
    m = rx.search(text) if may_end_with(text, v.suffix_words) else None
    while m:
        text = text[:m.start()]
        m = rx.search(text) if may_end_with(text, v.suffix_words) else None
    return text


PLACE = re.compile(rf"[{HAN}]{{2,4}}?(?:省|市|县|区|州|旗|盟)")


def _place_prefix(text: str) -> str:
    """A place name at the start of a subject (肃州区刑事案件 → 肃州区), or ""."""
    v = vocab()
    m = PLACE.match(text)
    if not m or len(m.group(0)) >= len(text):
        return ""
    name = m.group(0)
    if name in v.whole or (any(name.endswith(w) for w in v.not_places) and not _known_region(name)):
        return ""  # 超市, 楼市 …, but 成都市 and 盐城市 are places
    return name


def _known_region(name: str) -> bool:
    """Whether ``name`` is a region of the census table (its full or short name)."""
    from ..regions import region_by_name

    return name in region_by_name()


@lru_cache(maxsize=8192)
def make_subject(before: str, after: str = "", topic: str = "") -> Subject:
    """The subject of a number from the clause text ``before`` it and the noun ``after`` it.

    Scope, period and discourse words are stripped from the start, copulas from the end; when
    only a verb such as 发生 precedes the number, the noun after it is the subject
    (发生18起命案 → 命案)."""
    v = vocab()
    text, mods = _strip_lead(before)
    text = _strip_end(text)
    tail = v.change_tail.search(text) if may_end_change(text) else None
    if tail:
        text = _strip_end(text[:tail.start()])
    vm = v.rx["verb"].match(text)
    verb = vm.group(0) if vm else ""
    if verb and (len(text) == len(verb) or not text[len(verb):]) and after:
        text = after
        mods.append(verb)
    elif verb and len(text) > len(verb):
        text = text[len(verb):]
        mods.append(verb)
    elif not text and after:
        text = after
    if text in v.object_after or text in v.ref_words:
        text = after
    core, attr = split_head(canonical(text))
    return Subject(text=text, core=core, attr=attr, topic="" if core else topic, modifiers=tuple(mods))


def strip_lead(text: str) -> str:
    """``text`` without the scope, period and discourse words at its start (全市, 2021年, 据统计)."""
    return _strip_lead(text)[0]


def _strip_lead(text: str) -> tuple[str, list[str]]:
    v = vocab()
    mods: list[str] = []
    while True:
        before = text
        m = v.marker_rx.match(text)
        if m and m.end() < len(text):
            mods.append(m.group(0))
            text = text[m.end():]
        text = text.lstrip(",，、 ")
        m = v.scope_rx.match(text)
        if m and m.end() < len(text):
            mods.append(m.group(0))
            text = text[m.end():]
        place = _place_prefix(text)
        if place:
            mods.append(place)
            text = text[len(place):]
        text, taken = _strip_start(text)
        mods += taken
        if text == before:
            return text, mods

