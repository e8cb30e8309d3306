"""Errors that reach the user as a message (exit status 2), never as a traceback."""
from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class: ``str(err)`` is the complete message for the user."""


class InputError(ClaimcheckError):
    """An input file could not be read or decoded."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        return (self.__class__, (self.path, self.reason))


class ConfigError(ClaimcheckError):
    """A configuration or rule file is malformed; the message names file and field."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        return (self.__class__, (self.path, self.reason))
