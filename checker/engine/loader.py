"""Find and load rule packs: the built-in ``rules/`` plus any ``--rules DIR``."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..resources import rules_dir
from .spec import RuleSpec, load_rule_file


def _rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.toml") if "data" not in p.relative_to(directory).parts)


@lru_cache(maxsize=16)
def _load_dir(directory: str) -> tuple[RuleSpec, ...]:
    d = Path(directory)
    if not d.is_dir():
        raise ConfigError(directory, "rules directory does not exist")
    return tuple(load_rule_file(p) for p in _rule_files(d))


@lru_cache(maxsize=16)
def _load_all(extra_dirs: tuple[str, ...]) -> tuple[RuleSpec, ...]:
    return tuple(_merge(extra_dirs))


def load_rules(extra_dirs: tuple[str, ...] = ()) -> list[RuleSpec]:
    """All rules, built-in first, sorted by id (loaded once per set of packs)."""
    return list(_load_all(tuple(extra_dirs)))


def _merge(extra_dirs: tuple[str, ...]) -> list[RuleSpec]:
    """All rules, built-in first; a later pack may not reuse an id (error names both files)."""
    from . import kinds  # noqa: F401  (registers the kinds)

    seen: dict[str, RuleSpec] = {}
    dirs: list[str] = []
    for d in (str(rules_dir()), *extra_dirs):  # a pack named twice (or by two spellings) loads once
        if not any(_same_dir(d, e) for e in dirs):
            dirs.append(d)
    for d in dirs:
        for r in _load_dir(d):
            if r.id in seen:
                raise ConfigError(r.path, f"field 'id': {r.id} is already defined in {seen[r.id].path}")
            seen[r.id] = r
    return sorted(seen.values(), key=lambda r: r.id)


def _same_dir(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):
        return a == b


def selected(rule: RuleSpec, select: list[str], ignore: list[str], profile: str) -> bool:
    """Whether a rule runs under the given select/ignore prefixes and profile."""
    if rule.profiles and (profile if profile != "auto" else "mainland") not in rule.profiles:
        return False
    select = [s for s in select if s]   # an empty code would match every rule
    ignore = [s for s in ignore if s]
    if select and not any(rule.id.startswith(s) or rule.name == s for s in select):
        return False
    if any(rule.id.startswith(s) or rule.name == s for s in ignore):
        return False
    return True
