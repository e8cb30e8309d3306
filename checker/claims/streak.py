"""Streak claims: 连续N年, N年连降, 连续N个月, 二十二连丰, 蝉联."""
from __future__ import annotations

import re

from ..document import Claim, Doc
from .common import NUM, NUM_START, small_number
from .metric import metric_keys, subject_before
from .types import StreakData

_STREAK = re.compile(
    rf"连续(?P<n1>{NUM})(?P<u1>个月|年度|年|届|次|季度|个季度|周)"
    rf"|{NUM_START}(?P<n2>{NUM})(?P<u2>年)连(?P<w2>[降增升减丰冠胜])"
    rf"|{NUM_START}(?P<n3>{NUM})连(?P<w3>[丰冠胜降增升减])"
)
_OUTCOME_END = re.compile(r"[,，;；。:：\n]")


def outcome_of(text: str) -> str:
    """Canonical outcome of a streak ("实现“双下降”" → 双下降; "连降" → 下降)."""
    t = text.replace("“", "").replace("”", "").replace("实现", "").replace("\"", "")
    if "双下降" in t:
        return "双下降"
    if "三下降" in t:
        return "三下降"
    if any(w in t for w in ("下降", "降", "减少", "减")):
        return "下降"
    if any(w in t for w in ("增长", "增", "上升", "升", "提高")):
        return "上升"
    if "零发生" in t:
        return "零发生"
    return t[:8]


def build(doc: Doc) -> list[Claim]:
    """One claim per streak expression, with N, unit, outcome and metric keys."""
    text = doc.text
    out = []
    for m in _STREAK.finditer(text):
        g = m.groupdict()
        n_txt = g["n1"] or g["n2"] or g["n3"]
        n = small_number(n_txt)
        if n is None or n <= 0:
            continue
        unit = g["u1"] or g["u2"] or "年"
        if unit in ("年度",):
            unit = "年"
        if unit == "个季度":
            unit = "季度"
        word = g["w2"] or g["w3"]
        end_m = _OUTCOME_END.search(text, m.end())
        tail_end = end_m.start() if end_m else len(text)
        tail = text[m.end():tail_end]
        outcome = outcome_of(word if word else tail)
        sub_start, subject = subject_before(text, m.start())
        keys = metric_keys(subject)
        if not keys:
            # the subject may sit earlier in the sentence (…酒泉市共立电诈案件…, 发案数、损失数连续3年)
            ss, _ = doc.sentence_of(m.start())
            keys = frozenset()
            subject_sentence = text[ss:m.start()]
            keys = metric_keys(subject_sentence)
        else:
            ss, _ = doc.sentence_of(m.start())
            keys = keys | (metric_keys(text[ss:sub_start]) & {"电诈"})
        out.append(Claim(id="", kind="streak", start=sub_start if subject else m.start(),
                         end=max(m.end(), min(tail_end, m.end() + 8)),
                         data=StreakData(n=n, n_text=n_txt, unit=unit, outcome=outcome, keys=sorted(keys),
                                         streak_start=m.start(), streak_end=m.end())))
    return out
