"""Turn analysed documents into the JSON output contract (original offsets only).

One contract entry, two forms.  ``file_entry`` builds the plain JSON form: dicts, lists, strings,
ints and None, every field of the contract models (``checker.report.models``) in their order, so
that the command line writes, prints and counts it without pydantic.  ``file_out`` validates that
very form into the pydantic models (the typed public API; ``FileOut.model_dump()`` gives back the
entry).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .. import __version__
from ..document import Claim, Doc, Finding
from ..evidence import claim_detail
from ..gcpause import gc_paused
from ..numbers import Quantity, fmt
from .exact import no_floats

if TYPE_CHECKING:
    from .models import FileOut, FindingOut, ReportOut


def span_entry(doc: Doc, start: int, end: int, orig: tuple[int, int] | None = None) -> dict:
    """Contract span for a normalised ``[start, end)`` (or an already original span)."""
    s, e = orig if orig is not None else doc.orig_span(start, end)
    line, col = doc.line_col(s)
    return {"start": s, "end": e, "line": line, "column": col}


def quantity_entry(doc: Doc, q: Quantity, sp: dict | None = None) -> dict:
    """Contract form of a Quantity; ``sp`` is its span entry when the caller already has it."""
    if sp is None:
        sp = span_entry(doc, q.start, q.end)
    return {"text": doc.source.text[sp["start"]:sp["end"]], "value": fmt(q.value), "unit": q.unit,
            "kind": q.kind, "decimals": q.decimals, "interval": str(q.interval), "approx": list(q.approx),
            "span": sp}


def _subject_entry(s) -> dict:
    return {"text": s.text, "core": s.core, "attr": s.attr, "topic": s.topic}


def frame_entry(f, lang: str = "zh", value_text: str | None = None) -> dict:
    """Contract form of a claim frame (its one-line ``about`` worded in ``lang``); ``value_text``
    is ``str(f.value)`` when the caller already has it."""
    p = f.period
    if value_text is None and f.value is not None:
        value_text = str(f.value)
    return {
        "version": 1, "about": f.about(lang), "subject": _subject_entry(f.subject),
        "items": [_subject_entry(s) for s in f.items], "scope": f.scope_label or f.scope,
        "period": {"label": p.label, "year": p.year, "relative": p.relative, "part": p.part, "span": p.span},
        "measure": f.measure, "unit": f.unit, "dimension": f.dimension, "reference": f.reference,
        "flow": f.flow, "modality": f.modality, "approx": list(f.approx),
        "value": value_text,
    }


def claim_entry(doc: Doc, c: Claim) -> dict:
    """Contract form of a Claim; its text is the original as written."""
    sp = span_entry(doc, c.start, c.end)
    # a bare number's claim is its quantity: one span entry for both
    quantities = [quantity_entry(doc, q, sp if (q.start, q.end) == (c.start, c.end) else None) for q in c.quantities]
    frame = None
    if c.frame is not None:  # its value is mostly one of the quantities' very intervals: written once
        value = c.frame.value
        shown = next((e["interval"] for q, e in zip(c.quantities, quantities) if q.interval is value), None)
        frame = frame_entry(c.frame, doc.lang, shown)
    return {
        "id": c.id, "kind": c.kind, "text": doc.source.text[sp["start"]:sp["end"]], "span": sp,
        "quantities": quantities, "verdict": c.data.verdict, "detail": claim_detail(doc, c, doc.lang),
        "frame": frame,
    }


def fix_entry(doc: Doc, f: Finding, span: dict) -> dict | None:
    """The finding's fix in original offsets, or None when it has none or it cannot be made exactly:
    the original text under the span must be the very text the rule read (no normalisation, markup
    or entity in between), so that nothing but the flagged characters changes."""
    if f.fix is None or f.orig is not None:
        return None
    if doc.source.text[span["start"]:span["end"]] != doc.text[f.start:f.end]:
        return None
    replacement, safe = f.fix
    return {"span": span, "replacement": replacement, "applicability": "safe" if safe else "unsafe"}


def finding_entry(doc: Doc, f: Finding) -> dict:
    """Contract form of a Finding (``ValueError`` when its evidence holds a float: see ``exact``)."""
    span = span_entry(doc, f.start, f.end, f.orig)
    return {
        "rule": f.rule, "category": f.category, "severity": f.severity, "message": f.message, "span": span,
        "related": [{"span": span_entry(doc, r.start, r.end), "message": r.message} for r in f.related],
        "claims": list(f.claims), "evidence": no_floats(dict(f.evidence)), "fix": fix_entry(doc, f, span),
    }


def framed_claims(doc: Doc) -> list[Claim]:
    """The claims worth reporting: every claim a builder framed (a change, a rate, a part/whole …), a
    claim with a verdict, and any claim a finding names; a bare number that nothing read is left out."""
    named = {cid for f in doc.findings for cid in f.claims}
    return [c for c in doc.claims
            if c.kind != "quantity" or c.data.verdict is not None or c.id in named]


def file_entry(doc: Doc, all_quantities: bool = True) -> dict:
    """Contract entry (JSON form) for one analysed file; with ``all_quantities`` false, only the
    framed claims (``framed_claims``): ids stay those of the full list, so a finding's claim ids
    still resolve."""
    with gc_paused():
        claims = doc.claims if all_quantities else framed_claims(doc)
        return {
            "path": doc.source.path, "language": doc.language, "error": None,
            "profile": {"name": doc.profile, "reason": doc.profile_reason},
            "claims": [claim_entry(doc, c) for c in claims],
            "findings": [finding_entry(doc, f) for f in doc.findings],
        }


def error_file_entry(path: str, message: str) -> dict:
    """Contract entry (JSON form) for a file that could not be read."""
    return {"path": path, "language": None, "error": message, "profile": None, "claims": [], "findings": []}


def summary_entry(files: int, claims: int, severities: list[str]) -> dict:
    """The report's summary: files, claims, and findings in all and by severity."""
    return {"files": files, "claims": claims, "findings": len(severities), "errors": severities.count("error"),
            "warnings": severities.count("warning"), "info": severities.count("info")}


def tool_entry() -> dict:
    """The report's ``tool``: name and version."""
    return {"name": "claimcheck", "version": __version__}


def report_entry(files: list[dict]) -> dict:
    """The whole report (JSON form) over file entries, with its summary."""
    sev = [f["severity"] for fo in files for f in fo["findings"]]
    return {"version": 1, "tool": tool_entry(), "files": files,
            "summary": summary_entry(len(files), sum(len(f["claims"]) for f in files), sev)}


def file_out(doc: Doc, all_quantities: bool = True) -> "FileOut":
    """Contract entry for one analysed file as the pydantic model (``file_entry``, validated)."""
    from .models import FileOut

    with gc_paused():   # (one pause for the entry and its models)
        return FileOut.model_validate(file_entry(doc, all_quantities))


def finding_out(doc: Doc, f: Finding) -> "FindingOut":
    """Contract form of a Finding as the pydantic model (``finding_entry``, validated)."""
    from .models import FindingOut

    return FindingOut.model_validate(finding_entry(doc, f))


def report_out(files: list["FileOut"]) -> "ReportOut":
    """The whole document with its summary, as the pydantic model."""
    from .models import ReportOut, SummaryOut, ToolOut

    sev = [f.severity for fo in files for f in fo.findings]
    return ReportOut(tool=ToolOut(**tool_entry()), files=files,
                     summary=SummaryOut(**summary_entry(len(files), sum(len(f.claims) for f in files), sev)))
