"""Kinds that judge claims: change, trend, rate, partwhole, respective, streak, datespan
(restated values and changes: ``restated``)."""
from __future__ import annotations

import math
from fractions import Fraction

from ...claims.frame import bucket_key, same_frame
from ...evidence import claim_detail, items_text, joint_derivation, quote
from ...numbers import Interval, fmt
from ...numbers.units import common_intervals
from ..labels import related_label
from ..params import fraction_param
from ..registry import kind
from .restated import MAX_COMPARED  # earlier statements of one bucket each one is compared with


def _by_kind(claims) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in claims:
        out.setdefault(c.kind, []).append(c)
    return out


def _claims(ctx, kind_name):
    """The document's claims of ``kind_name`` in order (grouped once per document for all rules)."""
    return ctx.once("claims.by_kind", lambda: _by_kind(ctx.doc.claims)).get(kind_name, [])


@kind("change")
def run_change(ctx) -> None:
    """A change that no admissible prior reproduces (``params.verdicts`` selects which)."""
    verdicts = ctx.params.get("verdicts", ["inconsistent"])
    for c in _claims(ctx, "change"):
        d = c.data
        if d.verdict in verdicts:
            g = getattr(d, "given_conflict", None)  # the prior written beside the change
            label = related_label("earlier_figure", ctx.options.lang)
            related = [(g.start, g.quantity.end, label)] if g is not None else []
            ctx.emit(c.start, c.end, {
                "claim": ctx.doc.text[c.start:c.end], "detail": claim_detail(ctx.doc, c, ctx.options.lang),
                "reference": d.reference,
            }, related=related, claims=[c.id], evidence={k: getattr(d, k) for k in ("value", "amount", "prior_range", "candidates",
                                                                   "reference", "note", "nearest")
                                        if getattr(d, k) not in (None, [])})


@kind("change_misuse")
def run_change_misuse(ctx) -> None:
    """A from-to change whose stated amount uses the wrong measure (% vs 百分点, 了 vs 到)."""
    wanted = ctx.params.get("misuse", [])
    for c in _claims(ctx, "change"):
        if c.data.misuse in wanted:
            ctx.emit(c.start, c.end, {"claim": ctx.doc.text[c.start:c.end],
                                      "detail": claim_detail(ctx.doc, c, ctx.options.lang)}, claims=[c.id])


def _cores(ctx):
    """Each minimal conflicting set of the joint check: (claims in order, bounds)."""
    from ...assertions.joint import joint

    for core in joint(ctx.doc).cores:
        claims = []
        for b in core:
            if b.claim not in claims:
                claims.append(b.claim)
        yield claims, core


def _emit_core(ctx, anchor, claims, core) -> None:
    eqs = [b.equation() for b in core]
    derivation = joint_derivation(ctx.doc, core, ctx.options.lang)
    ctx.emit(anchor.start, anchor.end, {"derivation": derivation, "series": derivation},
             related=[(c.start, c.end, ctx.doc.text[c.start:c.end]) for c in claims if c is not anchor],
             claims=[c.id for c in claims], evidence={"equations": eqs})


@kind("trend")
def run_trend(ctx) -> None:
    """逐年下降 whose stated and implied values cannot be monotone (document-level, exact)."""
    for claims, core in _cores(ctx):
        trends = [c for c in claims if c.kind == "trend"]
        if trends:
            _emit_core(ctx, trends[0], claims, core)


@kind("joint")
def run_joint(ctx) -> None:
    """Claims on one metric (several years, references, statements) that cannot all hold."""
    for claims, core in _cores(ctx):
        if len(claims) >= 2 and not any(c.kind == "trend" for c in claims):
            _emit_core(ctx, claims[0], claims, core)


