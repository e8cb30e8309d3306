"""The user cache directory of claimcheck: ``$XDG_CACHE_HOME/claimcheck`` (else
``~/.cache/claimcheck``); ``CLAIMCHECK_NO_CACHE=1`` turns caching off.  What is kept there is only
an aid: a missing, corrupt or unwritable cache is rebuilt or ignored."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional


def cache_dir() -> Optional[Path]:
    """The user cache directory for claimcheck, or None when caching is turned off."""
    if os.environ.get("CLAIMCHECK_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimcheck"


def store(path: Path, data: bytes, mode: Optional[int] = None) -> None:
    """Write ``data`` to the cache file ``path`` whole or not at all (a temporary file, then a rename),
    with permission bits ``mode`` when given; a read-only home or a full disk is ignored."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
