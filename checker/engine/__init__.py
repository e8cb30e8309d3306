"""The rule engine: loads rule packs and runs each rule's kind over a document.

A rule reports at most ``MAX_FINDINGS_PER_RULE`` findings per document; the rest are counted
into one summary finding ("…and 2,311 more") at the first one left out, so one pathological
document cannot produce hundreds of megabytes of report."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Doc, Finding, Related
from ..options import CheckOptions
from .loader import load_rules, loaded_rules, selected
from .messages import _PLACEHOLDER, render
from .spec import RuleSpec

MAX_FINDINGS_PER_RULE = 100
_MORE = {"zh": "……另有 {n:,} 处同类发现未列出（每条规则每个文件最多列出 {limit} 处）",
         "en": "…and {n:,} more findings of this rule not listed (at most {limit} per rule per file)"}


@dataclass
class RuleContext:
    """What a kind needs to report: the document, the rule, the options.  ``shared`` is one dict for
    every rule run over the document: what several rules need is computed once (``once``)."""

    doc: Doc
    rule: RuleSpec
    options: CheckOptions
    findings: list[Finding] = field(default_factory=list)
    limit: int = MAX_FINDINGS_PER_RULE
    omitted: int = 0
    first_omitted: tuple[int, int] | None = None
    shared: dict = field(default_factory=dict)

    @property
    def params(self) -> dict:
        """The rule's parameters."""
        return self.rule.params

    def once(self, key, compute):
        """``compute()``, computed once per document for all the rules that ask under ``key``."""
        try:
            return self.shared[key]
        except KeyError:
            got = self.shared[key] = compute()
            return got

    def emit(self, start: int, end: int, values: dict | None = None, related=(), claims=(),
             evidence: dict | None = None, severity: str | None = None, fixable: bool = True) -> None:
        """Record a finding of this rule at the normalised span ``[start, end)`` (clamped to the text;
        beyond the per-rule limit only counted).  The rule's fix, if any, is rendered from ``values``
        unless ``fixable`` is false (the kind is not sure of this one)."""
        n = len(self.doc.text)
        start = min(max(0, start), n)
        end = min(max(start, end), n)
        if len(self.findings) >= self.limit:
            self.omitted += 1
            if self.first_omitted is None:
                self.first_omitted = (start, end)
            return
        values = dict(values or {})
        own = self.doc.text[start:end]
        if own and any(v == own for v in values.values()):  # quote the source as written (1.7萬余, not 1.7万余)
            s, e = self.doc.orig_span(start, end)
            message_values = {k: (self.doc.source.text[s:e] if v == own else v) for k, v in values.items()}
        else:
            message_values = values
        template = self.rule.message.en if self.options.lang == "en" else self.rule.message.zh
        sev = self.options.severity.get(self.rule.id) or severity or self.rule.severity
        self.findings.append(Finding(
            rule=self.rule.id, category=self.rule.category, severity=sev,
            message=render(template, message_values), start=start, end=end,
            related=[Related(min(max(0, s), n), min(max(s, e), n), m) for s, e, m in related],
            claims=list(claims),
            evidence={k: v for k, v in (evidence or {}).items()},
            fix=_fix(self.rule, values) if fixable else None,
        ))


def _fix(rule: RuleSpec, values: dict) -> tuple[str, bool] | None:
    """The rule's replacement for this finding, or None when it has no fix or a placeholder has no value."""
    if rule.fix is None:
        return None
    names = set(_PLACEHOLDER.findall(rule.fix.replace))
    if not names <= values.keys():
        return None
    return render(rule.fix.replace, values), rule.fix.safe


_SELECTED: dict = {}   # (packs, select, ignore, profile) → (loaded rules, selected ones, selected by id)


def _selection(options: CheckOptions) -> tuple:
    """(loaded rules, the ones ``options`` select in id order, those by id), chosen once per set of
    packs and selectors (again when the packs are reloaded)."""
    dirs = tuple(options.rule_dirs)
    rules = loaded_rules(dirs)
    key = (dirs, tuple(options.select), tuple(options.ignore), options.profile)
    got = _SELECTED.get(key)
    if got is None or got[0] is not rules:
        if len(_SELECTED) > 64:
            _SELECTED.clear()
        chosen = tuple(r for r in rules if selected(r, options.select, options.ignore, options.profile))
        got = _SELECTED[key] = (rules, chosen, {r.id: r for r in chosen})
    return got


def selected_rules(options: CheckOptions) -> tuple[RuleSpec, ...]:
    """The loaded rules that ``options`` select, in id order (shared: a tuple nobody can change)."""
    return _selection(options)[1]


def run_rules(doc: Doc, options: CheckOptions) -> None:
    """Run every selected rule over ``doc`` and append the findings."""
    from .registry import KINDS

    shared: dict = {}
    for rule in selected_rules(options):
        ctx = RuleContext(doc, rule, options, shared=shared)
        KINDS[rule.kind].run(ctx)
        doc.findings.extend(ctx.findings)
        if ctx.omitted:
            doc.findings.append(_summary(ctx))


def _summary(ctx: RuleContext) -> Finding:
    """The finding that stands for the ``ctx.omitted`` findings beyond the limit."""
    start, end = ctx.first_omitted or (0, 0)
    template = _MORE["en" if ctx.options.lang == "en" else "zh"]
    return Finding(rule=ctx.rule.id, category=ctx.rule.category,
                   severity=ctx.options.severity.get(ctx.rule.id) or ctx.rule.severity,
                   message=template.format(n=ctx.omitted, limit=ctx.limit), start=start, end=end,
                   evidence={"omitted": ctx.omitted, "limit": ctx.limit})


def rule_by_id(code: str, options: CheckOptions):
    """The selected rule with id ``code``, or None when it is not loaded or not selected."""
    return _selection(options)[2].get(code)


__all__ = ["RuleContext", "load_rules", "rule_by_id", "run_rules", "selected_rules"]
