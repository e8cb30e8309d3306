"""The schema of a configuration table (pydantic), imported only when a configuration file is found."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator


class FileConfig(BaseModel):
    """The ``[tool.claimcheck]`` table."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)
    select: list[str] = []
    ignore: list[str] = []
    extend_select: list[str] = Field(default=[], alias="extend-select")
    per_file_ignores: dict[str, list[str]] = Field(default={}, alias="per-file-ignores")
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    profile: Optional[Literal["mainland", "hongkong", "taiwan"]] = None
    year: Optional[int] = None
    rules: list[str] = []
    lang: Optional[Literal["zh", "en"]] = None
    fail_on: Optional[Literal["error", "warning", "info"]] = Field(default=None, alias="fail-on")
    include: list[str] = []
    exclude: list[str] = []
    extend: Optional[str] = None     # another configuration file this one builds on (relative to this file)

    @field_validator("select", "ignore", "extend_select")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        """A rule code or prefix may not be empty: "" would match every rule."""
        if any(not c.strip() for c in v):
            raise ValueError("an empty rule code would match every rule")
        return [c.strip() for c in v]

    @field_validator("per_file_ignores")
    @classmethod
    def _file_codes(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        """The codes of each per-file pattern, as for ``ignore``."""
        for codes in v.values():
            cls._codes(codes)
        return v

    @field_validator("year")
    @classmethod
    def _year(cls, v: Optional[int]) -> Optional[int]:
        """A plausible publication year."""
        if v is not None and not 1900 <= v <= 2200:
            raise ValueError(f"{v} is not a plausible publication year (1900–2200)")
        return v
