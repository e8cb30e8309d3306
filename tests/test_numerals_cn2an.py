"""cn2an's own test dictionaries, loaded from the installed package, run through the project's reader.

``cn2an/cn2an_test.py`` holds strict, normal, smart and direct cases with their values and the
inputs cn2an must reject.  They are read at test time (never copied): every numeric case must give
cn2an's value exactly, and every input cn2an rejects in all modes must be rejected here too.
"""
from __future__ import annotations

from fractions import Fraction

import cn2an
import cn2an.cn2an_test as oracle_module
import pytest

from checker.numbers import NumeralError, parse_number

# Cases of cn2an's suite the project deliberately does not read, with the reason.  None today:
# digit strings (一七二零, 零一, 幺八九) are read digit by digit; the extractor, not the reader,
# decides that such a string in running text is a year or a code rather than a quantity.
LEFT_OUT: dict[str, str] = {}

MODES = ("strict", "normal", "smart", "direct")


def _suite():
    case = oracle_module.Cn2anTest()
    case.setUp()
    return case


SUITE = _suite()
CASES = {mode: getattr(SUITE, f"{mode}_data_dict") for mode in MODES}
ERRORS = list(dict.fromkeys(SUITE.error_strict_datas + SUITE.error_normal_datas + SUITE.error_smart_datas))


def _expected(value) -> Fraction:
    # direct cases are strings ("003", "-01", "12.30"); the others int or float (exact via str)
    return Fraction(value) if isinstance(value, str) else Fraction(str(value))


def test_suite_loaded():
    """The dictionaries came from the installed package and are not empty."""
    assert oracle_module.__file__.startswith(cn2an.__path__[0])
    for mode in MODES:
        assert len(CASES[mode]) >= 5, mode
    assert len(ERRORS) >= 5


def test_left_out_cases_exist_and_fail():
    """Every case listed as left out is really in cn2an's suite and really not read."""
    everything = {k for d in CASES.values() for k in d}
    for text in LEFT_OUT:
        assert text in everything
        with pytest.raises(NumeralError):
            parse_number(text)


@pytest.mark.parametrize("mode,text", [(m, t) for m in MODES for t in CASES[m] if t not in LEFT_OUT])
def test_cn2an_case(mode, text):
    assert parse_number(text).value == _expected(CASES[mode][text])


def _rejected_by_cn2an(text: str) -> bool:
    for mode in ("strict", "normal", "smart"):
        try:
            cn2an.cn2an(text, mode)
        except Exception:  # noqa: BLE001  (cn2an raises ValueError and, for some inputs, KeyError)
            continue
        return False
    return True


# cn2an's error lists include inputs a looser mode reads (一一 is strict-only invalid): keep those
# rejected in every mode; the others are covered by the value cases above
NEVER_NUMBERS = [t for t in ERRORS if _rejected_by_cn2an(t)]


def test_rejections_loaded():
    assert len(NEVER_NUMBERS) >= 5


@pytest.mark.parametrize("text", NEVER_NUMBERS)
def test_cn2an_rejections(text):
    """What cn2an rejects in every mode is not a number here either ("10.1万零100", "元整", "十七十八")."""
    with pytest.raises(NumeralError):
        parse_number(text)
