"""Accuracy harness: plant verified errors into real documents, run claimcheck, score, and keep a ledger.

    python bench/accuracy.py                 # full run: the table, findings per 10k chars, summary line
    python bench/accuracy.py --quick         # a few cases per category (CI)
    python bench/accuracy.py --review        # every unreviewed error/warning on the originals, as ledger lines
    python bench/accuracy.py --seed 7 --jobs 2 --ledger other.tsv

Documents: ../shared/corpus/{reports,sina,hk} and fixtures/seeds.  The planting code
(bench/planting/) never imports ``checker``: it finds its sites with its own patterns and checks each
planted error with its own exact arithmetic.  The checker runs in-process through its reader
(``checker.io.read_bytes``, so Markdown front matter and HTML are read as in a real run) and
``checker.pipeline.analyse``, in a process pool.

A case is found when a finding of the gold category (see ``CHECKER_CATEGORIES``) that was not already
on the unmutated original has its span, or one of its related spans, within 20 code points of the
gold span; strict recall counts overlap only.  Spans are the findings' original code-point offsets
(as in the JSON output).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]     # this checkout's checker, and the planting package

from planting import CATEGORIES, Case, Document, load_documents, plant_cases  # noqa: E402

NEAR = 20
QUICK_PER_CATEGORY = 4
FULL_PER_CATEGORY = 40
LEDGER_HEADER = ["file", "rule", "offset", "quote", "verdict", "reason"]
# harness category -> what counts as finding it: checker rule categories, and rule codes for kinds
# that check the same thing under another category (CC162, the joint check of stated changes and
# stated values, reports in "conflict" but is what catches a prior value that contradicts a rate)
CHECKER_CATEGORIES: dict[str, tuple[str, ...]] = {
    "change": ("change", "CC162"),
    "trend": ("trend",),
    "streak": ("streak",),
    "conflict": ("conflict",),
    "respective": ("respective",),
    "partwhole": ("partwhole",),
    "rate": ("rate",),
    "magnitude": ("magnitude",),
    "datespan": ("datespan",),
    "expression": ("expression",),
}


@dataclass(frozen=True)
class Hit:
    """One finding, with original code-point spans."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    related: tuple[tuple[int, int], ...]
    message: str


def analyse_text(name: str, text: str) -> tuple[Optional[str], list[Hit]]:
    """Run claimcheck on ``text`` read as a file called ``name``; (error, findings) with original spans."""
    from checker.errors import InputError
    from checker.io import read_bytes
    from checker.pipeline import analyse
    from checker.report.build import finding_out

    try:
        doc = analyse(read_bytes(text.encode("utf-8"), name))
    except InputError as e:
        return str(e), []
    except Exception as e:  # a crash is a result too: the case counts as missed and is listed
        return f"crashed: {type(e).__name__}: {e}", []
    hits = []
    for f in doc.findings:
        out = finding_out(doc, f)   # the JSON output's original offsets
        hits.append(Hit(out.rule, out.category, out.severity, out.span.start, out.span.end,
                        tuple((r.span.start, r.span.end) for r in out.related), out.message))
    return None, hits


def _task(args: tuple[str, str]) -> tuple[Optional[str], list[Hit]]:
    return analyse_text(*args)


def run_all(tasks: list[tuple[str, str]], jobs: int) -> list[tuple[Optional[str], list[Hit]]]:
    """Analyse every (name, text) in a process pool (largest first), results in input order."""
    order = sorted(range(len(tasks)), key=lambda i: -len(tasks[i][1]))
    results: list = [None] * len(tasks)
    if jobs <= 1:
        for i in order:
            results[i] = _task(tasks[i])
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for i, res in zip(order, pool.map(_task, [tasks[i] for i in order], chunksize=2)):
            results[i] = res
    return results


def distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Code points between two spans (0 when they touch or overlap)."""
    return max(0, a[0] - b[1], b[0] - a[1])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The spans share at least one code point (an empty span counts when inside the other)."""
    return a[0] < b[1] and b[0] < a[1] or (a[0] == a[1] and b[0] <= a[0] < b[1]) or \
        (b[0] == b[1] and a[0] <= b[0] < a[1])


