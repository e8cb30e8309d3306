"""SourceDocument: the decoded original text of one input, and where it came from."""
from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from ..text.offsets import OffsetMap
from ..errors import InputError
from .decode import decode_bytes
from .prose import compose, prose_view

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx"}
MAX_BYTES = 512 * 1024 * 1024


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

    @property
    def readable(self) -> str:
        """The text to analyse: the raw text, or the markup's readable view."""
        return self.view[0] if self.view else self.text


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


def read_path(path: str | os.PathLike) -> SourceDocument:
    """Read one file (or ``-`` for standard input); raises ``InputError`` with the reason."""
    p = str(path)
    if p == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>")
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(p, "no such file or directory") from None
    except OSError as e:
        raise InputError(p, f"cannot read: {e.strerror}") from None
    if os.path.isdir(p):
        raise InputError(p, "is a directory")
    if st.st_size > MAX_BYTES:
        raise InputError(p, f"file is {st.st_size // (1024 * 1024)} MiB; the limit is {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        with open(p, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise InputError(p, f"cannot read: {e.strerror}") from None
    return read_bytes(data, p)


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
