"""A cache of validated rule packs, so that a start-up does not parse and validate every rule file.

One entry per pack directory holds the pack and its key: the path, size, modification time and
CRC-32 of the bytes of every rule file in it, the stat of each validating module (``checker/engine``)
and the Python, pydantic (its installed ``version.py``) and claimcheck versions.  The whole key must
be equal for a hit, so a changed, added or removed rule file, or a changed validator, is a miss and
the pack is validated again: a broken file still gives its ``ConfigError``.  Only a pack that
validated completely is stored.  The cache lives in ``$XDG_CACHE_HOME/claimcheck`` (else ``~/.cache/claimcheck``); an
unreadable, corrupt or unwritable cache is silently ignored (``CLAIMCHECK_NO_CACHE=1`` turns it off).
"""
from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path
from typing import Callable

from ..usercache import cache_dir, store  # (shared with the text normaliser's cache)

_FORMAT = "claimcheck-rule-pack-3"   # 3: plain ``RuleSpec`` objects (no pydantic to unpickle them)
_ENGINE = Path(__file__).resolve().parent


def _pydantic_stamp() -> tuple:
    """Which pydantic validates a pack on a miss, without importing it (a start-up served by the
    cache never does): the location, size and modification time of its ``version.py``."""
    from importlib.util import find_spec

    spec = find_spec("pydantic")
    if spec is None or not spec.submodule_search_locations:
        return ()
    version = Path(next(iter(spec.submodule_search_locations)), "version.py")
    return (str(version), *_stat(version))


def _key(directory: str, files: list[Path]) -> tuple:
    from .. import __version__

    code = tuple((str(p), *_stat(p)) for p in sorted(_ENGINE.rglob("*.py")))
    rules = []
    for p in files:
        data = p.read_bytes()
        rules.append((str(p), len(data), p.stat().st_mtime_ns, zlib.crc32(data)))
    return (_FORMAT, sys.version, __version__, _pydantic_stamp(), directory, code, tuple(rules))


def _stat(p: Path) -> tuple[int, int]:
    st = p.stat()
    return st.st_size, st.st_mtime_ns


def cached_pack(directory: str, files: list[Path], build: Callable[[], tuple]) -> tuple:
    """The validated pack of ``files`` from the cache, else ``build()`` (stored when it succeeds)."""
    where = cache_dir()
    try:
        key = _key(directory, files) if where else None
    except OSError:
        key = None  # an unreadable rule file: ``build`` reports it
    entry = None
    if key is not None:
        name = f"rules-{zlib.crc32(f'{directory}|{sys.version}'.encode()):08x}.pickle"
        entry = where / name
        try:
            with open(entry, "rb") as fh:
                if not _own_file(os.fstat(fh.fileno())):
                    raise PermissionError(entry)   # unpickling runs code: only a file nobody else can write
                stored_key, pack = pickle.load(fh)
            if stored_key == key and isinstance(pack, tuple):
                return pack
        except Exception:  # missing, truncated or from another pydantic: validate again
            pass
    pack = build()
    if entry is not None:
        _store(entry, (key, pack))
    return pack


def _own_file(st: os.stat_result) -> bool:
    """Whether a cache file is this user's and writable by nobody else (a shared or restored cache
    directory must not hand ``pickle`` a file someone else wrote)."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or (st.st_uid == getuid() and not st.st_mode & 0o022)


def _store(entry: Path, value: tuple) -> None:
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unpicklable parameter: the cache is only an aid
        return
    store(entry, data, 0o600)   # this user's alone, whatever the umask: ``_own_file`` accepts it