def new_hits(case: Case, hits: list[Hit], original: list[Hit]) -> list[Hit]:
    """Findings on the mutated copy that the original did not already have at that place: a finding of
    the same rule whose span (carried through the edits) overlaps it means the checker flagged the
    site before the error was planted, so it earns no credit."""
    before: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for h in original:
        span = (case.to_mutated(h.start, clamp=True), case.to_mutated(h.end, is_end=True, clamp=True))
        before[h.rule].append(span)
    return [h for h in hits
            if not any(overlaps((h.start, h.end), b) or (h.start, h.end) == b for b in before[h.rule])]


def judge(case: Case, hits: list[Hit], original: list[Hit]) -> tuple[bool, bool, str]:
    """(found, strictly found, the rules that found it) for one case."""
    wanted = CHECKER_CATEGORIES[case.category]
    found = strict = False
    rules = []
    for h in new_hits(case, hits, original):
        if h.category not in wanted and h.rule not in wanted:
            continue
        spans = [(h.start, h.end), *h.related]
        if any(distance(s, case.gold) <= NEAR for s in spans):
            found = True
            rules.append(h.rule)
        if any(overlaps(s, case.gold) for s in spans):
            strict = True
    return found, strict, ",".join(sorted(set(rules)))


@dataclass
class CategoryScore:
    """Counts for one category."""

    cases: int = 0
    found: int = 0
    strict: int = 0
    docs: int = 0

    @property
    def recall(self) -> float:
        """found / cases."""
        return self.found / self.cases if self.cases else 0.0

    @property
    def strict_recall(self) -> float:
        """strictly found / cases."""
        return self.strict / self.cases if self.cases else 0.0


def score(cases: list[Case], case_hits: list[list[Hit]], orig_hits: dict[str, list[Hit]],
          verdicts: Optional[list[tuple[bool, bool, str]]] = None) -> dict[str, CategoryScore]:
    """Per-category scores of the planted cases (each case's verdict appended to ``verdicts``)."""
    table = {c: CategoryScore() for c in CATEGORIES}
    docs = defaultdict(set)
    for case, hits in zip(cases, case_hits):
        found, strict, rules = judge(case, hits, orig_hits.get(case.doc, []))
        if verdicts is not None:
            verdicts.append((found, strict, rules))
        s = table[case.category]
        s.cases += 1
        s.found += found
        s.strict += strict
        docs[case.category].add(case.doc)
    for c, s in table.items():
        s.docs = len(docs[c])
    return table


# ---------------------------------------------------------------- ledger

class LedgerError(Exception):
    """A ledger file that cannot be read; the message names the file and the line."""


