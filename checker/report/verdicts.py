"""One verdict per claim for the fact-checker's report: consistent, inconsistent,
warning, untestable, or not checked — silence never reads as correctness."""
from __future__ import annotations

from ..document import Claim, Doc

ORDER = ("inconsistent", "warning", "consistent", "untestable", "not checked")


REASONS = {
    "zh": {"within": "在0–100%之间", "part": "部分不大于整体", "pair": "项目与数值一一对应",
           "monotone": "陈述值与推算值单调", "no-trend-data": "趋势没有可核对的数字",
           "streak-agrees": "与同一指标的另一处说法一致", "streak-alone": "没有可对照的其他说法",
           "fits-year": "与发布年份相符", "no-year": "发布日期未知，无法核对（可用 --year 指定）", "window": "只给出年数,无可对照",
           "amount": "变化量不是百分数", "hidden": "发现已被屏蔽或记入基线"},
    "en": {"within": "within 0–100%", "part": "part ≤ whole", "pair": "items and values pair up",
           "monotone": "the stated and implied values are monotone", "no-trend-data": "no values stated for the trend",
           "streak-agrees": "agrees with the other statement of the same streak",
           "streak-alone": "no other statement to compare with", "fits-year": "fits the publication year",
           "no-year": "publication date unknown, untestable (give --year)",
           "window": "a window of years with nothing to compare", "amount": "amount not a percentage",
           "hidden": "its finding is suppressed or in the baseline"},
}


def claim_verdicts(doc: Doc, lang: str = "zh") -> dict[str, tuple[str, str]]:
    """``claim id → (verdict, reason)``."""
    r = REASONS.get(lang, REASONS["zh"])
    flagged: dict[str, tuple[str, str]] = {}
    for f in doc.findings:
        v = "inconsistent" if f.severity == "error" else "warning"
        for cid in f.claims:
            if cid not in flagged or v == "inconsistent":
                flagged[cid] = (v, f.message)
    streak_groups = _streak_partners(doc)
    out = {}
    for c in doc.claims:
        if c.id in flagged:
            out[c.id] = flagged[c.id]
            continue
        v, key = _own_verdict(c, streak_groups, doc.year)
        if c.kind == "change" and key == c.data.detail:
            from ..evidence import claim_detail

            key = claim_detail(doc, c, lang) or key
        if v == "inconsistent":  # no finding names it any more: suppressed or recorded in the baseline
            v, key = "not checked", "hidden"
        out[c.id] = (v, r.get(key, key))
    return out


def _streak_partners(doc: Doc) -> set[str]:
    """Streaks restated elsewhere with the same frame (bucketed, never all pairs of a long document)."""
    from ..claims.frame import bucket_key, same_frame

    buckets: dict = {}
    for c in doc.claims:
        if c.kind == "streak" and c.frame is not None and c.frame.items:
            buckets.setdefault((c.data.unit, c.data.outcome, bucket_key(c.frame)), []).append(c)
    partners = set()
    for group in buckets.values():
        for i, a in enumerate(group[:64]):
            for b in group[i + 1:64]:
                if same_frame(a.frame, b.frame, doc.year):
                    partners |= {a.id, b.id}
    return partners


def _own_verdict(c: Claim, streak_partners: set[str], doc_year=None) -> tuple[str, str]:
    d = c.data
    if c.kind == "change":
        v = d.verdict or "untestable"
        if v == "misuse":
            return "warning", d.detail
        if v == "unchecked":
            return "not checked", "amount"
        return v, d.detail
    if c.kind == "rate":
        return "consistent", "within"
    if c.kind == "partwhole":
        return "consistent", "part"
    if c.kind == "respective":
        return "consistent", "pair"
    if c.kind == "trend":
        if any(s.points for s in d.series):
            return "consistent", "monotone"
        return "untestable", "no-trend-data"
    if c.kind == "streak":
        if c.id in streak_partners:
            return "consistent", "streak-agrees"
        return "untestable", "streak-alone"
    if c.kind == "period":
        if d.since is not None:
            if doc_year is None:
                return "untestable", "no-year"
            return "consistent", "fits-year"
        return "untestable", "window"
    return "not checked", ""
