"""Turn analysed documents into the contract models (original offsets only)."""
from __future__ import annotations

from ..document import Claim, Doc, Finding
from ..numbers import Quantity, fmt
from .. import __version__
from .models import (ClaimOut, FileOut, FindingOut, QuantityOut, RelatedOut, ReportOut, Span,
                     SummaryOut, ToolOut)


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


def claim_out(doc: Doc, c: Claim) -> ClaimOut:
    """Contract form of a Claim; its text is the original as written."""
    sp = span_out(doc, c.start, c.end)
    return ClaimOut(
        id=c.id, kind=c.kind, text=doc.source.text[sp.start:sp.end], span=sp,
        quantities=[quantity_out(doc, q) for q in c.quantities],
        verdict=c.data.get("verdict"), detail=c.data.get("detail"),
    )


def finding_out(doc: Doc, f: Finding) -> FindingOut:
    """Contract form of a Finding."""
    return FindingOut(
        rule=f.rule, category=f.category, severity=f.severity, message=f.message,
        span=span_out(doc, f.start, f.end, f.orig),
        related=[RelatedOut(span=span_out(doc, r.start, r.end), message=r.message) for r in f.related],
        claims=list(f.claims), evidence=dict(f.evidence),
    )


def framed_claims(doc: Doc) -> list[Claim]:
    """The claims worth reporting: every claim a builder framed (a change, a rate, a part/whole …), a
    claim with a verdict, and any claim a finding names; a bare number that nothing read is left out."""
    named = {cid for f in doc.findings for cid in f.claims}
    return [c for c in doc.claims
            if c.kind != "quantity" or c.data.get("verdict") is not None or c.id in named]


def file_out(doc: Doc, all_quantities: bool = True) -> FileOut:
    """Contract entry for one analysed file; with ``all_quantities`` false, only the framed claims
    (``framed_claims``): ids stay those of the full list, so a finding's claim ids still resolve."""
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
