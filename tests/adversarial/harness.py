"""Run the command line as a user would: a subprocess with a wall-clock timeout and an
address-space cap, so that a hang or a runaway allocation fails the test instead of the machine."""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEMORY_CAP = 2 << 30   # bytes of address space per run


@dataclass
class Result:
    """Exit status and decoded output of one run."""

    status: int
    out: str
    err: str

    def assert_clean(self, status: int, *needles: str) -> None:
        """Exit ``status``; every needle in the message; never a traceback."""
        assert self.status == status, (self.status, self.err[-2000:])
        assert "Traceback" not in self.err and "Traceback" not in self.out, self.err[-2000:]
        for n in needles:
            assert n in self.err, (n, self.err[-2000:])


def _limits(cap: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    return apply


def cli(*args, stdin=None, timeout: float = 60, cap: int = MEMORY_CAP, cwd=None, env=None,
        stdout=subprocess.PIPE) -> Result:
    """Run ``python -m checker ARGS`` under the caps and return its status and output."""
    # the error paths are asserted in English (the catalogue's Chinese is tested in test_error_messages.py)
    e = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMCHECK_LANG": "en", **(env or {})}
    p = subprocess.run([sys.executable, "-m", "checker", *map(str, args)], stdin=stdin, stdout=stdout,
                       stderr=subprocess.PIPE, timeout=timeout, cwd=cwd, env=e, preexec_fn=_limits(cap))
    dec = lambda b: (b or b"").decode("utf-8", "replace")  # noqa: E731
    return Result(p.returncode, dec(p.stdout), dec(p.stderr))
