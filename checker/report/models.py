"""Pydantic (v2) models of the JSON output contract (../shared/CONTRACT.md).

Strict: exact numbers travel as strings ("904440000", "12.67", "1/3");
a float anywhere in a value or evidence field is rejected.
"""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .exact import no_floats

Severity = Literal["error", "warning", "info"]
Category = Literal[
    "change", "trend", "streak", "magnitude", "partwhole", "rate", "respective",
    "datespan", "conflict", "expression",
]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class Span(_Strict):
    """Code-point offsets into the original decoded text, plus 1-based line/column."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    column: int = Field(ge=1)


class QuantityOut(_Strict):
    """One number as written, with its exact value and the range it admits."""

    text: str
    value: str
    unit: Optional[str]
    kind: str
    decimals: int
    interval: str
    approx: list[str] = []
    span: Span


class SubjectOut(_Strict):
    """What a number is about: the phrase as written, its core (after synonyms), its generic attribute
    (发案, 损失, 总量) and the core inherited from the text before when it has none."""

    text: str
    core: str
    attr: str
    topic: str


class PeriodOut(_Strict):
    """The time a value describes (apart from the comparison reference): a year, or a year relative to
    publication (0 this year, -1 last), a sub-period ("上半年", "ytd"), or a cumulative span ("5y",
    "since2017", "累计")."""

    label: str
    year: Optional[int] = None
    relative: Optional[int] = None
    part: str = ""
    span: str = ""


class FrameOut(_Strict):
    """The claim frame (version 1): why two statements were or were not compared."""

    version: Literal[1] = 1
    about: str
    subject: SubjectOut
    items: list[SubjectOut] = []
    scope: str
    period: PeriodOut
    measure: str
    unit: Optional[str] = None
    dimension: str
    reference: str = ""
    flow: str = ""
    modality: str = ""
    approx: list[str] = []
    value: Optional[str] = None   # the interval the value admits, exact ("[3315, 3315]")


class ClaimOut(_Strict):
    """A numeric claim found in the text."""

    id: str
    kind: str
    text: str
    span: Span
    quantities: list[QuantityOut] = []
    verdict: Optional[str] = None
    detail: Optional[str] = None
    frame: Optional[FrameOut] = None


class RelatedOut(_Strict):
    """Another span that a finding involves."""

    span: Span
    message: str


class FixOut(_Strict):
    """A mechanical fix: replace the original text at ``span`` by ``replacement``.  ``safe`` fixes are
    applied by ``--fix``; ``unsafe`` ones only with ``--unsafe-fixes`` (they may change the meaning)."""

    span: Span
    replacement: str
    applicability: Literal["safe", "unsafe"]


class FindingOut(_Strict):
    """A rule's finding."""

    rule: str
    category: Category
    severity: Severity
    message: str
    span: Span
    related: list[RelatedOut] = []
    claims: list[str] = []
    evidence: dict[str, Any] = {}
    fix: Optional[FixOut] = None

    @field_validator("evidence")
    @classmethod
    def _exact(cls, v: dict[str, Any]) -> dict[str, Any]:
        return no_floats(v)


class FileOut(_Strict):
    """Results for one input file."""

    path: str
    language: Optional[str]
    error: Optional[str]
    profile: Optional[dict[str, str]] = None   # {"name", "reason"}: the regional profile applied
    claims: list[ClaimOut] = []
    findings: list[FindingOut] = []


class ToolOut(_Strict):
    """Name and version of the tool."""

    name: str
    version: str


class SummaryOut(_Strict):
    """Totals over all files."""

    files: int
    claims: int
    findings: int
    errors: int
    warnings: int
    info: int


class ReportOut(_Strict):
    """The whole JSON document."""

    version: Literal[1] = 1
    tool: ToolOut
    files: list[FileOut]
    summary: SummaryOut
