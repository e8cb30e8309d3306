"""The contract's exactness rule, shared by the models and the JSON form: numbers travel as exact
strings, so a float anywhere in a finding's evidence is a bug of the rule that put it there."""
from __future__ import annotations

from typing import Any


def no_floats(v: Any) -> Any:
    """``v`` unchanged; ``ValueError`` when it is, or holds (in dicts and lists), a float."""
    if isinstance(v, float):
        raise ValueError("floats are not allowed in evidence; use exact strings")
    if isinstance(v, dict):
        for x in v.values():
            no_floats(x)
    if isinstance(v, list):
        for x in v:
            no_floats(x)
    return v
