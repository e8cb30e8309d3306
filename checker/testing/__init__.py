"""Public helpers for property-based tests with hypothesis.

Strategies generate Chinese numbers and whole claims from ground truth, so
that tests can check a parser, a newsroom template or a report generator::

    from hypothesis import given
    from checker.testing import change_claims, assert_consistent, written_numbers

    @given(change_claims())
    def test_template(claim):
        assert_consistent(claim.text)          # a consistent claim never errors

    @given(written_numbers())
    def test_parse(pair):
        text, value = pair                     # e.g. ("10亿零817万5288", Fraction(1008175288))
"""
from .claims import (GeneratedClaim, assert_consistent, change_claims, part_whole_claims, perturbed_change_claims,
                     respective_claims, round_half_up, streak_pairs, trend_claims)
from .numbers import (WRITTEN_STYLES, arabic_grouped, capital_amount, capital_numeral, chinese_decimal, chinese_numeral,
                      colloquial_numeral, mixed_wan_yi, written_numbers)

__all__ = [
    "GeneratedClaim", "WRITTEN_STYLES", "arabic_grouped", "assert_consistent", "capital_amount", "capital_numeral",
    "change_claims", "chinese_decimal", "chinese_numeral", "colloquial_numeral", "mixed_wan_yi", "part_whole_claims", "perturbed_change_claims", "respective_claims", "round_half_up",
    "streak_pairs", "trend_claims", "written_numbers",
]
