"""Benchmark: claims decided per second and whole-pipeline throughput on the seeds.

Run: python bench/claims_bench.py [--repeat N]
Prints numbers; it asserts nothing (speed targets are measured, not tested).
"""
from __future__ import annotations

import argparse
import platform
import time
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    t0 = time.perf_counter()
    from checker import analyse_text
    from checker.assertions import solve_prior
    import_s = time.perf_counter() - t0

    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    analyse_text(texts[0])  # warm caches (rules, lexicons, OpenCC)
    # 1. per-claim decisions (the GRIM solver alone)
    cases = []
    for t in texts:
        doc = analyse_text(t)
        for c in doc.claims:
            if c.kind == "change" and len(c.quantities) == 2 and c.quantities[1].kind == "percent" \
                    and c.quantities[0].kind != "percent":
                v, a = c.quantities
                cases.append((v.value, a.interval.scale(Fraction(1, 100)), c.data.direction == "decrease",
                              v.kind == "count" and v.interval.is_point))
    n = 0
    t0 = time.perf_counter()
    deadline = t0 + 2.0
    while time.perf_counter() < deadline:
        for v, pct, dec, integer in cases:
            solve_prior(v, pct, dec, integer)
            n += 1
    dt = time.perf_counter() - t0
    print(f"machine: {platform.machine()} {platform.python_implementation()} {platform.python_version()}")
    print(f"import checker: {import_s * 1000:.1f} ms")
    print(f"change claims in seeds: {len(cases)}")
    print(f"per-claim decisions: {n / dt:,.0f} claims/s ({dt / n * 1e6:.1f} µs each)")
    # 2. whole pipeline on the seeds, repeated
    chars = sum(len(t) for t in texts) * args.repeat
    nbytes = sum(len(t.encode()) for t in texts) * args.repeat
    claims = findings = decided = 0
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        for t in texts:
            doc = analyse_text(t)
            claims += len(doc.claims)
            findings += len(doc.findings)
            decided += sum(1 for c in doc.claims if c.data.verdict in ("consistent", "inconsistent", "warning"))
    dt = time.perf_counter() - t0
    print(f"full pipeline: {args.repeat}× {len(texts)} seeds, {chars:,} chars in {dt:.2f} s")
    print(f"  {chars / dt:,.0f} chars/s, {nbytes / dt / 1e6:.2f} MB/s, {claims / dt:,.0f} claims/s, "
          f"{decided / dt:,.0f} decided claims/s, {findings} findings")


if __name__ == "__main__":
    main()
