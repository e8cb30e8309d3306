"""Publication year: from a header date (发布时间/时间/日期), else the latest
year the text names.  ``--year`` overrides both."""
from __future__ import annotations

import re

_HEADER = re.compile(r"(?:发布时间|发布日期|发表时间|时间|日期)\s*[:：]?\s*(\d{4})[-年./]\d{1,2}")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")


def detect_year(text: str) -> tuple[int | None, str]:
    """``(year, how)``: how the year was found, for the report header."""
    head = text[:600]
    m = _HEADER.search(head)
    if m:
        return int(m.group(1)), f"header date «{m.group(0).strip()}»"
    years = [int(y) for y in _YEAR.findall(text)]
    if years:
        y = max(years)
        return y, f"latest year named in the text ({y}年)"
    return None, "unknown"
