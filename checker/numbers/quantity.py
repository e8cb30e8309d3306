"""The Quantity: one number as written, with its exact value and implied range."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Optional

from .interval import Interval, fmt

KINDS = (
    "count", "money", "percent", "percentage_point", "ratio", "multiple",
    "year", "date", "duration", "measure",
)


@dataclass(slots=True)
class Quantity:
    """A number found in the normalised text.

    ``value`` is the number in ``unit`` as written (12.67 for "12.67%",
    904440000 for "90444万个"); ``interval`` is every value the written form
    admits (rounding at the written precision, approximation words).
    ``start``/``end`` index the normalised text; ``num_start``/``num_end`` the
    digits alone.
    """

    start: int
    end: int
    num_start: int
    num_end: int
    text: str
    value: Fraction
    interval: Interval
    decimals: int
    step: Fraction
    unit: Optional[str]
    kind: str
    approx: tuple[str, ...] = ()
    magnitude: int = 1
    mixed_numerals: bool = False
    is_range: bool = False
    high: Optional[Fraction] = None  # upper end of a written range (3至5年)

    @property
    def is_integer_count(self) -> bool:
        """Counts of discrete things (cases, people) must be whole numbers."""
        return self.kind == "count"

    @property
    def fraction(self) -> Fraction:
        """The value as a plain ratio (12.67% → 0.1267; 三成 → 0.3)."""
        if self.kind in ("percent", "percentage_point"):
            return self.value / 100
        return self.value

    def display(self) -> str:
        """The value as a short human string, e.g. ``12.67%`` or ``904440000个``."""
        u = "%" if self.kind == "percent" else (self.unit or "")
        return f"{fmt(self.value)}{u}"
