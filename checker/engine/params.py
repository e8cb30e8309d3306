"""Rule parameter values parsed once per distinct value, not once per document."""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache


@lru_cache(maxsize=256)
def fraction_param(value) -> Fraction:
    """A rule parameter (a number, or a string such as "3/2") as an exact fraction."""
    return Fraction(str(value))
