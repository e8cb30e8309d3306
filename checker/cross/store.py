"""The frames table: DuckDB (``.duckdb`` / ``.db``), Parquet (any other name), or a directory of
Parquet parts.

Rows go into a DuckDB database file as they arrive (on disk, so memory stays bounded); a Parquet
target is written from that file when the scan ends.  A directory (what ``--engine dask`` writes)
holds one Parquet part per batch, each written by the worker that checked the batch, so no rows
travel back to the scanning process; readers see the parts as one table."""
from __future__ import annotations

import os
import uuid
from typing import Iterable

from ..errors import ConfigError, InputError, OutputError
from .rows import COLUMNS


def _duckdb():
    try:
        import duckdb
    except ImportError:
        raise ConfigError("--frames", "DuckDB is not installed (pip install 'claimcheck[cross]')") from None
    return duckdb


def is_parquet(path: str) -> bool:
    """Whether ``path`` names a Parquet file (anything but .duckdb/.db)."""
    return not path.lower().endswith((".duckdb", ".db"))


class FrameSink:
    """Appends frame rows to ``path``; ``close()`` finishes the table (and the Parquet file)."""

    def __init__(self, path: str) -> None:
        duckdb = _duckdb()
        self.path = path
        self.db_path = path + ".part.duckdb" if is_parquet(path) else path
        if is_parquet(path) and os.path.exists(path):
            # resuming: start from the rows already written
            if os.path.exists(self.db_path):
                os.remove(self.db_path)
        try:
            self.con = duckdb.connect(self.db_path)
        except duckdb.Error as e:
            raise OutputError(path, "cannot open the frames table: {why}", why=str(e)) from None
        # the scan's workers need the cores and the memory: one thread, a small buffer pool
        self.con.execute("SET threads = 1")
        self.con.execute("SET memory_limit = '128MB'")
        cols = ", ".join(f'"{k}" {t}' for k, t in COLUMNS.items())
        self.con.execute(f"CREATE TABLE IF NOT EXISTS frames ({cols})")
        if is_parquet(path) and os.path.exists(path):
            self.con.execute("INSERT INTO frames SELECT * FROM read_parquet(?)", [path])
        self.rows = 0

    def append(self, rows: Iterable[dict]) -> None:
        """Append rows (dicts keyed by ``COLUMNS``)."""
        rows = list(rows)
        if rows:
            # one statement per batch, column by column: unnest zips the lists (executemany costs ~3 ms a row)
            columns = [[r.get(k) for r in rows] for k in COLUMNS]
            select = ", ".join(f"unnest(${i + 1}::{t}[])" for i, t in enumerate(COLUMNS.values()))
            self.con.execute(f"INSERT INTO frames SELECT {select}", columns)
            self.rows += len(rows)

    def close(self) -> None:
        """Flush; for a Parquet target write the file and remove the working database."""
        if is_parquet(self.path):
            tmp = self.path + ".tmp"
            self.con.execute(f"COPY frames TO '{_quoted(tmp)}' (FORMAT parquet)")
            self.con.close()
            os.replace(tmp, self.path)
            os.remove(self.db_path)
        else:
            self.con.close()


def is_parts(path: str, engine: str = "process") -> bool:
    """Whether ``path`` is (or, for the Dask engine, becomes) a directory of Parquet parts."""
    return os.path.isdir(path) or engine == "dask"


def check_parts_dir(path: str) -> None:
    """Raise ``UsageError``/``OutputError`` unless ``path`` can hold Parquet parts (a directory, or a
    new name in an existing directory)."""
    from ..errors import UsageError

    if os.path.exists(path) and not os.path.isdir(path) or not is_parquet(path):
        raise UsageError(f"--frames {path}: with --engine dask each batch writes its own Parquet part, so "
                         "--frames names a directory (new or existing), not a file")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise OutputError(path, "cannot write: the directory does not exist")
    if not os.access(parent if not os.path.isdir(path) else path, os.W_OK):
        raise OutputError(path, "cannot write: permission denied")


def write_part(directory: str, rows: list[dict]) -> int:
    """Write ``rows`` as one new Parquet part in ``directory`` (nothing when empty); return their number."""
    if not rows:
        return 0
    sink = FrameSink(os.path.join(directory, f"part-{uuid.uuid4().hex}.parquet"))
    sink.append(rows)
    sink.close()
    return sink.rows


def parquet_parts(path: str) -> list[str]:
    """The Parquet files of a frames table: the file itself, or a directory's parts (sorted)."""
    if not os.path.isdir(path):
        return [path]
    return sorted(os.path.join(path, n) for n in os.listdir(path) if n.endswith(".parquet"))


def _quoted(path: str) -> str:
    return path.replace("'", "''")


def read_frames(path: str):
    """A DuckDB relation over the frames table at ``path`` and its connection."""
    duckdb = _duckdb()
    if not os.path.exists(path):
        raise InputError(path, "no such frames table (write one with: claimcheck scan … --frames FILE)")
    try:
        if os.path.isdir(path):
            parts = parquet_parts(path)
            if not parts:
                raise InputError(path, "no Parquet parts in this directory (write them with: "
                                       "claimcheck scan … --engine dask --frames DIR)")
            con = duckdb.connect()
            files = ", ".join(f"'{_quoted(p)}'" for p in parts)
            con.execute(f"CREATE VIEW frames AS SELECT * FROM read_parquet([{files}])")
        elif is_parquet(path):
            con = duckdb.connect()
            con.execute(f"CREATE VIEW frames AS SELECT * FROM read_parquet('{_quoted(path)}')")
        else:
            con = duckdb.connect(path, read_only=True)
        missing = set(COLUMNS) - {r[0] for r in con.execute("DESCRIBE frames").fetchall()}
    except duckdb.Error as e:
        raise InputError(path, "not a frames table written by claimcheck scan --frames: {why}", why=str(e)) from None
    if missing:
        raise InputError(path, "not a frames table: missing columns {columns}", columns=", ".join(sorted(missing)))
    return con
