"""File names as shown to the user: printable, one line, valid UTF-8.

A POSIX file name is bytes; Python hands undecodable bytes over as lone surrogates
(``surrogateescape``), which cannot be written to a UTF-8 stream or a JSON report.
A name may also hold a newline or an escape sequence, which would let it forge an
output line (a GitHub workflow command, a fake finding).  ``display_path`` shows
such bytes and characters as backslash escapes; the real name is still used to open
the file.
"""
from __future__ import annotations

import re

# C0 and C1 controls, DEL, line/paragraph separators, bidi overrides and isolates
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def display_path(path: str) -> str:
    """``path`` with undecodable bytes and control characters written as backslash escapes."""
    if path.isprintable() and path.isascii():
        return path
    try:
        text = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate not from surrogateescape (e.g. from JSON)
        text = path.encode("utf-8", "backslashreplace").decode("utf-8")
    return _UNSAFE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def escape_surrogates(text: str) -> str:
    """``text`` made encodable as UTF-8: each lone surrogate becomes U+FFFD (length kept)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return re.sub("[\ud800-\udfff]", "\ufffd", text)
