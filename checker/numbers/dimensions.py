"""Physical dimensions of measure units, checked with pint (imported on first use).

pint stays the unit authority, but its registry is built from ``rules/data/pint_units.txt`` (the
measure units Chinese reports use), not from pint's full default registry, and only when two
different measure units of the same coarse group meet (公里 and 千米): the same unit on both sides, or
units of different groups (公里 and 亩, length and area: ``units.UNITS``), need no registry; a test
checks that the groups split the units exactly as pint's dimensions do.

Counts (起, 件, 人) are not physical; they compare by the coarse groups in
``units.py``.  Measure units (公里, 亩, 吨 …) map to pint units so that 公里
and 千米 compare while 公里 and 吨 never do.
"""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Optional

PINT_UNITS = {
    "公里": "kilometer", "千米": "kilometer", "米": "meter", "厘米": "centimeter", "毫米": "millimeter",
    "km": "kilometer", "m": "meter",
    "平方公里": "kilometer**2", "平方米": "meter**2", "公顷": "hectare", "亩": "(2000/3)*meter**2",
    "吨": "metric_ton", "公斤": "kilogram", "千克": "kilogram", "克": "gram", "斤": "(1/2)*kilogram",
    "立方米": "meter**3", "升": "liter", "毫升": "milliliter", "毫克": "milligram", "微克": "microgram",
    **dict.fromkeys(("微克/立方米", "微克每立方米", "μg/m³", "μg/m3", "ug/m3"), "microgram/meter**3"),
    **dict.fromkeys(("毫克/立方米", "毫克每立方米", "mg/m³", "mg/m3"), "milligram/meter**3"),
    **dict.fromkeys(("毫克/升", "毫克每升", "mg/L", "mg/l"), "milligram/liter"),
}


@lru_cache(maxsize=1)
def _registry():
    import pint

    from ..resources import rules_dir

    # Fraction magnitudes: a conversion factor (亩 = 2000/3 m²) is exact, never a float
    return pint.UnitRegistry(str(rules_dir() / "data" / "pint_units.txt"), non_int_type=Fraction)


@lru_cache(maxsize=256)
def same_dimension(a: str, b: str) -> bool:
    """True when measure units ``a`` and ``b`` have the same physical dimension (pint)."""
    ua, ub = PINT_UNITS.get(a), PINT_UNITS.get(b)
    if a == b or ua is None or ub is None:
        return a == b
    from .units import dimension

    if dimension(a) != dimension(b):
        return False    # length vs area: the groups differ exactly where pint's dimensions do
    reg = _registry()
    return reg.parse_expression(ua).dimensionality == reg.parse_expression(ub).dimensionality


@lru_cache(maxsize=256)
def base_factor(unit: str) -> Optional[Fraction]:
    """The exact factor that takes a value in measure unit ``unit`` to pint's base units of its dimension
    (公里 → 1000, 亩 → 2000/3), or None when ``unit`` is not a known measure unit."""
    expr = PINT_UNITS.get(unit)
    if expr is None:
        return None
    q = (Fraction(1) * _registry().parse_expression(expr)).to_base_units()
    return Fraction(q.magnitude)
