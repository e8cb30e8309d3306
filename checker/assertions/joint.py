"""Document-level joint check: all claims about one metric must hold together.

Each value a claim states or implies becomes a node ``(frame identity, year)`` — the subject core
and attribute, scope and unit dimension of its claim frame, and the year of its period:
"2021年,全市刑事案件发案3315起,比2020年下降12.67%" fixes the 2021 node at 3315
and bounds the 2020 node to the whole numbers that reproduce 12.67% (3796);
"逐年下降" adds x₂₀₁₉ ≥ x₂₀₂₀ + 1 ≥ x₂₀₂₁ + 1; a second statement of the same
metric and year elsewhere adds its own bounds.  The system has bounds and
differences only, decided exactly by a longest-path (Bellman–Ford) search over
Fractions; a deletion filter finds the smallest set of claims that cannot all
hold; the message layer (``checker.evidence``) words the derivation for the report.

Bounds and differences of whole numbers with integer constants are totally
unimodular, so the real relaxation is feasible exactly when whole numbers are.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Optional

from ..claims.frame import absolute_year
from ..document import Claim, Doc
from ..numbers import fmt
from ..numbers.units import dimension
from .grim import round_figure_interval


@dataclass
class Bound:
    """One claim's contribution: ``lo ≤ node ≤ hi`` or ``node_a − node_b ≥ gap``."""

    claim: Claim
    node: tuple
    lo: Optional[Fraction] = None
    hi: Optional[Fraction] = None
    other: Optional[tuple] = None      # for differences: node − other ≥ gap
    gap: Fraction = Fraction(0)

    def equation(self) -> str:
        """Human-readable form, e.g. ``x[刑事案件·2020] ∈ [3796, 3796]``."""
        if self.other is not None:
            return f"{_name(self.node)} − {_name(self.other)} ≥ {fmt(self.gap)}"
        lo = "-∞" if self.lo is None else fmt(self.lo, 2)
        hi = "+∞" if self.hi is None else fmt(self.hi, 2)
        return f"{_name(self.node)} ∈ [{lo}, {hi}]"


def _name(node: tuple) -> str:
    keys, year = node
    return f"x[{'/'.join(keys)}·{year}]"


@dataclass
class JointResult:
    """Bounds collected (those that can join another claim's), and the minimal conflicting sets found."""

    bounds: list[Bound] = field(default_factory=list)
    cores: list[list[Bound]] = field(default_factory=list)
    solved: bool = False


def _node(doc: Doc, frame, unit: Optional[str], own: Optional[int] = None) -> Optional[tuple]:
    """The node of a value: its frame's identity (subject core and attribute, scope, dimension) and the
    absolute year of its period; None when the period is not one year (累计, 上半年) or unknown.
    A subject too vague to identify anything (受理案件) gets an identity of its own value at ``own``:
    the comparisons made from that one value still join, nothing else does."""
    if frame is None or (not frame.subject.specific and own is None):
        return None
    p = frame.period
    if p.span or p.part.replace("ytd", ""):
        return None
    year = p.year
    if year is None and p.relative is not None and doc.year is not None:
        year = doc.year + p.relative
    if year is None:
        return None
    s = frame.subject
    if not s.specific:
        return ((f"@{own}", dimension(unit)), year)
    return (tuple(x for x in (s.key, s.attr, frame.scope, dimension(unit)) if x), year)


def _joinable(doc: Doc) -> list[Bound]:
    """The bounds from change, value and trend claims on nodes ``(frame identity, year)`` that can meet
    another claim's: a value stated on its own only where a change or a trend bounds its node too (alone it
    is one claim, decided on its own)."""
    changes, value_nodes = _change_bounds(doc)
    trends = _trend_bounds(doc, value_nodes)
    if not changes and not trends:
        return []
    nodes = {n for b in changes + trends for n in (b.node, b.other) if n is not None}
    return changes + _value_bounds(doc, nodes) + trends


