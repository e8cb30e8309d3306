"""Normalise Chinese text for extraction while keeping an exact offset map.

Steps, in one pass over the original text:

* scraped pinyin annotations (``點(diǎn)``, ``經(jīng)濟(jì)``) are deleted;
* whitespace at the start and end of a line is deleted, other runs of
  whitespace fold to one space (a space between two Chinese words is a real
  boundary: 「新甘肃 甘肃法制报」); the ``\\r`` of ``\\r\\n`` disappears and a lone
  ``\\r`` (old Mac line ends) becomes ``\\n`` (newlines end sentences);
* invisible marks — zero-width space/joiners, word joiner, soft hyphen, the BOM,
  bidi marks, embeddings, overrides and isolates — are deleted, so that
  ``12\\u200b34`` is the number 1234;

then, character for character (so the map is unchanged):

* Traditional → Simplified with OpenCC ``t2s`` when the text is Traditional
  (``tw2sp`` rewrites mainland vocabulary and is not used; simplified text is
  left as written, since t2s also rewrites a few simplified phrases);
* full-width ASCII (``０-９``, ``Ａ-Ｚ``, ``％．，：；（）～``) → half-width.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .offsets import OffsetMap, apply_edits

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# a Han character followed by a parenthesised pinyin syllable with a tone mark
# (the bracket is matched first and the Han character looked back at from there, so the search
# skips ahead to brackets instead of trying the look-behind at every position)
_PINYIN = re.compile(
    r"[(（](?<=[\u3400-\u9fff][(（])([a-zü" + _TONED + r"]{1,7})[)）]"
)
_TONED_SET = frozenset(_TONED)
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE_SET = re.compile(f"[{_INVISIBLE}]")
_SPACE = re.compile(f"[ \\t\\u3000\\xa0\\f\\v\\u2002-\\u200a{_INVISIBLE}]+")
_EDIT = re.compile(_PINYIN.pattern + r"|(?P<crlf>\r(?=\n))|(?P<cr>\r)|" + _SPACE.pattern)

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x301C] = ord("~")  # wave dash used as a range sign
_WIDTH[0x3000] = ord(" ")
# str.translate looks every character up in the table; the regex visits only those it changes
_WIDE_CHAR = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_WIDTH)) + "]")
_NARROW = {chr(cp): chr(to) for cp, to in _WIDTH.items()}


def _narrow(m: re.Match) -> str:
    return _NARROW[m.group()]


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text plus the map back to the original it came from."""

    original: str
    text: str
    offsets: OffsetMap
    traditional: bool = False   # whether t2s was applied

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original code-point span of the normalised span ``[start, end)``."""
        return self.offsets.span(start, end)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported on first use: about 20 ms

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified, guaranteed to keep the length of ``text``."""
    conv = _t2s().convert
    out = conv(text)
    if len(out) == len(text):
        return out
    # rare: a phrase conversion changed the length; redo line by line, then
    # character by character, keeping any character whose conversion is not 1:1
    lines = text.split("\n")
    fixed = []
    for line in lines:
        c = conv(line)
        if len(c) != len(line):
            c = "".join(x if len(x := conv(ch)) == 1 else ch for ch in line)
        fixed.append(c)
    return "\n".join(fixed)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _samples(text: str, size: int = 2000) -> list[str]:
    n = len(text)
    if n <= 3 * size:
        return [text]
    mid = n // 2
    return [text[:size], text[mid - size // 2:mid + size // 2], text[-size:]]


_JUDGED: set[str] = set()         # Han characters already converted one by one
_TRADITIONAL: set[str] = set()    # those of them that t2s changes


def _traditional_among(chars: set[str]) -> set[str]:
    """The Han characters of ``chars`` (no line breaks among them) that t2s changes when converted
    alone.  New characters go through OpenCC in one call, one per line (no phrase spans a line
    break), and are remembered."""
    new = list(chars - _JUDGED)
    if new:
        conv = _t2s().convert
        out = conv("\n".join(new)).split("\n")
        if len(out) != len(new):
            out = [conv(ch) for ch in new]
        _TRADITIONAL.update(ch for ch, to in zip(new, out) if to != ch)
        _JUDGED.update(new)
    return chars & _TRADITIONAL


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"   # the CJK Unified Ideographs block


def looks_traditional(text: str, threshold: float = 0.03) -> bool:
    """True when more than ``threshold`` of the (sampled) Han characters are Traditional forms.

    Judged character by character: OpenCC's t2s also rewrites some simplified *phrases*
    (覆命 → 复命), so simplified text must never go through it.  The distinct characters are judged
    first: a text with no Traditional form at all (most simplified text) needs no counting."""
    samples = _samples(text)
    forms = [_traditional_among({ch for ch in set(s) if _is_han(ch)}) for s in samples]
    if not any(forms) and threshold >= 0:
        return False
    han = trad = 0
    for sample, found in zip(samples, forms):
        counts = Counter(sample)
        han += sum(k for ch, k in counts.items() if _is_han(ch))
        trad += sum(counts[ch] for ch in found)
    return han > 0 and trad / han > threshold


def _is_pinyin(m: re.Match) -> bool:
    return m.group(1) is not None and any(ch in _TONED_SET for ch in m.group(1))


def _edits(original: str) -> Iterator[tuple[int, int, str]]:
    """The normaliser's edits of ``original``: pinyin tone runs and CR LF ends deleted, lone CRs made
    line ends, runs of spaces and invisible marks made one space (or nothing at a line end)."""
    n = len(original)
    for m in _EDIT.finditer(original):
        s, e = m.span()
        if m.group(1) is not None:
            if not _is_pinyin(m):
                continue
            yield s, e, ""
        elif m.group("crlf") is not None:
            yield s, e, ""
        elif m.group("cr") is not None:
            yield s, e, "\n"
        else:
            run = m.group(0)
            prev = original[s - 1] if s > 0 else "\n"
            nxt = original[e] if e < n else "\n"
            if prev in "\r\n" or nxt in "\r\n" or not _INVISIBLE_SET.sub("", run):
                yield s, e, ""  # at a line end, or only invisible marks: nothing stands for the run
            elif run != " ":
                yield s, e, " "


def normalize(original: str) -> NormalizedText:
    """Return the normalised form of ``original`` with its offset map."""
    n = len(original)
    text, omap = apply_edits(original, _edits(original))
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)  # lone surrogates (from JSON or the API): one for one
    traditional = False
    if not text.isascii():
        traditional = looks_traditional(text)
        if traditional:
            text = to_simplified(text)
        text = _WIDE_CHAR.sub(_narrow, text)   # one for one, as str.translate(_WIDTH)
    omap.norm_length = len(text)
    omap.orig_length = n
    return NormalizedText(original=original, text=text, offsets=omap, traditional=traditional)
