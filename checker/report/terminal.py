"""The fact-checker's report (rich): header, coverage, claims table, a panel per
inconsistency with its derivation, and sparklines of series over years."""
from __future__ import annotations

from collections import Counter

from ..document import Doc
from ..numbers import fmt
from ..evidence import EVIDENCE_KEYS, VERDICT_WORDS
from .verdicts import ORDER, claim_verdicts

STYLE = {"consistent": ("✓", "green"), "inconsistent": ("✗", "bold red"), "warning": ("!", "yellow"),
         "untestable": ("?", "cyan"), "not checked": ("·", "dim")}
SPARK = "▁▂▃▄▅▆▇█"
L = {
    "zh": {"title": "核查报告", "doc": "文档", "lang": "语言", "region": "地区", "year": "发布年份",
           "claims": "数字主张", "coverage": "覆盖", "loc": "位置", "claim": "原文", "kind": "类型",
           "reported": "报告值", "recomputed": "推算值", "verdict": "判定", "reason": "理由",
           "numbers": "个数字", "became": "条主张", "decided": "条可判定",
           "issues": "问题", "sentences": "涉及语句", "derivation": "推导", "why": "规则说明", "about": "关于：", "series": "序列",
           "unknown": "未知", "none": "未发现不一致"},
    "en": {"title": "Fact-check report", "doc": "document", "lang": "language", "region": "region",
           "year": "publication year", "claims": "claims", "coverage": "coverage", "loc": "where",
           "claim": "claim as written", "kind": "kind", "reported": "reported", "recomputed": "recomputed",
           "verdict": "verdict", "reason": "reason", "numbers": "numbers", "became": "claims",
           "decided": "decided", "issues": "issue", "sentences": "sentences", "derivation": "derivation",
           "why": "why", "about": "about: ", "series": "series", "unknown": "unknown", "none": "no inconsistencies found"},
}


