"""claimcheck: check that the numbers in a Chinese report agree with each other.

Public API (typed; the same pydantic models as the JSON output contract)::

    from checker import CheckOptions, check_text
    result = check_text("2021年全市刑事案件发案3315起,比2020年下降12.67%", options=CheckOptions(lang="zh"))
    for f in result.findings:
        print(f.rule, f.severity, f.span.line, f.span.column, f.message)

Spans are code-point offsets into the text you passed (``text[f.span.start:f.span.end]`` is the
flagged passage as written), with 1-based line and column.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

__version__ = "0.2.0"
__homepage__ = "https://github.com/claimcheck-zh/claimcheck"  # the repository; SARIF helpUri links into it

__all__ = ["CheckOptions", "DocumentResult", "__version__", "analyse_path", "analyse_text", "check_path",
           "check_text"]

if TYPE_CHECKING:
    from .document import Doc
    from .options import CheckOptions
    from .report.models import FileOut as DocumentResult


def __getattr__(name: str):
    if name == "CheckOptions":
        from .options import CheckOptions

        return CheckOptions
    if name == "DocumentResult":
        from .report.models import FileOut

        return FileOut
    raise AttributeError(f"module 'checker' has no attribute {name!r}")


def _options(options) -> "CheckOptions":
    from .options import CheckOptions

    if options is None:
        return CheckOptions()
    if not isinstance(options, CheckOptions):
        raise TypeError(f"options must be a checker.CheckOptions, not {type(options).__name__}; "
                        f"build one with CheckOptions(**...) (fields: lang, year, rule_dirs, select, ignore, "
                        f"severity, profile, rounding)")
    return options


def check_text(text: str, *, options: Optional["CheckOptions"] = None, path: str = "<text>",
               all_quantities: bool = False) -> "DocumentResult":
    """Check ``text`` (read as the format ``path``'s suffix names: front matter, URLs and markup are
    not prose) and return its ``DocumentResult``: the framed or decided claims and the findings, with
    original code-point offsets, line and column — every bare number as a claim too with
    ``all_quantities`` (as ``check --format json --all-quantities``).  ``options`` must be a
    ``CheckOptions`` (a dict is a ``TypeError``)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    from .report.build import file_out

    return file_out(analyse_text(text, path, _options(options)), all_quantities)


def check_path(path: str, *, options: Optional["CheckOptions"] = None, all_quantities: bool = False) -> "DocumentResult":
    """Read and check one file (``check_text``'s result); raises ``checker.errors.InputError`` when it
    is unreadable."""
    from .report.build import file_out

    return file_out(analyse_path(path, _options(options)), all_quantities)


def analyse_text(text: str, path: str = "<text>", options: Optional["CheckOptions"] = None) -> "Doc":
    """The analysed ``Doc`` (internal representation, spans in the normalised text) — for the
    tests and tools inside this package; use ``check_text`` from outside."""
    from .io import source_from_text
    from .pipeline import analyse

    return analyse(source_from_text(text, path), _options(options))


def analyse_path(path: str, options: Optional["CheckOptions"] = None) -> "Doc":
    """The analysed ``Doc`` of one file (see ``analyse_text``)."""
    from .io import read_path
    from .pipeline import analyse

    return analyse(read_path(path), _options(options))
