"""Speed work must not change what the checker says: every file's JSON entry (findings, claims, frames and
every quantity, ``--all-quantities``) is compared with a digest recorded before the work.

The digests live in ``tests/snapshots/output_digests.json`` (one SHA-256 per file of the seeds and, when
``../shared/corpus`` is present, of the corpus; no text of the corpus is kept).  After an intended change
of output, see what changed with ``python bench/same_output.py --compare <checkout before>``, then
regenerate with ``CLAIMCHECK_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_same_output.py``.
"""
import hashlib
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS

SHARED = ROOT.parent / "shared"
DIGESTS = ROOT / "tests" / "snapshots" / "output_digests.json"
UPDATE = bool(os.environ.get("CLAIMCHECK_UPDATE_SNAPSHOTS"))


def digests(directory) -> dict[str, str]:
    """``{path relative to directory: SHA-256 of its JSON entry without the path}`` of one CLI run."""
    out = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--all-quantities",
                          "--exit-zero", str(directory)], capture_output=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    result = {}
    for entry in json.loads(out.stdout)["files"]:
        rel = os.path.relpath(entry.pop("path"), directory).replace(os.sep, "/")
        canon = json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        result[rel] = hashlib.sha256(canon.encode("utf-8")).hexdigest()
    return result


def _check(name: str, directory) -> None:
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.exists() else {}
    now = digests(directory)
    if UPDATE:
        recorded[name] = now
        DIGESTS.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    before = recorded[name]
    changed = sorted(p for p in before.keys() | now.keys() if before.get(p) != now.get(p))
    assert not changed, (f"{len(changed)} of {len(before)} files give other output than recorded, e.g. "
                         f"{changed[:5]}; see bench/same_output.py --compare <checkout before>")


def test_seeds_output_unchanged():
    _check("seeds", SEEDS)


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus not present")
def test_corpus_output_unchanged():
    _check("corpus", SHARED / "corpus")
