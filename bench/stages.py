"""Where the library's time goes: CPU seconds per pipeline stage and per rule kind; asserts nothing.

    python bench/stages.py                         # this checkout, corpus, 3 rounds
    python bench/stages.py --compare /tmp/base     # beside another checkout, interleaved
    python bench/stages.py --texts fixtures/seeds  # another folder

Each round runs every checkout in a process of its own, in turn: the stage functions (reader, normaliser,
sentence splitter, quantity extraction, profile choice, claim builders, frames, every rule kind) are
wrapped with a CPU timer, the corpus is analysed once to warm up, then once timed; the median over
``--rounds`` rounds per stage is printed.
Stages a checkout does not have are left out.  Ratios are only meaningful within one run.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = (HERE.parent / ".." / "shared" / "corpus").resolve()

_CHILD = r"""
import json, sys, time, collections
sys.path.insert(0, sys.argv[1])
from checker.io import read_bytes
from checker import pipeline
import checker.claims as claims
import checker.engine.kinds  # registers the kinds
from checker.engine.registry import KINDS
from dataclasses import replace
T = collections.Counter()

def timed(label, f):
    def w(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            T[label] += time.process_time() - t
    return w

for mod, name, label in ((pipeline, "normalize", "normalise"), (pipeline, "extract_quantities", "quantities"),
                         (pipeline, "sentence_spans", "sentences"), (pipeline, "choose_profile", "profile"),
                         (claims, "attach_frames", "frames"), (pipeline, "build_claims", "claims")):
    if hasattr(mod, name):
        setattr(mod, name, timed(label, getattr(mod, name)))
if not hasattr(pipeline, "build_claims"):
    claims.build_claims = timed("claims", claims.build_claims)
for k in list(KINDS):
    KINDS[k] = replace(KINDS[k], run=timed("rule " + k, KINDS[k].run))
rb = timed("read", read_bytes)
blobs = [(open(p, "rb").read(), p) for p in sys.argv[2:]]
for b, p in blobs:   # warm-up: rules, lexicons, caches
    pipeline.analyse(rb(b, p))
T.clear()
t = time.process_time()
for b, p in blobs:
    pipeline.analyse(rb(b, p))
T["total"] = time.process_time() - t
T["claims (builders)"] = T["claims"] - T["frames"]
print(json.dumps(T))
"""


def stage_seconds(checkout: Path, files: list[Path]) -> dict:
    """``{stage: CPU seconds}`` of one warm pass of ``checkout`` over ``files``, in a process of its own."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(checkout), *map(str, files)],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(checkout)})
    if out.returncode:
        raise SystemExit(f"stage timing failed in {checkout}:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Print the median CPU seconds per stage, for this checkout and any ``--compare`` one."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--texts", default=str(CORPUS), help="folder of texts (default: ../shared/corpus)")
    ap.add_argument("--compare", metavar="DIR", help="also time this checkout, interleaved")
    ap.add_argument("--checkout", default=str(HERE.parent), help="the checkout under test (default: this one)")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from bench import texts_under

    files = texts_under(Path(args.texts))
    mb = sum(p.stat().st_size for p in files) / 1e6
    checkouts = [Path(args.checkout).resolve()] + ([Path(args.compare).resolve()] if args.compare else [])
    runs: dict[Path, list[dict]] = {c: [] for c in checkouts}
    for _ in range(args.rounds):  # one round per child, alternating checkouts
        for c in checkouts:
            runs[c].append(stage_seconds(c, files))
    med = {c: {k: statistics.median(r.get(k, 0.0) for r in rs) for k in rs[0]} for c, rs in runs.items()}
    first = med[checkouts[0]]
    stages = sorted(first, key=lambda k: (k != "total", -first[k]))
    print(f"{len(files)} files, {mb:.2f} MB, {args.rounds} rounds, load {os.getloadavg()[0]:.2f}; "
          "median CPU seconds per stage")
    print(f"{'stage':28s}" + "".join(f"{str(c)[-24:]:>26s}" for c in checkouts))
    for k in stages + sorted(set().union(*(m.keys() for m in med.values())) - set(stages)):
        row = [med[c].get(k) for c in checkouts]
        print(f"{k:28s}" + "".join(f"{v:26.3f}" if v is not None else f"{'-':>26s}" for v in row))
    for c in checkouts:
        print(f"{str(c)}: {mb / med[c]['total']:.2f} MB/s")


if __name__ == "__main__":
    main()
