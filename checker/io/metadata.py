"""Publication dates from a document's own metadata (Markdown front matter)."""
from __future__ import annotations

import datetime
import re
from typing import Optional

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_DATE = re.compile(r"^(?:date|published|pubdate|publish_date)[ \t]*:[ \t]*[\"']?(\d{4})-(\d{1,2})-(\d{1,2})",
                   re.M | re.I)


def front_matter_date(text: str) -> Optional[datetime.date]:
    """The ``date:`` (or ``published:``) of a leading ``---`` front-matter block, or None."""
    m = _FRONT.match(text)
    d = _DATE.search(m.group(1)) if m else None
    if d is None:
        return None
    try:
        return datetime.date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
    except ValueError:
        return None  # 2021-13-45 is no date
