"""``claimcheck cross FRAMES``: JSONL findings between documents, a tree of them by scope and subject on
standard error, and with ``--html`` a page of them."""
from __future__ import annotations

import json
import sys


def cmd_cross(args) -> int:
    """Write the cross-document findings as JSONL (and the HTML report); print them grouped by scope
    and subject on standard error.  Exit status 1 when there are findings, 0 when there are none."""
    from ..errors import UsageError
    from .report import print_summary, render_html
    from .rules import cross_rules

    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask (the embedded engine has no scheduler)")
    from ..io.output import check_output

    for target in (args.output, args.html):
        if target:
            check_output(target, [args.frames])
    if args.output and args.html and args.output == args.html:
        raise UsageError("--output and --html name one file; give each its own name")
    rules = cross_rules()
    records = []
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for f in _findings(args):
            rec = f.to_json(rules, args.lang)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            records.append(rec)
    finally:
        if out is not sys.stdout:
            out.close()
    print_summary(records, args.lang)
    if args.html:
        from ..io.output import atomic_write

        atomic_write(args.html, render_html(records, args.frames, args.lang))
    return 1 if records else 0


def _findings(args):
    """The findings of ``args.frames`` from the chosen engine."""
    if args.engine == "dask":
        from .on_dask import cross_findings_dask

        yield from cross_findings_dask(args.frames, args.scheduler, args.jobs)
        return
    from .find import cross_findings
    from .store import read_frames

    con = read_frames(args.frames)
    try:
        yield from cross_findings(con)
    finally:
        con.close()
