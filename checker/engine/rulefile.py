"""The schema of a rule file (pydantic): what ``load_rule_file`` validates a TOML table against.

Only loading a rule pack that is not in the pack cache imports this module (and pydantic); the
validated rule then travels as a plain ``checker.engine.spec.RuleSpec``.
"""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .spec import CATEGORIES


class MessagesModel(BaseModel):
    """The finding's message in Chinese (default) and English; ``{name}`` placeholders."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class ExampleModel(BaseModel):
    """A sentence the rule must flag (``bad``) or leave alone (``good``)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    text: str = Field(min_length=1)
    verdict: Literal["bad", "good"]
    quote: Optional[str] = None      # for bad examples: text the finding must cover
    year: Optional[int] = None       # publication year to assume for this example
    fixed: Optional[str] = None      # for bad examples of a rule with a fix: the text after --unsafe-fixes


class FixModel(BaseModel):
    """A mechanical fix: the finding's span is replaced by ``replace`` (``{name}`` placeholders from
    the finding's values, as in messages).  ``safe`` fixes are applied by ``--fix``; the others only
    with ``--unsafe-fixes`` (they may change what the sentence says)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    replace: str
    safe: bool = False


class RuleModel(BaseModel):
    """One rule: a stable code instantiating an engine kind with parameters."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    kind: str
    severity: Literal["error", "warning", "info"]
    message: MessagesModel
    why: str = Field(min_length=1)
    basis: str = ""
    profiles: list[str] = []          # empty: every profile
    params: dict[str, Any] = {}
    examples: list[ExampleModel] = []
    fix: Optional[FixModel] = None
    path: str = ""
