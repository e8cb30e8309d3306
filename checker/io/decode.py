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
