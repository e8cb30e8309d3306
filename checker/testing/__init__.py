"""Public helpers for property-based tests with hypothesis.

Strategies generate Chinese numbers in their written forms together with their
true values, so that tests can check a parser, a template or a report
generator against ground truth::

    from hypothesis import given
    from checker.testing import written_numbers

    @given(written_numbers())
    def test_parse(pair):
        text, value = pair
        ...
"""
from .numbers import (arabic_grouped, chinese_numeral, mixed_wan_yi, written_numbers)

__all__ = ["arabic_grouped", "chinese_numeral", "mixed_wan_yi", "written_numbers"]
