"""One way of counting numbers and claims, shared by every output (full, report, README figures).

The contract's ``claims`` list holds every number found: the ones that take part in a claim (a
change, a streak, a part of a whole …) inside those claims, the rest as bare ``quantity`` entries.
For people, "claims" are the first kind only and "numbers" are the distinct numbers found."""
from __future__ import annotations

from typing import Iterable, NamedTuple

BARE = "quantity"   # the kind of a number that takes part in no claim


class Counts(NamedTuple):
    """Distinct numbers found and claims made of them."""

    numbers: int
    claims: int


def count_entries(entries: Iterable[tuple[str, Iterable[tuple[int, int]]]]) -> Counts:
    """Counts from ``(kind, spans of its numbers)`` per claims-list entry."""
    spans: set[tuple[int, int]] = set()
    claims = 0
    for kind, qspans in entries:
        spans.update(qspans)
        claims += kind != BARE
    return Counts(len(spans), claims)


def file_counts(fo: dict) -> Counts:
    """Counts of one contract file entry (JSON form, ``report.build.file_entry``)."""
    return count_entries((c["kind"], [(q["span"]["start"], q["span"]["end"]) for q in c["quantities"]])
                         for c in fo["claims"])


def doc_counts(doc) -> Counts:
    """Counts of an analysed ``Doc`` (the same figures as ``file_counts(file_out(doc))``)."""
    return count_entries((c.kind, [(q.start, q.end) for q in c.quantities]) for c in doc.claims)


def report_counts(report: dict) -> Counts:
    """Counts over every file of a report (JSON form, ``report.build.report_entry``)."""
    per_file = [file_counts(fo) for fo in report["files"]]
    return Counts(sum(c.numbers for c in per_file), sum(c.claims for c in per_file))
