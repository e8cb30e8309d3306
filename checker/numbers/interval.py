"""Exact intervals of rationals, for numbers whose written form implies a range.

"12.67%" under half-up rounding means the true value lies in [12.665, 12.675);
"600余" means (600, 700); "约300" means [250, 350].  Bounds are ``Fraction``
or ``None`` for an unbounded side; floats never appear.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Optional

Bound = Optional[Fraction]


@dataclass(frozen=True, slots=True)
class Interval:
    """A possibly half-open, possibly unbounded interval of rationals."""

    lo: Bound
    hi: Bound
    lo_closed: bool = True
    hi_closed: bool = True

    @classmethod
    def point(cls, x: Fraction) -> "Interval":
        """The degenerate interval [x, x]."""
        return cls(x, x, True, True)

    @classmethod
    def rounded(cls, x: Fraction, step: Fraction) -> "Interval":
        """Values that round half-up to ``x`` at granularity ``step``: [x-step/2, x+step/2)."""
        half = step / 2
        return cls(x - half, x + half, True, False)

    @property
    def is_point(self) -> bool:
        """True when the interval holds exactly one value."""
        return self.lo is not None and self.lo == self.hi

    def contains(self, x: Fraction) -> bool:
        """Whether ``x`` lies in the interval."""
        if self.lo is not None and (x < self.lo or (x == self.lo and not self.lo_closed)):
            return False
        if self.hi is not None and (x > self.hi or (x == self.hi and not self.hi_closed)):
            return False
        return True

    def intersect(self, other: "Interval") -> Optional["Interval"]:
        """The intersection, or ``None`` when empty."""
        lo, lo_c = self.lo, self.lo_closed
        if other.lo is not None and (lo is None or other.lo > lo or (other.lo == lo and not other.lo_closed)):
            lo, lo_c = other.lo, other.lo_closed
        hi, hi_c = self.hi, self.hi_closed
        if other.hi is not None and (hi is None or other.hi < hi or (other.hi == hi and not other.hi_closed)):
            hi, hi_c = other.hi, other.hi_closed
        if lo is not None and hi is not None and (lo > hi or (lo == hi and not (lo_c and hi_c))):
            return None
        return Interval(lo, hi, lo_c, hi_c)

    def disjoint(self, other: "Interval") -> bool:
        """``self.intersect(other) is None``, without building the intersection (exact, on the fractions'
        integers): one lies below the other, or one of them is empty."""
        return _below(self, other) or _below(other, self) or _empty(self) or _empty(other)

    def scale(self, k: Fraction) -> "Interval":
        """Multiply both ends by a positive constant."""
        if k <= 0:
            raise ValueError("scale factor must be positive")
        return Interval(
            None if self.lo is None else self.lo * k,
            None if self.hi is None else self.hi * k,
            self.lo_closed,
            self.hi_closed,
        )

    def negated(self) -> "Interval":
        """The interval of ``-x`` for every ``x`` in this one."""
        return Interval(
            None if self.hi is None else -self.hi,
            None if self.lo is None else -self.lo,
            self.hi_closed,
            self.lo_closed,
        )

    def integers(self, limit: int = 1000) -> Optional[list[int]]:
        """The integers inside a bounded interval, or ``None`` if more than ``limit``."""
        if self.lo is None or self.hi is None:
            return None
        first = -((-self.lo.numerator) // self.lo.denominator)  # ceil
        if first == self.lo and not self.lo_closed:
            first += 1
        last = self.hi.numerator // self.hi.denominator  # floor
        if last == self.hi and not self.hi_closed:
            last -= 1
        if last - first + 1 > limit:
            return None
        return list(range(first, last + 1))

    def __str__(self) -> str:
        lo = "-∞" if self.lo is None else fmt(self.lo)
        hi = "+∞" if self.hi is None else fmt(self.hi)
        return f"{'[' if self.lo_closed else '('}{lo}, {hi}{']' if self.hi_closed else ')'}"


def _cmp(x: Fraction, y: Fraction) -> int:
    """-1, 0 or 1 as ``x`` is below, equal to or above ``y`` (exact, on the integers of the fractions)."""
    p, q = x.numerator * y.denominator, y.numerator * x.denominator
    return (p > q) - (p < q)


def _empty(x: Interval) -> bool:
    if x.lo is None or x.hi is None:
        return False
    c = _cmp(x.lo, x.hi)
    return c > 0 or c == 0 and not (x.lo_closed and x.hi_closed)


def _below(x: Interval, y: Interval) -> bool:
    """Every value of ``x`` lies below every value of ``y``."""
    if x.hi is None or y.lo is None:
        return False
    c = _cmp(x.hi, y.lo)
    return c < 0 or c == 0 and not (x.hi_closed and y.lo_closed)


def fmt(x: Fraction, max_decimals: int = 6) -> str:
    """Exact decimal text of ``x`` when it terminates, else rounded with '≈'."""
    if x.denominator == 1:
        return str(x.numerator)
    d = x.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d == 1:
        places = max(twos, fives)
        scaled = x.numerator * (10**places // x.denominator)   # exact: the denominator divides 10**places
        sign = "-" if scaled < 0 else ""
        digits = str(abs(scaled)).rjust(places + 1, "0")
        return f"{sign}{digits[:-places]}.{digits[-places:]}"
    q = round(x * 10**max_decimals)
    sign = "-" if q < 0 else ""
    digits = str(abs(q)).rjust(max_decimals + 1, "0")
    return f"≈{sign}{digits[:-max_decimals]}.{digits[-max_decimals:]}".rstrip("0").rstrip(".")


def round_half_up(x: Fraction, decimals: int) -> Fraction:
    """Round a rational half-up (away from zero on ties) at ``decimals`` places, exactly."""
    q = Fraction(10) ** decimals
    sign = -1 if x < 0 else 1
    return sign * Fraction(int(abs(x) * q + Fraction(1, 2)), q)
