"""Publication date from a document's metadata: YAML front matter, HTML
``<meta>`` tags, .docx core properties.  Returns ``(date, where)`` so the
report can say where the date came from."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .prose import front_matter_span

DATE_KEYS = ("date", "published", "pubdate", "publishdate", "published_at", "created")
_FM_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$", re.M)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_META_NAMES = ("article:published_time", "og:published_time", "pubdate", "publishdate", "publish_date",
               "date", "dc.date", "dc.date.issued", "dcterms.created", "citation_publication_date",
               "article:modified_time")
_ISO = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def parse_date(value: str) -> Optional[dt.date]:
    """A date from ``2021-08-19``, ``"2020-04-17"``, ISO datetimes or RFC 2822
    (``Thu, 19 Aug 2021 23:56:09 GMT``); None when it is not a date."""
    v = value.strip().strip("\"'").strip()
    if not v:
        return None
    m = _ISO.match(v)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime  # only for an RFC 2822 date (its imports cost 5 ms)

    try:
        return parsedate_to_datetime(v).date()
    except (TypeError, ValueError, IndexError):
        return None


def front_matter_date(text: str) -> tuple[Optional[dt.date], str]:
    """The first date key of the YAML front matter (``date:``, ``published:`` …)."""
    fm = front_matter_span(text)
    if not fm:
        return None, ""
    found = {m.group("key").lower(): m.group("value") for m in _FM_LINE.finditer(text[fm[0]:fm[1]])}
    for key in DATE_KEYS:
        if key in found:
            d = parse_date(found[key])
            if d is not None:
                return d, f"front matter «{key}: {found[key].strip()}»"
    return None, ""


def html_meta_date(raw: str) -> tuple[Optional[dt.date], str]:
    """The date of the first publication ``<meta>`` (article:published_time, pubdate, date …)."""
    best: Optional[tuple[int, dt.date, str]] = None
    for m in _META.finditer(raw[:200_000]):
        attrs = {a.group(1).lower(): next(g for g in a.groups()[1:] if g is not None)
                 for a in _ATTR.finditer(m.group(0))}
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name in _META_NAMES and "content" in attrs:
            d = parse_date(attrs["content"])
            rank = _META_NAMES.index(name)
            if d is not None and (best is None or rank < best[0]):
                best = (rank, d, f"<meta {name}=«{attrs['content']}»>")
    return (best[1], best[2]) if best else (None, "")


def docx_date(data: bytes) -> tuple[Optional[dt.date], str]:
    """The last-modified (else created) date of a .docx's core properties."""
    try:
        import io

        import docx

        props = docx.Document(io.BytesIO(data)).core_properties
    except Exception:  # an unreadable document is reported by the text reader
        return None, ""
    for name in ("modified", "created"):
        value = getattr(props, name, None)
        if isinstance(value, dt.datetime):
            return value.date(), f".docx core property «{name}: {value.isoformat()}»"
    return None, ""
