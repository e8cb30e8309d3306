"""The cross-document rules' documentation: ``rules/cross/*.toml`` (id, name, severity, why, messages,
two-document examples).  They are not per-document rules, so the rule engine does not load them."""
from __future__ import annotations

from functools import lru_cache

from ..resources import read_toml, rules_dir


@lru_cache(maxsize=1)
def cross_rules() -> dict[str, dict]:
    """Rule id → its TOML table."""
    out = {}
    for p in sorted((rules_dir() / "cross").glob("*.toml")):
        spec = read_toml(p, "cross rule")
        out[spec["id"]] = spec
    return out
