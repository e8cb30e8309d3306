"""Load benchmark of `claimcheck serve`: prints numbers; asserts nothing.

    python bench/serve_load.py                       # 10,000 requests, 50 clients, 2 workers
    python bench/serve_load.py --requests 2000 --clients 50 --workers 2 --time-limit 600

Starts the server on a free loopback port, lets ``--clients`` concurrent clients POST the seeds to
``/api/check`` until ``--requests`` answers arrived or ``--time-limit`` seconds passed, then prints
requests/s, p50/p95/p99 latency, errors (any non-200 or transport failure), and the resident memory
of the server and its worker processes before the load, after the first tenth and at the end.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))


def rss_mib(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return total / 1024


def run_tree(cmd: list[str], env: dict, cwd: str, stderr=subprocess.DEVNULL,
             interval: float = 0.1) -> tuple[float, float, int, float, bytes]:
    """Run ``cmd`` to its end, sampling the resident memory of its whole process tree (``rss_mib``) every
    ``interval`` seconds: (wall seconds, peak RSS MiB, exit status, CPU seconds of the tree, standard
    error when ``stderr`` is ``subprocess.PIPE``, else b"")."""
    import threading

    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=stderr, env=env, cwd=cwd)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss_mib(p.pid))
            time.sleep(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = b""
    if p.stderr is not None:
        with p.stderr:
            err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    return time.perf_counter() - t0, peak[0], p.returncode, ru.ru_utime + ru.ru_stime, err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.2)


async def load(port: int, args, pid: int) -> dict:
    import httpx

    bodies = [{"text": p.read_text(encoding="utf-8")} for p in SEEDS]
    latencies: list[float] = []
    errors: dict[str, int] = {}
    issued = 0
    t0 = time.perf_counter()
    deadline = t0 + args.time_limit
    rss_tenth = [None]
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal issued
        while issued < args.requests and time.perf_counter() < deadline:
            body = bodies[issued % len(bodies)]
            issued += 1
            start = time.perf_counter()
            try:
                r = await http.post(f"http://127.0.0.1:{port}/api/check", json=body)
                if r.status_code != 200:
                    errors[str(r.status_code)] = errors.get(str(r.status_code), 0) + 1
            except httpx.HTTPError as e:
                errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
                print(f"  {type(e).__name__} after {time.perf_counter() - start:.2f} s, request {issued}: {e!r}",
                      file=sys.stderr)
            latencies.append(time.perf_counter() - start)
            if rss_tenth[0] is None and len(latencies) >= args.requests // 10:
                rss_tenth[0] = rss_mib(pid)

    async with httpx.AsyncClient(timeout=args.time_limit, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(args.clients)))
    return {"elapsed": time.perf_counter() - t0, "latencies": latencies, "errors": errors,
            "rss_tenth": rss_tenth[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--time-limit", type=float, default=1800.0, help="stop issuing requests after this many seconds")
    args = ap.parse_args()
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", str(port), "--workers",
                               str(args.workers)], cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, server)
        import httpx

        httpx.post(f"http://127.0.0.1:{port}/api/check", json={"text": "全市发生命案18起,同比下降10%。"}, timeout=120)
        rss_before = rss_mib(server.pid)
        res = asyncio.run(load(port, args, server.pid))
        rss_after = rss_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    lat = sorted(res["latencies"])
    n = len(lat)

    def pct(p: float) -> float:
        return lat[min(n - 1, int(p * n))] * 1000 if n else float("nan")

    print(f"claimcheck serve load: {n} requests, {args.clients} clients, {args.workers} workers, "
          f"{len(SEEDS)} seed documents ({sum(p.stat().st_size for p in SEEDS) // len(SEEDS)} bytes on average)")
    print(f"  elapsed         {res['elapsed']:.1f} s")
    print(f"  throughput      {n / res['elapsed']:.1f} requests/s")
    print(f"  latency         p50 {pct(.5):.0f} ms  p95 {pct(.95):.0f} ms  p99 {pct(.99):.0f} ms  "
          f"mean {statistics.fmean(lat) * 1000 if lat else float('nan'):.0f} ms")
    print(f"  errors          {sum(res['errors'].values())} {res['errors'] or ''}")
    print(f"  server RSS      before {rss_before:.0f} MiB, after {n // 10} requests {res['rss_tenth'] or 0:.0f} MiB, "
          f"after {n} {rss_after:.0f} MiB (server and workers)")


if __name__ == "__main__":
    main()
