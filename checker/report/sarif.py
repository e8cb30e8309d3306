"""SARIF 2.1.0 output (columns in Unicode code points, rule metadata and help)."""
from __future__ import annotations

import re
from pathlib import Path

from .. import __homepage__, __version__

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def rule_url(rule) -> str:
    """Where a rule is documented: its file in the repository at this version (built-in rules),
    or the rule file itself (a user's rule pack)."""
    from ..resources import rules_dir

    path = Path(rule.path)
    try:
        rel = path.resolve().relative_to(rules_dir().resolve())
    except (ValueError, OSError):
        return path.resolve().as_uri() if path.is_absolute() or path.exists() else __homepage__
    return f"{__homepage__}/blob/v{__version__}/rules/{rel.as_posix()}"


_PLACEHOLDER_PART = re.compile(r"[「“\"]?\{[a-z_]+\}[」”\"]?")


def short_description(rule, lang: str = "zh") -> str:
    """A readable one-line title: the Chinese message's lead before its colon (no placeholders),
    or the rule's name in words ("stacked approximation")."""
    if lang != "en":
        lead = re.split(r"[:：]", rule.message.zh, maxsplit=1)[0]
        lead = _PLACEHOLDER_PART.sub("", lead).strip(" ,，")
        if lead:
            return lead
    return rule.name.replace("-", " ").capitalize()


def _region(span: dict, text: str | None) -> dict:
    start, end = span["start"], span["end"]
    region = {"startLine": span["line"], "startColumn": span["column"],
              "charOffset": start, "charLength": end - start}
    if text is not None:
        end_line = text.count("\n", 0, end) + 1
        line_start = text.rfind("\n", 0, end) + 1
        region["endLine"] = end_line
        region["endColumn"] = end - line_start + 1
        region["snippet"] = {"text": text[start:end]}
    return region


def to_sarif(report: dict, rules: list, texts: dict[str, str], lang: str = "zh") -> dict:
    """The SARIF log for a report (JSON form, ``report.build.report_entry``); ``rules`` are the
    loaded RuleSpecs."""
    used = sorted({f["rule"] for fo in report["files"] for f in fo["findings"]})
    by_id = {r.id: r for r in rules}
    rule_list = [by_id[r] for r in used if r in by_id]
    index = {r.id: i for i, r in enumerate(rule_list)}
    results = []
    for fo in report["files"]:
        path = fo["path"]
        text = texts.get(path)
        for f in fo["findings"]:
            res = {
                "ruleId": f["rule"],
                "level": LEVEL[f["severity"]],
                "message": {"text": f["message"]},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": path},
                                                     "region": _region(f["span"], text)}}],
                "properties": {"category": f["category"], "claims": f["claims"]},
            }
            if f["rule"] in index:
                res["ruleIndex"] = index[f["rule"]]
            fix = f["fix"]
            if fix is not None:  # the rule's mechanical fix, as SARIF consumers apply it
                res["fixes"] = [{
                    "description": {"text": ("safe fix" if fix["applicability"] == "safe" else
                                             "unsafe fix (may change the meaning; review it)")},
                    "artifactChanges": [{"artifactLocation": {"uri": path}, "replacements": [{
                        "deletedRegion": {"charOffset": fix["span"]["start"],
                                          "charLength": fix["span"]["end"] - fix["span"]["start"]},
                        "insertedContent": {"text": fix["replacement"]}}]}]}]
            if f["related"]:
                res["relatedLocations"] = [
                    {"id": i + 1, "message": {"text": r["message"]},
                     "physicalLocation": {"artifactLocation": {"uri": path}, "region": _region(r["span"], text)}}
                    for i, r in enumerate(f["related"])]
            results.append(res)
    notifications = [{"level": "error", "message": {"text": f"{fo['path']}: {fo['error']}"}}
                     for fo in report["files"] if fo["error"]]
    run = {
        "tool": {"driver": {
            "name": "claimcheck", "version": __version__, "semanticVersion": __version__,
            "rules": [{
                "id": r.id, "name": r.name,
                "shortDescription": {"text": short_description(r, lang)},
                "helpUri": rule_url(r),
                "fullDescription": {"text": r.why.strip()},
                "help": {"text": r.why.strip() + (f"\n\n{r.basis}" if r.basis else "")},
                "defaultConfiguration": {"level": LEVEL[r.severity]},
                "properties": {"category": r.category, "kind": r.kind},
            } for r in rule_list],
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
