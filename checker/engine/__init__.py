"""The rule engine: loads rule packs and runs each rule's kind over a document."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Doc, Finding, Related
from ..options import CheckOptions
from .loader import load_rules, selected
from .messages import render
from .spec import RuleSpec


@dataclass
class RuleContext:
    """What a kind needs to report: the document, the rule, the options."""

    doc: Doc
    rule: RuleSpec
    options: CheckOptions
    findings: list[Finding] = field(default_factory=list)

    @property
    def params(self) -> dict:
        """The rule's parameters."""
        return self.rule.params

    def emit(self, start: int, end: int, values: dict | None = None, related=(), claims=(),
             evidence: dict | None = None, severity: str | None = None) -> None:
        """Record a finding of this rule at the normalised span ``[start, end)``."""
        values = values or {}
        template = self.rule.message.en if self.options.lang == "en" else self.rule.message.zh
        sev = self.options.severity.get(self.rule.id) or severity or self.rule.severity
        self.findings.append(Finding(
            rule=self.rule.id, category=self.rule.category, severity=sev,
            message=render(template, values), start=start, end=end,
            related=[Related(s, e, m) for s, e, m in related], claims=list(claims),
            evidence={k: v for k, v in (evidence or {}).items()},
        ))


def run_rules(doc: Doc, options: CheckOptions) -> None:
    """Run every selected rule over ``doc`` and append the findings."""
    from .registry import KINDS

    for rule in load_rules(tuple(options.rule_dirs)):
        if not selected(rule, options.select, options.ignore, options.profile):
            continue
        ctx = RuleContext(doc, rule, options)
        KINDS[rule.kind].run(ctx)
        doc.findings.extend(ctx.findings)


def rule_by_id(code: str, options: CheckOptions):
    """The selected rule with id ``code``, or None when it is not loaded or not selected."""
    for rule in load_rules(tuple(options.rule_dirs)):
        if rule.id == code:
            return rule if selected(rule, options.select, options.ignore, options.profile) else None
    return None


__all__ = ["RuleContext", "load_rules", "rule_by_id", "run_rules"]
