"""Archive benchmark of ``scan --frames`` + ``cross``: prints numbers; asserts nothing.

    python bench/cross_archive.py /tmp/hkc                  # a folder of Markdown/text articles
    python bench/cross_archive.py /tmp/hkc -j 2 --engine dask --keep /tmp/hkc-run

The folder is scanned as ``claimcheck scan FOLDER -o results.jsonl --frames frames.parquet`` (a
``--engine dask`` scan writes a directory of Parquet parts instead), then ``claimcheck cross`` reads
the frames.  For each stage it prints wall seconds, documents/s, MB/s of text and the peak resident
memory of the whole process tree (the CLI and its workers, sampled from /proc every 0.2 s), then the
number of frame rows, of documents with frames, and the cross-document findings per rule.  The run's
files stay in ``--keep DIR`` (default: a temporary directory, removed) for reading the findings.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_load import run_tree as tree_run  # noqa: E402  (peak RSS of the process tree, from /proc)

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
TEXT_SUFFIXES = (".md", ".txt", ".html", ".htm")


def run_tree(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MiB of the process tree, exit status) of one command (its standard error
    shown when it fails)."""
    secs, rss, status, _, err = tree_run(cmd, ENV, str(ROOT), stderr=subprocess.PIPE, interval=0.2)
    if status not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return secs, rss, status


def folder_size(folder: Path) -> tuple[int, int]:
    """(documents, bytes) of the text files under ``folder``."""
    files = [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES]
    return len(files), sum(p.stat().st_size for p in files)


def frame_counts(frames: Path) -> tuple[int, int]:
    """(frame rows, documents with frames) of a frames table (file or directory of parts)."""
    sys.path.insert(0, str(ROOT))
    from checker.cross.store import read_frames

    con = read_frames(str(frames))
    try:
        return con.execute("SELECT count(*), count(DISTINCT doc) FROM frames").fetchone()
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="a folder of articles (e.g. an extracted archive slice)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--engine", choices=("process", "dask"), default="process")
    ap.add_argument("--keep", type=Path, help="keep results, frames and findings in this directory")
    args = ap.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"cross_archive: {args.folder}: not a folder")
    docs, size = folder_size(args.folder)
    work = args.keep or Path(tempfile.mkdtemp(prefix="cross-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results, findings = work / "results.jsonl", work / "cross.jsonl"
    frames = work / ("frames" if args.engine == "dask" else "frames.parquet")
    import shutil

    for stale in (results, findings, work / "frames.parquet"):
        stale.unlink(missing_ok=True)  # a kept run starts afresh (scan would resume, frames would double)
    shutil.rmtree(work / "frames", ignore_errors=True)
    exe = [sys.executable, "-m", "checker"]
    engine = ["--engine", "dask"] if args.engine == "dask" else []
    print(f"archive   {args.folder}: {docs} documents, {size / 1e6:.1f} MB; {args.jobs} jobs, engine {args.engine}; "
          f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    secs, rss, status = run_tree(exe + ["scan", str(args.folder), "-o", str(results), "-j", str(args.jobs),
                                        "--frames", str(frames), *engine])
    print(f"scan      {secs:.1f} s, {docs / secs:.1f} documents/s, {size / 1e6 / secs:.2f} MB/s, "
          f"peak RSS {rss:.0f} MiB (process tree), exit {status}")
    rows, with_frames = frame_counts(frames)
    print(f"frames    {rows} rows from {with_frames} documents")
    secs, rss, status = run_tree(exe + ["cross", str(frames), "-o", str(findings), *engine])
    rules = Counter(json.loads(line)["rule"] for line in findings.read_text(encoding="utf-8").splitlines())
    print(f"cross     {secs:.1f} s, peak RSS {rss:.0f} MiB (process tree), exit {status}")
    print(f"findings  {sum(rules.values())} cross-document: "
          + (", ".join(f"{k} {v}" for k, v in sorted(rules.items())) or "none") + f"  ({findings})")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
