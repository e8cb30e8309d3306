"""Turn analysed documents into the contract models (original offsets only)."""
from __future__ import annotations

from ..document import Claim, Doc, Finding
from ..evidence import claim_detail
from ..numbers import Quantity, fmt
from .. import __version__
from ..gcpause import gc_paused
from .models import (ClaimOut, FileOut, FindingOut, FixOut, FrameOut, PeriodOut, QuantityOut, RelatedOut,
                     ReportOut, Span, SubjectOut, SummaryOut, ToolOut)


def span_out(doc: Doc, start: int, end: int, orig: tuple[int, int] | None = None) -> Span:
    """Contract span for a normalised ``[start, end)`` (or an already original span)."""
    s, e = orig if orig is not None else doc.orig_span(start, end)
    line, col = doc.line_col(s)
    return Span(start=s, end=e, line=line, column=col)


def quantity_out(doc: Doc, q: Quantity) -> QuantityOut:
    """Contract form of a Quantity."""
    sp = span_out(doc, q.start, q.end)
    return QuantityOut(
        text=doc.source.text[sp.start:sp.end], value=fmt(q.value), unit=q.unit, kind=q.kind,
        decimals=q.decimals, interval=str(q.interval), approx=list(q.approx), span=sp,
    )


def _subject_out(s) -> SubjectOut:
    return SubjectOut(text=s.text, core=s.core, attr=s.attr, topic=s.topic)


def frame_out(f, lang: str = "zh") -> FrameOut:
    """Contract form of a claim frame (its one-line ``about`` worded in ``lang``)."""
    p = f.period
    return FrameOut(
        about=f.about(lang), subject=_subject_out(f.subject), items=[_subject_out(s) for s in f.items],
        scope=f.scope_label or f.scope, period=PeriodOut(label=p.label, year=p.year, relative=p.relative,
                                                       part=p.part, span=p.span),
        measure=f.measure, unit=f.unit, dimension=f.dimension, reference=f.reference, flow=f.flow,
        modality=f.modality, approx=list(f.approx), value=str(f.value) if f.value is not None else None,
    )


def claim_out(doc: Doc, c: Claim) -> ClaimOut:
    """Contract form of a Claim; its text is the original as written."""
    sp = span_out(doc, c.start, c.end)
    return ClaimOut(
        id=c.id, kind=c.kind, text=doc.source.text[sp.start:sp.end], span=sp,
        quantities=[quantity_out(doc, q) for q in c.quantities],
        verdict=c.data.verdict, detail=claim_detail(doc, c, doc.lang),
        frame=frame_out(c.frame, doc.lang) if c.frame is not None else None,
    )


def fix_out(doc: Doc, f: Finding, span: Span) -> FixOut | None:
    """The finding's fix in original offsets, or None when it has none or it cannot be made exactly:
    the original text under the span must be the very text the rule read (no normalisation, markup
    or entity in between), so that nothing but the flagged characters changes."""
    if f.fix is None or f.orig is not None:
        return None
    if doc.source.text[span.start:span.end] != doc.text[f.start:f.end]:
        return None
    replacement, safe = f.fix
    return FixOut(span=span, replacement=replacement, applicability="safe" if safe else "unsafe")


def finding_out(doc: Doc, f: Finding) -> FindingOut:
    """Contract form of a Finding."""
    span = span_out(doc, f.start, f.end, f.orig)
    return FindingOut(
        rule=f.rule, category=f.category, severity=f.severity, message=f.message,
        span=span,
        related=[RelatedOut(span=span_out(doc, r.start, r.end), message=r.message) for r in f.related],
        claims=list(f.claims), evidence=dict(f.evidence), fix=fix_out(doc, f, span),
    )


def framed_claims(doc: Doc) -> list[Claim]:
    """The claims worth reporting: every claim a builder framed (a change, a rate, a part/whole …), a
    claim with a verdict, and any claim a finding names; a bare number that nothing read is left out."""
    named = {cid for f in doc.findings for cid in f.claims}
    return [c for c in doc.claims
            if c.kind != "quantity" or c.data.verdict is not None or c.id in named]


def file_out(doc: Doc, all_quantities: bool = True) -> FileOut:
    """Contract entry for one analysed file; with ``all_quantities`` false, only the framed claims
    (``framed_claims``): ids stay those of the full list, so a finding's claim ids still resolve."""
    with gc_paused():
        return _file_out(doc, all_quantities)


def _file_out(doc: Doc, all_quantities: bool) -> FileOut:
    claims = doc.claims if all_quantities else framed_claims(doc)
    return FileOut(
        path=doc.source.path, language=doc.language, error=None,
        profile={"name": doc.profile, "reason": doc.profile_reason},
        claims=[claim_out(doc, c) for c in claims],
        findings=[finding_out(doc, f) for f in doc.findings],
    )


def error_file_out(path: str, message: str) -> FileOut:
    """Contract entry for a file that could not be read."""
    return FileOut(path=path, language=None, error=message, claims=[], findings=[])


def report_out(files: list[FileOut]) -> ReportOut:
    """The whole document with its summary."""
    sev = [f.severity for fo in files for f in fo.findings]
    return ReportOut(
        tool=ToolOut(name="claimcheck", version=__version__),
        files=files,
        summary=SummaryOut(
            files=len(files), claims=sum(len(f.claims) for f in files), findings=len(sev),
            errors=sev.count("error"), warnings=sev.count("warning"), info=sev.count("info"),
        ),
    )
