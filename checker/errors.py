"""Errors that reach the user as a message (exit status 2), never as a traceback."""
from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class: ``str(err)`` is the complete message for the user."""


class _PathError(ClaimcheckError):
    """An error about one file: the message is ``path: reason``."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):  # picklable, for worker processes
        return (self.__class__, (self.path, self.reason))


class InputError(_PathError):
    """An input file could not be read or decoded."""


class ConfigError(_PathError):
    """A configuration, rule or data file is malformed; the message names the file and field."""
