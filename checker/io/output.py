"""Output files: checked before any work starts, written atomically.

``check_output`` refuses, with a message naming the file, an output that cannot be
written (missing or unwritable directory, a directory, a device or pipe, a read-only or
immutable file) or that is also an input.  ``atomic_write`` writes a temporary file next
to the target and renames it over the target, so a crash or a full disk never leaves
half a report behind.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from typing import Iterable

from ..errors import OutputError
from .names import display_path


def _reason(e: OSError) -> str:
    return e.strerror or type(e).__name__


def _identity(path: str) -> tuple[int, int] | None:
    try:
        if path == "-":
            if sys.stdin is None:
                return None
            st = os.fstat(sys.stdin.fileno())
        else:
            st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _not_read_back(path: str, inputs: list[str], shown: str) -> None:
    """A text file written inside a directory being checked would be read by this or the next run."""
    from .source import TEXT_SUFFIXES

    if os.path.splitext(path)[1].lower() not in TEXT_SUFFIXES:
        return
    real = os.path.realpath(path)
    for p in inputs:
        if p != "-" and os.path.isdir(p):
            root = os.path.realpath(p)
            if os.path.commonpath([real, root]) == root:
                raise OutputError(shown, "the output is also an input (it lies in {folder}, which is checked); "
                                         "choose another output file", folder=display_path(p))


def check_output(path: str, inputs: Iterable[str] = ()) -> None:
    """Raise ``OutputError`` unless ``path`` can be (re)written and is none of ``inputs``."""
    shown = display_path(path)
    directory = os.path.dirname(os.path.abspath(path))
    inputs = list(inputs)
    _not_read_back(path, inputs, shown)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise OutputError(shown, "cannot write: {why}", why=_reason(e)) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(shown, "cannot write: is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(shown, "cannot write: not a regular file (a device, pipe or socket); "
                                     "leave out the output option to write to standard output")
        mine = (st.st_dev, st.st_ino)
        for p in inputs:
            if _identity(p) == mine:
                raise OutputError(shown, "the output is also an input ({input}); choose another output file",
                                  input=display_path(p))
        try:  # opening for append changes nothing, but fails on read-only and immutable files
            os.close(os.open(path, os.O_WRONLY | os.O_APPEND))
        except OSError as e:
            raise OutputError(shown, "cannot write: {why}", why=_reason(e)) from None
    if not os.path.isdir(directory):
        raise OutputError(shown, "cannot write: the directory does not exist")
    try:  # the atomic write needs a temporary file in the same directory
        fd, tmp = tempfile.mkstemp(prefix=".claimcheck-", dir=directory)
        os.close(fd)
        os.unlink(tmp)
    except OSError as e:
        raise OutputError(shown, "cannot write in its directory: {why}", why=_reason(e)) from None


def atomic_write(path: str, text: str | bytes) -> None:
    """Write ``text`` (UTF-8; bytes as they are) to ``path`` through a temporary file and a rename."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".claimcheck-", dir=directory)
        with (os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8")) as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        raise OutputError(display_path(path), "cannot write: {why}", why=_reason(e)) from None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
