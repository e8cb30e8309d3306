"""Rules as the engine uses them (plain objects) and loading a rule file with errors that name file
and field.

A rule file is validated against its pydantic schema (``checker.engine.rulefile``) only when it is
loaded from disk; what the engine, the pack cache and every report hold is the plain ``RuleSpec``
below, so that a start-up served by the pack cache imports no pydantic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..errors import ConfigError
from ..resources import read_toml

CATEGORIES = ("change", "trend", "streak", "magnitude", "partwhole", "rate", "respective",
              "datespan", "conflict", "expression")


@dataclass(slots=True)
class Messages:
    """The finding's message in Chinese (default) and English; ``{name}`` placeholders."""

    zh: str
    en: str


@dataclass(slots=True)
class Example:
    """A sentence the rule must flag (``bad``) or leave alone (``good``)."""

    text: str
    verdict: str
    quote: Optional[str] = None      # for bad examples: text the finding must cover
    year: Optional[int] = None       # publication year to assume for this example
    fixed: Optional[str] = None      # for bad examples of a rule with a fix: the text after --unsafe-fixes


@dataclass(slots=True)
class FixSpec:
    """A mechanical fix: the finding's span is replaced by ``replace`` (``{name}`` placeholders from
    the finding's values, as in messages).  ``safe`` fixes are applied by ``--fix``; the others only
    with ``--unsafe-fixes`` (they may change what the sentence says)."""

    replace: str
    safe: bool = False


@dataclass(slots=True)
class RuleSpec:
    """One validated rule: a stable code instantiating an engine kind with parameters."""

    id: str
    name: str
    category: str
    kind: str
    severity: str
    message: Messages
    why: str
    basis: str = ""
    profiles: list[str] = field(default_factory=list)   # empty: every profile
    params: dict[str, Any] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    fix: Optional[FixSpec] = None
    path: str = ""

    @classmethod
    def from_model(cls, model) -> "RuleSpec":
        """The plain rule of a validated ``rulefile.RuleModel`` (its values as validated, not copied)."""
        fields = dict(model)
        fix = model.fix
        return cls(**{**fields, "message": Messages(model.message.zh, model.message.en),
                      "examples": [Example(**dict(e)) for e in model.examples],
                      "fix": FixSpec(fix.replace, fix.safe) if fix is not None else None})


def _field_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_rule_file(path: Path) -> RuleSpec:
    """Parse and validate one rule file; raise ``ConfigError`` naming the field at fault."""
    from pydantic import ValidationError

    from .rulefile import RuleModel

    raw = read_toml(path, "rule file")
    try:
        model = RuleModel.model_validate({**raw, "path": str(path)})
    except ValidationError as e:
        err = e.errors()[0]
        field_name = _field_path(err["loc"]) or "(top level)"
        raise ConfigError(str(path), f"field '{field_name}': {err['msg']}") from None
    spec = RuleSpec.from_model(model)
    from . import kinds  # noqa: F401  (registers the built-in kinds: a file may be loaded on its own)
    from .registry import KINDS

    if spec.kind not in KINDS:
        raise ConfigError(str(path), f"field 'kind': unknown rule kind {spec.kind!r}; "
                                     f"known kinds: {', '.join(sorted(KINDS))}")
    from .schemas import validate_params

    validate_params(spec)
    KINDS[spec.kind].validate(spec)
    return spec
