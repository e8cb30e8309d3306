"""The Quantity: one number as written, with its exact value and implied range."""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Optional

from .interval import Interval

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