@kind("rate_range")
def run_rate_range(ctx) -> None:
    """A rate or share whose smallest admissible value exceeds ``params.max`` percent."""
    limit = fraction_param(ctx.params.get("max", 100))
    for c in _claims(ctx, "rate"):
        q = c.quantities[0]
        lo = q.interval.lo
        if lo is None or c.data.may_exceed:
            continue
        pct = lo * 10 if q.kind == "ratio" and q.unit == "成" else lo
        if pct > limit or (pct == limit and not q.interval.lo_closed):
            ctx.emit(c.start, c.end, {"name": c.data.name, "value": quote(ctx.doc, q.start, q.end)}, claims=[c.id])


@kind("rate_fraction")
def run_rate_fraction(ctx) -> None:
    """A share stated beside its numerator and denominator that they do not give (8/27 is not 超过三成)."""
    for c in _claims(ctx, "rate"):
        if not c.data.fraction:
            continue
        rate, num, den = c.quantities
        actual = num.value / den.value * 100
        scale = 10 if rate.unit == "成" else 1
        iv = rate.interval.scale(Fraction(scale)) if scale != 1 else rate.interval
        if not iv.contains(actual):
            ctx.emit(c.start, c.end, {"name": c.data.name, "value": quote(ctx.doc, rate.start, rate.end),
                                      "numerator": quote(ctx.doc, num.start, num.end),
                                      "denominator": quote(ctx.doc, den.start, den.end),
                                      "actual": fmt(actual, 2).lstrip("≈")},
                     related=[(num.start, num.end, related_label("numerator", ctx.options.lang)),
                              (den.start, den.end, related_label("denominator", ctx.options.lang))], claims=[c.id],
                     evidence={"actual_percent": fmt(actual, 4), "stated": str(iv)})


@kind("rate_of_count")
def run_rate_of_count(ctx) -> None:
    """A share of a counted whole that no whole number of its members gives (37.3% of 40 people: 14.92),
    at the written precision read as rounded or as truncated."""
    for c in _claims(ctx, "rate"):
        if not getattr(c.data, "of_count", False):
            continue
        rate, whole = c.quantities[0], c.quantities[-1]
        n = int(whole.value)
        rounded = rate.interval
        truncated = Interval(rate.value, rate.value + rate.step, True, False)
        if any(_whole_share_in(iv, n) for iv in (rounded, truncated)):
            continue
        k0 = min(n, max(0, math.floor(rate.value * n / 100)))
        near = min({k0, min(n, k0 + 1)}, key=lambda k: abs(Fraction(100 * k, n) - rate.value))
        ctx.emit(c.start, c.end, {"name": c.data.name, "value": quote(ctx.doc, rate.start, rate.end),
                                  "whole": quote(ctx.doc, whole.start, whole.end),
                                  "nearest": f"{near}/{n} = {fmt(Fraction(100 * near, n), 2).lstrip('≈')}%"},
                 related=[(whole.start, whole.end, related_label("total", ctx.options.lang))], claims=[c.id],
                 evidence={"whole": n, "stated": str(rate.interval)})


def _whole_share_in(iv: Interval, n: int) -> bool:
    """Whether some whole k of n (0 ≤ k ≤ n) gives a percentage 100·k/n inside ``iv`` (exact, in
    constant time: the smallest k at or above the interval's lower end is the only candidate)."""
    lo, hi = iv.lo * n / 100, iv.hi * n / 100
    k = math.ceil(lo)
    if k == lo and not iv.lo_closed:
        k += 1
    k = max(k, 0)
    return k <= n and (k < hi or (k == hi and iv.hi_closed))


