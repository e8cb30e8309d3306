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


def _hides(o: str, w: str) -> bool:
    """Whether a match of the word ``o`` can hold the start of an occurrence of the word ``w`` that
    the longest-match search does not find as ``w``: ``o`` longer and starting with ``w``, or ``w``
    starting inside ``o`` (``w`` = ``o`` too: a word overlapping itself)."""
    if w[0] not in o:   # (most pairs: the start of ``w`` must stand in ``o``)
        return False
    return (o != w and o.startswith(w)) or any(o[i:].startswith(w) or w.startswith(o[i:]) for i in range(1, len(o)))


@lru_cache(maxsize=8)
def _word_index(words: tuple[str, ...]) -> tuple[re.Pattern, dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """A regex finding the longest of ``words`` at each place; for each word the words whose matches
    can hide an occurrence of it, and the words it can hide."""
    from .text.trie import longest_word_pattern

    hidden_by = {w: frozenset(o for o in words if _hides(o, w)) for w in words}
    hides = {o: frozenset(w for w in words if o in hidden_by[w]) for o in words}
    return re.compile(longest_word_pattern(words)), hidden_by, hides


def word_counts(text: str, words: tuple[str, ...]) -> dict[str, int]:
    """``{word: text.count(word)}`` for the words of ``words`` that occur, from one regex pass.

    The pass finds each word where it is the longest match: every occurrence of a word is such a
    match unless a match of a word that can hide it was found.  Only such a word is counted again,
    with ``str.count``."""
    if not words:
        return {}
    rx, hidden_by, hides = _word_index(words)
    found = Counter(rx.findall(text))
    counts: dict[str, int] = {}
    for w in {h for f in found for h in hides[f]} | found.keys():
        n = found[w] if w in found and not hidden_by[w] & found.keys() else text.count(w)
        if n:
            counts[w] = n
    return counts


def _hits(text: str, spec: dict, words: dict[str, int]) -> dict[str, int]:
    """The markers of ``spec`` in ``text`` and their counts (``words``: the regional words' counts)."""
    counts = {w: words[w] for w in spec.get("words", []) if w in words}
    for w in spec.get("measure_words", []):
        n = len(_after_digit(w).findall(text)) if w in text else 0
        if n:
            counts[f"数字+{w}"] = n
    return counts


@lru_cache(maxsize=None)
def _after_digit(word: str) -> re.Pattern:
    """A regex finding ``word`` after a digit as often as ``\\d`` + ``word`` does.  Led by the word
    (re skips ahead to a literal far faster than to any digit), the digit looked back at; the same
    count unless the word holds a digit (then two matches of ``\\d`` + ``word`` could overlap)."""
    w = re.escape(word)
    if any(ch.isdecimal() for ch in word):
        return re.compile(r"\d" + w)
    return re.compile(f"{w}(?<=\\d{w})")


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
