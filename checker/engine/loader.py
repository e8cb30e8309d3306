"""Find and load rule packs: the built-in ``rules/`` plus any ``--rules DIR``."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..resources import rules_dir
from .packcache import cached_pack
from .spec import RuleSpec, load_rule_file


def _rule_files(directory: Path) -> list[Path]:
    # data/ holds vocabularies; cross/ the cross-document rules of ``claimcheck cross`` (checker.cross)
    return sorted(p for p in directory.rglob("*.toml")
                  if not {"data", "cross"} & set(p.relative_to(directory).parts))


@lru_cache(maxsize=16)
def _load_dir(directory: str) -> tuple[RuleSpec, ...]:
    d = Path(directory)
    if not d.is_dir():
        raise ConfigError(directory, "rules directory does not exist")
    files = _rule_files(d)
    return cached_pack(directory, files, lambda: tuple(load_rule_file(p) for p in files))


@lru_cache(maxsize=16)
def _load_all(extra_dirs: tuple[str, ...]) -> tuple[RuleSpec, ...]:
    return tuple(_merge(extra_dirs))


def load_rules(extra_dirs: tuple[str, ...] = ()) -> list[RuleSpec]:
    """All rules, built-in first, sorted by id (loaded once per set of packs)."""
    return list(_load_all(tuple(extra_dirs)))


def loaded_rules(extra_dirs: tuple[str, ...] = ()) -> tuple[RuleSpec, ...]:
    """``load_rules`` without the copy: the same tuple object for as long as the packs stay loaded."""
    return _load_all(tuple(extra_dirs))


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


def matches(rule: RuleSpec, selector: str) -> bool:
    """Whether ``selector`` names ``rule``: a code or code prefix (CC1, CC101), the rule's name
    (duplicated-word) or its category (streak, expression).  Selectors are case-insensitive."""
    s = selector.strip()
    if not s:
        return False  # an empty code would match every rule
    low = s.lower()
    return rule.id.startswith(s.upper()) or rule.name == low or rule.category == low


def unknown_selectors(selectors: list[str], rules: list[RuleSpec]) -> list[str]:
    """The selectors among ``selectors`` that name no loaded rule (in the order given)."""
    return [s for s in selectors if not any(matches(r, s) for r in rules)]


def selector_problem(selectors: list[str], rules: list[RuleSpec]) -> str | None:
    """The message naming every selector that matches no rule, or None when all are known."""
    bad = unknown_selectors(selectors, rules)
    if not bad:
        return None
    return (f"unknown rule selector{'s' if len(bad) > 1 else ''} {', '.join(repr(b) for b in bad)}; "
            "a selector is a rule code or prefix (CC101, CC1), a rule name (duplicated-word) or a category "
            "(streak), case-insensitive; see `claimcheck rules`")


def check_selectors(selectors: list[str], rules: list[RuleSpec], option: str) -> None:
    """Raise ``UsageError`` naming the command-line ``option`` and every unknown selector in it."""
    from ..errors import UsageError

    problem = selector_problem(selectors, rules)
    if problem:
        raise UsageError(f"{option}: {problem}")


def selected(rule: RuleSpec, select: list[str], ignore: list[str], profile: str) -> bool:
    """Whether a rule runs under the given select/ignore selectors and profile."""
    if rule.profiles and (profile if profile != "auto" else "mainland") not in rule.profiles:
        return False
    select = [s for s in select if s.strip()]
    if select and not any(matches(rule, s) for s in select):
        return False
    if any(matches(rule, s) for s in ignore):
        return False
    return True
