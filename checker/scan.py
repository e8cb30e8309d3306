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
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from .errors import ClaimcheckError, ConfigError, InputError, message
from .io.names import display_path


MAX_RECORD_BYTES = 16 * 1024 * 1024   # one JSONL line; a longer one is an error record, the scan goes on
_SKIP_CHUNK = 1 << 20


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
    max_record_bytes: int = MAX_RECORD_BYTES
    frames: Optional[str] = None       # write every claim's frame to this DuckDB/Parquet table or parts directory


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class _Unreadable:
    """A record that cannot be checked: its reason becomes the result's ``error``."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __reduce__(self):
        return (_Unreadable, (self.reason,))


def _open_archive(source: str):
    if source == "-":
        if sys.stdin is None:
            raise InputError("<stdin>", "standard input is closed")
        return sys.stdin.buffer
    from .io.source import special_file_reason

    shown = display_path(source)
    try:
        refused = special_file_reason(os.stat(source).st_mode)
    except FileNotFoundError:
        raise InputError(shown, "no such file or directory") from None
    except OSError as e:
        raise InputError(shown, "cannot read: {why}", why=str(e.strerror)) from None
    if refused:
        if "pipe" in refused:
            raise InputError(shown, "{why}; stream it to standard input instead: scan - < FILE", why=refused)
        raise InputError(shown, refused)
    try:
        return open(source, "rb")
    except OSError as e:
        raise InputError(shown, "cannot read: {why}", why=str(e.strerror)) from None


def _read_line(fh, limit: int) -> tuple[bytes, int]:
    """The next line (at most ``limit`` bytes are kept) and its full length; a longer line is
    skipped in chunks without being held in memory."""
    line = fh.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    total = len(line)
    while True:
        chunk = fh.readline(_SKIP_CHUNK)
        total += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return b"", total


def _record_id(value) -> str | None:
    """Ids are strings; a JSON integer is taken as its decimal string (so 7 and "7" are the same id,
    and a second one is reported as a duplicate).  Anything else is refused."""
    if isinstance(value, str) and value:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return None
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _parse_record(line: bytes, opts: ScanOptions) -> tuple[Optional[str], object]:
    """``(id, text)`` of one JSONL line, or ``(None, _Unreadable)``."""
    try:
        rec = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as e:
        return None, _Unreadable(f"the line is not UTF-8 ({e.reason} at byte {e.start}); the archive must be "
                                 "UTF-8 JSONL")
    except RecursionError:
        return None, _Unreadable("not a JSON record: nested too deeply")
    except ValueError as e:
        return None, _Unreadable(f"not a JSON record with '{opts.id_field}' and '{opts.text_field}': {e}")
    if not isinstance(rec, dict):
        return None, _Unreadable(f"not a JSON record with '{opts.id_field}' and '{opts.text_field}': "
                                 f"a JSON {type(rec).__name__}, not an object")
    missing = [k for k in (opts.id_field, opts.text_field) if k not in rec]
    if missing:
        return None, _Unreadable(f"not a JSON record with '{opts.id_field}' and '{opts.text_field}': "
                                 f"no field {', '.join(repr(k) for k in missing)}")
    rid = _record_id(rec[opts.id_field])
    if rid is None:
        got = rec[opts.id_field]
        return None, _Unreadable(f"field '{opts.id_field}' must be a non-empty string or an integer, "
                                 f"not {json.dumps(got, ensure_ascii=True)[:60]}")
    text = rec[opts.text_field]
    if not isinstance(text, str):
        return rid, _Unreadable(f"field '{opts.text_field}' must be a string, not "
                                f"{'null' if text is None else type(text).__name__}")
    return rid, text


def iter_records(source: str, opts: ScanOptions, skip: set[str],
                 consumed: Optional[list[int]] = None) -> Iterator[tuple[str, object]]:
    """``(id, text)`` pairs from a JSONL file, ``-`` (stdin) or a directory tree (there a
    ``SourceDocument`` carrying the file's metadata date), lazily;
    ``consumed[0]`` counts the bytes of JSONL read so far (for progress and ETA).  A record that
    cannot be checked comes as ``(id, _Unreadable)``: its id, or ``ARCHIVE:LINE`` when it has none
    (a duplicate id too, so that the first record keeps its id)."""
    consumed = consumed if consumed is not None else [0]
    if source != "-" and os.path.isdir(source):
        from .io import SourceDocument, iter_paths, read_path

        for p in iter_paths([source]):
            rid = display_path(os.path.relpath(p, source))
            if rid in skip:
                continue
            try:
                src = read_path(p)  # the readable text, with the publication date of its metadata
                yield rid, SourceDocument(path=rid, text=src.readable, published=src.published,
                                          published_from=src.published_from)
            except InputError as e:
                yield rid, _Unreadable(e.reason)
        return
    label = "<stdin>" if source == "-" else display_path(source)
    fh = _open_archive(source)
    first_line: dict[str, int] = {}
    try:
        lineno = 0
        while True:
            line, size = _read_line(fh, opts.max_record_bytes)
            if not size:
                break
            lineno += 1
            consumed[0] += size
            where = f"{label}:{lineno}"
            if size > opts.max_record_bytes and not line:
                if where not in skip:
                    yield where, _Unreadable(f"record of {size // 1024} KiB; the limit per record is "
                                             f"{opts.max_record_bytes // 1024} KiB")
                continue
            if not line.strip():
                continue
            rid, text = _parse_record(line, opts)
            if rid is not None and rid in first_line:
                rid, text = None, _Unreadable(f"duplicate id {rid!r} (first at line {first_line[rid]})")
            elif rid is not None:
                first_line[rid] = lineno
            rid = rid if rid is not None else where
            if rid in skip:
                continue
            yield rid, text
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def check_record(rid: str, text, select=(), ignore=(), lang: str = "zh", frames: bool = False) -> dict:
    """Check one document; the result is a JSON-ready dict (contract findings, counts; with ``frames``
    also its frame rows under ``"frames"``, which the parent takes out and appends to the table).  A failure
    inside one record becomes that record's ``error``; it never loses the rest of the batch."""
    if isinstance(text, (_Unreadable, InputError)):
        return {"id": rid, "error": text.reason, "claims": 0, "findings": []}
    from . import __version__
    from .io import SourceDocument
    from .options import CheckOptions
    from .gcpause import gc_paused
    from .pipeline import analyse
    from .report.build import finding_entry

    try:
        from .io.memory import check_memory

        source = text if isinstance(text, SourceDocument) else SourceDocument(path=rid, text=text)
        check_memory(rid, len(source.text) if source.text.isascii() else 3 * len(source.text))
        with gc_paused():   # the document's objects are freed before the collector runs again
            doc = analyse(source, CheckOptions(lang=lang, select=list(select), ignore=list(ignore)))
            out = {"id": rid, "error": None, "claims": len(doc.claims),
                   "findings": [finding_entry(doc, f) for f in doc.findings]}
            if frames:
                from .cross.rows import frame_rows

                out["frames"] = frame_rows(doc, rid)
            del doc
        return out
    except ClaimcheckError as e:
        return {"id": rid, "error": message(e, lang), "claims": 0, "findings": []}
    except (MemoryError, RecursionError) as e:
        return {"id": rid, "error": f"not checked: {type(e).__name__} (the record is too large or too deeply "
                                    f"nested for this machine)", "claims": 0, "findings": []}
    except Exception as e:  # noqa: BLE001 — a bug: report it in this record, keep the others
        return {"id": rid, "error": f"internal error {type(e).__name__}: {e} — please report it "
                                    f"(claimcheck {__version__})", "claims": 0, "findings": []}


def _check_batch(batch: list[tuple[str, object]], select, ignore, lang, frames=False,
                 parts: Optional[str] = None) -> list[dict]:
    """Check a batch.  With ``parts`` (a directory) the batch's frame rows are written there as one
    Parquet part, here in the worker, and each result keeps only the number of its rows."""
    results = [check_record(rid, text, select, ignore, lang, frames) for rid, text in batch]
    if parts is not None:
        from .cross.store import write_part

        rows = []
        for r in results:
            mine = r.pop("frames", [])
            rows.extend(mine)
            r["frames"] = len(mine)
        write_part(parts, rows)
    return results


def _batches(records: Iterable, size: int) -> Iterator[list]:
    batch = []
    for r in records:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def trim_partial_tail(output: str) -> int:
    """Cut an interrupted run's last, unfinished line off ``output`` (wherever it was cut, even
    inside a UTF-8 character); return the bytes removed."""
    with open(output, "rb+") as fh:
        end = fh.seek(0, os.SEEK_END)
        pos = end
        while pos > 0:
            step = min(pos, 1 << 16)
            fh.seek(pos - step)
            chunk = fh.read(step)
            i = chunk.rfind(b"\n")
            if i != -1:
                keep = pos - step + i + 1
                break
            pos -= step
        else:
            keep = 0
        if keep < end:
            fh.truncate(keep)
        return end - keep


def done_ids(output: Optional[str]) -> set[str]:
    """Ids already in an existing output file (to resume); unreadable lines are redone."""
    if not output or not os.path.exists(output):
        return set()
    ids = set()
    with open(output, "rb") as fh:
        for raw in fh:
            try:
                rid = json.loads(raw.decode("utf-8"))["id"]
            except (ValueError, KeyError, TypeError, RecursionError):
                continue  # a damaged line is redone
            if isinstance(rid, str):
                ids.add(rid)
    return ids


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; workers never print a traceback


def _batch_args(opts: ScanOptions) -> tuple:
    parts = opts.frames if opts.frames and _parts(opts) else None
    return (tuple(opts.select), tuple(opts.ignore), opts.lang, bool(opts.frames), parts)


def _parts(opts: ScanOptions) -> bool:
    from .cross.store import is_parts

    return is_parts(opts.frames, opts.engine)


def _run_process(batches: Iterator[list], opts: ScanOptions) -> Iterator[list[dict]]:
    args = _batch_args(opts)
    if opts.jobs <= 1:
        for b in batches:
            yield _check_batch(b, *args)
        return
    from concurrent.futures import ProcessPoolExecutor

    import multiprocessing

    # spawn: workers start clean (no forked locks from threads of the parent, e.g. under a test runner)
    pool = ProcessPoolExecutor(max_workers=opts.jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_ignore_sigint)
    finished = False
    try:
        pending = []
        for b in batches:
            pending.append(pool.submit(_check_batch, b, *args))
            if len(pending) >= opts.jobs * 2:  # bounded: at most 2 batches in flight per worker
                yield pending.pop(0).result()
        for f in pending:
            yield f.result()
        finished = True
    finally:
        if not finished:  # interrupted (signal, error, consumer gone): stop the workers now
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
        pool.shutdown(wait=finished, cancel_futures=not finished)


@contextmanager
def dask_client(scheduler: Optional[str], workers: int):
    """A Dask client: of the scheduler at ``scheduler``, else of a LocalCluster of ``workers``
    single-threaded worker processes (closed on exit)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--engine dask", "dask.distributed is not installed "
                                           "(pip install 'claimcheck[dask]')") from None
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, ValueError, TypeError) as e:
            raise ConfigError(f"--scheduler {scheduler}", f"cannot connect to the Dask scheduler: "
                                                         f"{type(e).__name__}: {e}") from None
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_dask(batches: Iterator[list], opts: ScanOptions) -> Iterator[list[dict]]:
    args = _batch_args(opts)
    with dask_client(opts.scheduler, opts.jobs) as client:
        pending = []
        limit = max(2, 2 * sum(client.nthreads().values()))
        for b in batches:
            pending.append(client.submit(_check_batch, b, *args, pure=False))
            if len(pending) >= limit:
                yield pending.pop(0).result()
        for f in pending:
            yield f.result()


def scan(source: str, output: Optional[str], opts: ScanOptions, progress=None) -> Counter:
    """Run the scan; append results to ``output`` (or stdout); return summary counts (``failed``
    holds the reasons of the first unreadable records).  Interrupted (SIGINT/SIGTERM), it stops the
    workers, says how many results were written and re-raises."""
    if output and os.path.exists(output) and os.path.getsize(output):
        trim_partial_tail(output)  # an interrupted run may have left part of a line: it is redone
    skip = done_ids(output)
    consumed = [0]
    records = iter_records(source, opts, skip, consumed)
    batches = _batches(records, opts.batch)
    runner = _run_dask if opts.engine == "dask" else _run_process
    sink = None
    if opts.frames and _parts(opts):
        os.makedirs(opts.frames, exist_ok=True)  # the workers write their parts into it
    elif opts.frames:
        from .cross.store import FrameSink

        sink = FrameSink(opts.frames)
    out = open(output, "a", encoding="utf-8") if output else sys.stdout
    summary: Counter = Counter(skipped=len(skip))
    summary["failed"] = []  # type: ignore[assignment]
    results_iter = runner(batches, opts)
    try:
        for results in results_iter:
            if sink is not None:   # one insert per batch: a statement costs ~3 ms however few rows it has
                sink.append([row for r in results for row in r.pop("frames", ())])
            for r in results:
                rows = r.pop("frames", ())
                if isinstance(rows, int):   # the rows a worker wrote as a Parquet part
                    summary["frames"] += rows
                try:
                    line = json.dumps(r, ensure_ascii=False)
                    line.encode("utf-8")
                except UnicodeEncodeError:
                    line = json.dumps(r, ensure_ascii=True)
                out.write(line + "\n")
                summary["documents"] += 1
                summary["claims"] += r["claims"]
                if r["error"] is not None:
                    summary["errors"] += 1
                    if len(summary["failed"]) < 5:
                        summary["failed"].append(f"{r['id']}: {r['error']}")
                for f in r["findings"]:
                    summary["findings"] += 1
                    summary[f"category:{f['category']}"] += 1
            out.flush()
            if progress:
                progress(len(results), consumed[0])
    except KeyboardInterrupt:
        results_iter.close()  # stops the workers before anything else
        where = f" to {display_path(output)}" if output else ""
        print(f"claimcheck scan: interrupted; {summary['documents']} written{where}, rerun to resume",
              file=sys.stderr)
        raise
    finally:
        results_iter.close()
        if out is not sys.stdout:
            out.close()
        if sink is not None:
            summary["frames"] = sink.rows
            sink.close()
    return summary
