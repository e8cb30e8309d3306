"""Plain-text formats: ``full`` (excerpt and caret, like ruff) and ``concise``."""
from __future__ import annotations

import unicodedata

from .models import FileOut, ReportOut

SYMBOL = {"consistent": "✓", "inconsistent": "✗", "warning": "!", "untestable": "?", "misuse": "✗"}
LABELS = {
    "zh": {"claims": "已判定的数字主张", "summary": "共 {files} 个文件, {claims} 条主张, {findings} 个发现 "
           "(错误 {errors}, 警告 {warnings}, 提示 {info})", "related": "相关", "none": "未发现问题",
           "profile": "按{label}用法检查(配置 {name}: {reason})", "about": "关于"},
    "en": {"claims": "decided claims", "summary": "{files} files, {claims} claims, {findings} findings "
           "({errors} errors, {warnings} warnings, {info} info)", "related": "related", "none": "no findings",
           "profile": "checked under the {name} profile ({reason})", "about": "about"},
}
PROFILE_NAMES_ZH = {"mainland": "内地", "hongkong": "香港", "taiwan": "台湾"}


def display_width(s: str) -> int:
    """Terminal columns taken by ``s`` (wide CJK characters count two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _excerpt(original: str, start: int, end: int) -> list[str]:
    ls = original.rfind("\n", 0, start) + 1
    le = original.find("\n", start)
    le = len(original) if le == -1 else le
    line = original[ls:le]
    # keep long lines readable: at most 40 characters either side of the span
    lo = max(ls, start - 40)
    hi = min(le, max(end, start + 1) + 40)
    prefix = "…" if lo > ls else ""
    suffix = "…" if hi < le else ""
    shown = prefix + original[lo:hi] + suffix
    pad = display_width(prefix + original[lo:start])
    width = max(1, display_width(original[start:min(end, le)]))
    del line
    return [f"    {shown}", f"    {' ' * pad}{'^' * width}"]


def format_concise(report: ReportOut, lang: str = "zh") -> str:
    """``path:line:col: CODE [severity] message``, one finding a line."""
    out = []
    for f in report.files:
        if f.error:
            out.append(f"{f.path}: error: {f.error}")
        for x in f.findings:
            out.append(f"{f.path}:{x.span.line}:{x.span.column}: {x.rule} [{x.severity}] {x.message}")
    return "\n".join(out) + ("\n" if out else "")


def format_full(report: ReportOut, texts: dict[str, str], lang: str = "zh", show_claims: bool = True) -> str:
    """Findings with the source excerpt and a caret line, then each decided claim."""
    L = LABELS.get(lang, LABELS["zh"])
    out: list[str] = []
    for f in report.files:
        out.extend(_file_full(f, texts.get(f.path, ""), L, show_claims))
    s = report.summary
    out.append(L["summary"].format(**s.model_dump()))
    return "\n".join(out) + "\n"


def _file_full(f: FileOut, original: str, L: dict, show_claims: bool) -> list[str]:
    out = []
    if f.error:
        return [f"{f.path}: error: {f.error}", ""]
    if f.profile and f.profile.get("name") != "mainland":  # a regional profile relaxes some rules: say so
        label = PROFILE_NAMES_ZH.get(f.profile["name"], f.profile["name"])
        out += [f"{f.path}: " + L["profile"].format(label=label, **f.profile), ""]
    claims = {c.id: c for c in f.claims}
    for x in f.findings:
        out.append(f"{f.path}:{x.span.line}:{x.span.column}: {x.rule} [{x.severity}] {x.message}")
        out.extend(_excerpt(original, x.span.start, x.span.end))
        abouts = dict.fromkeys(claims[cid].frame.about for cid in x.claims
                               if cid in claims and claims[cid].frame is not None)
        out.extend(f"  {L['about']}: {a}" for a in abouts)
        for r in x.related:
            out.append(f"  {L['related']} {r.span.line}:{r.span.column}: {r.message}")
            out.extend(_excerpt(original, r.span.start, r.span.end))
        out.append("")
    decided = [c for c in f.claims if c.verdict and c.detail and c.verdict != "unchecked"]
    if show_claims and decided:
        out.append(f"{f.path}: {L['claims']}")
        for c in decided:
            sym = SYMBOL.get(c.verdict, "·")
            out.append(f"  {c.span.line}:{c.span.column} {sym} {c.kind:<7} 「{c.text}」 {c.detail}")
        out.append("")
    return out
