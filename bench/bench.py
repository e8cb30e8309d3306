"""Speed and memory benchmark on the real mix: prints a table; asserts nothing.

    python bench/bench.py                    # everything (a few minutes on a quiet machine)
    python bench/bench.py --rounds 5         # more interleaved rounds
    python bench/bench.py --big-mb 50        # size of the single-line memory test (0 skips it)
    python bench/bench.py --scan-docs 5000   # also time `scan` -j 1 / -j 2 / Dask 2 workers
    python bench/bench.py --only scan --scan-folder DIR   # the same over a real archive folder

Texts: every file under ../shared/corpus/ (reports, Sina, Hong Kong news; read through the checker's
own reader, as a real run reads them) and, for continuity, fixtures/seeds/.  Measurements:

1. throughput, interleaved over ``--rounds`` rounds so that a neighbour's load hits every contender
   alike; min and median MB/s of
   - library: ``checker.pipeline.analyse(read_bytes(...))`` per file in this warm process;
   - CLI: ``python -m checker check --format json DIR`` (start-up and output included; as installed,
     with bytecode, like the cold start);
   - autocorrect-py ``lint_for`` on the same texts;
   - the floor: UTF-8 decode plus one regex pass over numeral runs;
2. cold start of ``check one.txt`` as installed (with bytecode), median of 11, beside ``python -c pass``
   (and the ``--compare`` checkout's, interleaved);
3. one document at 1x / 10x / 100x (time ratios: linear is 10 and 100);
4. a ``--big-mb`` MB single line through ``check --format json``: peak RSS of that process and
   its output size;
5. optional ``scan`` of the corpus repeated to ``--scan-docs`` documents, or of a ``--scan-folder``:
   docs/s, MB/s, CPU, peak RSS of the process tree.

Ratios are only meaningful within one run: the machine is shared; the load average is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _checkout() -> Path:
    """The checkout under test: ``--checkout DIR`` (e.g. the main branch, for BEFORE figures), else this one."""
    if "--checkout" in sys.argv:
        return Path(sys.argv[sys.argv.index("--checkout") + 1]).resolve()
    return Path(__file__).resolve().parent.parent


ROOT = _checkout()
sys.path.insert(0, str(ROOT))
CORPUS = (Path(__file__).resolve().parent.parent / ".." / "shared" / "corpus").resolve()
SEEDS = ROOT / "fixtures" / "seeds"
NUM = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿]+")
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
EXE = [sys.executable, "-m", "checker"]


def texts_under(root: Path) -> list[Path]:
    """The text-like files the CLI would check under ``root`` (manifests and READMEs left out)."""
    suffixes = {".txt", ".md", ".html", ".htm"}
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in suffixes
                  and p.name not in ("README.md",))


def run_child(cmd: list[str], stdout=subprocess.DEVNULL, env=None, cpu: list | None = None) -> tuple[float, float, int]:
    """(seconds, peak RSS MiB, exit status) of one child process, run in the checkout its
    ``PYTHONPATH`` names (``python -m`` puts the working directory first on the path); its CPU
    seconds (user + system) are appended to ``cpu`` when given."""
    env = env or ENV
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, env=env, cwd=env["PYTHONPATH"])
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if cpu is not None:
        cpu.append(ru.ru_utime + ru.ru_stime)
    return time.perf_counter() - t0, ru.ru_maxrss / 1024, p.returncode


_LIB_TIMER = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from checker.io import read_bytes
from checker.pipeline import analyse
paths = sys.argv[2:]
blobs = [(open(p, "rb").read(), p) for p in paths]
analyse(read_bytes(*blobs[0]))   # warm: rules, lexicons, OpenCC
t0, c0 = time.perf_counter(), time.process_time()
for b, p in blobs:
    analyse(read_bytes(b, p))
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def library_seconds(checkout: Path, files: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds of ``analyse(read_bytes(...))`` over ``files`` in a warm process of ``checkout``."""
    out = subprocess.run([sys.executable, "-c", _LIB_TIMER, str(checkout), *map(str, files)],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(checkout)})
    if out.returncode:
        raise SystemExit(f"library timing failed in {checkout}:\n{out.stderr[-2000:]}")
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def throughput(name: str, files: list[Path], rounds: int, checkouts: list[Path]) -> list[tuple[str, str]]:
    """Interleaved rounds of library / CLI (per checkout) / autocorrect-py / floor over ``files``."""
    blobs = [(p.read_bytes(), str(p)) for p in files]
    texts = [b.decode("utf-8") for b, _ in blobs]
    mb = sum(len(b) for b, _ in blobs) / 1e6
    try:
        import autocorrect_py
    except ImportError:
        autocorrect_py = None
    tmp = tempfile.mkdtemp(prefix="ccbench")
    for i, (b, p) in enumerate(blobs):  # one directory for the CLI: the same files, flat
        Path(tmp, f"{i:04d}{Path(p).suffix}").write_bytes(b)

    contenders = {}
    cache = tempfile.mkdtemp(prefix="ccpyc")
    for co in checkouts:
        tag = "" if co == ROOT else f" [{co}]"
        env = installed_env(co, cache)
        run_child(EXE + ["check", "--exit-zero", str(files[0])], env=env)   # writes the bytecode
        contenders[f"library (analyse, warm){tag}"] = \
            (lambda co=co: library_seconds(co, files))
        contenders[f"CLI check --format json{tag}"] = (lambda env=env: _child_times(
            EXE + ["check", "--format", "json", "--exit-zero", tmp], env))
    if autocorrect_py:
        contenders["autocorrect-py lint_for"] = \
            lambda: _both(lambda: [autocorrect_py.lint_for(t, "doc.txt") for t in texts])
    contenders["floor (decode + 1 regex)"] = \
        lambda: _both(lambda: [len(NUM.findall(b.decode("utf-8"))) for b, _ in blobs])
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in contenders}
    for _ in range(rounds):
        for k, f in contenders.items():
            times[k].append(f())
    rows = [(name, f"{len(files)} files, {mb:.2f} MB; MB/s by CPU time min / median (wall-clock median)")]
    lib = statistics.median(c for _, c in times["library (analyse, warm)"])
    for k, ts in times.items():
        cpu = [c for _, c in ts]
        wall = statistics.median(w for w, _ in ts)
        ratio = f"; {statistics.median(cpu) / lib:.2f}x this library's CPU time" \
            if k != "library (analyse, warm)" else ""
        rows.append((f"  {k}", f"{mb / max(cpu):.2f} / {mb / statistics.median(cpu):.2f} MB/s "
                               f"({mb / wall:.2f} MB/s wall){ratio}"))
    for f in Path(tmp).iterdir():
        f.unlink()
    os.rmdir(tmp)
    import shutil

    shutil.rmtree(cache, ignore_errors=True)
    return rows


