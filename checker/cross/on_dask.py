"""``claimcheck cross --engine dask``: the grouping runs on a Dask cluster.

Each Parquet part of the frames table is one partition of a Dask bag: a worker reads it and keeps
the rows of a check (the same query as the embedded engine); Dask's task shuffle brings the rows of
one group (``Check.group_by``) together on one worker, which finds that group's contradictions with
the same function as the embedded engine.  Only the findings come back to this process.  The parts
must be readable by every worker (a shared file system for a remote scheduler)."""
from __future__ import annotations

from typing import Iterator, Optional

from ..errors import UsageError
from .find import CHECKS, Check, Finding
from .store import is_parquet, parquet_parts, read_frames


def part_rows(path: str, where: str) -> list[dict]:
    """The rows of one Parquet part that a check's query selects."""
    import duckdb

    from .store import _quoted

    con = duckdb.connect()
    try:
        con.execute("SET threads = 1")
        cur = con.execute(where.format(table=f"read_parquet('{_quoted(path)}')"))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, t)) for t in cur.fetchall()]
    finally:
        con.close()


def group_findings(group: tuple, check: Check) -> list[Finding]:
    """The findings of one shuffled group ``(key, rows)``."""
    return check.findings(list(group[1]))


def cross_findings_dask(path: str, scheduler: Optional[str], workers: int) -> Iterator[Finding]:
    """All cross-document findings of the Parquet frames table at ``path`` (a file or a directory of
    parts), grouped on the Dask cluster at ``scheduler`` (else a LocalCluster of ``workers``)."""
    if not is_parquet(path):
        raise UsageError(f"cross --engine dask reads Parquet frames (a file or a directory of parts), not the "
                         f"DuckDB file {path}; write them with: claimcheck scan … --engine dask --frames DIR")
    read_frames(path).close()  # the same checks of the table as the embedded engine
    import dask.bag as db

    from ..scan import dask_client

    parts = parquet_parts(path)
    with dask_client(scheduler, workers) as client:
        n = max(1, min(len(parts), 4 * max(1, len(client.nthreads()))))
        for check in CHECKS:
            rows = db.from_sequence(parts, npartitions=len(parts)).map(part_rows, check.where).flatten()
            groups = rows.groupby(check.group_key, shuffle="tasks", npartitions=n)
            found = groups.map(group_findings, check).flatten()
            # partition by partition, in order: the output does not depend on which worker ended first
            for future in client.compute(found.to_delayed()):
                yield from future.result()
