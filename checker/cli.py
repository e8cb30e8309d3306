"""Command line: ``claimcheck check|rules|explain``."""
from __future__ import annotations

import argparse
import os
import signal
import sys

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_RESOURCES, EXIT_USER, ClaimcheckError, OutputError

FORMATS = ("full", "concise", "json", "sarif", "github", "report")
SEV_RANK = {"info": 0, "warning": 1, "error": 2}


def _year(s: str) -> int:
    """``--year``: a four-digit publication year."""
    try:
        y = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {s!r}") from None
    if not 1900 <= y <= 2200:
        raise argparse.ArgumentTypeError(f"{y} is not a plausible publication year (1900–2200)")
    return y


def _positive(s: str) -> int:
    """A whole number ≥ 1 (``--jobs``, ``--batch``)."""
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {s!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the traceback of an error")
    p = argparse.ArgumentParser(prog="claimcheck", parents=[common],
                                description="检查中文报道中数字之间是否自洽 / "
                                "check that the numbers in a Chinese report agree with each other")
    p.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = p.add_subparsers(dest="command")
    c = sub.add_parser("check", aliases=["lint"], parents=[common], help="check files, directories or - (stdin)")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=FORMATS, default="full")
    c.add_argument("--lang", choices=("zh", "en"), default=None)
    c.add_argument("--year", type=_year, help="publication year (default: detected from the text)")
    c.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack directory")
    c.add_argument("--select", default=None, help="comma-separated rule codes or prefixes to run")
    c.add_argument("--ignore", default=None, help="comma-separated rule codes or prefixes to skip")
    c.add_argument("--profile", choices=("mainland", "hongkong", "taiwan"), default=None)
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default=None)
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    c.add_argument("--statistics", action="store_true", help="print the count of findings per rule")
    c.add_argument("--no-claims", action="store_true", help="full format: do not list decided claims")
    c.add_argument("--all-quantities", action="store_true",
                   help="json format: also list every bare number as a claim (default: framed or decided claims)")
    c.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="in directories, check only files matching GLOB")
    c.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip files matching GLOB")
    c.add_argument("--baseline", metavar="FILE", help="ignore findings recorded in FILE")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    c.add_argument("--no-config", action="store_true", help="ignore claimcheck.toml / pyproject.toml")
    rp = sub.add_parser("report", parents=[common], help="the fact-checker's report of every claim")
    rp.add_argument("paths", nargs="+", metavar="PATH")
    rp.add_argument("--lang", choices=("zh", "en"), default=None)
    rp.add_argument("--year", type=_year)
    rp.add_argument("--rules", action="append", default=[], metavar="DIR")
    rp.add_argument("--profile", choices=("mainland", "hongkong", "taiwan"), default=None)
    rp.add_argument("--format", choices=("text", "html"), default="text")
    rp.add_argument("--output", metavar="FILE", help="write the report to FILE (HTML when it ends in .html)")
    rp.add_argument("--width", type=_positive, default=None, help="columns (default: the terminal's)")
    rp.add_argument("--select", default=None)
    rp.add_argument("--ignore", default=None)
    rp.add_argument("--no-config", action="store_true")
    sc = sub.add_parser("scan", parents=[common], help="check an archive (JSONL or a directory) into JSONL results")
    sc.add_argument("archive", help="JSONL file, - for stdin, or a directory")
    sc.add_argument("--output", "-o", help="JSONL results (appended; ids already there are skipped)")
    sc.add_argument("--id-field", default="id")
    sc.add_argument("--text-field", default="text")
    sc.add_argument("--jobs", "-j", type=_positive, default=1,
                    help="worker processes (at most the CPUs this process may use)")
    sc.add_argument("--engine", choices=("process", "dask"), default="process")
    sc.add_argument("--scheduler", help="dask scheduler address (default: a LocalCluster with --jobs workers)")
    sc.add_argument("--batch", type=_positive, default=64, help="documents per task")
    sc.add_argument("--lang", choices=("zh", "en"), default="zh")
    sc.add_argument("--select", default=None)
    sc.add_argument("--ignore", default=None)
    r = sub.add_parser("rules", parents=[common], help="list the rules")
    r.add_argument("--rules", action="append", default=[], metavar="DIR")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")
    e = sub.add_parser("explain", parents=[common], help="explain a rule with its examples")
    e.add_argument("code")
    e.add_argument("--rules", action="append", default=[], metavar="DIR")
    e.add_argument("--lang", choices=("zh", "en"), default="zh")
    return p


