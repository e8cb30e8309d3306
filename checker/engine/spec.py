"""Rule files: their schema (pydantic) and loading with errors that name file and field."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import ConfigError
from ..resources import read_toml

CATEGORIES = ("change", "trend", "streak", "magnitude", "partwhole", "rate", "respective",
              "datespan", "conflict", "expression")


class Messages(BaseModel):
    """The finding's message in Chinese (default) and English; ``{name}`` placeholders."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Example(BaseModel):
    """A sentence the rule must flag (``bad``) or leave alone (``good``)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    text: str = Field(min_length=1)
    verdict: Literal["bad", "good"]
    quote: Optional[str] = None      # for bad examples: text the finding must cover
    year: Optional[int] = None       # publication year to assume for this example
    fixed: Optional[str] = None      # for bad examples of a rule with a fix: the text after --unsafe-fixes


class FixSpec(BaseModel):
    """A mechanical fix: the finding's span is replaced by ``replace`` (``{name}`` placeholders from
    the finding's values, as in messages).  ``safe`` fixes are applied by ``--fix``; the others only
    with ``--unsafe-fixes`` (they may change what the sentence says)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    replace: str
    safe: bool = False


class RuleSpec(BaseModel):
    """One rule: a stable code instantiating an engine kind with parameters."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    kind: str
    severity: Literal["error", "warning", "info"]
    message: Messages
    why: str = Field(min_length=1)
    basis: str = ""
    profiles: list[str] = []          # empty: every profile
    params: dict[str, Any] = {}
    examples: list[Example] = []
    fix: Optional[FixSpec] = None
    path: str = ""


def _field_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_rule_file(path: Path) -> RuleSpec:
    """Parse and validate one rule file; raise ``ConfigError`` naming the field at fault."""
    raw = read_toml(path, "rule file")
    try:
        spec = RuleSpec.model_validate({**raw, "path": str(path)})
    except ValidationError as e:
        err = e.errors()[0]
        field = _field_path(err["loc"]) or "(top level)"
        raise ConfigError(str(path), f"field '{field}': {err['msg']}") from None
    from .registry import KINDS

    if spec.kind not in KINDS:
        raise ConfigError(str(path), f"field 'kind': unknown rule kind {spec.kind!r}; "
                                     f"known kinds: {', '.join(sorted(KINDS))}")
    from .schemas import validate_params

    validate_params(spec)
    KINDS[spec.kind].validate(spec)
    return spec
