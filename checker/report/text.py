"""Plain-text formats: ``full`` (excerpt and caret, like ruff) and ``concise``."""
from __future__ import annotations

import unicodedata

SYMBOL = {"consistent": "✓", "inconsistent": "✗", "warning": "!", "untestable": "?", "misuse": "✗"}
LABELS = {
    "zh": {"claims": "已判定的数字主张", "summary": "共 {files} 个文件，{numbers} 个数字，{claims} 条主张，{findings} 个发现"
           "（错误 {errors}，警告 {warnings}，提示 {info}）", "related": "相关", "none": "未发现问题", "hidden": "发现已被屏蔽或记入基线",
           "profile": "按{label}用法检查（{name}；{reason}）", "about": "关于：",
           "unreadable": "{path}：无法检查：{error}"},
    "en": {"claims": "decided claims", "summary": "{files}, {numbers}, {claims}, {findings} "
           "({errors}, {warnings}, {info} info)", "related": "related", "none": "no findings", "hidden": "finding suppressed or in the baseline",
           "profile": "checked under the {name} profile ({reason})", "about": "about: ",
           "unreadable": "{path}: error: {error}"},
}
# how a count reads: (Chinese measure word, English singular, English plural)
_NOUNS = {"file": ("个文件", "file", "files"), "claim": ("条主张", "claim", "claims"),
          "finding": ("个发现", "finding", "findings"), "number": ("个数字", "number", "numbers"), "error": ("个错误", "error", "errors"),
          "warning": ("个警告", "warning", "warnings"), "fix": ("处修改", "fix", "fixes"),
          "hidden": ("个发现被基线隐藏", "hidden by baseline", "hidden by baseline")}
_SEVERITY_COLOR = {"error": "31", "warning": "33", "info": "36"}


def count_words(n: int, noun: str, lang: str = "zh") -> str:
    """``n`` with its noun: "1 file", "2 files"; in Chinese with the measure word: "2 个文件"."""
    zh, one, many = _NOUNS[noun]
    if lang != "en":
        return f"{n} {zh}"
    return f"{n:,} {one if n == 1 else many}"


def summary_line(report: dict, lang: str = "zh", hidden: int = 0) -> str:
    """The closing line of the full format: files, numbers, claims, findings by severity (and how many
    the baseline hid); numbers and claims counted as everywhere else (``counts.report_counts``)."""
    from .counts import report_counts

    s = report["summary"]
    n = report_counts(report)
    if lang == "en":
        line = LABELS["en"]["summary"].format(
            files=count_words(s["files"], "file", "en"), numbers=count_words(n.numbers, "number", "en"),
            claims=count_words(n.claims, "claim", "en"),
            findings=count_words(s["findings"], "finding", "en"), errors=count_words(s["errors"], "error", "en"),
            warnings=count_words(s["warnings"], "warning", "en"), info=s["info"])
        return line + (f", {hidden:,} hidden by baseline" if hidden else "")
    line = LABELS["zh"]["summary"].format(**{**s, "numbers": n.numbers, "claims": n.claims})
    return line + (f"，另有 {hidden} 个发现被基线隐藏" if hidden else "")


def _paint(text: str, severity: str, color: bool) -> str:
    return f"\x1b[{_SEVERITY_COLOR.get(severity, '0')}m{text}\x1b[0m" if color else text


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


def location(path: str, span: dict, text: str | None, lang: str = "zh") -> str:
    """``path:line:col`` of a contract span — for a .docx, whose lines are paragraphs Word does not
    number, the paragraph and its first words instead: ``d.docx:段 12「全市发案3315起…」:5``."""
    line, column = span["line"], span["column"]
    if not path.lower().endswith(".docx") or text is None:
        return f"{path}:{line}:{column}"
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
    end = text.find("\n", start)
    para = text[start:end if end != -1 else len(text)].strip()
    first = para[:12] + ("…" if len(para) > 12 else "")
    where = f"段 {line}「{first}」" if lang != "en" else f"paragraph {line} “{first}”"
    return f"{path}:{where}:{column}"


