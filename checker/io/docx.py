"""Text of a .docx file: paragraphs in document order joined by newlines (tables where they stand,
one line per row; then footnotes, endnotes, headers and footers — see ``docx_layout``).

The archive is checked before python-docx opens it: a corrupt zip, a missing
document part, or an archive whose members expand beyond the limit (a zip bomb)
is refused with a message naming the file.
"""
from __future__ import annotations

import io
import zipfile

from ..errors import InputError

MAX_UNCOMPRESSED = 64 * 1024 * 1024   # all members together, counted while decompressing
MAX_RATIO = 200
_CHUNK = 1 << 20


def _check_members(zf: zipfile.ZipFile, path: str) -> None:
    """Decompress every member in chunks, counting the bytes that really come out: the sizes in
    the zip headers may lie.  A member that is corrupt or too large is refused before python-docx
    (which reads every part whole) sees the archive."""
    total = 0
    for info in zf.infolist():
        try:
            with zf.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    total += len(chunk)
                    if total > MAX_UNCOMPRESSED:
                        raise InputError(path, "refused: the archive expands to more than {mib} MiB, a likely zip bomb",
                                               mib=MAX_UNCOMPRESSED // (1024 * 1024))
        except InputError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
                NotImplementedError, RuntimeError) as e:
            raise InputError(path, "not a valid .docx (member {member!r}: {why})", member=info.filename,
                             why=str(e)) from None
        except Exception as e:  # zlib.error, lzma/bz2 errors from a damaged member
            raise InputError(path, "not a valid .docx (member {member!r}: {why})", member=info.filename,
                             why=f"{type(e).__name__}: {e}") from None


def docx_text(data: bytes, path: str) -> str:
    """The paragraphs (and table rows) of a .docx, one per line, in document order."""
    from .docx_layout import DocxLayout

    document = open_docx(data, path)
    try:
        return DocxLayout(document).text
    except Exception as e:  # a part python-docx loaded but whose structure is broken
        raise InputError(path, "cannot read .docx: {why}", why=f"{type(e).__name__}: {e}") from None


def open_docx(data: bytes, path: str):
    """The python-docx ``Document`` of ``data``, after the archive checks; ``InputError`` if unreadable."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise InputError(path, "not a valid .docx (the zip archive is corrupt)") from None
    with zf:
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise InputError(path, "not a valid .docx (no word/document.xml in the archive)")
        total = sum(i.file_size for i in zf.infolist())
        packed = max(1, sum(i.compress_size for i in zf.infolist()))
        if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
            raise InputError(path, "refused: the archive expands to {mib} MiB (ratio {ratio}:1), a likely zip bomb",
                             mib=total // (1024 * 1024), ratio=total // packed)
        _check_members(zf, path)
    try:
        import docx  # python-docx, imported only for .docx input

        from . import docx_layout  # noqa: F401  (registers the footnote and endnote parts)
        return docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds on malformed parts
        raise InputError(path, "cannot read .docx: {why}", why=f"{type(e).__name__}: {e}") from None
