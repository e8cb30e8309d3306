"""Word lists as trie-shaped regular expressions.

``re`` tries the branches of a plain alternation one by one at every position; written as a trie
(一(?:些|切|二(?:三)?)), a position is rejected after one comparison per first character, and the
longest word is matched first.  Used for region names, profile words, idioms and trigger words."""
from __future__ import annotations

import re
from typing import Iterable


def longest_word_pattern(words: Iterable[str]) -> str:
    """A pattern matching the longest of ``words`` (non-empty) at a position, as a trie."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}   # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body   # greedy: the longer word first

    return emit(trie)
