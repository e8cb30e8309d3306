"""claimcheck: check that the numbers in a Chinese report agree with each other.

Public API::

    from checker import check_text, check_path
    doc = check_text("2021年全市刑事案件发案3315起,比2020年下降12.67%")
    for f in doc.findings: ...
"""
from __future__ import annotations

__version__ = "0.2.0"
__homepage__ = "https://github.com/claimcheck-zh/claimcheck"  # the repository; SARIF helpUri links into it

__all__ = ["__version__", "check_path", "check_text"]


def check_text(text: str, path: str = "<text>", options=None):
    """Analyse ``text`` (read as the format ``path``'s suffix names: front matter, URLs and
    markup are not prose) and return the ``Doc`` with its claims and findings."""
    from .io import source_from_text
    from .pipeline import analyse

    return analyse(source_from_text(text, path), options)


def check_path(path: str, options=None):
    """Read and analyse one file; raises ``checker.errors.InputError`` when unreadable."""
    from .io import read_path
    from .pipeline import analyse

    return analyse(read_path(path), options)
