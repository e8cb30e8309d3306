"""Typed errors and the exit statuses they map to.

Every failure the user can fix is a ``ClaimcheckError``: it reaches the user as one
message naming the input and the cause, with exit status 2, never as a traceback.
Anything else that escapes is an internal error (exit 3) or resource exhaustion
(exit 4), reported with "please report" and the version; ``--debug`` adds the traceback.

Exit statuses: 0 nothing failing, 1 findings at or above ``--fail-on``, 2 unusable input,
output, configuration or usage, 3 internal error (a bug), 4 out of memory or recursion
depth, 128 + N killed by signal N (130 for Ctrl-C, 143 for SIGTERM).
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USER = 2
EXIT_INTERNAL = 3
EXIT_RESOURCES = 4


class ClaimcheckError(Exception):
    """Base class: ``str(err)`` is the complete message for the user (exit status 2)."""

    exit_status = EXIT_USER


class UsageError(ClaimcheckError):
    """A command-line option or combination of options that cannot work."""


class _PathError(ClaimcheckError):
    """An error about one file: the message is ``path: reason``.

    ``reason`` is an English template (the message id, as in gettext) filled with ``params``;
    :meth:`text` gives it in another language from the catalogue ``error_messages.toml``."""

    def __init__(self, path: str, reason: str, **params: object) -> None:
        self.template = reason
        self.params = params
        self.reason = reason.format(**params) if params else reason
        super().__init__(f"{path}: {self.reason}")
        self.path = path

    def __reduce__(self):  # picklable, for worker processes
        return (_rebuild, (self.__class__, self.path, self.template, self.params))

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang`` (``zh`` or ``en``); English when the catalogue lacks it."""
        return localise(self.template, self.params, lang)

    def text(self, lang: str) -> str:
        """``path: reason`` in ``lang``."""
        return f"{self.path}: {self.reason_in(lang)}"


def _rebuild(cls, path: str, template: str, params: dict) -> "_PathError":
    return cls(path, template, **params)


_CATALOGUE: dict[str, str] = {}


def _catalogue() -> dict[str, str]:
    """English message template → Chinese template (read once from ``error_messages.toml``)."""
    if not _CATALOGUE:
        import tomllib
        from pathlib import Path

        with open(Path(__file__).with_name("error_messages.toml"), "rb") as fh:
            _CATALOGUE.update({m["en"]: m["zh"] for m in tomllib.load(fh)["message"]})
    return _CATALOGUE


def localise(template: str, params: dict, lang: str) -> str:
    """``template`` filled with ``params`` in ``lang``: the Chinese catalogue entry for ``zh``."""
    if lang != "en":
        template = _catalogue().get(template, template)
    return template.format(**params) if params else template


def message(err: BaseException, lang: str) -> str:
    """The user-facing message of ``err`` in ``lang`` (``path: reason`` for file errors)."""
    if isinstance(err, _PathError):
        return err.text(lang)
    if isinstance(err, ClaimcheckError) and getattr(err, "template", None):
        return localise(err.template, err.params, lang)
    return str(err)


class InputError(_PathError):
    """An input file could not be read or decoded."""


class ConfigError(_PathError):
    """A configuration, rule or data file is malformed; the message names the file and field."""


class OutputError(_PathError):
    """An output file (or standard output) cannot be written."""


class ResourceError(_PathError):
    """A document needs more memory than the process may use (exit status 4)."""

    exit_status = EXIT_RESOURCES
