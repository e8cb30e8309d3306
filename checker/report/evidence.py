"""A finding's evidence in words, in the chosen language (zh or en).

This is the one place that turns a finding's ``evidence`` dict, its claims and
the joint check's bounds into sentences an editor can act on: what the text
reports, what the numbers imply, the derivation step by step, and the nearest
values that would be consistent.  The HTML report uses it; it is meant to grow
into the message layer every output format shares.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..document import Doc, Finding

WORDS = {
    "zh": {
        "value": "数值", "amount": "变化幅度", "stated": "文中数值", "actual_percent": "实际百分比",
        "prior_range": "推算的基期值", "candidates": "可能的基期整数", "reference": "比较基期",
        "population": "地区常住人口", "region_code": "地区", "limit": "合理上限", "n": "连续年数",
        "metric": "指标", "none": "无", "between": "在 {lo} 与 {hi} 之间", "is": "为 {v}",
        "at_least": "不少于 {lo}", "at_most": "不超过 {hi}",
        "diff": "{a} 比 {b} 至少多 {gap}", "diff0": "{a} 不少于 {b}",
        "implies": "「{quote}」⇒ {fact}", "conflict": "这些条件不能同时成立。",
        "change": "设基期值为 x，则 {formula} 按书写精度（{dp}）应为 {amount}；x 只能{range}。",
        "no_whole": "其中没有整数：数值不可能同时成立。", "whole": "可能的整数：{c}。",
        "dp": "{n} 位小数", "dp0": "整数百分比", "year": "{y}年", "node": "{metric}（{year}）",
        "region": "{name}（代码 {code}）", "about": "关于", "other_about": "另一处关于", "values": "两处数值",
        "omitted": "未列出",
    },
    "en": {
        "value": "value", "amount": "change", "stated": "stated", "actual_percent": "actual percentage",
        "prior_range": "implied base value", "candidates": "whole-number bases", "reference": "compared with",
        "population": "resident population", "region_code": "region", "limit": "plausible limit",
        "n": "lengths of the streak", "metric": "metric", "none": "none", "between": "between {lo} and {hi}",
        "is": "= {v}", "at_least": "≥ {lo}", "at_most": "≤ {hi}",
        "diff": "{a} exceeds {b} by at least {gap}", "diff0": "{a} is at least {b}",
        "implies": "“{quote}” ⇒ {fact}", "conflict": "These cannot all hold.",
        "change": "Let the base be x: {formula} rounded to the written precision ({dp}) must be {amount}, "
                  "so x is {range}.",
        "no_whole": "No whole number lies there: the figures cannot both be right.",
        "whole": "Possible whole numbers: {c}.", "dp": "{n} decimals", "dp0": "whole percent",
        "year": "{y}", "node": "{metric} ({year})", "region": "{name} (code {code})", "about": "about",
        "other_about": "the other statement is about", "values": "the two values", "omitted": "not listed",
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


def _interval_words(s: str, w: dict) -> str:
    m = re.fullmatch(r"\s*[\[(]\s*([^,]+?)\s*,\s*([^\])]+?)\s*[\])]\s*", readable_number(s))
    if not m:
        return readable_number(s)
    lo, hi = m.groups()
    return w["is"].format(v=lo) if lo == hi else w["between"].format(lo=lo, hi=hi)


def _value(key: str, v: Any, w: dict, claim_data: dict) -> str:
    if isinstance(v, list):
        return "、".join(str(x) for x in v) if v else w["none"]
    s = str(v)
    if key == "amount" and claim_data.get("amount_kind", "percent") == "percent" and not s.endswith("%"):
        s += "%"
    if key == "region_code":
        from ..regions import regions

        r = regions().get(s)
        return w["region"].format(name=r.name, code=s) if r else s
    if key == "prior_range":
        return _interval_words(s, w)
    return readable_number(s)


def _metric(keys) -> str:
    """A metric's words without its unit tag (``刑事案件/发案/events`` → ``刑事案件发案``)."""
    return "".join(k for k in keys if not k.isascii()) or "/".join(keys)


def _node(node: tuple, w: dict, claim: Any = None) -> str:
    """A value of the joint check in words: what it is about (the claim's frame subject as written,
    else the node's identity keys) and its year."""
    keys, year = node
    frame = getattr(claim, "frame", None)
    metric = frame.subject.text if frame is not None and frame.subject.text else _metric(keys)
    return w["node"].format(metric=metric, year=w["year"].format(y=year))


