"""Decode bytes from a file into text: UTF-8 (with or without BOM), UTF-16 and
UTF-32 with a BOM, GB18030 (GBK) and Big5.

When UTF-8 fails, the legacy Chinese encodings are judged by what they decode to:
each encoding has a block of its most frequent characters (GB2312 level 1, 3,755
characters; Big5 "常用字", 5,401 characters), and text decoded with the wrong one
falls outside it (GBK "发案12起" read as Big5 is "楷偶12れ": a kana and rare
characters).  The encoding whose decoding has the larger share of frequent
characters wins; a tie goes to GB18030.  This works on a four-character
fragment, where statistical detectors guess (charset-normalizer read short GBK
as Big5).
"""
from __future__ import annotations

import codecs

from ..errors import InputError
from ..text.han import han_count

_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32 and b != 27)


def looks_binary(data: bytes) -> bool:
    """A NUL byte anywhere, or many control characters in the first 8 KiB, mean "not text"."""
    if b"\x00" in data:
        return True
    head = data[:8192]
    if not head:
        return False
    ctrl = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return ctrl / len(head) > 0.05


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise ``InputError`` naming ``path``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(path, "starts with a {enc} byte-order mark but is not valid {enc} (byte {at})",
                                 enc=enc, at=e.start) from None
    if looks_binary(data):
        raise InputError(path, "binary file (contains NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as first:
        utf8_error = first
    if utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(data) - 3:
        raise InputError(path, "ends in the middle of a UTF-8 character (byte {at} of {size}): "
                               "the file looks truncated", at=utf8_error.start, size=len(data)) from None
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd")
    han = han_count(lossy[:200_000])
    if han >= 10 and bad * 100 < han:
        # mostly valid UTF-8 Chinese with a few broken bytes: guessing another encoding would garble it
        raise InputError(path, "invalid UTF-8 at byte {at} ({bad} broken sequence(s) in an otherwise UTF-8 "
                               "file); fix or re-save the file as UTF-8", at=utf8_error.start, bad=bad)
    guess = legacy_chinese(data)
    if guess is not None:
        return guess
    raise InputError(path, "cannot decode: not valid UTF-8 (bad byte at offset {at}) and not GBK/GB18030 "
                           "or Big5 either; convert it to UTF-8", at=utf8_error.start)


def _frequent_gb(ch: str) -> bool:
    """In GB2312 level 1 (the 3,755 most frequent characters): lead byte 0xB0–0xD7."""
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def _frequent_big5(ch: str) -> bool:
    """In Big5's frequently used block (5,401 characters): 0xA440–0xC67E."""
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xA440 <= (b[0] << 8 | b[1]) <= 0xC67E


def _frequent_share(text: str, frequent) -> float:
    """Share of the non-ASCII characters that are frequent Han characters or CJK punctuation."""
    total = good = 0
    for ch in text[:200_000]:
        if ch.isascii():
            continue
        total += 1
        if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·":
            good += 1
        elif "\u4e00" <= ch <= "\u9fff" and frequent(ch):
            good += 1
    return good / total if total else 0.0


def legacy_chinese(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for GB18030 or Big5 (Big5-HKSCS) bytes, or None when neither decodes."""
    candidates = []
    for enc, frequent in (("gb18030", _frequent_gb), ("big5", _frequent_big5), ("big5hkscs", _frequent_big5)):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_frequent_share(text, frequent), -len(candidates), text, enc))
        if enc == "big5":
            break  # Big5-HKSCS only when plain Big5 fails
    if not candidates:
        return None
    _, _, text, enc = max(candidates)
    return text, enc
