"""Kinds driven by text patterns: ``pattern`` (RE2, linear time) and ``repeat``.

User patterns run under RE2, which has no backtracking: a pathological pattern
such as ``(a+)+$`` still runs in linear time, and constructs that need
backtracking (back-references, look-around) are rejected when the rule loads.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...errors import ConfigError
from ..registry import kind

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
    """Types are checked by the kind's schema (``engine.schemas``); here: the pattern compiles
    under RE2 and names the group it flags."""
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


@lru_cache(maxsize=16)
def _pattern_set(patterns: tuple[str, ...]):
    """All the pattern rules' patterns as one RE2 set: one pass says which of them match at all."""
    import re2

    opts = re2.Options()
    opts.max_mem = MAX_PATTERN_MEM * max(1, len(patterns))
    opts.log_errors = False
    rset = re2.Set.SearchSet(opts)
    for p in patterns:
        rset.Add(p)
    rset.Compile()
    return rset


_PRESENT: list = [None, None, frozenset()]   # the last (text, patterns, patterns that match in it)


SET_MAX_CHARS = 1 << 20   # an RE2 set's DFA that runs out of memory reports no match: a longer text is
SET_OVERLAP = 1 << 16     # asked in windows of this size, each overlapping the one before by SET_OVERLAP


def set_windows(n: int, size: int = SET_MAX_CHARS, overlap: int = SET_OVERLAP) -> list[tuple[int, int]]:
    """``(start, end)`` windows covering ``n`` characters, at most ``size`` long, each starting ``overlap``
    characters before the end of the one before: a match up to ``overlap`` characters long lies wholly
    inside one of them."""
    if n <= size:
        return [(0, n)]
    out, start = [], 0
    while True:
        end = min(n, start + size)
        out.append((start, end))
        if end == n:
            return out
        start = end - overlap


def patterns_present(text: str, patterns: tuple[str, ...]) -> frozenset[str]:
    """Which of ``patterns`` match somewhere in ``text``: one RE2 set over one UTF-8 buffer, computed
    once per text for all the pattern rules (the rules whose pattern is absent do no pass of their own).
    A text over ``SET_MAX_CHARS`` is asked window by window (``set_windows``: a match longer than
    ``SET_OVERLAP`` characters, which no rule's phrase comes near, could be missed there); a set that
    cannot be built counts every pattern as present."""
    if _PRESENT[0] is text and _PRESENT[1] == patterns:
        return _PRESENT[2]
    try:
        rset = _pattern_set(patterns)
        hits: set[int] = set()
        for s, e in set_windows(len(text), SET_MAX_CHARS, SET_OVERLAP):
            hits.update(rset.Match(text[s:e].encode("utf-8", "surrogatepass")) or ())
    except Exception:  # noqa: BLE001 — re2.error (a set too large for its memory): no shortcut
        return frozenset(patterns)
    present = frozenset(patterns[i] for i in hits)
    _PRESENT[:] = [text, patterns, present]
    return present


_LOADED: list = [None, ()]   # the loaded rules last seen, their pattern rules' patterns


def _loaded_patterns(ctx) -> tuple[str, ...]:
    """The patterns of every loaded pattern rule, sorted (gathered again only when other packs are loaded)."""
    from ..loader import loaded_rules

    rules = loaded_rules(tuple(ctx.options.rule_dirs))
    if _LOADED[0] is not rules:
        _LOADED[:] = [rules, tuple(sorted({r.params["pattern"] for r in rules if r.kind == "pattern"}))]
    return _LOADED[1]


def _doc_patterns(ctx) -> tuple[tuple[str, ...], frozenset[str]]:
    """(the loaded pattern rules' patterns, those of them present in the document)."""
    loaded = _loaded_patterns(ctx)
    return loaded, patterns_present(ctx.doc.text, loaded)


def _present_in_doc(ctx, pattern: str) -> bool:
    """Whether ``pattern`` matches in the document: the loaded pattern rules' patterns are tried in one
    set pass for them all, once per document; a pattern not among them (a rule run on its own) alone."""
    present = ctx.once("pattern.present", lambda: _doc_patterns(ctx))
    if pattern in present[0]:
        return pattern in present[1]
    return pattern in patterns_present(ctx.doc.text, tuple(sorted({*present[0], pattern})))


@kind("pattern", validate=_validate_pattern)
def run_pattern(ctx) -> None:
    """Flag each match of ``params.pattern`` (span: ``params.group``), unless the
    sentence contains one of ``params.exceptions``; nothing is searched when the one set pass over the
    document found the pattern absent (``_present_in_doc``)."""
    if not _present_in_doc(ctx, ctx.params["pattern"]):
        return
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
        values = {}
        for name, idx in rx.groupindex.items():
            values[name] = m.group(idx) or ""
        values["match"] = text[s:e]  # the reported span (a context character is no part of it)
        ctx.emit(s, e, values)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _deliberate(text: str, i: int, w: str, params: dict) -> bool:
    """Whether ``w`` written twice at ``i`` is no editing leftover: a reduplicated
    measure phrase (一笔一笔, 逐格逐格), a word with a particle or a Cantonese or
    interrogative part (有嘅有嘅, 走多远走多远), or a place before a name built on
    it (旺角旺角道)."""
    if w in params.get("allow", ()):
        return True
    if len(w) == 2 and w[0] in params.get("reduplication_heads", ""):
        return True
    if any(c in w for c in params.get("particles", "")):
        return True
    after = text[i + 2 * len(w):i + 2 * len(w) + 1]
    if after and after in params.get("name_suffixes", ""):
        return True  # a district before a street named after it (旺角旺角道)
    return any(p in w for p in params.get("deliberate_parts", ()))


