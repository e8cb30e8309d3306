"""Decode bytes from a file into text: UTF-8 (with or without BOM), UTF-16 with a
BOM, GBK/GB18030 and Big5.  charset-normalizer decides between the legacy
Chinese encodings by judging the whole decoded text, which is reliable on
whole files and wrong on short fragments, so it only runs when UTF-8 fails.
"""
from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ["gb18030", "big5", "big5hkscs"]


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean "not text"."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    return ctrl / len(head) > 0.05


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise ``InputError`` naming ``path``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(path, f"starts with a {enc} byte-order mark but is not valid {enc} "
                                       f"(byte {e.start})") from None
    if looks_binary(data):
        raise InputError(path, "binary file (contains NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as first:
        utf8_error = first
    if utf8_error.reason == "unexpected end of data" and utf8_error.start >= len(data) - 3:
        raise InputError(path, f"ends in the middle of a UTF-8 character (byte {utf8_error.start} of "
                               f"{len(data)}): the file looks truncated") from None
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd")
    han = sum(1 for ch in lossy[:200_000] if "\u4e00" <= ch <= "\u9fff")
    if han >= 10 and bad * 100 < han:
        # mostly valid UTF-8 Chinese with a few broken bytes: guessing another encoding would garble it
        raise InputError(path, f"invalid UTF-8 at byte {utf8_error.start} ({bad} broken sequence(s) in an "
                               "otherwise UTF-8 file); fix or re-save the file as UTF-8")
    from charset_normalizer import from_bytes  # only for non-UTF-8 input

    best = from_bytes(data, cp_isolation=_LEGACY).best()
    if best is not None:
        enc = best.encoding
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(
        path,
        f"cannot decode: not valid UTF-8 (bad byte at offset {utf8_error.start}) "
        "and not GBK/GB18030 or Big5 either; convert it to UTF-8",
    )
