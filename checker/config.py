"""Configuration: ``claimcheck.toml`` or ``[tool.claimcheck]`` in ``pyproject.toml``,
discovered upward from each checked file (the nearest wins, as in ruff).

Keys (hyphen or underscore): select, ignore, extend-select, per-file-ignores,
severity, profile, year, rules, lang, fail-on, include, exclude, extend (a base configuration file
whose keys apply unless this file sets them, as in ruff).  An unknown key
or a wrong type is a ``ConfigError`` naming the file and the key.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .errors import ConfigError
from .options import CheckOptions
from .resources import read_toml

if TYPE_CHECKING:
    from .config_model import FileConfig


@dataclass(frozen=True)
class LoadedConfig:
    """A parsed configuration and the file it came from."""

    path: str
    root: str
    config: FileConfig


MAX_EXTEND_DEPTH = 8


def _parse(path: Path, seen: tuple[Path, ...] = ()) -> Optional[LoadedConfig]:
    raw = read_toml(path, "configuration")
    if path.name == "pyproject.toml":
        tool = raw.get("tool", {})
        if not isinstance(tool, dict):
            return None  # not ours to judge: another tool's business
        table = tool.get("claimcheck")
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(str(path), f"key 'tool.claimcheck': expected a table, got {type(table).__name__}")
        prefix = "tool.claimcheck."
    else:
        table, prefix = raw, ""
    from pydantic import ValidationError

    from .config_model import FileConfig

    try:
        cfg = FileConfig.model_validate(table)
    except ValidationError as e:
        err = e.errors()[0]
        key = ".".join(str(x) for x in err["loc"])
        raise ConfigError(str(path), f"key '{prefix}{key}': {err['msg']}") from None
    if cfg.extend:
        cfg = _extended(path, cfg, prefix, seen)
    return LoadedConfig(path=str(path), root=str(path.parent), config=cfg)


def _extended(path: Path, cfg: FileConfig, prefix: str, seen: tuple[Path, ...]) -> FileConfig:
    """``cfg`` on top of the configuration its ``extend`` key names: the keys this file sets win, the
    others come from the base (whose rule packs stay relative to the base file)."""
    base_path = (path.parent / cfg.extend).resolve()
    if base_path in seen or len(seen) >= MAX_EXTEND_DEPTH:
        raise ConfigError(str(path), f"key '{prefix}extend': {cfg.extend} extends itself (directly or through others)")
    if not base_path.is_file():
        raise ConfigError(str(path), f"key '{prefix}extend': {cfg.extend} does not exist")
    base = _parse(base_path, (*seen, path.resolve()))
    if base is None:
        raise ConfigError(str(path), f"key '{prefix}extend': {cfg.extend} has no [tool.claimcheck] table")
    merged = base.config.model_dump()
    merged["rules"] = [str(Path(base.root) / r) for r in base.config.rules]
    merged.update({k: getattr(cfg, k) for k in cfg.model_fields_set if k != "extend"})
    merged["extend"] = None
    from .config_model import FileConfig

    return FileConfig.model_validate(merged)


@lru_cache(maxsize=256)
def find_config(directory: str) -> Optional[LoadedConfig]:
    """The nearest configuration at or above ``directory``."""
    d = Path(directory).resolve()
    for cand in (d, *d.parents):
        for name in ("claimcheck.toml", ".claimcheck.toml", "pyproject.toml"):
            p = cand / name
            if p.is_file():
                loaded = _parse(p)
                if loaded is not None:
                    return loaded
    return None


@lru_cache(maxsize=16)
def load_config_file(path: str) -> LoadedConfig:
    """The configuration named by ``--config``: a claimcheck.toml or a pyproject.toml with a
    ``[tool.claimcheck]`` table; ``ConfigError`` when it is missing or has no such table."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(path, "configuration file does not exist")
    loaded = _parse(p.resolve())
    if loaded is None:
        raise ConfigError(path, "has no [tool.claimcheck] table")
    return loaded


def config_for(path: str, config_file: str | None = None) -> Optional[LoadedConfig]:
    """The configuration that applies to ``path``: ``config_file`` when given, else the nearest one."""
    if config_file:
        return load_config_file(config_file)
    directory = os.getcwd() if path in ("-", "<stdin>") else os.path.dirname(os.path.abspath(path))
    return find_config(directory)


def options_for(path: str, base: CheckOptions, cli_set: set[str], config_file: str | None = None) -> CheckOptions:
    """Options for one file: its configuration under the command line (CLI flags win)."""
    loaded = config_for(path, config_file)
    if loaded is None:
        return base
    c = loaded.config
    opts = replace(base)
    if "select" not in cli_set and c.select:
        opts.select = list(c.select)
    if c.extend_select and opts.select:
        opts.select = opts.select + list(c.extend_select)
    if "ignore" not in cli_set:
        opts.ignore = list(c.ignore) + list(base.ignore)
    rel = os.path.relpath(os.path.abspath(path), loaded.root) if path not in ("-", "<stdin>") else path
    for pattern, codes in c.per_file_ignores.items():
        if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
            opts.ignore = opts.ignore + list(codes)
    opts.severity = {**{k.upper(): v for k, v in c.severity.items()}, **base.severity}
    if c.profile and "profile" not in cli_set:
        opts.profile = c.profile
    if c.year and "year" not in cli_set:
        opts.year = c.year
    if c.lang and "lang" not in cli_set:
        opts.lang = c.lang
    if c.rules:
        opts.rule_dirs = [str(Path(loaded.root) / r) for r in c.rules] + list(base.rule_dirs)
    _check_config_selectors(loaded, tuple(opts.rule_dirs))
    return opts


def _check_config_selectors(loaded: LoadedConfig, rule_dirs: tuple[str, ...]) -> None:
    """Every selector in the configuration names a loaded rule (a typo must not turn a rule off)."""
    from .engine.loader import load_rules, selector_problem

    rules = load_rules(rule_dirs)
    c = loaded.config
    keys = {"select": c.select, "ignore": c.ignore, "extend-select": c.extend_select,
            **{f"per-file-ignores.{k}": v for k, v in c.per_file_ignores.items()}}
    for key, selectors in keys.items():
        problem = selector_problem(list(selectors), rules)
        if problem:
            raise ConfigError(loaded.path, f"key '{key}': {problem}")
    ids = {r.id for r in rules}
    bad = [k for k in c.severity if k.upper() not in ids]
    if bad:
        raise ConfigError(loaded.path, f"key 'severity': unknown rule code{'s' if len(bad) > 1 else ''} "
                                       f"{', '.join(repr(b) for b in bad)}; see `claimcheck rules`")