def _may_straddle(text: str, i: int, w: str, occurrences: dict[str, int]) -> bool:
    """Whether the repetition may straddle word boundaries (构建共建共治, 深化文化文艺):
    Han characters on both sides and ``w`` nowhere else in the text as a word of its own
    (``occurrences`` counts each candidate word in the whole text)."""
    return _inside_han(text, i, w) and occurrences.get(w, 0) <= 2


def _inside_han(text: str, i: int, w: str) -> bool:
    """Whether ``w`` written twice at ``i`` has Han characters on both sides."""
    end = i + 2 * len(w)
    return i > 0 and _is_han(text[i - 1]) and end < len(text) and _is_han(text[end])


def word_counts(text: str, words: set[str]) -> dict[str, int]:
    """How often each of ``words`` occurs in ``text``: ``str.count`` for a few words, else one
    sliding pass per word length (linear in the text whatever the number of words)."""
    if len(words) <= 16:
        return {w: text.count(w) for w in words}
    counts: dict[str, int] = dict.fromkeys(words, 0)
    for L in {len(w) for w in words}:
        for j in range(len(text) - L + 1):
            piece = text[j:j + L]
            if piece in counts:
                counts[piece] += 1
    return counts


@kind("repeat")
def run_repeat(ctx) -> None:
    """Flag a word of ``min_len``..``max_len`` Han characters written twice in a row
    (落实落实), unless the repetition is deliberate (``_deliberate``); one that may
    span word boundaries is info, not a warning (``_may_straddle``).  The candidates come from one
    built-in regular expression (bounded lengths, so linear), not from a user pattern, tried only
    where ``square_starts`` finds a repetition."""
    lo = int(ctx.params.get("min_len", 2))
    hi = int(ctx.params.get("max_len", 4))
    rx = _repeat_regex(lo, hi)
    text = ctx.doc.text
    found: list[tuple[int, str]] = []
    next_free = 0
    for i in square_starts(text, lo, hi):  # the regular expression is tried only where it can match
        if i < next_free:
            continue
        m = rx.match(text, i)
        if m is None:
            continue
        for L in range(len(m.group(1)), lo - 1, -1):
            w = text[i:i + L]
            if text.startswith(w, i + L) and len(set(w)) > 1:
                if not _deliberate(text, i, w, ctx.params):
                    found.append((i, w))
                next_free = i + 2 * L
                break
    # the words that may straddle are counted once each, in one pass (not once per repetition)
    occurrences = word_counts(text, {w for i, w in found if _inside_han(text, i, w)})
    for i, w in found:
        # a possible straddle is reported as info only: it is as likely a false alarm
        sev = "info" if _may_straddle(text, i, w, occurrences) else None
        ctx.emit(i, i + 2 * len(w), {"word": w, "match": text[i:i + 2 * len(w)]}, severity=sev,
                 fixable=sev is None)


SQUARE_CHUNK = 1 << 16   # code points compared at once (a long text in pieces: bounded memory)


def square_starts(text: str, lo: int, hi: int) -> list[int]:
    """Every offset ``i`` where some piece of ``lo``..``hi`` code points is written twice in a row
    (``text[i:i+L] == text[i+L:i+2L]``), in order.  The text is compared with itself shifted by ``L``
    for all code points at once: one exclusive-or of the text read as one big integer (UTF-16, or
    UTF-32 when it has code points beyond it), whose zero code units mark equal code points; a run
    of ``L`` of them starting on a unit boundary is a repetition.  A long text goes in overlapping
    pieces of ``SQUARE_CHUNK`` code points."""
    starts: list[int] = []
    for a in range(0, len(text), SQUARE_CHUNK):
        piece = text[a:a + SQUARE_CHUNK + 2 * hi]
        starts += [a + i for i in _piece_squares(piece, lo, hi) if i < SQUARE_CHUNK]
    return starts


def _piece_squares(text: str, lo: int, hi: int) -> list[int]:
    """``square_starts`` of one piece of text, at once."""
    data = text.encode("utf-16-le", "surrogatepass")
    width = 2
    if len(data) != 2 * len(text):
        data, width = text.encode("utf-32-le", "surrogatepass"), 4
    whole = int.from_bytes(data, "little")
    n = len(data)
    starts: set[int] = set()
    for L in range(max(lo, 1), hi + 1):
        shift = width * L
        end = n - shift  # units past this have no partner L further on
        if end < shift:
            break
        same = ((whole >> (8 * shift)) ^ whole).to_bytes(n, "little")
        run = bytes(shift)
        k = same.find(run, 0, end)
        while k != -1:
            if k % width == 0:
                starts.add(k // width)
            k = same.find(run, k + 1, end)
    return sorted(starts)


@lru_cache(maxsize=8)
def _repeat_regex(lo: int, hi: int):
    return re.compile(rf"(?=([\u4e00-\u9fff]{{{lo},{hi}}})\1)")


@kind("suppression")
def run_suppression(ctx) -> None:
    """Findings of this kind come from ``checker.suppress`` (unused directives), not from a scan."""
    return None
