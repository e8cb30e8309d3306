"""Locate the bundled ``rules/`` directory in a source checkout or an installed wheel."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The built-in rule pack: ``checker/_rules`` in a wheel, ``rules/`` in a checkout."""
    for cand in (_PKG / "_rules", _PKG.parent / "rules"):
        if (cand / "data").is_dir():
            return cand
    raise FileNotFoundError("claimcheck's built-in rules/ directory is missing from the installation")


def read_toml(path: Path, what: str = "file") -> dict:
    """Parse a TOML file; a syntax or read error is a ``ConfigError`` naming the file."""
    from .errors import ConfigError

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), f"not valid TOML: {e}") from None
    except UnicodeDecodeError as e:
        raise ConfigError(str(path), f"not valid TOML: the {what} is not UTF-8 (byte {e.start}); "
                                     "re-save it as UTF-8") from None
    except RecursionError:
        raise ConfigError(str(path), f"not valid TOML: the {what} is nested too deeply") from None
    except OSError as e:
        raise ConfigError(str(path), f"cannot read {what}: {e.strerror or e}") from None


@lru_cache(maxsize=None)
def load_data_toml(name: str) -> dict:
    """Parse ``rules/data/<name>`` (TOML) once per process."""
    return read_toml(rules_dir() / "data" / name, "data file")
