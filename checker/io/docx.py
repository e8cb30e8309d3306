"""Text of a .docx file: paragraphs joined by newlines (offsets are per paragraph).

The archive is checked before python-docx opens it: a corrupt zip, a missing
document part, or an archive whose members expand beyond the limit (a zip bomb)
is refused with a message naming the file.
"""
from __future__ import annotations

import io
import zipfile

from ..errors import InputError

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200


def docx_text(data: bytes, path: str) -> str:
    """The paragraphs (and table cells) of a .docx, one per line."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(path, "not a valid .docx (the zip archive is corrupt)") from None
    with zf:
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            raise InputError(path, "not a valid .docx (no word/document.xml in the archive)")
        total = sum(i.file_size for i in zf.infolist())
        packed = max(1, sum(i.compress_size for i in zf.infolist()))
        if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
            raise InputError(path, f"refused: the archive expands to {total // (1024 * 1024)} MiB "
                                   f"(ratio {total // packed}:1), a likely zip bomb")
    try:
        import docx  # python-docx, imported only for .docx input
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds on malformed parts
        raise InputError(path, f"cannot read .docx: {type(e).__name__}: {e}") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)
