"""Whether two checkouts give the same output: findings, claims and every quantity, file by file.

    python bench/same_output.py --compare /tmp/base      # this checkout against a BEFORE copy

Runs ``python -m checker check --format json --all-quantities`` of each checkout over
../shared/corpus/ (when present) and fixtures/seeds/, and compares the reports file by file.  Prints
one line per directory and, for a difference, the first files and entries that differ; exits 1 when
anything differs.  For speed work, where the output must not change at all.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
CORPUS = (HERE / ".." / "shared" / "corpus").resolve()


def report(checkout: Path, directory: Path) -> dict:
    """The JSON report of ``checkout``'s CLI over ``directory`` (every quantity included)."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--all-quantities",
                          "--exit-zero", str(directory)], capture_output=True, text=True, env=env, cwd=str(checkout))
    if out.returncode:
        raise SystemExit(f"{checkout}: exit {out.returncode}\n{out.stderr[-2000:]}")
    return json.loads(out.stdout)


def differences(a: dict, b: dict, limit: int = 5) -> list[str]:
    """Up to ``limit`` lines naming the files (and their first entries) where ``a`` and ``b`` differ."""
    lines = []
    fa = {f["path"]: f for f in a["files"]}
    fb = {f["path"]: f for f in b["files"]}
    for path in sorted(fa.keys() | fb.keys()):
        x, y = fa.get(path), fb.get(path)
        if x == y:
            continue
        if x is None or y is None:
            lines.append(f"  {path}: only in {'the other' if x is None else 'this'} checkout")
        else:
            for key in ("findings", "claims"):
                for i, (p, q) in enumerate(zip(x.get(key, []), y.get(key, []))):
                    if p != q:
                        lines.append(f"  {path} {key}[{i}]:\n    this:  {json.dumps(p, ensure_ascii=False)[:300]}"
                                     f"\n    other: {json.dumps(q, ensure_ascii=False)[:300]}")
                        break
                else:
                    if len(x.get(key, [])) != len(y.get(key, [])):
                        lines.append(f"  {path} {key}: {len(x.get(key, []))} vs {len(y.get(key, []))} entries")
            if x.keys() != y.keys() or any(x[k] != y[k] for k in x if k not in ("findings", "claims")):
                lines.append(f"  {path}: other fields differ")
        if len(lines) >= limit:
            break
    if a.get("summary") != b.get("summary"):
        lines.append(f"  summary: {a.get('summary')} vs {b.get('summary')}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--compare", required=True, help="the other checkout (e.g. a copy of the commit before)")
    args = ap.parse_args()
    other = Path(args.compare).resolve()
    dirs = ([CORPUS] if CORPUS.is_dir() else []) + [HERE / "fixtures" / "seeds"]
    same = True
    for d in dirs:
        a, b = report(HERE, d), report(other, d)
        diff = differences(a, b)
        n = sum(len(f.get("claims", [])) for f in a["files"])
        f = sum(len(f.get("findings", [])) for f in a["files"])
        print(f"{d}: {len(a['files'])} files, {f} findings, {n} claims: " + ("identical" if not diff else "DIFFERENT"))
        for line in diff:
            print(line)
        same = same and not diff
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
