"""SourceDocument: the decoded original text of one input, and where it came from."""
from __future__ import annotations

import datetime
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..text.offsets import OffsetMap
from ..errors import InputError
from .decode import decode_bytes
from .names import display_path
from .prose import compose, prose_view

_SURROGATE = re.compile("[\ud800-\udfff]")
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx"}
MAX_BYTES = 64 * 1024 * 1024   # per document, counted while reading (``st_size`` is 0 for pipes)
_CHUNK = 1 << 20


@dataclass(frozen=True)
class SourceDocument:
    """Original text of one input.  All spans in results index ``text``."""

    path: str
    text: str
    format: str = "text"      # text | markdown | html | docx
    encoding: str = "utf-8"
    # for markup: the readable text and its map back to ``text`` (the raw file)
    view: Optional[tuple[str, OffsetMap]] = None
    published: Optional[datetime.date] = None   # publication date from the metadata
    published_from: str = ""                    # where that date was found

    def __post_init__(self) -> None:
        # a lone surrogate (from JSON or the API) cannot be written as UTF-8: U+FFFD, one for one,
        # so that every offset stays valid
        if has_surrogate(self.text):
            object.__setattr__(self, "text", _SURROGATE.sub("\ufffd", self.text))

    @property
    def readable(self) -> str:
        """The text to analyse: the raw text, or the markup's readable view."""
        return self.view[0] if self.view else self.text


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (only text from JSON or an API can: decoded bytes
    cannot).  The UTF-8 encoder refuses one; it runs in C, a million characters at a time, and is
    faster than a regex search."""
    if text.isascii():
        return False
    for i in range(0, len(text), _CHUNK):
        try:
            text[i:i + _CHUNK].encode("utf-8")
        except UnicodeEncodeError:
            return True
    return False


def _format_for(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix == ".docx":
        return "docx"
    return "text"


def read_bytes(data: bytes, path: str) -> SourceDocument:
    """Decode ``data`` read from ``path`` into a SourceDocument."""
    fmt = _format_for(path)
    if fmt == "docx":
        from .docx import docx_text
        from .metadata import docx_date

        text = docx_text(data, path)
        return SourceDocument(path=path, text=text, format="docx", encoding="docx",
                              view=prose_view(text, "text"), **_dated(docx_date(data)))
    text, enc = decode_bytes(data, path)
    return source_from_text(text, path, enc)


def source_from_text(text: str, path: str, encoding: str = "utf-8") -> SourceDocument:
    """A SourceDocument for already decoded ``text`` (its format from ``path``'s suffix), with
    the prose view (no front matter, URLs or markup) and the metadata's publication date."""
    fmt, enc = _format_for(path), encoding
    if fmt == "html":
        from .html import html_view
        from .metadata import html_meta_date

        return SourceDocument(path=path, text=text, format="html", encoding=enc,
                              view=compose(html_view(text, path), "html"), **_dated(html_meta_date(text)))
    from .metadata import front_matter_date

    return SourceDocument(path=path, text=text, format=fmt, encoding=enc, view=prose_view(text, fmt),
                          **_dated(front_matter_date(text) if fmt == "markdown" else (None, "")))


def _dated(found: tuple) -> dict:
    date, where = found
    return {"published": date, "published_from": where} if date is not None else {}


def read_limited(fh, name: str, limit: int = MAX_BYTES) -> bytes:
    """All bytes of the binary stream ``fh``, or ``InputError`` once more than ``limit`` arrive
    (whatever the file system says the size is: pipes, devices and /proc report 0)."""
    chunks, total = [], 0
    while True:
        try:
            chunk = fh.read(min(_CHUNK, limit + 1 - total))
        except OSError as e:
            raise InputError(name, "cannot read: {why}", why=str(e.strerror or e)) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError(name, "more than {mib} MiB; the limit per document is {mib} MiB (split the input)",
                             mib=limit // (1024 * 1024))


def special_file_reason(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read (a directory, FIFO, device or socket), or None."""
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return None


def read_path(path: str | os.PathLike, stdin_name: str | None = None) -> SourceDocument:
    """Read one file (or ``-`` for standard input, named ``stdin_name`` when given: its suffix sets
    the format) within the byte budget; raises ``InputError`` with the reason.  Directories, FIFOs, devices and sockets are refused before they are opened
    (opening a FIFO would block; a device may never end)."""
    p = str(path)
    if p == "-":
        if sys.stdin is None:
            raise InputError("<stdin>", "standard input is closed")
        try:
            stream = sys.stdin.buffer
        except (AttributeError, ValueError):
            raise InputError("<stdin>", "standard input is closed") from None
        return read_bytes(read_limited(stream, stdin_name or "<stdin>"), stdin_name or "<stdin>")
    shown = display_path(p)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(shown, "no such file or directory") from None
    except (OSError, ValueError) as e:
        raise InputError(shown, "cannot read: {why}", why=str(getattr(e, "strerror", None) or e)) from None
    refused = special_file_reason(st.st_mode)
    if refused:
        if stat.S_ISFIFO(st.st_mode):
            raise InputError(shown, "{why}; pipe it to standard input instead: - < FILE", why=refused)
        raise InputError(shown, refused)
    if st.st_size > MAX_BYTES:
        raise InputError(shown, "file is {size} MiB; the limit per document is {mib} MiB",
                         size=st.st_size // (1024 * 1024), mib=MAX_BYTES // (1024 * 1024))
    try:
        with open(p, "rb") as fh:
            data = read_limited(fh, shown)
    except OSError as e:
        raise InputError(shown, "cannot read: {why}", why=str(e.strerror)) from None
    return read_bytes(data, shown)


def iter_paths(paths: list[str]) -> Iterator[str]:
    """Expand directories (recursively, text-like files only, sorted) and keep files as given."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = sorted(
                str(f) for f in Path(p).rglob("*")
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            yield from found
        else:
            yield p
