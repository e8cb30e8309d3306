"""``claimcheck scan``: check an archive of documents in bounded memory.

Input is JSONL (one document per line; the id and text field names are
configurable) or a directory tree.  Output is JSONL, one result per document,
written as results arrive.  Work goes to a process pool (``--jobs``) or to a
Dask cluster (``--engine dask --scheduler ADDR``), in batches, so that neither
the input nor the results are ever all in memory.  Re-running with the same
output skips the ids it already holds (resumable).
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from .errors import ConfigError, InputError


@dataclass
class ScanOptions:
    """How to read the archive and where the work runs."""

    id_field: str = "id"
    text_field: str = "text"
    jobs: int = 1
    engine: str = "process"            # process | dask
    scheduler: Optional[str] = None    # dask scheduler address; None starts a LocalCluster
    batch: int = 64
    lang: str = "zh"
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    frames: Optional[str] = None       # write every claim's frame to this DuckDB/Parquet table


def iter_records(source: str, opts: ScanOptions, skip: set[str],
                 consumed: Optional[list[int]] = None) -> Iterator[tuple[str, object]]:
    """``(id, text)`` pairs from a JSONL file, ``-`` (stdin) or a directory tree (there a
    ``SourceDocument`` carrying the file's metadata date), lazily;
    ``consumed[0]`` counts the bytes of JSONL read so far (for progress and ETA)."""
    consumed = consumed if consumed is not None else [0]
    if source != "-" and os.path.isdir(source):
        from .io import SourceDocument, iter_paths, read_path

        for p in iter_paths([source]):
            rid = os.path.relpath(p, source)
            if rid in skip:
                continue
            try:
                src = read_path(p)  # the readable text, with the publication date of its metadata
                yield rid, SourceDocument(path=rid, text=src.readable, published=src.published,
                                          published_from=src.published_from)
            except InputError as e:
                yield rid, InputError(e.path, e.reason)  # type: ignore[misc]
        return
    fh = sys.stdin.buffer if source == "-" else open(source, "rb")
    try:
        for lineno, raw in enumerate(fh, 1):
            consumed[0] += len(raw)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise InputError(source, f"the archive is not UTF-8 JSONL (line {lineno}: {e.reason} "
                                         f"at byte {e.start} of the line)") from None
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                rid = str(rec[opts.id_field])
                text = rec[opts.text_field]
            except (ValueError, KeyError, TypeError) as e:
                yield f"{source}:{lineno}", InputError(f"{source}:{lineno}", f"not a JSON record with "
                                                       f"'{opts.id_field}' and '{opts.text_field}': {e}")
                continue
            if rid in skip:
                continue
            yield rid, text if isinstance(text, str) else str(text)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def check_record(rid: str, text, select=(), ignore=(), lang: str = "zh", frames: bool = False) -> dict:
    """Check one document; the result is a JSON-ready dict (contract findings, counts; with ``frames``
    also its frame rows under ``"frames"``, which the parent takes out and appends to the table)."""
    if isinstance(text, InputError):
        return {"id": rid, "error": text.reason, "claims": 0, "findings": []}
    from .io import SourceDocument
    from .options import CheckOptions
    from .pipeline import analyse
    from .report.build import finding_out

    source = text if isinstance(text, SourceDocument) else SourceDocument(path=rid, text=text)
    doc = analyse(source,
                  CheckOptions(lang=lang, select=list(select), ignore=list(ignore)))
    out = {"id": rid, "error": None, "claims": len(doc.claims),
           "findings": [finding_out(doc, f).model_dump() for f in doc.findings]}
    if frames:
        from .cross.rows import frame_rows

        out["frames"] = frame_rows(doc, rid)
    return out


def _check_batch(batch: list[tuple[str, object]], select, ignore, lang, frames=False) -> list[dict]:
    return [check_record(rid, text, select, ignore, lang, frames) for rid, text in batch]


def _batches(records: Iterable, size: int) -> Iterator[list]:
    batch = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def done_ids(output: Optional[str]) -> set[str]:
    """Ids already in an existing output file (to resume)."""
    if not output or not os.path.exists(output):
        return set()
    ids = set()
    with open(output, encoding="utf-8") as fh:
        for line in fh:
            try:
                ids.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by an interrupted run is redone
    return ids


def _run_process(batches: Iterator[list], opts: ScanOptions) -> Iterator[list[dict]]:
    args = (tuple(opts.select), tuple(opts.ignore), opts.lang, bool(opts.frames))
    if opts.jobs <= 1:
        for b in batches:
            yield _check_batch(b, *args)
        return
    from concurrent.futures import ProcessPoolExecutor

    import multiprocessing

    # spawn: workers start clean (no forked locks from threads of the parent, e.g. under a test runner)
    with ProcessPoolExecutor(max_workers=opts.jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending = []
        for b in batches:
            pending.append(pool.submit(_check_batch, b, *args))
            if len(pending) >= opts.jobs * 2:  # bounded: at most 2 batches in flight per worker
                yield pending.pop(0).result()
        for f in pending:
            yield f.result()


def _run_dask(batches: Iterator[list], opts: ScanOptions) -> Iterator[list[dict]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--engine dask", "dask.distributed is not installed "
                                           "(pip install 'claimcheck[dask]')") from None
    cluster = None
    if opts.scheduler:
        client = Client(opts.scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, opts.jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    args = (tuple(opts.select), tuple(opts.ignore), opts.lang, bool(opts.frames))
    try:
        pending = []
        limit = max(2, 2 * sum(client.nthreads().values()))
        for b in batches:
            pending.append(client.submit(_check_batch, b, *args, pure=False))
            if len(pending) >= limit:
                yield pending.pop(0).result()
        for f in pending:
            yield f.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def scan(source: str, output: Optional[str], opts: ScanOptions, progress=None) -> Counter:
    """Run the scan; append results to ``output`` (or stdout); return summary counts."""
    skip = done_ids(output)
    consumed = [0]
    records = iter_records(source, opts, skip, consumed)
    batches = _batches(records, opts.batch)
    runner = _run_dask if opts.engine == "dask" else _run_process
    if output and os.path.exists(output) and os.path.getsize(output):
        with open(output, "rb+") as fh:  # an interrupted run may have left half a line: end it
            fh.seek(-1, os.SEEK_END)
            if fh.read(1) != b"\n":
                fh.write(b"\n")
    if opts.frames:
        from .cross.store import FrameSink

        sink = FrameSink(opts.frames)
    out = open(output, "a", encoding="utf-8") if output else sys.stdout
    summary: Counter = Counter(skipped=len(skip))
    try:
        for results in runner(batches, opts):
            for r in results:
                if opts.frames:
                    sink.append(r.pop("frames", ()))
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
                summary["documents"] += 1
                summary["claims"] += r["claims"]
                summary["errors"] += r["error"] is not None
                for f in r["findings"]:
                    summary["findings"] += 1
                    summary[f"category:{f['category']}"] += 1
            out.flush()
            if progress:
                progress(len(results), consumed[0])
    finally:
        if out is not sys.stdout:
            out.close()
        if opts.frames:
            summary["frames"] = sink.rows
            sink.close()
    return summary
