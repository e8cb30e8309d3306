"""A finding's evidence as labelled lines for the HTML report, in the chosen language (zh or en).

The words come from the message layer (:mod:`checker.evidence`): the same quotes, numbers,
derivations and joint-check clauses the terminal, JSON and SARIF messages use.  This module only
sorts a finding's ``evidence`` dict into what the text reports, what the check recomputed, the
derivation step by step and the nearest consistent values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from .. import evidence as words
from ..document import Doc, Finding
from ..text.han import han_count

LABELS = {
    "zh": {
        "value": "数值", "amount": "变化幅度", "stated": "文中数值", "actual_percent": "实际百分比",
        "prior_range": "推算的基期值", "candidates": "可能的基期整数", "reference": "比较基期",
        "population": "地区常住人口", "region_code": "地区", "limit": "合理上限", "n": "连续年数",
        "metric": "指标", "none": "无", "region": "{name}（代码 {code}）", "conflict": "这些条件不能同时成立。",
    },
    "en": {
        "value": "value", "amount": "change", "stated": "stated", "actual_percent": "actual percentage",
        "prior_range": "implied base value", "candidates": "whole-number bases", "reference": "compared with",
        "population": "resident population", "region_code": "region", "limit": "plausible limit",
        "n": "lengths of the streak", "metric": "metric", "none": "none", "region": "{name} (code {code})",
        "conflict": "These cannot all hold.",
    },
}
REPORTED = ("value", "amount", "stated", "reference", "population", "region_code", "n", "metric")
RECOMPUTED = ("prior_range", "candidates", "actual_percent", "limit")
HANDLED = set(REPORTED) | set(RECOMPUTED) | {"nearest", "note", "equations"}


@dataclass
class Evidence:
    """A finding's evidence as labelled lines, ready for any output format."""

    reported: list[tuple[str, str]] = field(default_factory=list)
    recomputed: list[tuple[str, str]] = field(default_factory=list)
    derivation: list[str] = field(default_factory=list)
    nearest: list[str] = field(default_factory=list)
    other: list[tuple[str, str]] = field(default_factory=list)


_APPROX = re.compile(r"≈(-?\d+\.\d+)")


def readable_number(s: str) -> str:
    """Round the solver's ``≈3793.123176`` to two decimals for reading (display only)."""
    return _APPROX.sub(lambda m: f"{float(m.group(1)):.2f}", s)


def _value(key: str, v: Any, labels: dict, lang: str, percent_change: bool) -> str:
    if isinstance(v, list):
        return "、".join(str(x) for x in v) if v else labels["none"]
    s = str(v)
    if key == "amount" and percent_change and not s.endswith("%"):
        s += "%"
    if key == "region_code":
        from ..regions import regions

        r = regions().get(s)
        return labels["region"].format(name=r.name, code=s) if r else s
    if key == "prior_range":
        lo, hi = words.interval_bounds(s)
        if lo is not None or hi is not None:
            return words.span_of(lo, hi, lang)
    return readable_number(s)


def _joint_steps(doc: Doc, equations: list[str], labels: dict, lang: str) -> list[str]:
    """Each bound of a conflicting set in the message layer's words, then the conclusion."""
    joint = getattr(doc, "_joint", None)
    by_eq = {b.equation(): b for b in (joint.bounds if joint else [])}
    core = [by_eq[eq] for eq in equations if eq in by_eq]
    lines = words.joint_steps(doc, core, lang) + [eq for eq in equations if eq not in by_eq]
    return lines + [labels["conflict"]] if lines else []


def explain(doc: Doc, f: Finding, lang: str = "zh") -> Evidence:
    """The evidence of finding ``f`` of ``doc`` in words."""
    labels = LABELS.get(lang, LABELS["zh"])
    ev = f.evidence or {}
    claims = {c.id: c for c in doc.claims}
    first: Optional[Any] = claims.get(f.claims[0]) if f.claims else None
    percent_change = first is not None and getattr(first.data, "amount_kind", "percent") == "percent"
    out = Evidence()
    for key in REPORTED:
        if key in ev and ev[key] not in (None, ""):
            out.reported.append((labels[key], _value(key, ev[key], labels, lang, percent_change)))
    for key in RECOMPUTED:
        if key in ev and ev[key] is not None:
            out.recomputed.append((labels[key], _value(key, ev[key], labels, lang, percent_change)))
    if ev.get("equations"):
        out.derivation = _joint_steps(doc, list(ev["equations"]), labels, lang)
    elif first is not None and first.kind == "change":
        steps = (words.change_formula(doc, first, lang), words.claim_detail(doc, first, lang))
        out.derivation = [s for s in steps if s]
    if ev.get("nearest"):
        out.nearest = [x.strip() for x in str(ev["nearest"]).split(";") if x.strip()]
    for key, v in ev.items():
        if key not in HANDLED:
            out.other.append((labels.get(key, key), _value(key, v, labels, lang, percent_change)))
    return out


def rule_why(rule, lang: str = "zh") -> str:
    """The rule's explanation in one language (rule files write the Chinese lines first, then English;
    a line is Chinese when it has at least as many Han characters as Latin letters, so an English line quoting
    Chinese examples stays English)."""
    lines = [x for x in rule.why.strip().split("\n") if x.strip()]
    han = [han_count(x) >= sum(ch.isascii() and ch.isalpha() for ch in x) for x in lines]
    chosen = [x for x, h in zip(lines, han) if h == (lang == "zh")] or lines
    return ("" if lang == "zh" else " ").join(x.strip() for x in chosen)