def _split(s: str | None) -> list[str]:
    return [x.strip() for x in (s or "").split(",") if x.strip()]


def _base_options(args):
    from .options import CheckOptions

    cli_set = {k for k in ("select", "ignore", "profile", "year", "lang") if getattr(args, k) is not None}
    opts = CheckOptions(lang=args.lang or "zh", year=args.year, rule_dirs=list(args.rules),
                        select=_split(args.select), ignore=_split(args.ignore),
                        profile=args.profile or "auto")
    return opts, cli_set


def _wanted(path: str, includes: list[str], excludes: list[str]) -> bool:
    import fnmatch
    import os

    name = os.path.basename(path)
    if any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(name, g) for g in excludes):
        return False
    if includes and not any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(name, g) for g in includes):
        return False
    return True


def _progress(total: int):
    """A rich progress bar on standard error when it is a terminal and there is much to do."""
    if total < 20 or not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    prog = Progress(transient=True, console=__import__("rich.console").console.Console(stderr=True))
    prog.start()
    return prog, prog.add_task("claimcheck", total=total)


def cmd_check(args) -> int:
    """Run the check and print the report; return the exit status."""
    from .config import find_config, options_for
    from .engine import load_rules
    from .errors import InputError
    from .io import iter_paths, read_path
    from .pipeline import analyse
    from .report.build import error_file_out, file_out, report_out

    base, cli_set = _base_options(args)
    load_rules(tuple(base.rule_dirs))  # fail early, before reading inputs, on a bad rule pack
    paths = [p for p in iter_paths(args.paths)
             if p == "-" or p in args.paths or _wanted(p, args.include, args.exclude)]
    if args.write_baseline:
        from .io.output import check_output

        check_output(args.write_baseline, [*args.paths, *paths])
    baseline = None
    if args.baseline:
        from .baseline import load_baseline

        baseline = load_baseline(args.baseline)
    fail_on = args.fail_on
    if fail_on is None and not args.no_config:
        import os

        loaded = find_config(os.getcwd())
        fail_on = loaded.config.fail_on if loaded else None
    fail_on = fail_on or "error"
    # nothing per document is kept but its contract entry (and its text, for the formats that quote it):
    # 20,000 files must not hold 20,000 analysed documents
    files, texts, had_error, rules_seen = [], {}, False, {}
    fingerprints: dict[str, list[str]] = {}
    keep_text = args.format in ("full", "github", "sarif")
    render_now = args.format == "report" and not args.write_baseline
    if render_now:
        from .report.terminal import render_report

        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    # the JSON report is written file by file (memory bounded by the largest document)
    json_out = None
    if args.format == "json" and not args.write_baseline:
        from .report.stream import JsonReportWriter

        json_out = JsonReportWriter(sys.stdout)
    lean = args.format == "json" and not args.all_quantities
    bar = _progress(len(paths))
    for path in paths:
        _CURRENT[0] = path
        opts = base if args.no_config else options_for(path, base, cli_set)
        try:
            src = read_path(path)
        except InputError as e:
            had_error = True
            print(f"claimcheck: {e}", file=sys.stderr)
            files.append(error_file_out(e.path, e.reason) if json_out is None
                         else json_out.add(error_file_out(e.path, e.reason)))
            continue
        finally:
            if bar:
                bar[0].advance(bar[1])
        if json_out is not None and baseline is None:
            from .windows import needs_windows, windowed_file_out

            if needs_windows(src):  # a huge plain text: window by window, memory bounded by a window
                files.append(json_out.add(windowed_file_out(src, opts, not lean)))
                continue
        doc = analyse(src, opts)
        if baseline is not None:
            from .baseline import filter_baseline

            filter_baseline(doc, baseline)
        for r in load_rules(tuple(opts.rule_dirs)):
            rules_seen.setdefault(r.id, r)
        if args.write_baseline:
            from .baseline import baseline_key, fingerprint

            fps = sorted(fingerprint(doc, f) for f in doc.findings)
            if fps:
                fingerprints.setdefault(baseline_key(doc.source.path), []).extend(fps)
        if render_now:
            render_report(doc, rules_seen, base.lang, width=None if sys.stdout.isatty() else 100, color=color)
        if keep_text:
            texts[src.path] = src.text
        files.append(file_out(doc, not lean) if json_out is None else json_out.add(file_out(doc, not lean)))
        del doc
    if bar:
        bar[0].stop()
    _CURRENT[0] = None
    if args.write_baseline:
        from .baseline import write_fingerprints

        n = write_fingerprints(args.write_baseline, fingerprints)
        from .io.names import display_path

        print(f"claimcheck: recorded {n} findings in {display_path(args.write_baseline)}", file=sys.stderr)
        return 2 if had_error else 0
    report = report_out(files)
    lang = base.lang
    if json_out is not None:
        json_out.close(files)
    elif args.format != "report":  # the report format was printed document by document
        _emit_report(args.format, report, texts, lang, list(rules_seen.values()), not args.no_claims)
    if args.statistics:
        counts: dict[str, int] = {}
        for f in report.files:
            for x in f.findings:
                counts[x.rule] = counts.get(x.rule, 0) + 1
        stream = sys.stdout if args.format in ("full", "concise") else sys.stderr
        for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:>5}  {rule}", file=stream)
    if had_error:
        return 2
    if args.exit_zero:
        return 0
    threshold = SEV_RANK[fail_on]
    failing = any(SEV_RANK[x.severity] >= threshold for f in report.files for x in f.findings)
    return 1 if failing else 0


