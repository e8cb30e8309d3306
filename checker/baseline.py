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
from collections import Counter

from .document import Doc, Finding
from .errors import ConfigError
from .io.names import display_path

MAX_BASELINE_BYTES = 64 * 1024 * 1024


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


def baseline_key(path: str, baseline_file: str | None = None) -> str:
    """The key a file is recorded under: its path relative to the baseline file's directory (so the
    baseline matches whatever the working directory), or to the working directory without one."""
    if path.startswith("<"):
        return path
    root = os.path.dirname(os.path.abspath(baseline_file)) if baseline_file else os.getcwd()
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive (Windows)
        rel = os.path.abspath(path)
    return display_path(rel.replace(os.sep, "/"))


def load_baseline(path: str) -> dict[str, Counter]:
    """Read a baseline file; a malformed one is a ``ConfigError``."""
    from .io.source import read_limited

    from .io.source import special_file_reason

    shown = display_path(path)
    try:
        refused = special_file_reason(os.stat(path).st_mode)
    except OSError:
        refused = None  # reported by open() below
    if refused:
        raise ConfigError(shown, refused)
    try:
        with open(path, "rb") as fh:
            raw = read_limited(fh, shown, MAX_BASELINE_BYTES)
    except FileNotFoundError:
        raise ConfigError(shown, "baseline file does not exist (create it with --write-baseline)") from None
    except OSError as e:
        raise ConfigError(shown, f"cannot read the baseline: {e.strerror}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ConfigError(shown, "not a valid baseline file: JSON nested too deeply") from None
    except ValueError as e:  # also UnicodeDecodeError
        raise ConfigError(shown, f"not a valid baseline file: {e}") from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("files"), dict):
        raise ConfigError(shown, "not a claimcheck baseline (expected version 1 with a 'files' table)")
    out = {}
    for key, fps in data["files"].items():
        if not isinstance(fps, list) or not all(isinstance(x, str) for x in fps):
            raise ConfigError(shown, f"field 'files.{display_path(key)}': expected a list of fingerprint strings")
        out[key] = Counter(fps)
    return out


def filter_baseline(doc: Doc, base: dict[str, Counter], baseline_file: str | None = None) -> int:
    """Drop findings recorded in the baseline (read from ``baseline_file``); return how many were dropped.
    A file is looked up relative to the baseline's directory, then (baselines written before 0.2)
    relative to the working directory."""
    key = baseline_key(doc.source.path, baseline_file)
    if key not in base:
        key = baseline_key(doc.source.path)
    known = Counter(base.get(key, Counter()))
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
    for doc in docs:
        fps = sorted(fingerprint(doc, f) for f in doc.findings)
        if fps:
            files.setdefault(baseline_key(doc.source.path, path), []).extend(fps)
    return write_fingerprints(path, files)


def write_fingerprints(path: str, files: dict[str, list[str]]) -> int:
    """Write a baseline from fingerprints per file key (atomically); returns the number recorded."""
    from .io.output import atomic_write

    files = {k: sorted(v) for k, v in files.items() if v}
    payload = json.dumps({"version": 1, "tool": "claimcheck", "files": files}, ensure_ascii=False, indent=1)
    atomic_write(path, payload + "\n")
    return sum(len(v) for v in files.values())
