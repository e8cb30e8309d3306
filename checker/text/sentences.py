"""Split normalised text into sentences and clauses (spans, never copies)."""
from __future__ import annotations

import re
from itertools import accumulate, compress

# a run of 。！？!?；;\n, or …… (a lone … is no end): the pattern opens with the class of the first
# characters (re skips ahead to them in C) and looks back at the one it took for the rest
_SENT_END = r"[。！？!?；;\n…](?:(?<=…)…|(?<!…)[。！？!?；;\n]*)"
_SPLIT = re.compile(f"({_SENT_END})")
_CLAUSE_END = re.compile(r"[,，、:：]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence, ending punctuation included; a stretch of nothing but
    whitespace before an end is no sentence (its end neither)."""
    parts = _SPLIT.split(text)              # text, end, text, end, …, text
    bounds = list(accumulate(map(len, parts)))[1::2]   # where each end stops
    # each stretch runs from the end before it to its own end (the last one to the text's end);
    # kept when it holds more than whitespace (all of it done by C loops, none per sentence here)
    return list(compress(zip([0] + bounds, bounds + [len(text)]), map(len, map(str.strip, parts[0::2]))))


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of the sentence ``text[start:end]`` split at commas and colons."""
    out = []
    s = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out
