"""Baselines: record today's findings so that only new ones fail.

A finding's fingerprint is its rule plus the normalised text of its sentence
and of its own span — not a line number — so a finding survives edits
elsewhere in the document (a paragraph inserted above it, a line re-wrapped).
Identical fingerprints are counted, so a second copy of the same mistake is new.
The file is written atomically (temporary file + rename).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter

from .document import Doc, Finding
from .errors import ConfigError


def fingerprint(doc: Doc, f: Finding) -> str:
    """Stable identity of a finding across edits elsewhere in the file."""
    if f.orig is not None:
        anchor = doc.source.text[f.orig[0]:f.orig[1]]
        sentence = anchor
    else:
        ss, se = doc.sentence_of(f.start)
        sentence = "".join(doc.text[ss:se].split())
        anchor = doc.text[f.start:f.end]
    h = hashlib.sha256(f"{f.rule}\x1f{sentence}\x1f{anchor}".encode()).hexdigest()
    return h[:20]


def baseline_key(path: str) -> str:
    """The key a file is recorded under (relative to the working directory)."""
    if path.startswith("<"):
        return path
    return os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")


def load_baseline(path: str) -> dict[str, Counter]:
    """Read a baseline file; a malformed one is a ``ConfigError``."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ConfigError(path, "baseline file does not exist (create it with --write-baseline)") from None
    except (OSError, ValueError) as e:
        raise ConfigError(path, f"not a valid baseline file: {e}") from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("files"), dict):
        raise ConfigError(path, "not a claimcheck baseline (expected version 1 with a 'files' table)")
    return {k: Counter(v) for k, v in data["files"].items()}


def filter_baseline(doc: Doc, base: dict[str, Counter]) -> int:
    """Drop findings recorded in the baseline; return how many were dropped."""
    known = Counter(base.get(baseline_key(doc.source.path), Counter()))
    kept, dropped = [], 0
    for f in doc.findings:
        fp = fingerprint(doc, f)
        if known[fp] > 0:
            known[fp] -= 1
            dropped += 1
        else:
            kept.append(f)
    doc.findings = kept
    return dropped


def write_baseline(path: str, docs: list[Doc]) -> int:
    """Record the findings of ``docs``; returns the number recorded."""
    files: dict[str, list[str]] = {}
    n = 0
    for doc in docs:
        fps = sorted(fingerprint(doc, f) for f in doc.findings)
        if fps:
            files[baseline_key(doc.source.path)] = fps
            n += len(fps)
    payload = json.dumps({"version": 1, "tool": "claimcheck", "files": files}, ensure_ascii=False, indent=1)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".claimcheck-baseline-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload + "\n")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return n
