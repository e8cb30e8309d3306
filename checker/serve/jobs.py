"""The work one request asks for, as plain functions a worker process can run.

Input is bytes and a file name (the name only chooses the format), output is a
``Result``: a status code, a media type and the body.  Nothing is written to
disk; the document lives only in this call.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Optional

from ..errors import ClaimcheckError, InputError

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html", ".docx": "docx"}
PROFILES = ("mainland", "taiwan")
LANGS = ("zh", "en")


class RequestError(ClaimcheckError):
    """A request the server refuses; ``status`` is the HTTP status, ``str()`` the message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class JobOptions:
    """What the editor chose on the page (or in the API's ``options``)."""

    lang: str = "zh"
    profile: str = "mainland"
    year: Optional[int] = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)


@dataclass
class Result:
    """One response body."""

    status: int
    media_type: str
    body: str


def _split(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    if not all(isinstance(x, str) for x in items):
        raise RequestError(422, "select/ignore: a comma-separated string or a list of rule codes")
    return [x.strip() for x in items if x.strip()]


def job_options(raw: dict) -> JobOptions:
    """Validate options from a form or JSON object; unknown names and bad values are a 422."""
    from ..engine import load_rules

    unknown = sorted(set(raw) - {"lang", "profile", "year", "select", "ignore"})
    if unknown:
        raise RequestError(422, f"unknown option(s): {', '.join(unknown)} "
                                "(known: lang, profile, year, select, ignore)")
    lang = raw.get("lang") or "zh"
    if lang not in LANGS:
        raise RequestError(422, f"lang: {lang!r} is not one of zh, en")
    profile = raw.get("profile") or "mainland"
    if profile not in PROFILES:
        raise RequestError(422, f"profile: {profile!r} is not one of mainland, taiwan")
    year = raw.get("year")
    if year in (None, ""):
        year = None
    else:
        try:
            year = int(str(year).strip())
        except ValueError:
            raise RequestError(422, f"year: {year!r} is not a year") from None
        if not 1900 <= year <= 2200:
            raise RequestError(422, f"year: {year} is outside 1900–2200")
    select = [_code(c) for c in _split(raw.get("select"))]
    ignore = [_code(c) for c in _split(raw.get("ignore"))]
    rules = load_rules(())
    for code in select + ignore:
        if not any(r.id.startswith(code) or r.name == code for r in rules):
            raise RequestError(422, f"select/ignore: no rule matches {code!r} (see GET /api/rules)")
    return JobOptions(lang=lang, profile=profile, year=year, select=select, ignore=ignore)


def _code(s: str) -> str:
    """Rule codes and prefixes are upper case (cc1 → CC1); rule names stay as written."""
    return s.upper() if re.fullmatch(r"[A-Za-z]{2}\d*", s) else s


def safe_name(name: Optional[str], default: str) -> str:
    """The last path component of an uploaded file's name, bounded, or ``default``."""
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    base = "".join(ch for ch in base if ch.isprintable())[:120]
    return base or default


def _source(data: bytes, name: str):
    from ..io import read_bytes

    suffix = os.path.splitext(name)[1].lower()
    if suffix not in FORMATS:
        raise RequestError(415, f"{name}: unsupported file type {suffix or '(none)'}; "
                                "upload .txt, .md, .html or .docx")
    if not data.strip():
        raise RequestError(400, f"{name}: the document is empty")
    try:
        return read_bytes(data, name)
    except InputError as e:
        raise RequestError(422, str(e)) from None


def _analyse(data: bytes, name: str, opts: JobOptions):
    from ..options import CheckOptions
    from ..pipeline import analyse

    src = _source(data, name)
    return analyse(src, CheckOptions(lang=opts.lang, year=opts.year, select=list(opts.select),
                                     ignore=list(opts.ignore), profile=opts.profile))


def html_job(data: bytes, name: str, opts: JobOptions) -> Result:
    """The HTML report of one document."""
    from ..engine import load_rules
    from ..report.html import render_html

    try:
        doc = _analyse(data, name, opts)
    except RequestError as e:
        return Result(e.status, "text/plain; charset=utf-8", str(e))
    rules = {r.id: r for r in load_rules(())}
    return Result(200, "text/html; charset=utf-8", render_html([doc], rules, opts.lang))


def json_job(data: bytes, name: str, opts: JobOptions) -> Result:
    """The JSON contract (``ReportOut``) for one document."""
    from ..report.build import file_out, report_out

    try:
        doc = _analyse(data, name, opts)
    except RequestError as e:
        import json

        return Result(e.status, "application/json", json.dumps({"error": str(e)}, ensure_ascii=False))
    return Result(200, "application/json", report_out([file_out(doc, all_quantities=False)]).model_dump_json())


def run_job(kind: str, data: bytes, name: str, opts: JobOptions) -> Result:
    """Entry point for worker processes: ``kind`` is ``html`` or ``json``."""
    return (html_job if kind == "html" else json_job)(data, name, opts)
