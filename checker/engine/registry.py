"""The registry of rule kinds.  A kind is implemented once in Python; rule files
instantiate it with parameters, a severity and messages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Kind:
    """An engine kind: ``run(ctx)`` reports findings; ``validate(rule)`` checks params."""

    name: str
    run: Callable
    validate: Callable


KINDS: dict[str, Kind] = {}


def _no_validation(rule) -> None:
    return None


def kind(name: str, validate: Callable | None = None):
    """Decorator registering a function as the implementation of rule kind ``name``."""

    def deco(fn):
        KINDS[name] = Kind(name, fn, validate or _no_validation)
        return fn

    return deco