def _change_bounds(doc: Doc) -> tuple[list[Bound], dict[int, tuple]]:
    """Bounds from changes against a reference (the value now, the prior it implies), and the node of
    each such change's value (by the quantity's id)."""
    bounds: list[Bound] = []
    value_nodes: dict[int, tuple] = {}
    for c in doc.claims:
        if c.kind != "change" or c.data.verdict is None or len(c.quantities) < 2 or c.data.form != "reference":
            continue
        value, amount = c.quantities[0], c.quantities[-1]
        if amount.kind != "percent" or value.kind == "percent" or c.data.to_form:
            continue
        now = _node(doc, c.frame, value.unit, value.start)
        ref_year = c.data.reference_year
        if now is None or (ref_year is None and c.data.reference not in ("上年", "同比")):
            continue
        keys, year = now
        ref = ref_year if ref_year is not None else year - 1
        value_nodes[id(value)] = now
        if value.interval.lo is not None and value.interval.hi is not None:
            bounds.append(Bound(c, now, value.interval.lo, value.interval.hi))
        cands = c.data.candidates or []
        integer = value.kind == "count" and value.interval.is_point
        if c.data.verdict == "inconsistent":
            continue  # reported on its own (CC111); a joint core needs two claims
        if integer and cands and c.data.verdict == "consistent":
            bounds.append(Bound(c, (keys, ref), Fraction(min(cands)), Fraction(max(cands))))
        elif c.data.prior_lo is not None:
            bounds.append(Bound(c, (keys, ref), c.data.prior_lo, c.data.prior_hi))
    return bounds, value_nodes


def _value_bounds(doc: Doc, nodes: set) -> list[Bound]:
    """A value stated on its own ("2020年,全市刑事案件发案3796起") pins its node (only the ``nodes``
    a change or a trend bounds too)."""
    bounds: list[Bound] = []
    for c in doc.claims:
        if c.kind != "quantity" or c.quantities[0].kind != "count" or c.frame is None:
            continue
        q = c.quantities[0]
        node = _node(doc, c.frame, q.unit)
        if node is None or q.interval.lo is None or q.interval.hi is None or c.frame.modality or c.frame.flow:
            continue
        if node in nodes:
            bounds.append(Bound(c, node, q.interval.lo, q.interval.hi))
    return bounds


def _trend_bounds(doc: Doc, value_nodes: dict[int, tuple]) -> list[Bound]:
    """The order a trend (逐年下降) puts between the periods of its series."""
    bounds: list[Bound] = []
    for c in doc.claims:
        if c.kind != "trend":
            continue
        decreasing = c.data.direction == "decrease"
        for s in c.data.series:
            if s.stated:
                bounds.extend(_stated_bounds(c, s, decreasing))
                continue
            now = value_nodes.get(id(s.value)) if s.value is not None else None
            if now is None or not _by_years(s):
                if s.adjacent:
                    bounds.extend(series_bounds(doc, c, s, decreasing))
                continue
            keys, year = now
            years = sorted({year, *s.points}, reverse=True)
            for later, earlier in zip(years, years[1:]):
                a, b = (keys, earlier), (keys, later)
                gap = Fraction(1) if s.value.kind == "count" else Fraction(0)
                bounds.append(Bound(c, a if decreasing else b, other=b if decreasing else a, gap=gap))
    return bounds


def _by_years(s) -> bool:
    """Every comparison of the series names a year, is consistent on its own (an inconsistent one bounds
    no document-wide node) and nothing else was written beside them: the document-wide nodes of the
    value's frame carry it."""
    return all(c.data.reference_year is not None and not c.data.given and c.data.verdict != "inconsistent"
               for c in s.claims)


def _current_year(doc: Doc, claim: Claim) -> Optional[int]:
    p = claim.frame.period if claim.frame is not None else None
    return None if p is None or p.span else absolute_year(p, doc.year)


INDEX = Fraction(100)   # a series without a written value is read as an index: the current period = 100


def _prior_range(c: Claim, value, decreasing_change: bool) -> tuple[Optional[Fraction], Optional[Fraction]]:
    """The earlier value one change implies: from the whole-number priors of a count, else from the
    value's whole rounding interval (or the index 100) and the percentage's (a sound outer bound)."""
    d, pct = c.data, c.quantities[-1].interval
    if pct.lo is None or pct.hi is None:
        return None, None
    coarse = round_figure_interval(pct.scale(Fraction(1, 100)))  # 90% may be read to its leading digit
    if coarse is not None:
        pct = coarse.scale(Fraction(100))
    if value is not None and d.verdict == "consistent" and d.candidates and value.kind == "count":
        # (an inconsistent change still bounds the period: its real-valued range is an outer bound)
        return Fraction(min(d.candidates)), Fraction(max(d.candidates))
    lo = hi = value.value if value is not None else INDEX   # the series scaled to the written value
    if lo < 0:
        return None, None
    p_lo, p_hi = pct.lo / 100, pct.hi / 100
    if decreasing_change:
        return (lo / (1 - p_lo) if p_lo < 1 else None), (hi / (1 - p_hi) if p_hi < 1 else None)
    if p_lo <= -1:
        return None, None
    return lo / (1 + p_hi), hi / (1 + p_lo)


