"""What the held-out sets (test_heldout*.py) share: each case is ``(kind, planted text, consistent
twin, reason it is not found yet or None)``; a planted text must draw a finding of a rule of its
kind's family, its twin no error-level finding; unfixed cases are strict xfails."""
from __future__ import annotations

import pytest

from checker import check_text


def case_params(cases: list[tuple], planted: bool) -> list:
    """pytest parameters ``(kind, text)``: the planted texts (unfixed ones strict xfail) or the twins."""
    out = []
    for i, (kind, bad, good, reason) in enumerate(cases):
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if planted and reason else []
        out.append(pytest.param(kind, bad if planted else good, marks=marks, id=f"{i:02d}-{kind}"))
    return out


def assert_found(family: tuple[str, ...], kind: str, text: str,
                 levels: tuple[str, ...] = ("error", "warning", "info")) -> None:
    """A finding at one of ``levels`` by a rule of ``family``."""
    rules = {f.rule for f in check_text(text).findings if f.severity in levels}
    assert rules & set(family), (kind, sorted(rules))


def assert_no_error(text: str) -> None:
    """No error-level finding."""
    assert [(f.rule, f.message) for f in check_text(text).findings if f.severity == "error"] == []


def assert_covers(cases: list[tuple], families: dict, at_least: int) -> None:
    """Every kind of ``families`` has cases, and there are at least ``at_least`` of them."""
    assert {k for k, *_ in cases} == set(families) and len(cases) >= at_least
