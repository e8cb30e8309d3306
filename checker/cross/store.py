"""The frames table: DuckDB (``.duckdb`` / ``.db``) or Parquet (any other name), appended batch by batch.

Rows go into a DuckDB database file as they arrive (on disk, so memory stays bounded); a Parquet
target is written from that file when the scan ends."""
from __future__ import annotations

import os
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


def _quoted(path: str) -> str:
    return path.replace("'", "''")


def read_frames(path: str):
    """A DuckDB relation over the frames table at ``path`` and its connection."""
    duckdb = _duckdb()
    if not os.path.exists(path):
        raise InputError(path, "no such frames table (write one with: claimcheck scan … --frames FILE)")
    try:
        if is_parquet(path):
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
