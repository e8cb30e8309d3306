"""Metric keys: which words of a claim's subject say what is being counted.

"全市电诈发案、损失" → {电诈, 发案, 损失}; "八类严重暴力犯罪" → {八类, 严重暴力犯罪}.
Two claims are about the same metric when one key set contains the other and
they share a key that is not weak (案件 alone is too vague).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_data_toml

_CATEGORY_COUNT = re.compile(r"[一二两三四五六七八九十\d]+(?:类|项)")
_BOUNDARY = ",，;；。:：\n"


@lru_cache(maxsize=1)
def _vocab():
    data = load_data_toml("metrics.toml")
    pairs = [(w, key) for key, words in data["terms"].items() for w in words]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)
    rx = re.compile("|".join(re.escape(w) for w, _ in pairs))
    return rx, dict(pairs), frozenset(data.get("weak", []))


def metric_keys(subject: str) -> frozenset[str]:
    """Canonical metric keys found in ``subject`` (longest words first)."""
    rx, canon, _ = _vocab()
    keys = {canon[m.group(0)] for m in rx.finditer(subject)}
    keys.update(m.group(0).replace("两", "二") for m in _CATEGORY_COUNT.finditer(subject))
    return frozenset(keys)


def same_metric(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when ``a`` and ``b`` name the same metric (subset, sharing a strong key)."""
    _, _, weak = _vocab()
    if not a or not b:
        return False
    shared = a & b
    if any(_CATEGORY_COUNT.fullmatch(k) for k in shared):
        return True  # 八类…: a numbered set of categories names the metric by itself
    if not (a <= b or b <= a):
        return False
    return bool((a & b) - weak)


def subject_before(text: str, pos: int, limit: int = 30) -> tuple[int, str]:
    """The text from the previous clause boundary up to ``pos`` (at most ``limit`` chars)."""
    start = pos
    lo = max(0, pos - limit)
    while start > lo and text[start - 1] not in _BOUNDARY:
        start -= 1
    return start, text[start:pos]
