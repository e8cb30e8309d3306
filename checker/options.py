"""Options that change what a check reports (from the CLI or configuration)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class CheckOptions:
    """What to check and how to word it."""

    lang: str = "zh"                      # zh | en
    year: Optional[int] = None            # publication year; detected when None
    rule_dirs: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)    # rule codes or prefixes; empty = all
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # per-rule overrides
    profile: str = "auto"                 # auto (chosen from the text) | mainland | hongkong | taiwan
    rounding: str = "half-up"             # half-up | half-up-or-truncate
