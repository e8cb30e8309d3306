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
* a lone surrogate (from JSON or an API) becomes U+FFFD, one for one;

then, character for character (so the map is unchanged):

* Traditional → Simplified with OpenCC ``t2s`` when the text is Traditional
  (``tw2sp`` rewrites mainland vocabulary and is not used; simplified text is
  left as written, since t2s also rewrites a few simplified phrases);
* full-width ASCII (``０-９``, ``Ａ-Ｚ``, ``％．，：；（）～``) → half-width.
"""
from __future__ import annotations

import importlib.util
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..usercache import cache_dir, store
from .han import han_count
from .offsets import OffsetMap, apply_edits

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_TONED_SET = frozenset(_TONED)
# soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space/non-joiner/joiner,
# LRM/RLM, bidi embeddings and overrides, word joiner and invisible operators, isolates, BOM
_INVISIBLE_CHARS = ("\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
_SPACE_CHARS = f" \\t\\u3000\\xa0\\f\\v\\u2002-\\u200a{_INVISIBLE_CHARS}"   # a run of these is one edit
_NOT_BLANK = f"\\t\\u3000\\xa0\\f\\v\\u2002-\\u200a{_INVISIBLE_CHARS}"       # the same without the plain space
_SURROGATES = "\ud800-\udfff"
# Every edit starts at one of a few characters: the pattern opens with their class, so ``re`` skips
# ahead to them in C (an alternation of groups would be tried at every position); look-behinds
# then say which edit the consumed character starts:
# * ``(`` or ``（`` after a Han character, closing a short pinyin run (group 1, tone marks checked
#   after the match);
# * ``\r`` (a line end of its own, or deleted before ``\n``);
# * a run of spaces and invisible marks — except a lone plain space inside a line, which stays;
# * a lone surrogate (from JSON or the API), replaced one for one.
_EDIT = re.compile(
    f"[(（\\r{_SPACE_CHARS}{_SURROGATES}]"
    "(?:(?<=[\u3400-\u9fff][(（])([a-zü" + _TONED + "]{1,7})[)）]"
    "|(?<=\\r)"
    f"|(?<=[{_SPACE_CHARS}])(?:[{_SPACE_CHARS}]+|(?<=[{_NOT_BLANK}])|(?<![^\\r\\n][\\s\\S])|(?![^\\r\\n]))"
    f"|(?<=[{_SURROGATES}]))"
)

_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x301C] = ord("~")  # wave dash used as a range sign
_WIDTH[0x3000] = ord(" ")
_WIDE_CHAR = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_WIDTH)) + "]")
_NARROW = {chr(cp): chr(to) for cp, to in _WIDTH.items()}


def fold_width(text: str) -> str:
    """``text.translate(_WIDTH)``: full-width forms made half-width, one for one.

    A text holds few distinct full-width forms (，：；（）％ …), each many times: the regex finds the
    first not yet folded, ``str.replace`` folds all of that form, and the search goes on from there
    (everything before it is folded already).  No Python code runs per character."""
    search = _WIDE_CHAR.search
    m = search(text)
    while m is not None:
        ch = m.group()
        text = text.replace(ch, _NARROW[ch])
        m = search(text, m.end())
    return text


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


def _samples(text: str, size: int = 2000) -> list[str]:
    n = len(text)
    if n <= 3 * size:
        return [text]
    mid = n // 2
    return [text[:size], text[mid - size // 2:mid + size // 2], text[-size:]]


_CHUNK = 512   # characters counted between two looks at the running count


def _judged_by_opencc() -> str:
    """The Han characters (U+4E00–U+9FFF) that t2s changes when converted alone, judged by OpenCC
    itself: the whole block goes through one call, one character per line (no phrase spans a line
    break)."""
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    conv = _t2s().convert
    out = conv("\n".join(chars)).split("\n")
    if len(out) != len(chars):
        out = [conv(ch) for ch in chars]
    return "".join(ch for ch, to in zip(chars, out) if to != ch)


def _forms_cache() -> Optional[Path]:
    """Where the judged characters of the installed OpenCC are kept between runs: a file in the
    user cache named by a fingerprint of OpenCC's library, configurations and dictionaries (found
    without importing it), or None (caching off, or OpenCC not laid out as its package installs)."""
    where, spec = cache_dir(), importlib.util.find_spec("opencc")
    if where is None or spec is None or not spec.origin:
        return None
    root = Path(spec.origin).parent
    share = root / "clib" / "share" / "opencc"
    try:
        files = [root / "__init__.py", *sorted((root / "clib").glob("*.so")), *sorted((root / "clib").glob("*.pyd")),
                 *sorted(share.iterdir())]
        fingerprint = [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files]
    except OSError:
        return None
    if not (share / "t2s.json").is_file():
        return None
    return where / f"t2s-forms-{zlib.crc32(repr((_FORMS_FORMAT, fingerprint)).encode()):08x}.txt"


_FORMS_FORMAT = "claimcheck-t2s-forms-2"
_HAN_ONLY = re.compile("[\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def traditional_forms() -> re.Pattern:
    """A regex matching one Han character (U+4E00–U+9FFF) that t2s changes when converted alone.

    The characters are OpenCC's own judgement (``_judged_by_opencc``), built once and kept in the
    user cache for the installed OpenCC, so that a run on simplified text need not load OpenCC."""
    path = _forms_cache()
    chars = None
    if path is not None:
        try:
            chars = _forms_from(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            chars = None
    if chars is None:
        chars = _judged_by_opencc()
        if path is not None:
            store(path, _forms_file(chars).encode("utf-8"))
    # (no character of the block means anything inside a character class)
    return re.compile("[" + chars + "]")


def _forms_file(chars: str) -> str:
    """The cache file's text: a header (format, count, CRC-32 of the characters), then the characters."""
    return f"{_FORMS_FORMAT} {len(chars)} {zlib.crc32(chars.encode('utf-8')):08x}\n{chars}"


