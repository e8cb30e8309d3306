"""Check an editor buffer and turn the findings into LSP diagnostics (no server state here)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..report.models import FindingOut
from .positions import LinePositions

SUFFIX_FORMAT = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
                 ".html": "html", ".htm": "html"}
LANGUAGE_FORMAT = {"markdown": "markdown", "plaintext": "text", "text": "text", "html": "html"}
SEVERITY = {"error": 1, "warning": 2, "info": 3}   # lsprotocol DiagnosticSeverity values


@dataclass
class BufferResult:
    """The findings on one buffer, with what is needed to place and explain them."""

    text: str
    lang: str
    findings: list[FindingOut] = field(default_factory=list)
    rule_links: dict[str, str] = field(default_factory=dict)


def buffer_format(path: str, language_id: str | None) -> str | None:
    """``markdown``/``text``/``html`` for a buffer claimcheck checks, else None."""
    fmt = SUFFIX_FORMAT.get(os.path.splitext(path)[1].lower())
    return fmt or LANGUAGE_FORMAT.get(language_id or "")


def check_buffer(text: str, path: str, fmt: str) -> BufferResult:
    """Run the pipeline on ``text`` as if it were the file ``path`` (configuration found as the CLI
    finds it, upward from the file's folder)."""
    from ..config import find_config, options_for
    from ..engine import load_rules
    from ..io import SourceDocument
    from ..options import CheckOptions
    from ..pipeline import analyse
    from ..report.build import finding_out

    find_config.cache_clear()  # a long-running server must see edits to claimcheck.toml
    opts = options_for(path, CheckOptions(), set())
    view = None
    if fmt == "html":
        from ..io.html import html_view

        view = html_view(text, path)
    doc = analyse(SourceDocument(path=path, text=text, format=fmt, encoding="utf-8", view=view), opts)
    links = {r.id: Path(r.path).resolve().as_uri() for r in load_rules(tuple(opts.rule_dirs)) if r.path}
    return BufferResult(text=text, lang=opts.lang, findings=[finding_out(doc, f) for f in doc.findings],
                        rule_links=links)


def diagnostics(result: BufferResult, uri: str, encoding: str) -> list:
    """The LSP diagnostics of ``result`` (ranges in the negotiated position encoding)."""
    from lsprotocol import types as T

    lines = LinePositions(result.text, encoding)

    def rng(start: int, end: int) -> "T.Range":
        (l1, c1), (l2, c2) = lines.position(start), lines.position(end)
        return T.Range(start=T.Position(line=l1, character=c1), end=T.Position(line=l2, character=c2))

    out = []
    for f in result.findings:
        link = result.rule_links.get(f.rule)
        related = [T.DiagnosticRelatedInformation(
            location=T.Location(uri=uri, range=rng(r.span.start, r.span.end)),
            message=r.message or result.text[r.span.start:r.span.end]) for r in f.related]
        out.append(T.Diagnostic(
            range=rng(f.span.start, f.span.end), message=f.message, severity=T.DiagnosticSeverity(SEVERITY[f.severity]),
            code=f.rule, code_description=T.CodeDescription(href=link) if link else None, source="claimcheck",
            related_information=related or None))
    return out


def code_actions(result: BufferResult, uri: str, encoding: str, start: int, end: int) -> list:
    """Quick fixes for the findings that carry a fix (rule data, as ``--fix`` applies them) and touch
    code points ``[start, end]``: safe fixes are preferred, unsafe ones say so in their title."""
    from lsprotocol import types as T

    lines = LinePositions(result.text, encoding)
    out = []
    for f in result.findings:
        fix = f.fix
        if fix is None or f.span.end < start or f.span.start > end:
            continue
        (l1, c1), (l2, c2) = lines.position(fix.span.start), lines.position(fix.span.end)
        edit = T.TextEdit(range=T.Range(start=T.Position(line=l1, character=c1), end=T.Position(line=l2, character=c2)),
                          new_text=fix.replacement)
        old = result.text[fix.span.start:fix.span.end]
        safe = fix.applicability == "safe"
        if result.lang == "en":
            title = f"claimcheck {f.rule}: replace “{old}” with “{fix.replacement}”" + ("" if safe else " (unsafe)")
        else:
            title = f"claimcheck {f.rule}：把“{old}”改为“{fix.replacement}”" + ("" if safe else "（可能改变原意）")
        out.append(T.CodeAction(title=title, kind=T.CodeActionKind.QuickFix, is_preferred=safe,
                                edit=T.WorkspaceEdit(changes={uri: [edit]})))
    return out


def hover_text(result: BufferResult, offset: int) -> str | None:
    """Markdown for the findings covering code-point ``offset``: message, quote and derivation."""
    from ..annotate.comment import comment_text

    hits = [f for f in result.findings
            if f.span.start <= offset < f.span.end or f.span.start == f.span.end == offset]
    if not hits:
        return None
    parts = []
    for f in hits:
        lines = comment_text(f, result.text, result.lang).split("\n")
        lines[0] = f"**{f.rule}** {lines[0][len(f.rule) + 1:]}"
        link = result.rule_links.get(f.rule)
        if link:
            lines[-1] = f"[{f.rule}]({link}) · `{lines[-1].split('：' if result.lang != 'en' else ': ', 1)[-1]}`"
        parts.append("\n\n".join(lines))
    return "\n\n---\n\n".join(parts)
