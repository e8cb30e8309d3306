"""Applying fixes: ``--fix`` (safe fixes), ``--unsafe-fixes`` (all), ``--diff`` (show, change nothing).

A fix replaces the original characters of a finding's span (code-point offsets into the original
text, never a string search).  The file is rewritten only when its decoded text encodes back to
the very bytes that were read (same encoding, byte-order mark, line endings), so everything
outside the fixed spans stays byte-identical; the new file replaces the old one atomically.
A .docx file is never rewritten: its text is extracted from XML and cannot be put back exactly.
"""
from __future__ import annotations

import difflib

from .errors import InputError
from .io.source import SourceDocument
from .report.models import FindingOut


def chosen_fixes(findings: list[FindingOut], unsafe: bool) -> list[FindingOut]:
    """The ``findings`` whose fix is applied: safe ones, and unsafe ones when ``unsafe``; a fix that
    overlaps an earlier one is left for the next run."""
    out: list[FindingOut] = []
    end = -1
    for x in sorted((x for x in findings if x.fix is not None), key=lambda x: (x.fix.span.start, x.fix.span.end)):
        if x.fix.applicability == "unsafe" and not unsafe:
            continue
        if x.fix.span.start < end:
            continue
        out.append(x)
        end = x.fix.span.end
    return out


def apply_fixes(text: str, findings: list[FindingOut]) -> str:
    """``text`` with the fixes of ``findings`` (sorted, not overlapping) applied."""
    parts, pos = [], 0
    for x in findings:
        s, e = x.fix.span.start, x.fix.span.end
        parts += [text[pos:s], x.fix.replacement]
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff of ``old`` → ``new`` (both headers name ``path``, as ruff's do)."""
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=path, tofile=path))


def fixable_file(src: SourceDocument, path: str) -> bytes:
    """The bytes of ``path`` when its text can be rewritten exactly; ``InputError`` says why not."""
    if src.format == "docx":
        raise InputError(src.path, "cannot fix a .docx file exactly (its text is extracted from XML); "
                                   "apply the fixes shown by --diff in Word")
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as e:
        raise InputError(src.path, "cannot read it again to fix it: {why}", why=str(e.strerror)) from None
    try:
        same = src.text.encode(src.encoding) == raw
    except (UnicodeError, LookupError):
        same = False
    if not same:
        raise InputError(src.path, "cannot fix exactly: the file changed since it was read, or its {enc} text "
                                   "does not encode back to the same bytes", enc=src.encoding)
    return raw


def write_fixed(src: SourceDocument, path: str, new_text: str) -> None:
    """Rewrite ``path`` with ``new_text`` in the file's own encoding, atomically."""
    from .io.output import atomic_write

    fixable_file(src, path)
    atomic_write(path, new_text.encode(src.encoding))