def _forms_from(content: str) -> Optional[str]:
    """The characters of a cache file, or None when it is not one this code wrote whole: a wrong header,
    count or checksum, a character outside the block, or a judgement no OpenCC gives (國 must be there,
    国 must not)."""
    head, _, chars = content.partition("\n")
    if head != f"{_FORMS_FORMAT} {len(chars)} {zlib.crc32(chars.encode('utf-8')):08x}":
        return None
    if not _HAN_ONLY.fullmatch(chars) or "國" not in chars or "国" in chars:
        return None
    return chars


def looks_traditional(text: str, threshold: float = 0.03) -> bool:
    """True when more than ``threshold`` of the (sampled) Han characters are Traditional forms.

    Judged character by character: OpenCC's t2s also rewrites some simplified *phrases*
    (覆命 → 复命), so simplified text must never go through it.  The forms are one regex (see
    ``traditional_forms``), so nothing is judged in Python per character; a text with no
    Traditional form at all (most simplified text) needs no counting."""
    samples = _samples(text)
    trad_rx = traditional_forms()
    if threshold >= 0:
        if not any(trad_rx.search(s) for s in samples):
            return False
        # Traditional text is decided early: once the forms counted so far are clearly more than
        # ``threshold`` of all sampled characters, they are more than that of the Han ones too, and
        # counting on cannot change it
        enough = threshold * sum(map(len, samples)) + 1
        trad = 0
        for s in samples:
            for i in range(0, len(s), _CHUNK):
                trad += len(trad_rx.findall(s, i, i + _CHUNK))
                if trad >= enough:
                    return True
    else:
        trad = 0   # below a negative threshold any share is: only whether there is Han text decides
    han = sum(map(han_count, samples))
    return han > 0 and trad / han > threshold


def _edits(original: str) -> Iterator[tuple[int, int, str]]:
    """The normaliser's edits of ``original``: pinyin tone runs and CR LF ends deleted, lone CRs made
    line ends, runs of spaces and invisible marks made one space (or nothing at a line end), lone
    surrogates made U+FFFD."""
    n = len(original)
    for m in _EDIT.finditer(original):
        s, e = m.span()
        first = original[s]
        if first == "\r":
            yield s, e, "" if e < n and original[e] == "\n" else "\n"
        elif first in "(（":
            if any(ch in _TONED_SET for ch in m.group(1)):
                yield s, e, ""
        elif "\ud800" <= first <= "\udfff":
            yield s, e, "\ufffd"
        elif ((s == 0 or original[s - 1] in "\r\n") or (e == n or original[e] in "\r\n")
              or not m.group().strip(_INVISIBLE_CHARS)):
            yield s, e, ""  # at a line end, or only invisible marks: nothing stands for the run
        else:
            yield s, e, " "   # (a lone plain space inside a line is no match)


def normalize(original: str) -> NormalizedText:
    """Return the normalised form of ``original`` with its offset map."""
    n = len(original)
    text, omap = apply_edits(original, _edits(original))
    traditional = False
    if not text.isascii():
        traditional = looks_traditional(text)
        if traditional:
            text = to_simplified(text)
        text = fold_width(text)
    omap.norm_length = len(text)
    omap.orig_length = n
    return NormalizedText(original=original, text=text, offsets=omap, traditional=traditional)
