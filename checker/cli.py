"""Command line: ``claimcheck check|rules|explain``."""
from __future__ import annotations

import argparse
import codecs
import os
import signal
import sys
from typing import NoReturn

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_RESOURCES, EXIT_USER, ClaimcheckError, OutputError, message

FORMATS = ("full", "concise", "json", "sarif", "github", "report")
SELECTOR_HELP = ("codes or code prefixes (CC101, CC1), rule names (duplicated-word) or categories (streak); "
                 "case-insensitive; an unknown one is an error")
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
    c = sub.add_parser("check", aliases=["lint"], parents=[common], help="check files, directories or - (stdin)",
                       description="Check files, directories (.txt .md .html .docx, recursively) or - (stdin).")
    c.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for standard input")
    c.add_argument("--format", choices=FORMATS, default="full", help="output format (default: full)")
    c.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of standard output")
    c.add_argument("--lang", choices=("zh", "en"), default=None, help="language of the messages (default: $CLAIMCHECK_LANG, else zh)")
    c.add_argument("--year", type=_year, help="publication year (default: detected from the text)")
    c.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack directory")
    c.add_argument("--select", default=None, metavar="SELECTORS",
                   help=f"comma-separated rules to run: {SELECTOR_HELP}")
    c.add_argument("--ignore", default=None, metavar="SELECTORS", help="comma-separated rules to skip (as --select)")
    c.add_argument("--profile", choices=("mainland", "hongkong", "taiwan"), default=None,
                   help="regional usage profile (default: chosen from the text)")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="lowest severity that makes the exit status 1 (default: error)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    c.add_argument("--statistics", action="store_true", help="print the count of findings per rule")
    c.add_argument("--no-claims", action="store_true", help="full format: do not list decided claims")
    c.add_argument("-q", "--quiet", action="store_true",
                   help="print the findings only: no summary, no claim list, no notes on standard error")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the output (auto: on a terminal, unless NO_COLOR is set or FORCE_COLOR asks for it)")
    c.add_argument("--all-quantities", action="store_true",
                   help="json format: also list every bare number as a claim (default: framed or decided claims)")
    c.add_argument("--include", action="append", default=[], metavar="GLOB",
                   help="in directories, check only files matching GLOB")
    c.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip files matching GLOB")
    c.add_argument("--stdin-filename", metavar="NAME",
                   help="name of the text read from - (its suffix sets the format; configuration found from it)")
    c.add_argument("--baseline", metavar="FILE", help="ignore findings recorded in FILE")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    c.add_argument("--config", metavar="FILE",
                   help="use this claimcheck.toml / pyproject.toml for every file instead of searching for one")
    c.add_argument("--no-config", action="store_true", help="ignore claimcheck.toml / pyproject.toml")
    c.add_argument("--show-settings", action="store_true",
                   help="print the settings the first PATH is checked with (JSON) and exit")
    c.add_argument("--fix", action="store_true", help="apply the safe fixes in place (rewritten atomically)")
    c.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: the unsafe fixes too")
    c.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change no file")
    c.add_argument("--annotate", action="store_true",
                   help="also write NAME.checked.docx with one Word comment per finding for each .docx")
    an = sub.add_parser("annotate", parents=[common], help="write a copy of a .docx with one Word comment per finding")
    an.add_argument("path", metavar="DOCX", help="the .docx draft (never modified)")
    an.add_argument("--output", "-o", metavar="FILE", help="the annotated copy (default: NAME.checked.docx)")
    an.add_argument("--lang", choices=("zh", "en"), default=None, help="language of the comments")
    an.add_argument("--year", type=_year, help="publication year (default: detected from the text)")
    an.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack directory")
    an.add_argument("--select", default=None, help="comma-separated rule codes or prefixes to run")
    an.add_argument("--ignore", default=None, help="comma-separated rule codes or prefixes to skip")
    an.add_argument("--profile", choices=("mainland", "hongkong", "taiwan"), default=None,
                    help="regional conventions (default: chosen from the text)")
    an.add_argument("--no-config", action="store_true", help="ignore claimcheck.toml / pyproject.toml")
    sub.add_parser("lsp", parents=[common], help="run the language server on standard input/output (needs claimcheck[lsp])")
    rp = sub.add_parser("report", parents=[common], help="the fact-checker's report of every claim")
    rp.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, or - for standard input")
    rp.add_argument("--lang", choices=("zh", "en"), default=None, help="language of the report (default: $CLAIMCHECK_LANG, else zh)")
    rp.add_argument("--year", type=_year, help="publication year (default: detected from the text)")
    rp.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack directory")
    rp.add_argument("--profile", choices=("mainland", "hongkong", "taiwan"), default=None,
                    help="regional usage profile (default: chosen from the text)")
    rp.add_argument("--format", choices=("text", "html"), default="text", help="text (default) or html")
    rp.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (HTML when it ends in .html)")
    rp.add_argument("--width", type=_positive, default=None, help="columns (default: the terminal's)")
    rp.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                    help="colour the text report (auto: on a terminal; NO_COLOR / FORCE_COLOR respected)")
    rp.add_argument("--select", default=None, metavar="SELECTORS", help=f"rules to run: {SELECTOR_HELP}")
    rp.add_argument("--ignore", default=None, metavar="SELECTORS", help="rules to skip (as --select)")
    rp.add_argument("--config", metavar="FILE", help="use this configuration file for every file")
    rp.add_argument("--no-config", action="store_true", help="ignore claimcheck.toml / pyproject.toml")
    sc = sub.add_parser("scan", parents=[common], help="check an archive (JSONL or a directory) into JSONL results")
    sc.add_argument("archive", help="JSONL file, - for stdin, or a directory")
    sc.add_argument("--output", "-o", help="JSONL results (appended; ids already there are skipped)")
    sc.add_argument("--id-field", default="id", help="JSONL field holding the record id (default: id)")
    sc.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    sc.add_argument("--jobs", "-j", type=_positive, default=1,
                    help="worker processes (at most the CPUs this process may use)")
    sc.add_argument("--engine", choices=("process", "dask"), default="process", help="where the work runs")
    sc.add_argument("--scheduler", help="dask scheduler address (default: a LocalCluster with --jobs workers)")
    sc.add_argument("--batch", type=_positive, default=64, help="documents per task")
    sc.add_argument("--lang", choices=("zh", "en"), default=None, help="language of the messages")
    sc.add_argument("--select", default=None, metavar="SELECTORS", help=f"rules to run: {SELECTOR_HELP}")
    sc.add_argument("--ignore", default=None, metavar="SELECTORS", help="rules to skip (as --select)")
    sc.add_argument("--frames", metavar="FILE", help="also write every claim's frame to FILE "
                    "(Parquet, or DuckDB when it ends in .duckdb/.db; a directory of Parquet parts, one per "
                    "batch, when FILE is a directory or with --engine dask) for `claimcheck cross`")
    cr = sub.add_parser("cross", parents=[common], help="find contradictions between documents in a frames table")
    cr.add_argument("frames", help="the table written by `claimcheck scan --frames FILE` (file or parts directory)")
    cr.add_argument("--engine", choices=("embedded", "dask"), default="embedded",
                    help="where the grouping runs: DuckDB in this process (default) or a Dask cluster")
    cr.add_argument("--scheduler", help="dask scheduler address (default: a LocalCluster with --jobs workers)")
    cr.add_argument("--jobs", "-j", type=_positive, default=2, help="LocalCluster workers with --engine dask")
    cr.add_argument("--html", metavar="FILE", help="also write an HTML report grouped by scope and subject")
    cr.add_argument("--output", "-o", help="write the JSONL findings to FILE (default: standard output)")
    cr.add_argument("--lang", choices=("zh", "en"), default=None, help="language of the messages")
    sv = sub.add_parser("serve", parents=[common], help="a local web page to check pasted or uploaded drafts")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    sv.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    sv.add_argument("--workers", type=int, default=2, help="worker processes that run checks")
    sv.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024, help="request body limit")
    sv.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per check")
    r = sub.add_parser("rules", parents=[common], help="list the rules")
    r.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack directory")
    r.add_argument("--lang", choices=("zh", "en"), default=None, help="language of the messages")
    r.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    e = sub.add_parser("explain", parents=[common], help="explain a rule with its examples")
    e.add_argument("code", help="rule code (CC302) or name (stacked-approximation)")
    e.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack directory")
    e.add_argument("--lang", choices=("zh", "en"), default=None, help="language of the messages")
    return p


