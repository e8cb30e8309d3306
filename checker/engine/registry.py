"""The registry of rule kinds.  A kind is implemented once in Python; rule files
instantiate it with parameters, a severity and messages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional



@dataclass(frozen=True)
class Kind:
    """An engine kind: ``run(ctx)`` reports findings; ``validate(rule)`` checks params;
    ``applies(ctx)``, if given, is a cheap check run first: False when the rule can find nothing in
    the document (its trigger is absent), and ``run`` is not called."""

    name: str
    run: Callable
    validate: Callable
    applies: Optional[Callable] = None


KINDS: dict[str, Kind] = {}


def _no_validation(rule) -> None:
    return None


def kind(name: str, validate: Callable | None = None, applies: Callable | None = None):
    """Decorator registering a function as the implementation of rule kind ``name``."""

    def deco(fn):
        KINDS[name] = Kind(name, fn, validate or _no_validation, applies)
        return fn

    return deco
