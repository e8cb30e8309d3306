"""A plain-text document too large for the memory budget, checked in windows.

Above ``WINDOW_CHARS`` code points, a plain-text document is cut at line ends (else sentence ends,
else between two non-digits) into windows of at most ``WINDOW_CHARS``; each window is analysed on
its own and its contract entry shifted back into the whole document's offsets, lines and columns,
with claim ids renumbered across windows.  Memory is then bounded by one window, not by the
document.  The publication year and the regional profile are those of the first window, for every
window; a relation between two statements in different windows is not seen.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterator

from .io.source import SourceDocument, source_from_text
from .options import CheckOptions

if TYPE_CHECKING:
    from .report.models import FileOut

WINDOW_CHARS = 1_000_000
_SENTENCE_ENDS = "。！？；!?;"


def needs_windows(src: SourceDocument, limit: int = WINDOW_CHARS) -> bool:
    """Whether ``src`` is plain text longer than ``limit`` code points."""
    return src.format == "text" and len(src.text) > limit


def window_bounds(text: str, limit: int = WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of consecutive windows covering ``text``, each at most ``limit`` long, cut at
    the last line end in the window's second half, else the last sentence end, else between two
    characters that are not digits (a number is never cut in two)."""
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = text.rfind("\n", lo, hi) + 1
        if cut <= 0:
            cut = max(text.rfind(ch, lo, hi) for ch in _SENTENCE_ENDS) + 1
        if cut <= 0:
            cut = hi
            while cut > lo and (text[cut - 1].isdigit() or text[cut].isdigit()):
                cut -= 1
        yield start, cut
        start = cut
    yield start, n


def _line_starts(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(lines before, column offset) of each window start in ``text``."""
    out, line, pos = [], 0, 0
    for s, _ in bounds:
        line += text.count("\n", pos, s)
        pos = s
        out.append((line, s - (text.rfind("\n", 0, s) + 1)))
    return out


def _shift(sp: dict, offset: int, lines: int, col: int) -> dict:
    return {"start": sp["start"] + offset, "end": sp["end"] + offset, "line": sp["line"] + lines,
            "column": sp["column"] + (col if sp["line"] == 1 else 0)}


def windowed_parts(src: SourceDocument, options: CheckOptions | None = None, all_quantities: bool = True,
                   limit: int = WINDOW_CHARS) -> Iterator[tuple[dict, list[dict], list[dict]]]:
    """Window by window: ``(the window's entry, its claims, its findings)``, in the JSON form of
    ``checker.report.build``, with spans shifted to the whole original and claim ids numbered across
    windows (the first entry gives path, language and profile; see the module docstring).  Only one
    window's objects are alive at a time."""
    from .pipeline import analyse
    from .report.build import file_entry

    options = options or CheckOptions()
    text = src.text
    bounds = list(window_bounds(text, limit))
    starts = _line_starts(text, bounds)
    numbered = 0
    first = True
    for (s, e), (lines, col) in zip(bounds, starts):
        part = replace(source_from_text(text[s:e], src.path), published=src.published,
                       published_from=src.published_from, encoding=src.encoding)
        doc = analyse(part, options)
        if first:   # the first window decides the year and the profile for the rest
            options = replace(options, year=options.year or doc.year, profile=doc.profile)
            first = False
        fo = file_entry(doc, all_quantities)
        del doc
        ids = {c["id"]: f"c{numbered + i}" for i, c in enumerate(fo["claims"], 1)}
        numbered += len(fo["claims"])
        sh = lambda sp: _shift(sp, s, lines, col)  # noqa: E731
        claims = [{**c, "id": ids[c["id"]], "span": sh(c["span"]),
                   "quantities": [{**q, "span": sh(q["span"])} for q in c["quantities"]]} for c in fo["claims"]]
        findings = []
        for f in fo["findings"]:
            span = sh(f["span"])   # a fix replaces its finding's very span (``report.build.fix_entry``)
            findings.append({**f, "span": span, "claims": [ids.get(c, c) for c in f["claims"]],
                             "related": [{**r, "span": sh(r["span"])} for r in f["related"]],
                             "fix": f["fix"] and {**f["fix"], "span": span}})
        yield {**fo, "claims": [], "findings": []}, claims, findings


def windowed_file_out(src: SourceDocument, options: CheckOptions | None = None,
                      all_quantities: bool = True, limit: int = WINDOW_CHARS) -> "FileOut":
    """The contract entry of ``src`` analysed window by window (see the module docstring), in memory:
    ``JsonReportWriter.add_windows`` writes the same entry without holding it."""
    from .report.models import FileOut

    head: dict | None = None
    claims: list[dict] = []
    findings: list[dict] = []
    for fo, cs, fs in windowed_parts(src, options, all_quantities, limit):
        head = head or fo
        claims += cs
        findings += fs
    assert head is not None
    return FileOut.model_validate({**head, "claims": claims, "findings": findings})
