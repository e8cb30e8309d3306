"""GitHub Actions workflow annotations (``::error file=…,line=…::message``)."""
from __future__ import annotations

from .models import ReportOut

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def format_github(report: ReportOut, texts: dict[str, str]) -> str:
    """One annotation per finding, with end line and column."""
    out = []
    for fo in report.files:
        if fo.error:
            out.append(f"::error file={_escape_prop(fo.path)},title=claimcheck::{_escape_data(fo.error)}")
        text = texts.get(fo.path, "")
        for f in fo.findings:
            end_line = text.count("\n", 0, f.span.end) + 1
            end_col = f.span.end - (text.rfind("\n", 0, f.span.end) + 1) + 1
            props = (f"file={_escape_prop(fo.path)},line={f.span.line},col={f.span.column},"
                     f"endLine={end_line},endColumn={end_col},title={_escape_prop(f.rule)}")
            out.append(f"::{LEVEL[f.severity]} {props}::{_escape_data(f'{f.rule} {f.message}')}")
    return "\n".join(out) + ("\n" if out else "")
