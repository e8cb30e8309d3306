"""Command line: ``claimcheck check|rules|explain``."""
from __future__ import annotations

import argparse
import sys

from . import __version__
from .errors import ClaimcheckError

FORMATS = ("full", "concise", "json")
SEV_RANK = {"info": 0, "warning": 1, "error": 2}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="claimcheck", description="检查中文报道中数字之间是否自洽 / "
                                "check that the numbers in a Chinese report agree with each other")
    p.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = p.add_subparsers(dest="command")
    c = sub.add_parser("check", aliases=["lint"], help="check files, directories or - (stdin)")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=FORMATS, default="full")
    c.add_argument("--lang", choices=("zh", "en"), default="zh")
    c.add_argument("--year", type=int, help="publication year (default: detected from the text)")
    c.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rule pack directory")
    c.add_argument("--select", default="", help="comma-separated rule codes or prefixes to run")
    c.add_argument("--ignore", default="", help="comma-separated rule codes or prefixes to skip")
    c.add_argument("--profile", choices=("mainland", "taiwan"), default="mainland")
    c.add_argument("--fail-on", choices=("error", "warning", "info"), default="error")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail")
    c.add_argument("--statistics", action="store_true", help="print the count of findings per rule")
    c.add_argument("--no-claims", action="store_true", help="full format: do not list decided claims")
    r = sub.add_parser("rules", help="list the rules")
    r.add_argument("--rules", action="append", default=[], metavar="DIR")
    r.add_argument("--lang", choices=("zh", "en"), default="zh")
    e = sub.add_parser("explain", help="explain a rule with its examples")
    e.add_argument("code")
    e.add_argument("--rules", action="append", default=[], metavar="DIR")
    e.add_argument("--lang", choices=("zh", "en"), default="zh")
    return p


def _split(s: str) -> list[str]:
    return [x.strip() for x in s.split(",") if x.strip()]


def cmd_check(args) -> int:
    """Run the check and print the report; return the exit status."""
    from .io import iter_paths, read_path
    from .options import CheckOptions
    from .pipeline import analyse
    from .report.build import error_file_out, file_out, report_out
    from .errors import InputError

    opts = CheckOptions(lang=args.lang, year=args.year, rule_dirs=args.rules, select=_split(args.select),
                        ignore=_split(args.ignore), profile=args.profile)
    from .engine import load_rules

    load_rules(tuple(opts.rule_dirs))  # fail early, before reading inputs, on a bad rule pack
    files, texts, had_error = [], {}, False
    for path in iter_paths(args.paths):
        try:
            src = read_path(path)
        except InputError as e:
            had_error = True
            print(f"claimcheck: {e}", file=sys.stderr)
            files.append(error_file_out(e.path, e.reason))
            continue
        doc = analyse(src, opts)
        texts[src.path] = src.text
        files.append(file_out(doc))
    report = report_out(files)
    if args.format == "json":
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif args.format == "concise":
        from .report.text import format_concise

        sys.stdout.write(format_concise(report, args.lang))
    else:
        from .report.text import format_full

        sys.stdout.write(format_full(report, texts, args.lang, show_claims=not args.no_claims))
    if args.statistics:
        counts: dict[str, int] = {}
        for f in report.files:
            for x in f.findings:
                counts[x.rule] = counts.get(x.rule, 0) + 1
        for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:>5}  {rule}", file=sys.stderr if args.format == "json" else sys.stdout)
    if had_error:
        return 2
    if args.exit_zero:
        return 0
    threshold = SEV_RANK[args.fail_on]
    failing = any(SEV_RANK[x.severity] >= threshold for f in report.files for x in f.findings)
    return 1 if failing else 0


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


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``claimcheck`` console script."""
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 2
    try:
        if args.command in ("check", "lint"):
            return cmd_check(args)
        if args.command == "rules":
            return cmd_rules(args)
        return cmd_explain(args)
    except ClaimcheckError as e:
        print(f"claimcheck: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