def _weight(text: str) -> int:
    """About how many UTF-8 bytes ``text`` is (what the memory estimate is per)."""
    return len(text) if text.isascii() else 3 * len(text)


def _split(s: str | None) -> list[str]:
    return [x.strip() for x in (s or "").split(",") if x.strip()]


def _base_options(args):
    """The options the command line sets, the names of those it set, and the selectors checked."""
    from .engine import load_rules
    from .engine.loader import check_selectors
    from .errors import UsageError
    from .options import CheckOptions

    cli_set = {k for k in ("select", "ignore", "profile", "year", "lang") if getattr(args, k) is not None}
    opts = CheckOptions(lang=args.lang or _env_lang(), year=args.year, rule_dirs=list(args.rules),
                        select=_split(args.select), ignore=_split(args.ignore),
                        profile=args.profile or "auto")
    rules = load_rules(tuple(opts.rule_dirs))  # fail early, before reading inputs, on a bad rule pack
    check_selectors(opts.select, rules, "--select")
    check_selectors(opts.ignore, rules, "--ignore")
    if getattr(args, "config", None) and getattr(args, "no_config", False):
        raise UsageError("--config and --no-config cannot be used together")
    return opts, cli_set


def _config_file(args) -> str | None:
    return None if args.no_config else getattr(args, "config", None)


