"""Counting Han characters (the CJK Unified Ideographs block), in C rather than a Python loop."""
from __future__ import annotations

import re

_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def han_count(s: str) -> int:
    """How many Han characters (U+4E00–U+9FFF) ``s`` holds."""
    return len(_NOT_HAN.sub("", s))