def series_bounds(doc: Doc, trend: Claim, s, decreasing: bool) -> list[Bound]:
    """A trend over one value's own comparisons (同比, 比前年同期, 比2020年) and the earlier values
    written beside them, on nodes of its own, and the trend's order between consecutive periods.

    The order of a series does not depend on its scale, so the series is scaled to make the current
    period exactly the written value (or the index 100 when no value is written): each comparison then
    bounds its period exactly by the percentage's rounding, and a written earlier value g, with the true
    current value anywhere in the value's rounding interval [v_lo, v_hi], lies in [g_lo·v/v_hi, g_hi·v/v_lo]
    (an outer bound, so a conflict found is a real one)."""
    claims = [c for c in s.claims if not c.data.average]   # 年均, 两年平均: not one comparison
    if not claims:
        return []
    value = s.value
    now = _current_year(doc, claims[0])
    items = []   # (claim, (years back | year), given value or None)
    for c in claims:
        d = c.data
        items.append((c, ("y", d.reference_year) if d.reference_year is not None else ("b", d.back), None))
        if value is not None:  # a given prior that contradicts its change is reported with it (CC111)
            items += [(c, ("y", g.year) if g.year is not None else ("b", g.back), g) for g in d.given
                      if g is not d.given_conflict]
    kinds = {when[0] for _, when, _ in items}
    if now is None and kinds == {"y", "b"}:
        items = [it for it in items if it[1][0] == "b"]  # years and "periods back" cannot be ordered
    keys = (f"@series{s.claims[0].data.series}", dimension(value.unit) if value is not None else "index")

    def period(when) -> tuple:
        kind, n = when
        if kind == "y":
            return n, n
        return (now - n, now - n) if now is not None else (-n, f"t-{n}")

    current = (now, now) if now is not None else ((float("inf"), "t") if kinds == {"y"} else (0, "t"))
    if value is None and now is None:
        current = (current[0], "t0")
    nodes = {current[1]: current[0]}
    out = []
    first = claims[0]
    if value is not None:
        v_lo, v_hi = value.interval.lo, value.interval.hi
        if v_lo is None or v_hi is None or v_lo <= 0:
            return []
        out.append(Bound(first, (keys, current[1]), value.value, value.value))
    else:
        out.append(Bound(first, (keys, current[1]), INDEX, INDEX))
    for c, when, g in items:
        order, label = period(when)
        if order >= current[0]:
            continue  # a "comparison" with a later period: not this series
        nodes[label] = order
        if g is not None:
            gi = g.quantity.interval
            out.append(Bound(c, (keys, label), gi.lo * value.value / v_hi, gi.hi * value.value / v_lo))
        else:
            lo, hi = _prior_range(c, value, c.data.direction == "decrease")
            if lo is not None or hi is not None:
                out.append(Bound(c, (keys, label), lo, hi))
    # whole counts (with their measure word) fall by at least one; anything else may stay level
    gap = Fraction(1) if value is not None and value.kind == "count" and value.unit and value.interval.is_point \
        else Fraction(0)
    ordered = sorted(nodes, key=nodes.get, reverse=True)
    for later, earlier in zip(ordered, ordered[1:]):
        a, b = (keys, earlier), (keys, later)
        out.append(Bound(trend, a if decreasing else b, other=b if decreasing else a, gap=gap))
    return out


def _stated_bounds(trend: Claim, s, decreasing: bool) -> list[Bound]:
    """A series written out year by year (a 分别 list): each year pinned to its value, and the trend's
    order between consecutive years."""
    keys = tuple(x for x in (s.label, f"@{s.claims[0].start}", dimension(s.value.unit)) if x)
    out = [Bound(s.claims[0], (keys, y), q.interval.lo, q.interval.hi) for y, q in sorted(s.stated.items())]
    years = sorted(s.stated, reverse=True)
    gap = Fraction(1) if s.value.kind == "count" else Fraction(0)
    for later, earlier in zip(years, years[1:]):
        a, b = (keys, earlier), (keys, later)
        out.append(Bound(trend, a if decreasing else b, other=b if decreasing else a, gap=gap))
    return out


