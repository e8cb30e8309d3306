"""The regional profile of a document (mainland / hongkong / taiwan), chosen from
its script and regional vocabulary (rules/data/profiles.toml) unless configured."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .resources import load_data_toml

AUTO = "auto"
SAMPLE = 200_000  # characters read to decide (a profile is a property of the writing, not its length)


@dataclass(frozen=True)
class ProfileChoice:
    """The profile a document is checked under, and why."""

    name: str
    reason: str


def _overlap(a: str, b: str) -> bool:
    """Whether occurrences of the words ``a`` and ``b`` can overlap (``b`` starting inside or at the
    start of ``a``, or the other way round; a word with itself only at a later start)."""
    def starts_in(x: str, y: str) -> bool:
        return any(x[i:].startswith(y) or y.startswith(x[i:]) for i in range(1 if x == y else 0, len(x)))

    return starts_in(a, b) or starts_in(b, a)


@lru_cache(maxsize=8)
def _word_index(words: tuple[str, ...]) -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """A regex finding the longest of ``words`` at each place, and for each word the words whose
    occurrences can overlap its own."""
    from .regions import _trie_alternation

    overlapping = {w: frozenset(o for o in words if _overlap(w, o)) for w in words}
    return re.compile(_trie_alternation(words)), overlapping


def word_counts(text: str, words: tuple[str, ...]) -> dict[str, int]:
    """``{word: text.count(word)}`` for the words of ``words`` that occur, from one regex pass.

    The pass finds each word where it is the longest match; a word it found that nothing found can
    overlap has exactly that many occurrences.  Only a word that overlaps a found one (hidden inside
    it, or hiding it) is counted again with ``str.count``."""
    if not words:
        return {}
    rx, overlapping = _word_index(words)
    found = Counter(rx.findall(text))
    counts: dict[str, int] = {}
    for w in {o for f in found for o in overlapping[f]} | found.keys():
        n = found[w] if w in found and not overlapping[w] & found.keys() else text.count(w)
        if n:
            counts[w] = n
    return counts


def _hits(text: str, spec: dict, words: dict[str, int]) -> dict[str, int]:
    """The markers of ``spec`` in ``text`` and their counts (``words``: the regional words' counts)."""
    counts = {w: words[w] for w in spec.get("words", []) if w in words}
    for w in spec.get("measure_words", []):
        n = len(re.findall(r"\d" + re.escape(w), text)) if w in text else 0
        if n:
            counts[f"数字+{w}"] = n
    return counts


@lru_cache(maxsize=2)
def _script_profiles(script: str) -> tuple[list[dict], tuple[str, ...]]:
    """The profiles for ``script`` and all their regional words."""
    specs = [spec for spec in load_data_toml("profiles.toml").get("profiles", [])
             if spec.get("script", script) == script]
    return specs, tuple(dict.fromkeys(w for spec in specs for w in spec.get("words", [])))


def choose_profile(text: str, traditional: bool, configured: str = AUTO) -> ProfileChoice:
    """The configured profile, else the regional profile whose markers the text
    carries most (in its script), else the default."""
    if configured and configured != AUTO:
        return ProfileChoice(configured, "configured")
    data = load_data_toml("profiles.toml")
    text = text[:SAMPLE]
    script = "traditional" if traditional else "simplified"
    best: tuple[int, str, dict[str, int]] | None = None
    specs, vocabulary = _script_profiles(script)
    words = word_counts(text, vocabulary)
    for spec in specs:
        counts = _hits(text, spec, words)
        total = sum(counts.values())
        if total >= spec.get("min_hits", 1) and (best is None or total > best[0]):
            best = (total, spec["name"], counts)
    if best is None:
        name = data.get(f"default_{script}", data.get("default", "mainland"))
        return ProfileChoice(name, f"default for {script} script (no regional markers)")
    top = sorted(best[2].items(), key=lambda kv: -kv[1])[:4]
    shown = ", ".join(f"{w}×{n}" for w, n in top)
    return ProfileChoice(best[1], f"{script} script; regional words: {shown}")