def _bound_fact(b, w: dict) -> str:
    from ..numbers import fmt

    if b.other is not None:
        gap = fmt(b.gap)
        key = "diff0" if b.gap == 0 else "diff"
        return w[key].format(a=_node(b.node, w, b.claim), b=_node(b.other, w, b.claim), gap=gap)
    lo = None if b.lo is None else fmt(b.lo, 2)
    hi = None if b.hi is None else fmt(b.hi, 2)
    if lo is not None and lo == hi:
        rng = w["is"].format(v=lo)
    elif lo is not None and hi is not None:
        rng = w["between"].format(lo=lo, hi=hi)
    elif lo is not None:
        rng = w["at_least"].format(lo=lo)
    else:
        rng = w["at_most"].format(hi=hi)
    return f"{_node(b.node, w, b.claim)} {rng}"


def _quote(doc: Doc, start: int, end: int) -> str:
    s, e = doc.orig_span(start, end)
    return doc.source.text[s:e].replace("\n", " ")


def _equation_words(doc: Doc, equations: list[str], w: dict) -> list[str]:
    """Each bound of a conflicting set as “quote ⇒ fact”, then the conclusion."""
    joint = getattr(doc, "_joint", None)
    by_eq = {b.equation(): b for b in (joint.bounds if joint else [])}
    lines = []
    for eq in equations:
        b = by_eq.get(eq)
        if b is None:
            lines.append(eq)
            continue
        lines.append(w["implies"].format(quote=_quote(doc, b.claim.start, b.claim.end), fact=_bound_fact(b, w)))
    if lines:
        lines.append(w["conflict"])
    return lines


def _change_words(data: dict, w: dict) -> list[str]:
    """The GRIM derivation of a change claim in words."""
    if not data.get("prior_range") or data.get("amount_kind", "percent") != "percent":
        return []
    v, a = data.get("value", "?"), str(data.get("amount", "?"))
    formula = f"(x − {v}) ÷ x" if data.get("direction") == "decrease" else f"({v} − x) ÷ x"
    dp = len(a.split(".", 1)[1]) if "." in a else 0
    out = [w["change"].format(formula=formula, amount=a + "%", range=_interval_words(data["prior_range"], w),
                              dp=w["dp"].format(n=dp) if dp else w["dp0"])]
    cands = data.get("candidates")
    if cands is not None:
        out.append(w["whole"].format(c="、".join(str(c) for c in cands)) if cands else w["no_whole"])
    return out


def _fields(data) -> dict[str, Any]:
    """A claim's typed data (``checker.claims.types``) as a shallow dict of its fields."""
    import dataclasses

    if dataclasses.is_dataclass(data):
        return {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
    return dict(data or {})


def explain(doc: Doc, f: Finding, lang: str = "zh") -> Evidence:
    """The evidence of finding ``f`` of ``doc`` in words."""
    w = WORDS.get(lang, WORDS["zh"])
    ev = f.evidence or {}
    claims = {c.id: c for c in doc.claims}
    first: Optional[Any] = claims.get(f.claims[0]) if f.claims else None
    data = _fields(first.data) if first is not None else {}
    out = Evidence()
    for key in REPORTED:
        if key in ev and ev[key] not in (None, ""):
            out.reported.append((w[key], _value(key, ev[key], w, data)))
    for key in RECOMPUTED:
        if key in ev and ev[key] is not None:
            out.recomputed.append((w[key], _value(key, ev[key], w, data)))
    if ev.get("equations"):
        out.derivation = _equation_words(doc, list(ev["equations"]), w)
    elif first is not None and first.kind == "change":
        out.derivation = _change_words({**data, **ev}, w)
    if ev.get("nearest"):
        out.nearest = [x.strip() for x in str(ev["nearest"]).split(";") if x.strip()]
    for key, v in ev.items():
        if key not in HANDLED:
            out.other.append((w.get(key, key), _value(key, v, w, data)))
    return out


def rule_why(rule, lang: str = "zh") -> str:
    """The rule's explanation in one language (rule files write the Chinese lines first, then English)."""
    lines = [x for x in rule.why.strip().split("\n") if x.strip()]
    han = [any("\u4e00" <= ch <= "\u9fff" for ch in x) for x in lines]
    chosen = [x for x, h in zip(lines, han) if h == (lang == "zh")] or lines
    return ("" if lang == "zh" else " ").join(x.strip() for x in chosen)
