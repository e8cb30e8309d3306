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


class OutputError(_PathError):
    """An output file (or standard output) cannot be written."""


class ResourceError(_PathError):
    """A document needs more memory than the process may use (exit status 4)."""

    exit_status = EXIT_RESOURCES
