"""Claim builders: turn quantities and their context into typed claims.

Order matters only where one kind reads another (trends read changes)."""
from __future__ import annotations

from ..document import Claim, Doc
from ..options import CheckOptions
from . import change, partwhole, period, rate, respective, streak, trend
from .pubdate import detect_year


def build_claims(doc: Doc, options: CheckOptions) -> None:
    """Fill ``doc.claims`` (ids c1…cn in document order) and the publication year."""
    if options.year:
        doc.year, doc.year_source = options.year, "--year"
    else:
        doc.year, doc.year_source = detect_year(doc.text)
    claims: list[Claim] = []
    changes = change.build(doc)
    claims += changes
    claims += trend.build(doc, changes)
    claims += streak.build(doc)
    claims += period.build(doc)
    claims += rate.build(doc)
    claims += partwhole.build(doc)
    claims += respective.build(doc)
    covered = {id(q) for c in claims for q in c.quantities}
    claims += [Claim(id="", kind="quantity", start=q.start, end=q.end, quantities=[q])
               for q in doc.quantities if id(q) not in covered]
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    doc.claims = claims