def format_concise(report: dict, lang: str = "zh", color: bool = False,
                   texts: dict[str, str] | None = None) -> str:
    """``path:line:col: CODE [severity] message``, one finding a line, for a report in the JSON form."""
    out = []
    for f in report["files"]:
        path = f["path"]
        if f["error"]:
            out.append(f"{path}: error: {f['error']}")
        for x in f["findings"]:
            out.append(_finding_line(path, x, (texts or {}).get(path), lang, color))
    return "\n".join(out) + ("\n" if out else "")


def _finding_line(path: str, x: dict, text: str | None, lang: str, color: bool) -> str:
    """``path:line:col: CODE [severity] message`` of one finding (JSON form)."""
    code = f"{x['rule']} [{x['severity']}]"
    return f"{location(path, x['span'], text, lang)}: {_paint(code, x['severity'], color)} {x['message']}"


def format_full(report: dict, texts: dict[str, str], lang: str = "zh", show_claims: bool = True,
                color: bool = False, summary: bool = True, hidden: int = 0) -> str:
    """Findings with the source excerpt and a caret line, then each decided claim, then the summary
    (with the number of findings the baseline hid); ``report`` in the JSON form (``report_entry``)."""
    L = LABELS.get(lang, LABELS["zh"])
    out: list[str] = []
    for f in report["files"]:
        out.extend(_file_full(f, texts.get(f["path"], ""), L, show_claims, color, lang))
    if summary:
        out.append(summary_line(report, lang, hidden))
    return "\n".join(out) + ("\n" if out else "")


def _file_full(f: dict, original: str, L: dict, show_claims: bool, color: bool = False,
               lang: str = "zh") -> list[str]:
    out = []
    path, profile = f["path"], f["profile"]
    if f["error"]:
        return [L["unreadable"].format(path=path, error=f["error"]), ""]
    if profile and profile.get("name") != "mainland":  # a regional profile relaxes some rules: say so
        label = PROFILE_NAMES_ZH.get(profile["name"], profile["name"])
        from ..evidence import profile_reason_text

        reason = profile_reason_text(profile.get("reason", ""), lang)
        out += [f"{path}: " + L["profile"].format(label=label, name=profile["name"], reason=reason), ""]
    claims = {c["id"]: c for c in f["claims"]}
    for x in f["findings"]:
        out.append(_finding_line(path, x, original, lang, color))
        out.extend(_excerpt(original, x["span"]["start"], x["span"]["end"]))
        abouts = dict.fromkeys(claims[cid]["frame"]["about"] for cid in x["claims"]
                               if cid in claims and claims[cid]["frame"] is not None)
        out.extend(f"  {L['about']}{a}" for a in abouts)
        for r in x["related"]:
            sp = r["span"]
            out.append(f"  {L['related']} {sp['line']}:{sp['column']}: {r['message']}")
            out.extend(_excerpt(original, sp["start"], sp["end"]))
        out.append("")
    flagged: dict[str, tuple[str, str]] = {}
    for x in f["findings"]:   # a finding decides the claims it names (a CC162 error makes them ✗)
        for cid in x["claims"]:
            if flagged.get(cid, ("",))[0] != "inconsistent":
                flagged[cid] = ("inconsistent" if x["severity"] == "error" else "warning",
                                f"{x['rule']} {x['message']}")
    decided = [c for c in f["claims"]
               if c["id"] in flagged or (c["verdict"] and c["detail"] and c["verdict"] != "unchecked")]
    if show_claims and decided:
        out.append(f"{path}: {L['claims']}")
        for c in decided:
            verdict, message = flagged.get(c["id"], (c["verdict"], ""))
            hidden = c["id"] not in flagged and c["verdict"] == "inconsistent"  # its finding suppressed or baselined
            sym = "·" if hidden else SYMBOL.get(verdict, "·")
            detail = (c["detail"] or message) + (f" ({L['hidden']})" if hidden else "")
            sp = c["span"]
            out.append(f"  {sp['line']}:{sp['column']} {sym} {c['kind']:<7} 「{c['text']}」 {detail}")
        out.append("")
    return out