def _emit_report(fmt: str, report, texts, lang: str, rules: list, show_claims: bool) -> None:
    if fmt == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif fmt == "sarif":
        import json

        from .report.sarif import to_sarif

        sys.stdout.write(json.dumps(to_sarif(report, rules, texts, lang), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "github":
        from .report.github import format_github

        sys.stdout.write(format_github(report, texts))
    elif fmt == "concise":
        from .report.text import format_concise

        sys.stdout.write(format_concise(report, lang))
    else:
        from .report.text import format_full

        sys.stdout.write(format_full(report, texts, lang, show_claims=show_claims))


def cmd_report(args) -> int:
    """Print (or write) the fact-checker's report for each file."""
    import io
    import os

    from .config import options_for
    from .engine import load_rules
    from .errors import InputError
    from .io import iter_paths, read_path
    from .pipeline import analyse
    from .report.terminal import render_report

    base, cli_set = _base_options(args)
    rules = {r.id: r for r in load_rules(tuple(base.rule_dirs))}
    paths = list(iter_paths(args.paths))
    if args.output:
        from .io.output import check_output

        check_output(args.output, [*args.paths, *paths])
    html = args.format == "html" or (args.output or "").endswith((".html", ".htm"))
    color = not html and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    width = args.width or (None if sys.stdout.isatty() else 100)
    status = 0
    chunks = []
    for path in paths:
        _CURRENT[0] = path
        opts = base if args.no_config else options_for(path, base, cli_set)
        try:
            doc = analyse(read_path(path), opts)
        except InputError as e:
            print(f"claimcheck: {e}", file=sys.stderr)
            status = 2
            continue
        capture = html or bool(args.output)
        console = render_report(doc, rules, base.lang, width=width or 100, color=color or html,
                                record=capture, file=io.StringIO() if capture else None)
        if html:
            chunks.append(console.export_html(inline_styles=True))
        elif args.output:
            chunks.append(console.export_text())
        if any(f.severity == "error" for f in doc.findings) and status == 0:
            status = 1
    _CURRENT[0] = None
    if chunks:
        out = "\n".join(chunks)
        if args.output:
            from .io.output import atomic_write

            atomic_write(args.output, out)
        else:
            sys.stdout.write(out)
    return status


def cmd_scan(args) -> int:
    """Scan an archive; print a summary on standard error."""
    import time

    from .scan import ScanOptions, scan, usable_cpus

    if args.output:
        from .io.output import check_output

        check_output(args.output, [args.archive])
    jobs = args.jobs
    if args.engine == "process" and jobs > usable_cpus():
        jobs = usable_cpus()
        print(f"claimcheck scan: --jobs {args.jobs} capped to {jobs}, the CPUs this process may use",
              file=sys.stderr)
    opts = ScanOptions(id_field=args.id_field, text_field=args.text_field, jobs=jobs,
                       engine=args.engine, scheduler=args.scheduler, batch=max(1, args.batch), lang=args.lang,
                       select=_split(args.select), ignore=_split(args.ignore))
    bar = None
    if sys.stderr.isatty():
        import os

        from rich.console import Console
        from rich.progress import (BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        total = os.path.getsize(args.archive) if args.archive != "-" and os.path.isfile(args.archive) else None
        bar = Progress(TextColumn("scan"), BarColumn(), TaskProgressColumn(), TextColumn("{task.fields[docs]} docs"),
                       TextColumn("{task.fields[rate]:.0f} docs/s"), TimeElapsedColumn(), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=True)
        bar.start()
        task = bar.add_task("scan", total=total, docs=0, rate=0.0)
    t0 = time.perf_counter()
    seen = [0]

    def progress(n_docs: int, n_bytes: int) -> None:
        seen[0] += n_docs
        bar.update(task, completed=n_bytes, docs=seen[0], rate=seen[0] / max(1e-9, time.perf_counter() - t0))

    try:
        summary = scan(args.archive, args.output, opts, progress=progress if bar else None)
    finally:
        if bar:
            bar.stop()
    dt = time.perf_counter() - t0
    cats = ", ".join(f"{k.split(':', 1)[1]} {v}" for k, v in sorted(summary.items()) if k.startswith("category:"))
    for reason in summary["failed"]:
        print(f"claimcheck scan: unreadable record {reason}", file=sys.stderr)
    if summary["errors"] > len(summary["failed"]):
        print(f"claimcheck scan: … and {summary['errors'] - len(summary['failed'])} more unreadable records "
              "(their results carry the reason in 'error')", file=sys.stderr)
    print(f"claimcheck scan: {summary['documents']} documents in {dt:.1f} s "
          f"({summary['documents'] / dt if dt else 0:.1f}/s), {summary['skipped']} already done, "
          f"{summary['claims']} claims, {summary['findings']} findings ({cats or 'none'}), "
          f"{summary['errors']} unreadable", file=sys.stderr)
    return EXIT_USER if summary["errors"] else 0


def cmd_rules(args) -> int:
    """List rules: code, severity, category, name, message."""
    from .engine import load_rules

    for r in load_rules(tuple(args.rules)):
        msg = r.message.en if args.lang == "en" else r.message.zh
        print(f"{r.id}  {r.severity:<7} {r.category:<10} {r.name:<28} {msg}")
    return 0


def cmd_explain(args) -> int:
    """Print one rule's documentation and examples."""
    from .engine import load_rules

    rules = {r.id: r for r in load_rules(tuple(args.rules))}
    rules.update({r.name: r for r in rules.values()})
    r = rules.get(args.code.upper()) or rules.get(args.code)
    if r is None:
        print(f"claimcheck: no rule {args.code!r}; see `claimcheck rules`", file=sys.stderr)
        return 2
    print(f"{r.id} {r.name}  ({r.category}, {r.severity}, kind {r.kind})\n")
    print(r.message.en if args.lang == "en" else r.message.zh)
    print(f"\n{r.why.strip()}\n")
    if r.basis:
        print(f"依据 / basis: {r.basis}\n")
    for ex in r.examples:
        mark = "✗" if ex.verdict == "bad" else "✓"
        print(f"  {mark} {ex.text}")
    return 0


_CURRENT: list = [None]  # the input being checked, named in an internal-error message


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that every ``finally`` (and the scan's worker shutdown) runs."""


def _on_sigterm(signum, frame):
    raise _Terminated()


class _GuardedStream:
    """Standard output that turns a failed write into ``OutputError`` (closed, full disk, I/O error);
    a closed pipe stays ``BrokenPipeError``."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def _guard(self, fn, *a):
        if self._stream is None:
            raise OutputError("<standard output>", "cannot write: standard output is closed")
        try:
            return fn(*a)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as e:
            reason = getattr(e, "strerror", None) or str(e)
            raise OutputError("<standard output>", f"cannot write: {reason}") from None

    def write(self, text: str) -> int:
        """Write ``text``."""
        return self._guard(lambda: self._stream.write(text))

    def flush(self) -> None:
        """Flush the underlying stream."""
        if self._stream is not None:
            self._guard(self._stream.flush)

    def isatty(self) -> bool:
        """Whether the underlying stream is a terminal."""
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name):
        if self._stream is None:
            raise OutputError("<standard output>", "cannot write: standard output is closed")
        return getattr(self._stream, name)


def _internal_message(e: BaseException, exit_status: int) -> str:
    where = f" while checking {_display(_CURRENT[0])}" if _CURRENT[0] else ""
    what = ("ran out of memory" if isinstance(e, MemoryError) else
            "input nested too deeply" if isinstance(e, RecursionError) else "internal error")
    detail = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
    return (f"claimcheck {__version__}: {what}{where} ({detail}); exit status {exit_status}. "
            "This is a bug: please report it at the project's issue tracker with the version and the input "
            "(run again with --debug for the traceback).")


def _display(path: str) -> str:
    from .io.names import display_path

    return display_path(path)


def _discard_stdout(stream) -> None:
    """Point standard output at /dev/null so that the interpreter's final flush cannot fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _dispatch(args) -> int:
    if args.command in ("check", "lint"):
        return cmd_check(args)
    if args.command == "rules":
        return cmd_rules(args)
    if args.command == "report":
        return cmd_report(args)
    if args.command == "scan":
        return cmd_scan(args)
    return cmd_explain(args)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``claimcheck`` console script.

    Exit statuses: 0 no failing finding, 1 failing findings, 2 unusable input, output, configuration
    or usage (one message naming the input and the cause), 3 internal error, 4 out of memory or too
    deeply nested input, 130/143 interrupted by SIGINT/SIGTERM."""
    import traceback

    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_USER
    debug = getattr(args, "debug", False)
    real_stdout = sys.stdout
    sys.stdout = _GuardedStream(real_stdout)
    if real_stdout is not None and hasattr(real_stdout, "reconfigure"):
        real_stdout.reconfigure(errors="backslashreplace")
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (embedded use)
        previous = None
    try:
        status = _dispatch(args)
        sys.stdout.flush()
        return status
    except ClaimcheckError as e:
        if debug:
            traceback.print_exc()
        if isinstance(e, OutputError) and e.path == "<standard output>":
            _discard_stdout(real_stdout)
        print(f"claimcheck: {e}", file=sys.stderr)
        return e.exit_status
    except BrokenPipeError:
        _discard_stdout(real_stdout)  # the reader went away (``| head``): stop quietly
        return 0
    except KeyboardInterrupt as e:
        return 128 + (signal.SIGTERM if isinstance(e, _Terminated) else signal.SIGINT)
    except (MemoryError, RecursionError) as e:
        if debug:
            traceback.print_exc()
        print(_internal_message(e, EXIT_RESOURCES), file=sys.stderr)
        return EXIT_RESOURCES
    except Exception as e:  # noqa: BLE001 — the last line of defence: a bug, reported as such
        if debug:
            traceback.print_exc()
        print(_internal_message(e, EXIT_INTERNAL), file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        sys.stdout = real_stdout