def escape(text: str) -> str:
    """A quote for one TSV field: backslash, tab and newlines escaped."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def load_ledger(path: Path) -> dict[tuple[str, str, int], str]:
    """(file, rule, offset) -> verdict; a missing file is an empty ledger (everything unreviewed)."""
    if not path.exists():
        return {}
    rows: dict[tuple[str, str, int], str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return {}
    header = lines[0][1].rstrip("\r\n").split("\t")
    if header != LEDGER_HEADER:
        raise LedgerError(f"{path}:{lines[0][0]}: header must be {' '.join(LEDGER_HEADER)} (tab-separated)")
    for n, line in lines[1:]:
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) != len(LEDGER_HEADER):
            raise LedgerError(f"{path}:{n}: {len(fields)} fields, expected {len(LEDGER_HEADER)}")
        file, rule, offset, _quote, verdict, _reason = fields
        if not offset.isdigit():
            raise LedgerError(f"{path}:{n}: offset {offset!r} is not a code-point offset")
        if verdict not in ("true", "false"):
            raise LedgerError(f"{path}:{n}: verdict {verdict!r} must be true or false")
        rows[(file, rule, int(offset))] = verdict
    return rows


@dataclass
class OriginalsReport:
    """Findings on the unmutated documents, judged against the ledger."""

    chars: int
    errors: int
    warnings: int
    false_errors: int
    unreviewed: list[tuple[Document, Hit]]

    def per_10k(self, n: int) -> float:
        """``n`` per 10,000 characters of the originals."""
        return n * 10_000 / self.chars if self.chars else 0.0


def judge_originals(docs: list[Document], orig_hits: dict[str, list[Hit]],
                    ledger: dict[tuple[str, str, int], str]) -> OriginalsReport:
    """Count error/warning findings on the originals, false errors and unreviewed findings."""
    rep = OriginalsReport(sum(len(d.text) for d in docs), 0, 0, 0, [])
    for doc in docs:
        for h in orig_hits.get(doc.key, []):
            if h.severity not in ("error", "warning"):
                continue
            verdict = ledger.get((doc.key, h.rule, h.start))
            if h.severity == "error":
                rep.errors += 1
                rep.false_errors += verdict != "true"
            else:
                rep.warnings += 1
            if verdict is None:
                rep.unreviewed.append((doc, h))
    return rep


def review_lines(rep: OriginalsReport) -> Iterable[str]:
    """Every unreviewed finding as a ledger line (verdict ``?`` to fill in), then a comment with its context."""
    yield "\t".join(LEDGER_HEADER)
    for doc, h in rep.unreviewed:
        quote = escape(doc.text[h.start:h.end])
        context = escape(doc.text[max(0, h.start - 30):h.start]) + "【" + quote + "】" + \
            escape(doc.text[h.end:h.end + 30])
        yield f"{doc.key}\t{h.rule}\t{h.start}\t{quote}\t?\t"
        yield f"# {h.severity} {h.message} | {context}"


# ---------------------------------------------------------------- report

def format_table(table: dict[str, CategoryScore], total_docs: int) -> list[str]:
    """The per-category table (Markdown, so the README can show it as is)."""
    lines = ["| category | cases | docs | found | recall | strict recall |", "|---|---:|---:|---:|---:|---:|"]
    for c, s in table.items():
        lines.append(f"| {c} | {s.cases} | {s.docs} | {s.found} | {s.recall:.2f} | {s.strict_recall:.2f} |")
    cases = sum(s.cases for s in table.values())
    found = sum(s.found for s in table.values())
    strict = sum(s.strict for s in table.values())
    lines.append(f"| all | {cases} | {total_docs} | {found} | {found / cases if cases else 0:.2f} | "
                 f"{strict / cases if cases else 0:.2f} |")
    return lines


def operator_table(cases: list[Case], verdicts: list[tuple[bool, bool, str]]) -> list[str]:
    """Cases and recall per planting operator, and the rules that found them."""
    rows: dict[tuple[str, str], list] = {}
    for c, (found, _, rules) in zip(cases, verdicts):
        row = rows.setdefault((c.category, c.operator), [0, 0, set()])
        row[0] += 1
        row[1] += found
        row[2].update(r for r in rules.split(",") if r)
    lines = ["| category | operator | cases | found | recall | found by |", "|---|---|---:|---:|---:|---|"]
    for (cat, op), (n, f, rules) in rows.items():
        lines.append(f"| {cat} | {op} | {n} | {f} | {f / n:.2f} | {' '.join(sorted(rules))} |")
    return lines


def summary_line(table: dict[str, CategoryScore], rep: OriginalsReport, docs: int) -> str:
    """The last line: recall, the weakest category, false errors per 10k characters, unreviewed, sizes."""
    cases = sum(s.cases for s in table.values())
    found = sum(s.found for s in table.values())
    recalls = [s.recall for s in table.values() if s.cases]
    return (f"recall={found / cases if cases else 0:.2f} min_category={min(recalls) if recalls else 0:.2f} "
            f"false_errors_per_10k={rep.per_10k(rep.false_errors):.2f} unreviewed={len(rep.unreviewed)} "
            f"cases={cases} docs={docs}")


@dataclass
class Run:
    """Everything one run measured."""

    cases: list[Case]
    verdicts: list[tuple[bool, bool, str]]
    table: dict[str, CategoryScore]
    originals: OriginalsReport
    docs: list[Document]
    failures: list[str]
    seconds: float


def evaluate(seed: int = 1, per_category: int = FULL_PER_CATEGORY, jobs: int = 2,
             ledger_path: Optional[Path] = None, shared: Optional[Path] = None) -> Run:
    """Plant, analyse cases and originals in parallel, and score."""
    t0 = time.perf_counter()
    shared = shared or (ROOT.parent / "shared")
    docs = load_documents(shared, ROOT / "fixtures" / "seeds")
    cases = plant_cases(docs, seed=seed, per_category=per_category) if per_category > 0 else []
    by_key = {d.key: d for d in docs}
    tasks = [(d.path.name, d.text) for d in docs] + [(by_key[c.doc].path.name, c.text) for c in cases]
    results = run_all(tasks, jobs)
    failures = [f"{t[0]}: {err}" for t, (err, _) in zip(tasks, results) if err]
    orig_hits = {d.key: hits for d, (_, hits) in zip(docs, results[:len(docs)])}
    case_hits = [hits for _, hits in results[len(docs):]]
    verdicts: list[tuple[bool, bool, str]] = []
    table = score(cases, case_hits, orig_hits, verdicts)
    ledger = load_ledger(ledger_path or ROOT / "bench" / "ledger.tsv")
    rep = judge_originals(docs, orig_hits, ledger)
    return Run(cases, verdicts, table, rep, docs, failures, time.perf_counter() - t0)


def main(argv: Optional[list[str]] = None) -> int:
    """Command line."""
    ap = argparse.ArgumentParser(description="claimcheck accuracy on planted errors in real documents")
    ap.add_argument("--seed", type=int, default=1, help="draws other sites (default 1: deterministic)")
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_PER_CATEGORY} cases per category (CI)")
    ap.add_argument("--per-category", type=int, default=None, help=f"cases per category (default {FULL_PER_CATEGORY})")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--ledger", type=Path, default=ROOT / "bench" / "ledger.tsv", help="ledger TSV")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="folder holding corpus/")
    ap.add_argument("--review", action="store_true", help="print unreviewed findings as ledger lines")
    ap.add_argument("--cases", action="store_true", help="also print every case (operator, document, gold and related spans, verdict, arithmetic)")
    ap.add_argument("--by-operator", action="store_true", help="also print recall per planting operator")
    args = ap.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"accuracy: {args.shared / 'corpus'}: no such folder (use --shared)", file=sys.stderr)
        return 2
    per = args.per_category or (QUICK_PER_CATEGORY if args.quick else FULL_PER_CATEGORY)
    if args.review:
        per = 0           # only the originals are needed
    try:
        run = evaluate(args.seed, per, max(1, args.jobs), args.ledger, args.shared)
    except LedgerError as e:
        print(f"accuracy: {e}", file=sys.stderr)
        return 2
    if args.review:
        for line in review_lines(run.originals):
            print(line)
        return 0
    if args.cases:
        for c, (found, _, rules) in zip(run.cases, run.verdicts):
            related = f"{c.related[0]}:{c.related[1]} {escape(c.related_text)}" if c.related else "-"
            print(f"{c.category}\t{c.operator}\t{c.doc}\t{c.gold[0]}:{c.gold[1]} {escape(c.gold_text)}\t"
                  f"{related}\t{'found ' + rules if found else 'missed'}\t{c.arithmetic}")
    if args.by_operator:
        for line in operator_table(run.cases, run.verdicts):
            print(line)
        print()
    for line in format_table(run.table, len({c.doc for c in run.cases})):
        print(line)
    rep = run.originals
    print()
    print(f"originals: {len(run.docs)} documents, {rep.chars:,} characters; "
          f"error-level {rep.per_10k(rep.errors):.2f} per 10k ({rep.errors}), "
          f"warning-level {rep.per_10k(rep.warnings):.2f} per 10k ({rep.warnings}); "
          f"seed {args.seed}, {per} per category, {args.jobs} jobs, {run.seconds:.0f} s")
    for f in run.failures:
        print(f"not analysed: {f}")
    print(summary_line(run.table, rep, len(run.docs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
