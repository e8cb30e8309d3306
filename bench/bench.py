"""Speed and scale benchmark: prints a table; asserts nothing.

    python bench/bench.py            # all measurements (about two minutes)

1. throughput of the full check on the fixtures corpus repeated to >= 5 MB (per document, one core),
   beside a floor (decode + one regex pass over numbers) and autocorrect-py's lint on the same documents;
2. cold start of `claimcheck check one.txt` (median of 11) beside `python -c pass`;
3. one document grown to 1x, 10x, 100x: time ratios (must stay linear);
4. peak RSS.
"""
from __future__ import annotations

import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
NUM = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]+")


def corpus(min_bytes: int = 5 * 1024 * 1024) -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in SEEDS]
    out, size, i = [], 0, 0
    while size < min_bytes:
        d = docs[i % len(docs)]
        out.append(d)
        size += len(d.encode("utf-8"))
        i += 1
    return out


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    from checker import check_text

    docs = corpus()
    nbytes = sum(len(d.encode()) for d in docs)
    nchars = sum(len(d) for d in docs)
    check_text(docs[0])  # warm: rules, lexicons, OpenCC
    rows = []
    t_full = timed(lambda: [check_text(d) for d in docs])
    t_floor = timed(lambda: [len(NUM.findall(d.encode("utf-8").decode("utf-8"))) for d in docs])
    try:
        import autocorrect_py

        t_ac = timed(lambda: [autocorrect_py.lint_for(d, "doc.txt") for d in docs])
    except ImportError:
        t_ac = float("nan")
    mb = nbytes / 1e6
    rows.append(("corpus", f"{len(docs)} documents, {mb:.2f} MB, {nchars:,} chars"))
    rows.append(("claimcheck check", f"{t_full:.2f} s = {mb / t_full:.2f} MB/s, {nchars / t_full:,.0f} chars/s"))
    rows.append(("floor (decode + regex)", f"{t_floor:.3f} s = {mb / t_floor:.1f} MB/s; claimcheck is {t_full / t_floor:.0f}x the floor"))
    rows.append(("autocorrect-py lint", f"{t_ac:.2f} s = {mb / t_ac:.2f} MB/s; claimcheck is {t_full / t_ac:.2f}x autocorrect"))

    one = str(SEEDS[2])
    exe = [sys.executable, "-m", "checker"]
    cold = [timed(lambda: subprocess.run(exe + ["check", one], capture_output=True)) for _ in range(11)]
    base = [timed(lambda: subprocess.run([sys.executable, "-c", "pass"], capture_output=True)) for _ in range(11)]
    rows.append(("cold start check one.txt", f"median {statistics.median(cold):.3f} s "
                                             f"(python -c pass: {statistics.median(base):.3f} s)"))

    unit = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    times = {}
    for k in (1, 10, 100):
        text = "\n".join([unit] * k)
        times[k] = min(timed(lambda: check_text(text)) for _ in range(2 if k < 100 else 1))
    rows.append(("one document 1x/10x/100x", f"{times[1]:.3f} s / {times[10]:.2f} s / {times[100]:.1f} s; "
                                             f"ratios {times[10] / times[1]:.1f}x and {times[100] / times[1]:.1f}x"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak RSS", f"{rss:.0f} MiB"))
    rows.append(("machine", f"{platform.machine()}, {platform.python_implementation()} "
                            f"{platform.python_version()}, 1 core used"))
    width = max(len(r[0]) for r in rows)
    for name, val in rows:
        print(f"{name:<{width}}  {val}")


if __name__ == "__main__":
    main()