def _use_color(choice: str, stream) -> bool:
    """``--color``: always/never as asked; auto follows FORCE_COLOR, then NO_COLOR, then the terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    if os.environ.get("NO_COLOR", ""):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _expand(args) -> list[str]:
    """The files to check, with a warning for a directory that holds none."""
    from .io import iter_paths

    paths = []
    for given in args.paths:
        found = [p for p in iter_paths([given])
                 if p == "-" or p == given or _wanted(p, args.include, args.exclude)]
        if not found and os.path.isdir(given) and not getattr(args, "quiet", False):
            print(f"claimcheck: warning: {_display(given)} holds no checkable file "
                  "(.txt .text .md .markdown .html .htm .docx)", file=sys.stderr)
        paths += found
    return paths


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


def _show_settings(args, base, cli_set, paths: list[str]) -> int:
    """``--show-settings``: the resolved settings for the first path, as JSON."""
    import dataclasses
    import json

    from .config import config_for, options_for

    path = paths[0] if paths else "-"
    name = args.stdin_filename if path == "-" and args.stdin_filename else path
    loaded = None if args.no_config else config_for(name, _config_file(args))
    opts = base if args.no_config else options_for(name, base, cli_set, _config_file(args))
    fail_on = args.fail_on or (loaded.config.fail_on if loaded else None) or "error"
    settings = {"path": _display(name), "config": loaded.path if loaded else None,
                **dataclasses.asdict(opts), "fail_on": fail_on, "format": args.format}
    print(json.dumps(settings, ensure_ascii=False, indent=2))
    return 0


def cmd_check(args) -> int:
    """Run the check and print the report (or apply the fixes); return the exit status."""
    import io

    from .config import config_for, options_for
    from .engine import load_rules
    from .errors import InputError, ResourceError
    from .io import read_path
    from .gcpause import each_paused
    from .io.memory import check_memory
    from .pipeline import analyse
    from .report.build import error_file_entry, file_entry, report_entry

    base, cli_set = _base_options(args)
    config_file = _config_file(args)
    if config_file:
        config_for("-", config_file)  # a missing or unusable --config fails before any input is read
    paths = _expand(args)
    if args.show_settings:
        return _show_settings(args, base, cli_set, paths)
    if args.output:
        from .io.output import check_output

        check_output(args.output, [*args.paths, *paths])
    if args.write_baseline:
        from .io.output import check_output

        check_output(args.write_baseline, [*args.paths, *paths])
    baseline = None
    if args.baseline:
        from .baseline import load_baseline

        baseline = load_baseline(args.baseline)
    fail_on = args.fail_on
    if fail_on is None and not args.no_config:
        loaded = config_for(os.path.join(os.getcwd(), "-"), config_file)
        fail_on = loaded.config.fail_on if loaded else None
    fail_on = fail_on or "error"
    out = io.StringIO() if args.output else sys.stdout
    color = _use_color(args.color, out)
    notes = sys.stderr if not args.quiet else None
    fixing = args.fix or args.diff
    # nothing per document is kept but its contract entry (and its text, for the formats that quote it):
    # 20,000 files must not hold 20,000 analysed documents
    files, texts, error_status, rules_seen = [], {}, 0, {}
    fingerprints: dict[str, list[str]] = {}
    hidden = fixed = diffs = 0
    keep_text = args.format in ("full", "github", "sarif")
    render_now = args.format == "report" and not args.write_baseline and not fixing
    if render_now:
        from .report.terminal import render_report
    # the JSON report is written file by file (memory bounded by the largest document)
    json_out = None
    if args.format == "json" and not args.write_baseline and not fixing:
        from .report.stream import JsonReportWriter

        json_out = JsonReportWriter(out)
    lean = args.format == "json" and not args.all_quantities
    bar = _progress(len(paths))
    for path in each_paused(paths):   # one document's objects are freed before the collector runs
        _CURRENT[0] = path
        name = args.stdin_filename if path == "-" and args.stdin_filename else path
        opts = base if args.no_config else options_for(name, base, cli_set, config_file)
        try:
            src = read_path(path, args.stdin_filename)
            check_memory(src.path, _weight(src.readable))
        except (InputError, ResourceError) as e:
            error_status = max(error_status, e.exit_status)
            print(f"claimcheck: {message(e, base.lang)}", file=sys.stderr)
            reason = e.reason_in(base.lang)
            files.append(error_file_entry(e.path, reason) if json_out is None
                         else json_out.add(error_file_entry(e.path, reason)))
            continue
        finally:
            if bar:
                bar[0].advance(bar[1])
        if json_out is not None and baseline is None:
            from .windows import needs_windows, windowed_parts

            if needs_windows(src):  # a huge plain text: window by window, memory bounded by a window
                files.append(json_out.add_windows(windowed_parts(src, opts, not lean)))
                continue
        doc = analyse(src, opts)
        if fixing:
            from .fix import apply_fixes, chosen_fixes, unified_diff, write_fixed
            from .report.build import finding_out

            # only the findings with a fix are read: no claim is built
            chosen = chosen_fixes([finding_out(doc, f) for f in doc.findings if f.fix is not None], args.unsafe_fixes)
            if chosen:
                new_text = apply_fixes(src.text, chosen)
                if args.diff:
                    out.write(unified_diff(src.path, src.text, new_text))
                    diffs += len(chosen)
                    continue
                if path == "-":
                    out.write(new_text)  # standard input: the fixed text goes to standard output
                    fixed += len(chosen)
                    continue
                try:
                    write_fixed(src, path, new_text)
                except InputError as e:
                    error_status = max(error_status, e.exit_status)
                    print(f"claimcheck: {message(e, base.lang)}", file=sys.stderr)
                else:
                    fixed += len(chosen)
                    src = read_path(path)
                    doc = analyse(src, opts)  # what is left, with offsets into the fixed text
            elif args.diff:
                continue
            elif path == "-":
                out.write(src.text)
                continue
        if baseline is not None:
            from .baseline import filter_baseline

            hidden += filter_baseline(doc, baseline, args.baseline)
        for r in load_rules(tuple(opts.rule_dirs)):
            rules_seen.setdefault(r.id, r)
        if args.write_baseline:
            from .baseline import baseline_key, fingerprint

            fps = sorted(fingerprint(doc, f) for f in doc.findings)
            if fps:
                fingerprints.setdefault(baseline_key(doc.source.path, args.write_baseline), []).extend(fps)
        if render_now:
            render_report(doc, rules_seen, base.lang, width=_report_width(None, out), color=color,
                          file=out if args.output else None)
        if args.annotate and src.format == "docx":
            from .annotate import annotate_beside

            annotate_beside(doc, opts.lang)
        if keep_text or (args.format == "concise" and src.format == "docx"):  # docx: paragraphs by first words
            texts[src.path] = src.text
        files.append(file_entry(doc, not lean) if json_out is None else json_out.add(file_entry(doc, not lean)))
        del doc
    if bar:
        bar[0].stop()
    _CURRENT[0] = None
    if args.write_baseline:
        from .baseline import write_fingerprints

        n = write_fingerprints(args.write_baseline, fingerprints)
        if notes:
            print(_note("recorded", base.lang, n=_count(n, "finding", base.lang),
                        path=_display(args.write_baseline)), file=notes)
        return error_status
    if args.diff:
        if notes:
            print(_note("diff", base.lang, n=_count(diffs, "fix", base.lang)), file=notes)
        _flush_output(args, out)
        return error_status or (1 if diffs else 0)
    if fixing and all(p == "-" for p in paths):
        _flush_output(args, out)
        return error_status
    lang = base.lang
    if json_out is not None:
        json_out.close(files)
    elif args.format != "report":  # the report format was printed document by document
        _emit_report(args.format, report_entry(files), texts, lang, list(rules_seen.values()), not args.no_claims,
                     out=out, color=color, quiet=args.quiet, hidden=hidden)
    if notes and fixing:
        print(_note("fixed", lang, n=_count(fixed, "fix", lang)), file=notes)
    if notes and hidden and args.format != "full":
        print(_note("hidden", lang, n=_count(hidden, "hidden", lang)), file=notes)
    if args.statistics:
        counts: dict[str, int] = {}
        for f in files:
            for x in f["findings"]:
                counts[x["rule"]] = counts.get(x["rule"], 0) + 1
        stream = out if args.format in ("full", "concise") else sys.stderr
        for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:>5}  {rule}", file=stream)
    _flush_output(args, out)
    if error_status:
        return error_status
    if args.exit_zero:
        return 0
    threshold = SEV_RANK[fail_on]
    failing = any(SEV_RANK[x["severity"]] >= threshold for f in files for x in f["findings"])
    return 1 if failing else 0


def _report_width(asked: int | None, stream) -> int | None:
    """Columns of the report: ``--width``, else the terminal's (None lets rich ask it), else $COLUMNS,
    else 100 when the output is a pipe or a file."""
    if asked:
        return asked
    try:
        if stream.isatty():
            return None
    except (AttributeError, ValueError, OSError):
        pass
    cols = os.environ.get("COLUMNS", "")
    return int(cols) if cols.isdigit() and int(cols) >= 20 else 100


def _count(n: int, what: str, lang: str) -> str:
    """``n`` things in words: "1 finding" / "2 findings", "3 条发现"."""
    from .report.text import count_words

    return count_words(n, what, lang)


_NOTES = {"zh": {"diff": "显示了 {n}，未改动任何文件", "fixed": "已完成 {n}", "hidden": "{n}",
               "recorded": "已把 {n}记入 {path}"},
          "en": {"diff": "{n} shown; no file changed", "fixed": "{n} applied", "hidden": "{n}",
                 "recorded": "recorded {n} in {path}"}}


def _note(key: str, lang: str, **values) -> str:
    """A note for standard error in the chosen language."""
    return "claimcheck: " + _NOTES["en" if lang == "en" else "zh"][key].format(**values)


def _flush_output(args, out) -> None:
    """With ``-o FILE``, write what was collected (atomically)."""
    if args.output:
        from .io.output import atomic_write

        atomic_write(args.output, out.getvalue())


def _emit_report(fmt: str, report, texts, lang: str, rules: list, show_claims: bool, out=None,
                 color: bool = False, quiet: bool = False, hidden: int = 0) -> None:
    """Write ``report`` (JSON form, ``report.build.report_entry``) in format ``fmt`` to ``out``
    (standard output by default)."""
    out = out or sys.stdout
    if fmt == "json":
        from .report.stream import json_text

        out.write(json_text(report) + "\n")
    elif fmt == "sarif":
        import json

        from .report.sarif import to_sarif

        out.write(json.dumps(to_sarif(report, rules, texts, lang), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "github":
        from .report.github import format_github

        out.write(format_github(report, texts))
    elif fmt == "concise":
        from .report.text import format_concise

        out.write(format_concise(report, lang, color=color, texts=texts))
    else:
        from .report.text import format_full

        out.write(format_full(report, texts, lang, show_claims=show_claims and not quiet, color=color,
                              summary=not quiet, hidden=hidden))


def cmd_report(args) -> int:
    """Print (or write) the fact-checker's report for each file (terminal text, or one HTML page)."""
    import io

    from .config import options_for
    from .engine import load_rules
    from .errors import InputError, ResourceError
    from .io import read_path
    from .io.memory import check_memory
    from .pipeline import analyse
    from .report.terminal import render_report

    base, cli_set = _base_options(args)
    rules = {r.id: r for r in load_rules(tuple(base.rule_dirs))}
    config_file = _config_file(args)
    args.include, args.exclude = [], []
    paths = _expand(args)
    if args.output:
        from .io.output import check_output

        check_output(args.output, [*args.paths, *paths])
    html = args.format == "html" or (args.output or "").endswith((".html", ".htm"))
    color = not html and not args.output and _use_color(args.color, sys.stdout)
    width = _report_width(args.width, sys.stdout)
    status = 0
    chunks = []
    docs, unreadable = [], []
    for path in paths:
        _CURRENT[0] = path
        opts = base if args.no_config else options_for(path, base, cli_set, config_file)
        try:
            src = read_path(path)
            check_memory(src.path, _weight(src.readable))
        except (InputError, ResourceError) as e:
            print(f"claimcheck: {message(e, base.lang)}", file=sys.stderr)
            status = max(status if status != 1 else 0, e.exit_status)
            unreadable.append((e.path, e.reason_in(base.lang)))
            continue
        doc = analyse(src, opts)
        if any(f.severity == "error" for f in doc.findings) and status == 0:
            status = 1
        if html:  # the HTML page is built once, for all documents, below
            docs.append(doc)
            continue
        console = render_report(doc, rules, base.lang, width=width or 100, color=color,
                                record=bool(args.output), file=io.StringIO() if args.output else None)
        if args.output:
            chunks.append(console.export_text())
    _CURRENT[0] = None
    if html and (docs or unreadable):
        from .report.html import render_html

        chunks.append(render_html(docs, rules, base.lang, errors=unreadable))
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

    from .errors import UsageError
    from .scan import ScanOptions, scan, usable_cpus

    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask (the process engine has no scheduler)")
    if args.output == "-":
        args.output = None  # standard output, as without -o (not a file named "-")
    if args.output:
        from .io.output import check_output

        check_output(args.output, [args.archive])
    if args.frames:
        from .io.output import check_output

        from os.path import abspath

        if args.output and abspath(args.frames) == abspath(args.output):
            raise UsageError("--frames and --output name one file; give the frames table its own name")
        from .cross.store import check_parts_dir, is_parts

        if is_parts(args.frames, args.engine):
            check_parts_dir(args.frames)
        else:
            check_output(args.frames, [args.archive] + ([args.output] if args.output else []))
    jobs = args.jobs
    if args.engine == "process" and jobs > usable_cpus():
        jobs = usable_cpus()
        print(f"claimcheck scan: --jobs {args.jobs} capped to {jobs}, the CPUs this process may use",
              file=sys.stderr)
    from .engine import load_rules
    from .engine.loader import check_selectors

    for option, value in (("--select", args.select), ("--ignore", args.ignore)):
        check_selectors(_split(value), load_rules(), option)
    opts = ScanOptions(id_field=args.id_field, text_field=args.text_field, jobs=jobs,
                       engine=args.engine, scheduler=args.scheduler, batch=max(1, args.batch), lang=args.lang,
                       select=_split(args.select), ignore=_split(args.ignore), frames=args.frames)
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
    docs = f"{summary['documents']} document{'' if summary['documents'] == 1 else 's'}"
    print(f"claimcheck scan: {docs} in {dt:.1f} s "
          f"({summary['documents'] / dt if dt else 0:.1f}/s), {summary['skipped']} already done, "
          f"{_count(summary['claims'], 'claim', 'en')}, {_count(summary['findings'], 'finding', 'en')} "
          f"({cats or 'none'}), {summary['errors']} unreadable"
          + (f", {summary['frames']} frames to {args.frames}" if args.frames else ""), file=sys.stderr)
    return EXIT_USER if summary["errors"] else 0


