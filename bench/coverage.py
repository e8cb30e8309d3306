"""Coverage of percent-change statements: prints numbers; asserts nothing.

    python bench/coverage.py [DIR ...]        # default: ../shared/corpus

A percent-change statement is a percentage written right after a direction word
(增长/下降/上升/减少/提高/…, 升幅/降幅/增速 included), found by one independent regex on the
normalised text.  It *reaches a verdict* when a change claim carries that percentage and
says consistent, inconsistent, warning, or untestable with a stated reason.  Also prints
the number of error-level findings per folder.
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus"
_DIRECTION = re.compile(
    r"(?:增长|下降|上升|减少|增加|降低|提高|回落|下滑|上涨|下跌|提升|增|降|升|跌|涨|"
    r"升幅|降幅|涨幅|跌幅|增速|增幅)(?:了|约|达|为|至|到)?(?=[\d.]+%)")


VERDICTS: Counter = Counter()


def _verdict(c) -> tuple:
    """(verdict, detail) of a change claim, from typed data or the older data dict."""
    data = c.data
    if isinstance(data, dict):
        return data.get("verdict"), data.get("detail")
    return getattr(data, "verdict", None), getattr(data, "detail", None)


def _measure(path: Path) -> tuple[int, int, int, Counter]:
    from checker import analyse_path

    doc = analyse_path(str(path))   # the internal Doc: normalised text, claims with typed data
    statements = [m.end() for m in _DIRECTION.finditer(doc.text)]
    decided: dict[int, str] = {}
    for c in doc.claims:
        if c.kind != "change":
            continue
        verdict, detail = _verdict(c)
        for q in c.quantities:
            if q.kind == "percent" and verdict in ("consistent", "inconsistent", "warning", "misuse") \
                    or (verdict == "untestable" and detail):
                decided[q.start] = verdict
    reached = sum(1 for s in statements if s in decided)
    errors = Counter(f.rule for f in doc.findings if f.severity == "error")
    VERDICTS.update(decided[s] for s in statements if s in decided)
    return len(statements), reached, sum(errors.values()), errors


def main() -> None:
    dirs = [Path(a) for a in sys.argv[1:]] or sorted(p for p in DEFAULT.iterdir() if p.is_dir())
    total_s = total_r = total_e = 0
    rules: Counter = Counter()
    for d in dirs:
        n_s = n_r = n_e = 0
        for f in sorted(d.rglob("*")):
            if f.suffix not in (".txt", ".md", ".html"):
                continue
            if f.name == "README.md":
                continue
            s, r, e, by_rule = _measure(f)
            n_s, n_r, n_e = n_s + s, n_r + r, n_e + e
            rules.update(by_rule)
        print(f"{d.name:<10} percent-change statements {n_s:5d}  reach a verdict {n_r:5d} "
              f"({100 * n_r / max(n_s, 1):.1f}%)  error findings {n_e}")
        total_s, total_r, total_e = total_s + n_s, total_r + n_r, total_e + n_e
    print(f"{'total':<10} percent-change statements {total_s:5d}  reach a verdict {total_r:5d} "
          f"({100 * total_r / max(total_s, 1):.1f}%)  error findings {total_e}  {dict(rules)}")
    print("verdicts of the statements reached:", dict(VERDICTS))


if __name__ == "__main__":
    main()
