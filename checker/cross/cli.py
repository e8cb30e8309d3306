"""``claimcheck cross FRAMES``: JSONL findings between documents, and a summary by scope and subject."""
from __future__ import annotations

import json
import sys
from collections import Counter


def cmd_cross(args) -> int:
    """Write the cross-document findings as JSONL; print a summary table on standard error.
    Exit status 1 when there are findings, 0 when there are none."""
    from .find import cross_findings
    from .rules import cross_rules
    from .store import read_frames

    if args.output:
        from ..io.output import check_output

        check_output(args.output, [args.frames])
    con = read_frames(args.frames)
    rules = cross_rules()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    groups: Counter = Counter()
    try:
        for f in cross_findings(con):
            rec = f.to_json(rules, args.lang)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            groups[(rec["scope"] or "-", rec["subject"], rec["rule"])] += 1
    finally:
        if out is not sys.stdout:
            out.close()
        con.close()
    _summary(groups, args.lang)
    return 1 if groups else 0


def _summary(groups: Counter, lang: str) -> None:
    """A short table on standard error: findings per scope, subject and rule."""
    from rich.console import Console
    from rich.table import Table

    zh = lang != "en"
    console = Console(stderr=True)
    total = sum(groups.values())
    console.print(f"claimcheck cross: {total} {'条跨文件发现' if zh else 'cross-document findings'}")
    if not groups:
        return
    t = Table("范围" if zh else "scope", "主体" if zh else "subject", "规则" if zh else "rule",
              "数量" if zh else "count")
    for (scope, subject, rule), n in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2]))[:40]:
        t.add_row(scope, subject, rule, str(n))
    console.print(t)
