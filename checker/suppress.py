"""Inline suppressions.

Markdown/HTML:  ``<!-- claimcheck-disable CC101 -->`` … ``<!-- claimcheck-enable -->``,
``<!-- claimcheck-disable-next-line CC101 -->``.  Plain text: a line with
``claimcheck: disable=CC101``, ``claimcheck: enable``, ``claimcheck: disable-next-line=CC101``;
``disable-line`` covers the directive's own line.  Codes are selectors as on the command line
(code, prefix, rule name or category; case-insensitive).  Without codes a directive covers every
rule.  Both forms work in every file type.  A directive that suppresses nothing is reported (rule
CC900, info); one naming a code that is no rule says so instead of calling it unused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Doc, Finding
from .text import LineIndex

_DIRECTIVE = re.compile(
    r"<!--\s*claimcheck-(?P<a>disable-next-line|disable-line|disable|enable)(?P<c1>(?:\s+[A-Za-z0-9-]+)*)\s*-->"
    r"|claimcheck:\s*(?P<b>disable-next-line|disable-line|disable|enable)(?:=(?P<c2>[A-Za-z0-9,\- ]+))?"
)
ALL = "*"


@dataclass
class Directive:
    """One suppression directive and the lines it covers."""

    start: int
    end: int
    action: str
    codes: frozenset[str]
    first_line: int = 0
    last_line: int = 0
    used: bool = False
    covered: set = field(default_factory=set)


def _codes(raw: str | None) -> frozenset[str]:
    parts = [p for p in re.split(r"[\s,]+", raw or "") if p]
    return frozenset(p.upper() for p in parts) if parts else frozenset({ALL})


def parse_directives(text: str) -> list[Directive]:
    """Directives of ``text`` with the line range each one covers."""
    lines = LineIndex(text)
    n_lines = text.count("\n") + 1
    out: list[Directive] = []
    open_: list[Directive] = []
    raw_lines = text.split("\n")
    for m in _DIRECTIVE.finditer(text):
        action = m.group("a") or m.group("b")
        d = Directive(m.start(), m.end(), action, _codes(m.group("c1") or m.group("c2")))
        line, _ = lines.line_col(m.start())
        if action == "disable-next-line":
            nxt = line + 1
            while nxt <= n_lines and not raw_lines[nxt - 1].strip():
                nxt += 1
            d.first_line = d.last_line = nxt
            out.append(d)
        elif action == "disable-line":
            d.first_line = d.last_line = line
            out.append(d)
        elif action == "disable":
            d.first_line, d.last_line = line, n_lines
            out.append(d)
            open_.append(d)
        else:  # enable closes matching open regions
            for o in open_:
                if o.last_line == n_lines and (ALL in d.codes or o.codes & d.codes or ALL in o.codes):
                    o.last_line = line
            open_ = [o for o in open_ if o.last_line == n_lines]
    return out


def apply_suppressions(doc: Doc, unused_rule=None, lang: str = "zh", rules=None) -> None:
    """Drop suppressed findings; report unused directives, and codes that name none of ``rules``
    (default: the built-in rules), with ``unused_rule`` (a RuleSpec)."""
    text = doc.source.text
    if "claimcheck" not in text:
        return
    directives = parse_directives(text)
    if not directives:
        return
    kept: list[Finding] = []
    for f in doc.findings:
        s, _ = doc.orig_span(f.start, f.end)
        line, _ = doc.line_col(s)
        hit = None
        for d in directives:
            if d.first_line <= line <= d.last_line and (ALL in d.codes or any(_names(f.rule, c) for c in d.codes)):
                hit = d
                break
        if hit is None:
            kept.append(f)
        else:
            hit.used = True
    doc.findings = kept
    if unused_rule is None:
        return
    from .engine import load_rules
    from .engine.loader import unknown_selectors

    rules = rules if rules is not None else load_rules()
    for d in directives:
        unknown = sorted(unknown_selectors(sorted(d.codes - {ALL}), rules))
        if unknown:
            message = _UNKNOWN["en" if lang == "en" else "zh"].format(codes=", ".join(unknown))
        elif not d.used:
            template = unused_rule.message.en if lang == "en" else unused_rule.message.zh
            from .engine.messages import render

            codes = "全部" if ALL in d.codes and lang != "en" else ("all" if ALL in d.codes else ",".join(sorted(d.codes)))
            message = render(template, {"codes": codes, "directive": text[d.start:d.end]})
        else:
            continue
        doc.findings.append(Finding(rule=unused_rule.id, category=unused_rule.category,
                                    severity=unused_rule.severity, message=message,
                                    start=0, end=0, orig=(d.start, d.end)))


_UNKNOWN = {"zh": "屏蔽指令中有未知的规则代码：{codes}（见 claimcheck rules）",
            "en": "unknown rule code in a suppression directive: {codes} (see claimcheck rules)"}


def _names(rule_id: str, selector: str) -> bool:
    """Whether a directive's ``selector`` names the rule ``rule_id`` (as ``--select`` would)."""
    from .engine.loader import load_rules, matches

    for r in load_rules():
        if r.id == rule_id:
            return matches(r, selector)
    return rule_id.startswith(selector)