@kind("partwhole")
def run_partwhole(ctx) -> None:
    """A part larger than its whole, or parts that add up to more than it (values compared in one unit:
    measure units converted exactly to their base unit, 3000米 vs 5公里)."""
    for c in _claims(ctx, "partwhole"):
        whole, parts = c.quantities[0], c.quantities[1:]
        w, *ivs = common_intervals(c.quantities)
        if w is None or w.hi is None or any(iv is None or iv.lo is None for iv in ivs):
            continue
        big = max(range(len(parts)), key=lambda i: ivs[i].lo)
        if ivs[big].lo > w.hi:
            part = parts[big]
            ctx.emit(part.start, part.end, {"part": quote(ctx.doc, part.start, part.end),
                                            "whole": quote(ctx.doc, whole.start, whole.end)},
                     related=[(whole.start, whole.end, related_label("whole", ctx.options.lang))], claims=[c.id])
            continue
        if len(parts) > 1 and sum(iv.lo for iv in ivs) > w.hi:
            first, last = min(parts, key=lambda p: p.start), max(parts, key=lambda p: p.end)
            total = sum(p.interval.lo for p in parts) if len({p.unit for p in parts}) == 1 else None
            shown = "+".join(p.text for p in parts) + (f" = {fmt(total)}" if total is not None else "")
            ctx.emit(first.start, last.end, {"part": shown, "whole": whole.text},
                     related=[(whole.start, whole.end, related_label("whole", ctx.options.lang))], claims=[c.id])


@kind("respective")
def run_respective(ctx) -> None:
    """分别 lists whose item and value counts differ; enumerations that miscount.  With
    ``params.single_value``: 分别 with one value for several items (均 was meant, or values are missing)."""
    single = bool(ctx.params.get("single_value", False))
    for c in _claims(ctx, "respective"):
        d = c.data
        names = items_text(c, ctx.options.lang)
        if single:
            if d.form == "分别" and d.n_values == 1 and d.n_items >= 2:
                ctx.emit(c.start, c.end, {"items": d.n_items, "values": d.n_values, "names": names}, claims=[c.id])
            continue
        if d.form == "分别" and d.n_values not in (d.n_items, d.n_alt) and d.n_values > 1:
            ctx.emit(c.start, c.end, {"items": d.n_items, "values": d.n_values, "names": names}, claims=[c.id])
        elif d.form == "enumeration" and d.open and d.n_stated < min(d.n_items, d.n_alt):
            # A、B、C等两大类: 等 with a count may close the list or name examples of more, never fewer
            ctx.emit(c.start, c.end, {"items": d.n_items, "values": d.n_stated, "names": names}, claims=[c.id])
        elif d.form == "enumeration" and not d.open and d.n_stated not in (d.n_items, d.n_alt) and d.n_items >= 2:
            ctx.emit(c.start, c.end, {"items": d.n_items, "values": d.n_stated, "names": names}, claims=[c.id])


@kind("streak")
def run_streak(ctx) -> None:
    """Two streaks about one frame (the same listed items, scope and period) and outcome that give
    different lengths, reported at the later statement (each contradicting statement once, at its own
    place), the earlier one related.  A clause restated word for word with another length
    (``params.min_wording`` Han characters before the streak at least) is one statement too, whatever
    its subject words lean on (发案数、损失数 after a sentence about 电诈, or after nothing)."""
    year = ctx.doc.year
    all_streaks = [c for c in _claims(ctx, "streak") if c.frame is not None]
    streaks = [c for c in all_streaks if c.frame.items and all(s.key for s in c.frame.items)]
    pairs = list(_frame_pairs(streaks, lambda c: c.frame, lambda c: (c.data.unit, c.data.outcome),
                              lambda a, fa, b, fb: same_frame(fa, fb, year)))
    reported = {b.id for _, _, b, _ in pairs}
    pairs += [p for p in _restated_streaks(all_streaks, year, int(ctx.params.get("min_wording", 6)))
              if p[2].id not in reported]
    for a, fa, b, fb in sorted(pairs, key=lambda p: p[2].start):
        da, db = a.data, b.data
        ctx.emit(b.start, b.end, {"first": f"连续{da.n_text}{da.unit}", "second": f"连续{db.n_text}{db.unit}"},
                 related=[(a.start, a.end, related_label("other", ctx.options.lang))], claims=[a.id, b.id],
                 evidence={"n": [da.n, db.n], "about": fa.about(), "other_about": fb.about()})


