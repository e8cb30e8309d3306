"""Kinds driven by text patterns: ``pattern`` (RE2, linear time) and ``repeat``.

User patterns run under RE2, which has no backtracking: a pathological pattern
such as ``(a+)+$`` still runs in linear time, and constructs that need
backtracking (back-references, look-around) are rejected when the rule loads.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...errors import ConfigError
from ..registry import kind, require_params

MAX_PATTERN_MEM = 8 << 20


@lru_cache(maxsize=256)
def compile_re2(pattern: str):
    """Compile ``pattern`` with RE2 (errors are raised, not logged)."""
    import re2

    opts = re2.Options()
    opts.max_mem = MAX_PATTERN_MEM
    opts.log_errors = False
    return re2.compile(pattern, opts)


def _validate_pattern(rule) -> None:
    require_params(rule, "pattern", types=(str,))
    try:
        rx = compile_re2(rule.params["pattern"])
    except Exception as e:  # re2.error carries bytes
        msg = e.args[0].decode() if e.args and isinstance(e.args[0], bytes) else str(e)
        raise ConfigError(rule.path, f"field 'params.pattern': not a valid RE2 pattern ({msg}); "
                                     "back-references and look-around are not supported") from None
    group = rule.params.get("group", 0)
    if isinstance(group, str) and group not in rx.groupindex:
        raise ConfigError(rule.path, f"field 'params.group': no group named {group!r} in the pattern")
    if isinstance(group, int) and not 0 <= group <= rx.groups:
        raise ConfigError(rule.path, f"field 'params.group': the pattern has {rx.groups} groups")
    for key in ("exceptions",):
        v = rule.params.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise ConfigError(rule.path, f"field 'params.{key}' must be a list of strings")


@kind("pattern", validate=_validate_pattern)
def run_pattern(ctx) -> None:
    """Flag each match of ``params.pattern`` (span: ``params.group``), unless the
    sentence contains one of ``params.exceptions``."""
    rx = compile_re2(ctx.params["pattern"])
    group = ctx.params.get("group", 0)
    gi = rx.groupindex[group] if isinstance(group, str) else group
    exceptions = ctx.params.get("exceptions", [])
    text = ctx.doc.text
    for m in rx.finditer(text):
        s, e = m.span(gi)
        if s < 0 or e <= s:
            continue
        if exceptions:
            ss, se = ctx.doc.sentence_of(s)
            window = text[max(ss, s - 12):min(se, e + 12)]
            if any(x in window for x in exceptions):
                continue
        values = {"match": m.group(0)}
        for name, idx in rx.groupindex.items():
            values[name] = m.group(idx) or ""
        ctx.emit(s, e, values)


def _validate_repeat(rule) -> None:
    for key in ("min_len", "max_len"):
        if key in rule.params and not isinstance(rule.params[key], int):
            raise ConfigError(rule.path, f"field 'params.{key}' must be an integer")


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")


@kind("repeat", validate=_validate_repeat)
def run_repeat(ctx) -> None:
    """Flag a word of ``min_len``..``max_len`` Han characters written twice in a row
    (落实落实), except the words in ``params.allow``."""
    lo = ctx.params.get("min_len", 2)
    hi = ctx.params.get("max_len", 4)
    allow = set(ctx.params.get("allow", []))
    for m in _HAN_RUN.finditer(ctx.doc.text):
        run, base = m.group(0), m.start()
        n = len(run)
        i = 0
        while i < n - 2 * lo + 1:
            hit = 0
            for L in range(min(hi, (n - i) // 2), lo - 1, -1):
                if run[i] == run[i + L] and run[i:i + L] == run[i + L:i + 2 * L]:
                    w = run[i:i + L]
                    if w not in allow and len(set(w)) > 1:
                        hit = L
                        break
            if hit:
                ctx.emit(base + i, base + i + 2 * hit, {"word": run[i:i + hit], "match": run[i:i + 2 * hit]})
                i += 2 * hit
            else:
                i += 1


@kind("suppression")
def run_suppression(ctx) -> None:
    """Findings of this kind come from ``checker.suppress`` (unused directives), not from a scan."""
    return None
