"""Language-server responsiveness on a large buffer: prints numbers; asserts nothing.

    python bench/lsp_latency.py [REPEAT]     # the seed stories repeated REPEAT times (default 40)

Opens one Markdown buffer made of the fixture stories, then, while the server checks it, sends a hover
request every 50 ms; prints the time to the first diagnostics and the hover round-trip times seen
during the check (the check runs in a worker thread, so hovers should answer in milliseconds, not
after the check).
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_lsp import Client  # noqa: E402  (the tests' minimal stdio client)


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    stories = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    text = "\n\n".join(stories * repeat)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.md"
        path.write_text(text, encoding="utf-8")
        c = Client(Path(tmp))
        c.echo = False
        try:
            c.request("initialize", {"processId": os.getpid(), "rootUri": Path(tmp).as_uri(), "capabilities": {}})
            c.notify("initialized", {})
            uri = path.as_uri()
            t0 = time.perf_counter()
            c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                               "text": text}})
            rtts = []
            while True:
                msgs = [m for m in c.backlog + list(c.inbox.queue)
                        if m.get("method") == "textDocument/publishDiagnostics"]
                if msgs:
                    break
                h0 = time.perf_counter()
                c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
                rtts.append((time.perf_counter() - h0) * 1000)
                time.sleep(0.05)
            first = time.perf_counter() - t0
            n = len(c.diagnostics(uri, 1))
        finally:
            c.close()
    print(f"buffer: {len(text):,} characters, {text.count(chr(10)) + 1:,} lines")
    print(f"first diagnostics after {first:.2f} s ({n} diagnostics)")
    if rtts:
        print(f"hovers answered during the check: {len(rtts)}, median {statistics.median(rtts):.1f} ms, "
              f"max {max(rtts):.1f} ms")


if __name__ == "__main__":
    main()
