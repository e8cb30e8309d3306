"""Refuse up front a document that cannot fit in the memory the process may use.

Analysis holds a few hundred bytes per input byte (quantities, claims, offset maps).  Under an
address-space limit (``ulimit -v``, ``RLIMIT_AS``) running out is not a clean ``MemoryError``:
native extensions may abort the process.  So when such a limit is set, a document whose estimated
need exceeds what is left is refused before analysis, with exit status 4 and a message naming it.
Without a limit nothing is checked.
"""
from __future__ import annotations

import resource

from ..errors import ResourceError

BYTES_PER_INPUT_BYTE = 400   # measured: ≈310 on claim-dense text (4.5 MB → 1.39 GiB peak RSS)


def _address_space_in_use() -> int:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[0])
        return pages * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def check_memory(path: str, text_bytes: int) -> None:
    """Raise ``ResourceError`` when analysing a text of about ``text_bytes`` UTF-8 bytes would exceed
    ``RLIMIT_AS``."""
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft <= 0:
        return
    need = text_bytes * BYTES_PER_INPUT_BYTE
    left = soft - _address_space_in_use()
    if need > left:
        raise ResourceError(path, "not enough memory to check it: about {need} MiB needed, {left} MiB left "
                                  "under the address-space limit (ulimit -v); split the document or raise the limit",
                            need=need >> 20, left=max(0, left) >> 20)