def _witness(bounds: list[Bound]) -> bool:
    """Try to build a solution: start every node at its lower bound (values are ≥ 0) and raise nodes along the
    differences (longest paths, Bellman–Ford style).  Returns True only with a verified witness
    (exact Fractions); False means "no witness found", and the LP decides."""
    lo: dict[tuple, Optional[Fraction]] = {}
    hi: dict[tuple, Optional[Fraction]] = {}
    edges = []
    for b in bounds:
        lo.setdefault(b.node, None)
        hi.setdefault(b.node, None)
        if b.other is not None:
            lo.setdefault(b.other, None)
            hi.setdefault(b.other, None)
            edges.append((b.other, b.node, b.gap))  # node >= other + gap
            continue
        if b.lo is not None and (lo[b.node] is None or b.lo > lo[b.node]):
            lo[b.node] = b.lo
        if b.hi is not None and (hi[b.node] is None or b.hi < hi[b.node]):
            hi[b.node] = b.hi
    value = {n: (v if v is not None and v > 0 else Fraction(0)) for n, v in lo.items()}  # values are ≥ 0
    for _ in range(len(value) + 1):
        changed = False
        for a, b, gap in edges:
            if value[b] < value[a] + gap:
                value[b] = value[a] + gap
                changed = True
        if not changed:
            break
    else:
        return False
    if any(hi[n] is not None and value[n] > hi[n] for n in value):
        return False
    return all(value[b] >= value[a] + gap for a, b, gap in edges)


def _feasible(bounds: list[Bound]) -> bool:
    """Exact feasibility of per-node bounds plus difference constraints.

    For this class (x ≥ lo, x ≤ hi, x_a − x_b ≥ g, values ≥ 0) the least solution, if any, is the
    longest-path assignment from the lower bounds, so ``_witness`` is a complete decision procedure,
    in exact Fractions.  sympy's simplex was used here first and dropped from the verdict path:
    in sympy 1.14 it returned a point violating x ≤ 0 when a bound appeared twice as a row, and it
    did not terminate on a degenerate system (all bounds fixed, one strict chain).  The property
    suite cross-checks this procedure against brute force."""
    return _witness(bounds)


def _components(bounds: list[Bound]) -> list[list[Bound]]:
    parent: dict[tuple, tuple] = {}

    def find(a):
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for b in bounds:
        find(b.node)
        if b.other is not None:
            parent[find(b.node)] = find(b.other)
    groups: dict[tuple, list[Bound]] = {}
    for b in bounds:
        groups.setdefault(find(b.node), []).append(b)
    return list(groups.values())


def minimal_core(bounds: list[Bound]) -> list[Bound]:
    """Deletion filter: drop each claim in turn and keep it out if the rest stays infeasible."""
    claims = []
    for b in bounds:
        if b.claim not in claims:
            claims.append(b.claim)
    keep = list(claims)
    for c in claims:
        trial = [x for x in keep if x is not c]
        if not _feasible([b for b in bounds if b.claim in trial]):
            keep = trial
    return [b for b in bounds if b.claim in keep]


def _dedupe(bounds: list[Bound]) -> list[Bound]:
    """One bound per distinct constraint (a document that repeats itself adds nothing new)."""
    seen, out = set(), []
    for b in bounds:
        key = (b.node, b.lo, b.hi, b.other, b.gap)
        if key not in seen:
            seen.add(key)
            out.append(b)
    return out


def solve(doc: Doc) -> JointResult:
    """Collect the bounds that can join (``_joinable``), decide each connected group exactly, and
    return minimal cores."""
    res = JointResult(bounds=_dedupe(_joinable(doc)))
    for group in _components(res.bounds):
        if len({id(b.claim) for b in group}) < 2 and not any(b.claim.kind == "trend" for b in group):
            continue  # one claim is decided on its own; a trend with the series written after it is not
        if all(b.claim.kind == "quantity" for b in group):
            continue  # bare numbers alone never make a joint claim
        res.solved = True
        if not _feasible(group):
            res.cores.append(minimal_core(group))
    return res


def joint(doc: Doc) -> JointResult:
    """The document's joint result, computed once and cached on the document."""
    cached = getattr(doc, "_joint", None)
    if cached is None:
        cached = solve(doc)
        doc._joint = cached
    return cached
