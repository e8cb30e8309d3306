"""Streak claims: 连续N年 (连续第N年), N年连降, 连续N个月, 二十二连丰, 蝉联.

The subject is what the list parser finds before the streak (发案数、损失数 → two items), each item
read as a frame subject; the outcome is canonical (下降 / 上升 / the words as written), with the
multiplicity of 双/三/四 kept apart (双下降 = 下降 of two items).  Identity of two streaks is decided
on their frames (``checker.claims.frame``), not here."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Claim, Doc
from ..resources import load_data_toml
from .common import NUM, NUM_START, Triggers, small_number
from .lists import list_before
from .types import StreakData

_STREAK = re.compile(
    rf"连续第?(?P<n1>{NUM})(?P<u1>个月|年度|年|届|次|季度|个季度|周)"
    rf"|{NUM_START}(?P<n2>{NUM})(?P<u2>年)连(?P<w2>[降增升减丰冠胜])"
    rf"|{NUM_START}(?P<n3>{NUM})连(?P<w3>[丰冠胜降增升减])"
)
_OUTCOME_END = re.compile(r"[,，;；。:：\n]")
_CLAUSE_START = re.compile(r"[,，;；。:：!！?？\n]")
_NOT_WORDING = re.compile(r"[\s“”\"「」『』]")
_MULTIPLICITY = {"双": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}


@lru_cache(maxsize=1)
def _directions() -> tuple[tuple[str, ...], tuple[str, ...]]:
    ch = load_data_toml("frames.toml")["change"]
    by_len = lambda ws: tuple(sorted(ws, key=len, reverse=True))  # noqa: E731
    return by_len(ch["decrease"] + ["连降"]), by_len(ch["increase"] + ["连增"])


def outcome_of(text: str) -> tuple[str, int]:
    """Canonical outcome of a streak and its multiplicity ("实现“双下降”" → ("下降", 2); "连降" → ("下降", 1))."""
    t = re.sub(r"[“”\"「」]", "", text)
    t = t.removeprefix("实现").removeprefix("保持").removeprefix("呈")
    if t.startswith(("正增长", "负增长")):  # 正增长 = 增长; 负增长 = a fall
        return ("上升" if t[0] == "正" else "下降"), 1
    mult = 1
    if t[:1] in _MULTIPLICITY and len(t) > 1:
        mult, t = _MULTIPLICITY[t[0]], t[1:]
    decrease, increase = _directions()
    if any(t.startswith(w) for w in decrease):
        return "下降", mult
    if any(t.startswith(w) for w in increase):
        return "上升", mult
    return t[:8], mult


_NUM_CHARS = frozenset("0123456789零〇一二两三四五六七八九十百")


TRIGGER = "连"  # every streak holds one (连续N年, N年连降, N连丰) with only numerals and 年 before it


def trigger_words() -> tuple[str, ...]:
    """The word every streak holds (``Triggers``)."""
    return (TRIGGER,)


def _streak_matches(text: str, triggers: Triggers):
    """The matches ``_STREAK.finditer`` gives, found from each 连 instead of trying every position."""
    last_end = 0
    for p in triggers.starts((TRIGGER,)):
        if p < last_end:
            continue
        s = p - 1 if p > 0 and text[p - 1] == "年" else p
        while s > last_end and text[s - 1] in _NUM_CHARS:
            s -= 1
        for start in (s, p) if s != p else (p,):
            m = _STREAK.match(text, start)
            if m:
                last_end = m.end()
                yield m
                break


def build(doc: Doc, triggers: Triggers) -> list[Claim]:
    """One claim per streak expression, with N, unit, outcome and the items it is about (``triggers``:
    the trigger words' positions)."""
    text = doc.text
    out = []
    for m in _streak_matches(text, triggers):
        g = m.groupdict()
        n_txt = g["n1"] or g["n2"] or g["n3"]
        n = small_number(n_txt) if len(n_txt) <= 6 else None  # no streak is written with a numeral that long
        if n is None or n <= 0:
            continue
        unit = g["u1"] or g["u2"] or "年"
        unit = {"年度": "年", "个季度": "季度"}.get(unit, unit)
        word = g["w2"] or g["w3"]
        end_m = _OUTCOME_END.search(text, m.end(), m.end() + 40)
        tail_end = end_m.start() if end_m else min(len(text), m.end() + 40)
        outcome, mult = outcome_of(word if word else text[m.end():tail_end])
        ss, _ = doc.sentence_of(m.start())
        cs = max(ss, m.start() - 60)
        for c in _CLAUSE_START.finditer(text, cs, m.start()):
            cs = c.end()
        wording = _NOT_WORDING.sub("", text[cs:m.start()]) + "…" + _NOT_WORDING.sub("", text[m.end():tail_end])
        parsed = list_before(text, m.start(), ss, min_items=1)
        items = parsed.texts(text) if parsed is not None else []
        start = parsed.start if parsed is not None else m.start()
        out.append(Claim(id="", kind="streak", start=start, end=max(m.end(), min(tail_end, m.end() + 8)),
                         data=StreakData(n=n, n_text=n_txt, unit=unit, outcome=outcome, multiplicity=mult,
                                         items=items, streak_start=m.start(), streak_end=m.end(),
                                         wording=wording)))
    return out