def cmd_serve(args) -> int:
    """Run the review server (needs the ``serve`` extra)."""
    try:
        from .serve import ServeConfig, serve
    except ImportError as e:
        print(f"claimcheck: serve needs {e.name}; pip install 'claimcheck[serve]'", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536 or args.workers < 0 or args.max_bytes < 1 or args.timeout <= 0:
        print("claimcheck: serve: --port 1–65535, --workers ≥ 0, --max-bytes ≥ 1, --timeout > 0", file=sys.stderr)
        return 2
    return serve(args.host, args.port, ServeConfig(max_bytes=args.max_bytes, timeout=args.timeout,
                                                   workers=args.workers))


def cmd_rules(args) -> int:
    """List rules: code, severity, category, name, message."""
    from .engine import load_rules

    rules = load_rules(tuple(args.rules))
    if args.format == "json":
        import json

        from .report.sarif import rule_url

        print(json.dumps([{"code": r.id, "name": r.name, "category": r.category, "severity": r.severity,
                           "kind": r.kind, "message": {"zh": r.message.zh, "en": r.message.en},
                           "why": r.why.strip(), "basis": r.basis, "profiles": list(r.profiles),
                           "fix": None if r.fix is None else ("safe" if r.fix.safe else "unsafe"),
                           "url": rule_url(r)} for r in rules], ensure_ascii=False, indent=2))
        return 0
    from .report.sarif import short_description

    for r in rules:
        msg = short_description(r, args.lang)
        fix = "fix" if r.fix is not None else "   "
        print(f"{r.id}  {r.severity:<7} {r.category:<10} {fix} {r.name:<28} {msg}")
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
            raise OutputError("<standard output>", "cannot write: {why}", why=str(reason)) from None

    def write(self, text: str) -> int:
        """Write ``text``."""
        return self._guard(lambda: self._stream.write(text))

    def flush(self) -> None:
        """Flush the underlying stream."""
        if self._stream is not None:
            self._guard(self._stream.flush)

    def utf8_writer(self):
        """A function writing UTF-8 bytes straight to the binary stream under standard output
        (guarded as ``write``; the text written before is flushed first), or None when that would
        not be what writing the text gives (another encoding, newline translation, no buffer)."""
        stream = self._stream
        try:
            buffer = stream.buffer
            utf8 = codecs.lookup(stream.encoding).name == "utf-8"
        except (AttributeError, LookupError, TypeError, ValueError):
            return None
        if not utf8 or os.linesep != "\n":
            return None

        def write(data: bytes) -> None:
            self._guard(stream.flush)
            self._guard(buffer.write, data)
        return write

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
    if args.command == "annotate":
        from .annotate import cmd_annotate

        return cmd_annotate(args)
    if args.command == "lsp":
        from .lsp import cmd_lsp

        return cmd_lsp(args)
    if args.command == "serve":
        return cmd_serve(args)
    if args.command == "cross":
        from .cross.cli import cmd_cross

        return cmd_cross(args)
    return cmd_explain(args)


def _env_lang() -> str:
    """The message language when no ``--lang`` is given: ``$CLAIMCHECK_LANG`` (zh or en), else zh."""
    return "en" if os.environ.get("CLAIMCHECK_LANG", "").strip().lower().startswith("en") else "zh"


def run() -> NoReturn:
    """The ``claimcheck`` console script and ``python -m checker``: ``main()``, its status the process's.

    What is still alive then is left to the operating system: the interpreter's last garbage collection
    would walk every object the run cached (number forms, subjects, compiled patterns) only to free memory
    that the process gives back anyway, about 8 % of the CPU time of a ``check`` over a directory.  The
    objects are moved out of its reach (``gc.freeze``); exit handlers still run and every object that is
    not in a reference cycle is still freed.  Objects in a cycle are not finalised: every output file is
    closed by the command that wrote it (``with``, ``finally``, ``atomic_write``) before ``main`` returns."""
    status = main()
    import gc

    gc.freeze()
    sys.exit(status)


def main(argv: list[str] | None = None) -> int:
    """The command line: parse ``argv`` (default ``sys.argv[1:]``), run the command and return the exit
    status (``run`` makes it the process's).

    Exit statuses: 0 no failing finding, 1 failing findings, 2 unusable input, output, configuration
    or usage (one message naming the input and the cause), 3 internal error, 4 out of memory or too
    deeply nested input, 130/143 interrupted by SIGINT/SIGTERM."""
    import traceback

    args = _parser().parse_args(argv)
    if getattr(args, "lang", "") is None and args.command in ("scan", "cross", "rules", "explain"):
        args.lang = _env_lang()
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
        print(f"claimcheck: {message(e, getattr(args, 'lang', None) or _env_lang())}", file=sys.stderr)
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