def _restated_streaks(streaks, year, min_wording: int):
    """``(earlier, its frame, later, its frame)`` for streaks whose clauses read the same but for the
    length: the first statement of each length is paired with the first earlier length it meets
    (a handful of lengths per wording: linear in the document)."""
    from ...claims.frame import same_streak_time
    from ...text.han import han_count

    by_wording: dict = {}
    for c in sorted(streaks, key=lambda c: c.start):
        head = c.data.wording.split("…", 1)[0]
        if han_count(head) < min_wording:
            continue
        lengths = by_wording.setdefault((c.data.unit, c.data.wording), {})
        if c.data.n in lengths:
            continue
        for a in lengths.values():
            if same_streak_time(a.frame, c.frame, year):
                yield a, a.frame, c, c.frame
                break
        lengths[c.data.n] = c


@kind("datespan")
def run_datespan(ctx) -> None:
    """A since-year later than publication, or a streak longer than the years since."""
    from bisect import bisect_left

    periods = _claims(ctx, "period")
    streaks = _claims(ctx, "streak")
    streak_starts = [c.start for c in streaks]
    period_starts = [c.start for c in periods]
    for p in periods:
        since = p.data.since
        year = p.data.until if p.data.until is not None else ctx.doc.year  # a closed span ends at its own year
        if since is None or year is None:
            continue
        if p.data.until is None and since > year:
            if p.data.starting:
                continue  # 从2027年起连续三年实施: a plan, not a claim about the past
            ctx.emit(p.start, p.end, {"label": p.data.label, "year": year, "n": "-", "available": 0},
                     claims=[p.id])
            continue
        available = year - since + 1
        ps, pe = ctx.doc.sentence_of(p.start)
        for s in streaks[bisect_left(streak_starts, p.end):bisect_left(streak_starts, pe)]:
            between = ctx.doc.text[p.end:s.data.streak_start]
            if len(between) > 40 or sum(between.count(ch) for ch in ",，;；") > 1:
                continue  # the since-year frames another statement of a long sentence
            if s.data.unit == "年" and s.data.n > available:
                ctx.emit(p.start, s.end, {"label": p.data.label, "year": year, "n": s.data.n,
                                          "available": available}, claims=[p.id, s.id])
        for q in periods[bisect_left(period_starts, p.start):bisect_left(period_starts, pe)]:
            n = q.data.years
            if n is None or q is p:
                continue
            if n > available:
                ctx.emit(q.start, q.end, {"label": p.data.label, "year": year, "n": n, "available": available},
                         related=[(p.start, p.end, p.data.label)], claims=[p.id, q.id])


def _frame_pairs(claims, frame_of, group=lambda c: (), accept=lambda a, fa, b, fb: True):
    """``(earlier, its frame, later, its frame)`` for statements of the same frame whose values differ.

    Frames are bucketed (``bucket_key``); inside a bucket only the first claim of each distinct
    (subject, scope, period, value) is a candidate, and each candidate is compared, in document order,
    with at most ``MAX_COMPARED`` earlier candidates and paired with the first that it contradicts and
    that ``accept`` admits (the caller's frame identity).  Every contradicting statement is reported
    once, against the earliest statement it contradicts: linear in the document, never n² findings."""
    buckets: dict = {}
    for c in sorted(claims, key=lambda c: c.start):
        f = frame_of(c)
        if f is None or f.value is None:
            continue
        firsts = buckets.setdefault((group(c), bucket_key(f)), {})
        firsts.setdefault((f.subject.key, f.subject.attr, f.scope, f.period, f.flow, str(f.value)), (c, f))
    for firsts in buckets.values():
        earlier: list = []
        for cb, fb in firsts.values():
            for ca, fa in earlier:
                if fa.value.disjoint(fb.value) and accept(ca, fa, cb, fb):
                    yield ca, fa, cb, fb
                    break
            if len(earlier) < MAX_COMPARED:
                earlier.append((cb, fb))