def installed_env(checkout: Path, cache: str) -> dict:
    """The environment of a child running ``checkout``'s CLI as installed: with bytecode, kept in a
    private cache under ``cache`` (``PYTHONDONTWRITEBYTECODE`` would otherwise make every run compile
    every module from source)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(checkout), "PYTHONPYCACHEPREFIX": str(Path(cache, checkout.name))}


def cold_start(one: Path, checkouts: list[Path]) -> list[tuple[str, str]]:
    """Median of 11 ``check one`` runs per checkout, interleaved with ``python -c pass``, as installed:
    with bytecode (written by one run beforehand into a private cache; ``PYTHONDONTWRITEBYTECODE``
    would otherwise make every run compile every module from source)."""
    cache = tempfile.mkdtemp(prefix="ccpyc")
    envs = {}
    for co in checkouts:
        envs[co] = installed_env(co, cache)
        run_child(EXE + ["check", "--exit-zero", str(one)], env=envs[co])   # writes the bytecode
    cold = {co: ([], []) for co in checkouts}
    base, base_cpu = [], []
    for _ in range(11):   # interleaved
        for co in checkouts:
            cold[co][0].append(run_child(EXE + ["check", "--exit-zero", str(one)], env=envs[co], cpu=cold[co][1])[0])
        base.append(run_child([sys.executable, "-c", "pass"], cpu=base_cpu)[0])
    rows = []
    for co in checkouts:
        tag = "" if co == ROOT else f" [{co}]"
        wall, cpu = cold[co]
        rows.append((f"cold start check one.txt{tag}", f"median {statistics.median(wall):.3f} s wall, "
                                                      f"{statistics.median(cpu):.3f} s CPU (python -c pass: "
                                                      f"{statistics.median(base):.3f} s wall, "
                                                      f"{statistics.median(base_cpu):.3f} s CPU)"))
    import shutil

    shutil.rmtree(cache, ignore_errors=True)
    return rows


def scaling(one: Path, rounds: int = 3) -> list[tuple[str, str]]:
    """One document repeated 1x, 10x, 100x in one text, four ways: the pipeline as the command line runs
    it (``analyse`` and the report's JSON entry: framed claims, as ``check --format json``, and every
    bare number too, as with ``--all-quantities``) and the API ``check_text`` (which also builds the
    pydantic models of the contract), the same two ways.

    CPU seconds, the same work at each size: a round runs 1x a hundred times, 10x ten times and 100x
    once, back to back, so each size is timed over as much work and as long a stretch of the machine's
    load (the least of seven short runs against one long one would favour the short ones).  The
    ratios are taken within each round; the median over ``rounds`` rounds is printed, with the range."""
    from checker import analyse_text, check_text
    from checker.report.build import file_entry

    unit = one.read_text(encoding="utf-8")
    ways = (("one document 1x/10x/100x, analyse + JSON entry", lambda t: file_entry(analyse_text(t), False)),
            ("  the same, --all-quantities", lambda t: file_entry(analyse_text(t), True)),
            ("one document 1x/10x/100x, check_text", check_text),
            ("  the same, all_quantities=True", lambda t: check_text(t, all_quantities=True)))
    sizes = (1, 10, 100)
    texts = {k: "\n".join([unit] * k) for k in sizes}
    per_copy: dict[str, list[dict[int, float]]] = {label: [] for label, _ in ways}
    for _ in range(rounds):
        for label, run in ways:
            run(texts[1])   # warm
            per_copy[label].append({k: sum(_both(lambda run=run, k=k: run(texts[k]))[1] for _ in range(100 // k)) / (100 // k)
                                    for k in sizes})
    rows = []
    for label, _ in ways:
        got = per_copy[label]
        r10 = sorted(t[10] / t[1] for t in got)
        r100 = sorted(t[100] / t[1] for t in got)
        med = {k: statistics.median(t[k] for t in got) for k in sizes}
        rows.append((label, f"{len(unit):,} chars: {med[1]:.4f} s / {med[10]:.3f} s / {med[100]:.2f} s; ratios "
                            f"{statistics.median(r10):.1f}x and {statistics.median(r100):.1f}x "
                            f"(rounds {r100[0]:.1f}–{r100[-1]:.1f}x)"))
    return rows


def big_line(files: list[Path], megabytes: int) -> tuple[str, str]:
    """A ``megabytes`` MB single line of corpus text through ``check --format json``."""
    unit = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in files).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="ccbig") as tmp:
        src, out = Path(tmp, "big.txt"), Path(tmp, "big.json")
        with src.open("wb") as f:
            size = 0
            while size < megabytes * 1_000_000:
                f.write(unit)
                f.write(b" ")
                size += len(unit) + 1
        with out.open("wb") as sink:
            secs, rss, status = run_child(EXE + ["check", "--format", "json", "--exit-zero", str(src)], stdout=sink)
        json_mb = out.stat().st_size / 1e6
    return (f"{size / 1e6:.0f} MB single line, check --format json",
            f"peak RSS {rss:,.0f} MiB, {secs:.1f} s ({size / 1e6 / secs:.2f} MB/s), JSON {json_mb:.1f} MB, "
            f"exit {status}")


def scan_rows(files: list[Path], n_docs: int, folder: Path | None = None) -> list[tuple[str, str]]:
    """``scan`` at -j 1, -j 2 and Dask 2 workers of a real archive ``folder`` (every text file under it),
    else of the corpus repeated to ``n_docs`` JSONL records: wall time, docs/s, MB/s, CPU seconds and
    the peak RSS of the whole process tree (the CLI and its workers, sampled every 0.1 s)."""
    from serve_load import run_tree

    rows = []
    with tempfile.TemporaryDirectory(prefix="ccscan") as tmp:
        if folder is not None:
            docs = texts_under(folder)
            arch, n_docs, size = folder, len(docs), sum(p.stat().st_size for p in docs)
        else:
            arch = Path(tmp, "archive.jsonl")
            texts = [p.read_text(encoding="utf-8") for p in files]
            size = 0
            with arch.open("w", encoding="utf-8") as f:
                for i in range(n_docs):
                    line = json.dumps({"id": str(i), "text": texts[i % len(texts)]}, ensure_ascii=False)
                    f.write(line + "\n")
                    size += len(texts[i % len(texts)].encode("utf-8"))
        rows.append(("scan archive", f"{arch}: {n_docs} documents, {size / 1e6:.1f} MB of text"))
        for label, extra in (("-j 1", ["-j", "1"]), ("-j 2", ["-j", "2"]),
                             ("Dask, 2 workers", ["-j", "2", "--engine", "dask"])):
            out = Path(tmp, "out.jsonl")
            if out.exists():
                out.unlink()
            secs, rss, status, cpu, _ = run_tree(EXE + ["scan", str(arch), "-o", str(out), *extra], ENV, ENV["PYTHONPATH"])
            rows.append((f"  scan {label}", f"{secs:.1f} s wall, {n_docs / secs:.0f} docs/s, {size / 1e6 / secs:.2f} MB/s; "
                                            f"{cpu:.1f} s CPU; peak RSS {rss:,.0f} MiB (process tree), "
                                            f"exit {status}"))
    return rows


def _both(fn) -> tuple[float, float]:
    """(wall, CPU) seconds of ``fn()`` in this process."""
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def _child_times(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall, CPU) seconds of a child process."""
    cpu: list = []
    wall = run_child(cmd, env=env, cpu=cpu)[0]
    return wall, cpu[0]



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--big-mb", type=int, default=50)
    ap.add_argument("--scan-docs", type=int, default=0)
    ap.add_argument("--scan-folder", type=Path, help="scan this archive folder (e.g. 5,940 Hong Kong articles) "
                                                      "instead of the corpus repeated")
    ap.add_argument("--checkout", help="measure the checker in this checkout (default: this one)")
    ap.add_argument("--compare", metavar="DIR", help="also time the library and CLI of another checkout "
                                                     "(e.g. a BEFORE copy), interleaved in the same rounds")
    ap.add_argument("--only", choices=("throughput", "cold", "scaling", "big", "scan"), action="append")
    args = ap.parse_args()
    want = set(args.only or ("throughput", "cold", "scaling", "big", "scan"))
    corpus = texts_under(CORPUS) if CORPUS.is_dir() else []
    checkouts = [ROOT] + ([Path(args.compare).resolve()] if args.compare else [])
    seeds = sorted(SEEDS.glob("*.txt"))
    import checker

    rows = [("checker under test", str(Path(checker.__file__).parent.parent))]
    rows += [("load average at start", " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} CPUs")]
    if "throughput" in want:
        if corpus:
            rows += throughput("corpus (../shared/corpus)", corpus, args.rounds, checkouts)
        rows += throughput("seeds (fixtures/seeds)", seeds, args.rounds, checkouts)
    if "cold" in want:
        rows += cold_start(seeds[2], checkouts)
    if "scaling" in want:
        reports = [p for p in corpus if p.parent.name == "reports"]
        rows += scaling(reports[0] if reports else seeds[2], args.rounds)
    if "big" in want and args.big_mb and corpus:
        rows.append(big_line(corpus, args.big_mb))
    if "scan" in want and (args.scan_folder or args.scan_docs and corpus):
        rows += scan_rows(corpus, args.scan_docs, args.scan_folder)
    rows.append(("load average at end", " ".join(f"{x:.2f}" for x in os.getloadavg())))
    rows.append(("machine", f"{platform.machine()}, {platform.python_implementation()} "
                            f"{platform.python_version()}, library measured on 1 core"))
    width = max(len(r[0]) for r in rows)
    for name, val in rows:
        print(f"{name:<{width}}  {val}", flush=True)


if __name__ == "__main__":
    main()
