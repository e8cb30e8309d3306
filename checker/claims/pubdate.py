"""Publication year: ``--year`` wins; else the source's metadata date (``SourceDocument.published``,
filled by the reader from front matter, HTML <meta> or .docx properties); else a header line near the
top of the text (发布时间 / 发布日期 / 日期: 2021-08-19, "2024年1月15日发布", or a dateline such as "——2026年1月28日在…会议上"); else unknown — never "the latest year
named", which hides every future-date error and invents false ones."""
from __future__ import annotations

import re
from typing import Optional

_HEADER = re.compile(
    r"(?:(?:发布|发表|发文|成文|印发)(?:时间|日期)\s*[:：]?|(?<![\u4e00-\u9fff])(?:时间|日期)\s*[:：])"
    r"\s*(\d{4})\s*[-年./]\s*\d{1,2}"
    r"|(\d{4})年\d{1,2}月(?:\d{1,2}日)?(?:发布|印发|公布)(?![\u4e00-\u9fff])")  # (2024年1月发布)
# a dateline near the top: a line that is only a full date, or a speech's "——2026年1月28日在…会议上"
_DATELINE = re.compile(r"(?m)^[ \t—―–-]*(\d{4})年\d{1,2}月\d{1,2}日(?:[ \t]*$|在[^\n]{2,60}?(?:会议|大会|会)上)")


def detect_year(text: str, source=None, option_year: Optional[int] = None) -> tuple[Optional[int], str]:
    """``(year, how)``: the publication year and how it was found, for the report header."""
    if option_year:
        return option_year, "--year"
    published = getattr(source, "published", None)
    if published is not None:
        return published.year, getattr(source, "published_from", "") or "metadata"
    m = _HEADER.search(text[:600]) or _DATELINE.search(text[:1000])
    if m:
        return int(m.group(1) or m.group(2)), f"header date «{m.group(0).strip()}»"
    return None, "unknown"
