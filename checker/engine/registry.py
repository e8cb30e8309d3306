"""The registry of rule kinds.  A kind is implemented once in Python; rule files
instantiate it with parameters, a severity and messages."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..errors import ConfigError


@dataclass(frozen=True)
class Kind:
    """An engine kind: ``run(doc, rule, ctx)`` yields findings; ``validate(rule)`` checks params."""

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


def require_params(rule, *names: str, types: tuple = ()) -> None:
    """Raise ``ConfigError`` when a parameter is missing or of the wrong type."""
    for i, n in enumerate(names):
        if n not in rule.params:
            raise ConfigError(rule.path, f"field 'params.{n}' is required by kind {rule.kind!r}")
        if types and i < len(types) and not isinstance(rule.params[n], types[i]):
            raise ConfigError(rule.path, f"field 'params.{n}' must be {types[i].__name__}")
