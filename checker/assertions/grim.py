"""Exact, GRIM-style decisions for percent changes.

"V, 比上年下降P%" asserts that some prior value x exists with (x − V)/x in the
interval the written P admits (half-up rounding at its decimals).  For counts
x must be a whole number, and the rounding granularity alone decides: no
fixed tolerance, no floats.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Optional

from ..numbers import Interval

MAX_LISTED = 12
ROUND_FIGURE = "a round figure, read to its leading digits"


@dataclass(frozen=True)
class PriorResult:
    """The outcome of solving for the prior value of a percent change."""

    verdict: str                      # consistent | inconsistent | untestable | warning
    candidates: tuple[int, ...] = ()  # integer priors that reproduce the percent (if few)
    prior_range: Optional[Interval] = None
    note: str = ""


def prior_interval(value: Fraction, pct: Interval, decrease: bool) -> Optional[Interval]:
    """Priors x with (x−V)/x (decrease) or (V−x)/x (increase) in ``pct`` (ratios, not %)."""
    lo, hi = pct.lo, pct.hi
    if lo is None or hi is None:
        return None
    if decrease:
        # x = V/(1-p): increasing in p; p must stay below 1
        if lo >= 1:
            return None
        x_lo = value / (1 - lo)
        x_hi = value / (1 - hi) if hi < 1 else None
        return Interval(x_lo, x_hi, pct.lo_closed, pct.hi_closed if x_hi is not None else False)
    # x = V/(1+p): decreasing in p
    if lo <= -1:
        return None
    return Interval(value / (1 + hi), value / (1 + lo), pct.hi_closed, pct.lo_closed)


def round_figure_interval(pct: Interval) -> Optional[Interval]:
    """For a whole percentage with trailing zeros (300%, 50%, 20%) written as a rounded
    interval, the interval it admits when rounded to its leading digits
    (300% → [250%, 350%)); None for any other figure (7%, 12%, 300.0%)."""
    if pct.lo is None or pct.hi is None:
        return None
    width, mid = (pct.hi - pct.lo) * 100, (pct.lo + pct.hi) / 2 * 100
    if width != 1 or mid.denominator != 1 or mid == 0 or mid % 10 != 0:
        return None
    place = Fraction(1)
    while mid % (place * 10) == 0:
        place *= 10
    return Interval((mid - place / 2) / 100, (mid + place / 2) / 100, True, False)


def _reproduces(x: int, value: Fraction, pct: Interval, decrease: bool) -> bool:
    if x <= 0:
        return False
    p = Fraction(x - value, x) if decrease else Fraction(value - x, x)
    return pct.contains(p)


def solve_prior(value: Fraction, pct: Interval, decrease: bool, integer: bool,
                truncated: Optional[Interval] = None) -> PriorResult:
    """Decide whether a whole-number (or any) prior reproduces the stated change.

    ``pct`` is the half-up interval as ratios; ``truncated`` the interval under
    truncation, tried only when half-up admits no prior (a ``warning``).
    """
    rng = prior_interval(value, pct, decrease)
    if rng is None:
        if decrease and pct.lo is not None and pct.lo >= 1:
            return PriorResult("inconsistent", note="a decrease of 100% or more leaves nothing")
        return PriorResult("untestable", note="open-ended percentage")
    if not integer:
        return PriorResult("untestable", prior_range=rng, note="the value is not a whole-number count")
    if rng.hi is None:
        return PriorResult("untestable", prior_range=rng)
    width = rng.hi - rng.lo
    if width >= 1:
        ints = rng.integers(limit=MAX_LISTED)
        return PriorResult("untestable", tuple(ints or ()), rng,
                           "granularity cannot fail: the range of priors is wider than one")
    ints = [x for x in (rng.integers(limit=10) or []) if _reproduces(x, value, pct, decrease)]
    if ints:
        return PriorResult("consistent", tuple(ints), rng)
    coarse = round_figure_interval(pct)
    if coarse is not None:
        alt = solve_prior(value, coarse, decrease, integer)
        if alt.verdict != "inconsistent":
            return PriorResult(alt.verdict, alt.candidates, alt.prior_range, ROUND_FIGURE)
    if truncated is not None:
        alt = solve_prior(value, truncated, decrease, integer)
        if alt.verdict == "consistent":
            return PriorResult("warning", alt.candidates, alt.prior_range,
                               "only reproducible if the percentage was truncated, not rounded")
    return PriorResult("inconsistent", (), rng, "no whole number reproduces the percentage")


def nearest_percents(value: Fraction, rng: Interval, decrease: bool, decimals: int) -> list[tuple[int, Fraction]]:
    """For the two integers around an empty prior range: (prior, percent it gives)."""
    if rng is None or rng.lo is None:
        return []
    base = int(rng.lo)
    out = []
    for x in (base, base + 1):
        if x > 0:
            p = Fraction(x - value, x) if decrease else Fraction(value - x, x)
            out.append((x, p * 100))
    return out