def sparkline(values: list[int]) -> str:
    """▁…█ bars for a short series."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return SPARK[3] * len(values)
    return "".join(SPARK[int((v - lo) * (len(SPARK) - 1) / (hi - lo))] for v in values)


def _series(doc: Doc) -> list[tuple[str, list[tuple[int, int]]]]:
    out = []
    for c in doc.claims:
        if c.kind != "trend":
            continue
        for s in c.data.series:
            v = s.value
            if v.value.denominator != 1:
                continue
            pts = {y: (min(c_) + max(c_)) // 2 for y, c_ in s.points.items() if c_}
            now_year = max(pts) + 1 if pts else (doc.year or 0)
            pts[now_year] = int(v.value)
            out.append((doc.text[v.start:v.end], sorted(pts.items())))
    return out


def render_report(doc: Doc, rules: dict, lang: str = "zh", width: int | None = 100, color: bool = True,
                  record: bool = False, file=None):
    """Render the report into a rich Console and return it (``export_text``/``export_html``)."""
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    t = L.get(lang, L["zh"])
    console = Console(width=width, record=record, file=file, color_system="truecolor" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, soft_wrap=False)
    verdicts = claim_verdicts(doc, lang)
    counts = Counter(v for v, _ in verdicts.values())
    scope = doc.scope
    names = [r.name for r in (scope.province, scope.prefecture) if r is not None]
    from ..evidence import level_text, year_source_text

    region = (" / ".join(names) + level_text(scope.default_level, lang)) if names else t["unknown"]
    year = f"{doc.year}{year_source_text(doc.year_source, lang)}" if doc.year else t["unknown"]
    header = Table.grid(padding=(0, 2))
    header.add_row(t["doc"], doc.source.path)
    header.add_row(t["lang"], doc.language)
    header.add_row(t["region"], region)
    header.add_row(t["year"], year)
    words = VERDICT_WORDS["en" if lang == "en" else "zh"]
    header.add_row(t["claims"], "  ".join(f"{STYLE[k][0]} {words[k]} {counts.get(k, 0)}" for k in ORDER))
    from .counts import BARE, doc_counts

    n = doc_counts(doc)
    decided = sum(1 for c in doc.claims if c.kind != BARE
                  and verdicts[c.id][0] in ("consistent", "inconsistent", "warning"))
    sep = "，" if lang != "en" else ", "
    header.add_row(t["coverage"], f"{n.numbers} {t['numbers']}{sep}{n.claims} {t['became']}{sep}"
                                  f"{decided} {t['decided']}")
    console.print(Panel(header, title=t["title"], expand=True))

    table = Table(show_lines=False, expand=True, pad_edge=False)
    for col, kw in ((t["loc"], {"no_wrap": True}), (t["claim"], {"ratio": 3}), (t["kind"], {"no_wrap": True}),
                    (t["recomputed"], {"ratio": 3}), (t["verdict"], {"no_wrap": True})):
        table.add_column(col, **kw)
    for c in doc.claims:
        if c.kind == "quantity":
            continue
        v, reason = verdicts[c.id]
        sym, style = STYLE[v]
        s, _ = doc.orig_span(c.start, c.end)
        line, col = doc.line_col(s)
        os_, oe = doc.orig_span(c.start, c.end)
        claim_text = Text(doc.source.text[os_:oe].replace("\n", " "))
        table.add_row(f"{line}:{col}", claim_text, c.kind, Text(reason or ""), Text(f"{sym} {words[v]}", style=style))
    console.print(table)

    for name, pts in _series(doc):
        vals = [v for _, v in pts]
        console.print(f"{t['series']} 「{name}」: " + "  ".join(f"{y}: {v}" for y, v in pts) + f"  {sparkline(vals)}")

    errors = [f for f in doc.findings if f.severity in ("error", "warning")]
    if not errors:
        console.print(Text(t["none"], style="green"))
    for f in errors:
        parts = []
        spans = [(f.start, f.end, f.orig)] + [(r.start, r.end, None) for r in f.related]
        for s, e, orig in spans:
            os_, oe = orig if orig else doc.orig_span(s, e)
            ls = doc.source.text.rfind("\n", 0, os_) + 1
            le = doc.source.text.find("\n", oe)
            le = len(doc.source.text) if le == -1 else le
            lo, hi = max(ls, os_ - 50), min(le, oe + 50)
            line, col = doc.line_col(os_)
            sentence = Text(f"{line}:{col}  ")
            sentence.append(doc.source.text[lo:os_])
            sentence.append(doc.source.text[os_:oe], style="bold underline red" if color else "")
            sentence.append(doc.source.text[oe:hi])
            if not color:
                sentence = Text(f"{line}:{col}  {doc.source.text[lo:os_]}【{doc.source.text[os_:oe]}】"
                                f"{doc.source.text[oe:hi]}")
            parts.append(sentence)
        by_id = {c.id: c for c in doc.claims}
        abouts = dict.fromkeys(by_id[cid].frame.about(lang) for cid in f.claims
                               if cid in by_id and by_id[cid].frame is not None)
        parts.extend(Text(f"{t['about']}{a}") for a in abouts)
        keys = EVIDENCE_KEYS["en" if lang == "en" else "zh"]
        colon = ": " if lang == "en" else "："
        if f.evidence.get("nearest"):  # the derivation itself is in the message, worded for an editor
            sep = "; " if lang == "en" else "，"
            parts.append(Text(f"{keys['nearest']}{colon}{sep.join(f.evidence['nearest'].split('; '))}"))
        rule = rules.get(f.rule)
        if rule is not None:
            from .evidence import rule_why

            parts.append(Text(f"{t['why']}{': ' if lang == 'en' else '：'}" + rule_why(rule, lang)[:300],
                              style="dim" if color else ""))
        sym, style = STYLE["inconsistent" if f.severity == "error" else "warning"]
        console.print(Panel(Group(*parts), title=f"{sym} {f.rule} {f.message}", title_align="left",
                            border_style=style if color else "none"))
    return console


__all__ = ["render_report", "sparkline", "fmt"]
