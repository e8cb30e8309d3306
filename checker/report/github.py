"""GitHub Actions workflow annotations (``::error file=…,line=…::message``)."""
from __future__ import annotations

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def format_github(report: dict, texts: dict[str, str]) -> str:
    """One annotation per finding, with end line and column (``report`` in the JSON form)."""
    out = []
    for fo in report["files"]:
        path = fo["path"]
        if fo["error"]:
            out.append(f"::error file={_escape_prop(path)},title=claimcheck::{_escape_data(fo['error'])}")
        text = texts.get(path, "")
        for f in fo["findings"]:
            span, rule = f["span"], f["rule"]
            end_line = text.count("\n", 0, span["end"]) + 1
            end_col = span["end"] - (text.rfind("\n", 0, span["end"]) + 1) + 1
            props = (f"file={_escape_prop(path)},line={span['line']},col={span['column']},"
                     f"endLine={end_line},endColumn={end_col},title={_escape_prop(rule)}")
            out.append(f"::{LEVEL[f['severity']]} {props}::{_escape_data(rule + ' ' + f['message'])}")
    return "\n".join(out) + ("\n" if out else "")
