"""`claimcheck lsp` driven over real stdio by a minimal LSP client (JSON-RPC with Content-Length
framing): initialize, didOpen, publishDiagnostics at UTF-16 ranges, hover, didChange, shutdown.
The transcript is printed (pytest -s shows it) and every wait is bounded."""
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest.importorskip("lsprotocol")

TIMEOUT = 60
LINE_BAD = "𠀀𠀁𝟘 全市发生命案18起,同比下降11%。"   # three characters outside the BMP before the claim
DRAFT = f"# 稿件\n\n{LINE_BAD}\n严格落实落实。\n"


class Client:
    """Just enough of an LSP client: requests, notifications, and a queue of what the server sent."""

    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        self.proc = subprocess.Popen([sys.executable, "-m", "checker", "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.inbox: queue.Queue = queue.Queue()
        self.backlog: list[dict] = []
        self.next_id = 0
        self.transcript: list[str] = []
        self.name = cwd.name
        self.echo = True                     # print the transcript on close
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                k, _, v = line.decode("ascii").partition(":")
                headers[k.strip().lower()] = v.strip()
            msg = json.loads(out.read(int(headers["content-length"])))
            self.transcript.append("<- " + json.dumps(msg, ensure_ascii=False)[:400])
            self.inbox.put(msg)

    def send(self, msg: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **msg}, ensure_ascii=False).encode("utf-8")
        self.transcript.append("-> " + body.decode("utf-8")[:400])
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict):
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        msg = self.wait(lambda m: m.get("id") == rid and "method" not in m)
        assert "error" not in msg, msg
        return msg["result"]

    def wait(self, pred, timeout: float = TIMEOUT) -> dict:
        """The first message (kept or new) matching ``pred``; others are kept for later waits."""
        for i, msg in enumerate(self.backlog):
            if pred(msg):
                return self.backlog.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("no answer from claimcheck lsp in time:\n" + "\n".join(self.transcript))
            try:
                msg = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if pred(msg):
                return msg
            self.backlog.append(msg)

    def diagnostics(self, uri: str, version: int) -> list[dict]:
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)["params"]["diagnostics"]

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.proc.wait(timeout=20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            if self.echo:
                print("\n".join(self.transcript))
            target = os.environ.get("CLAIMCHECK_ARTIFACTS")
            if target:  # CI keeps the transcript
                os.makedirs(target, exist_ok=True)
                with open(os.path.join(target, f"lsp-{self.name}.txt"), "w", encoding="utf-8") as fh:
                    fh.write("\n".join(self.transcript) + "\n")


def utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_lsp_diagnostics_hover_and_change(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    uri = path.as_uri()
    c = Client(tmp_path)
    try:
        init = c.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(),
                                        "capabilities": {"general": {"positionEncodings": ["utf-16"]}}})
        assert init["serverInfo"]["name"] == "claimcheck" and init["capabilities"]["hoverProvider"]
        c.notify("initialized", {})
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                           "text": DRAFT}})
        diags = sorted(c.diagnostics(uri, 1), key=lambda d: d["range"]["start"]["line"])
        assert [(d["code"], d["severity"], d["source"]) for d in diags] == [("CC111", 1, "claimcheck"),
                                                                           ("CC309", 2, "claimcheck")]
        start = LINE_BAD.index("18起")
        end = LINE_BAD.index("。")
        assert diags[0]["range"] == {"start": {"line": 2, "character": utf16(LINE_BAD[:start])},
                                     "end": {"line": 2, "character": utf16(LINE_BAD[:end])}}
        assert utf16(LINE_BAD[:start]) == start + 3          # UTF-16 units, not code points
        assert diags[1]["range"] == {"start": {"line": 3, "character": 2}, "end": {"line": 3, "character": 6}}
        rule_file = Path(diags[0]["codeDescription"]["href"].removeprefix("file://"))
        assert rule_file.is_file() and "CC111" in rule_file.read_text(encoding="utf-8")

        hover = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 2, "character": utf16(LINE_BAD[:start]) + 1}})
        assert hover["contents"]["kind"] == "markdown"
        assert "**CC111**" in hover["contents"]["value"] and "「18起,同比下降11%」" in hover["contents"]["value"]
        assert c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                "position": {"line": 0, "character": 0}}) is None

        # the rule's fix is offered as a quick fix that deletes the second 落实
        actions = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "context": {"diagnostics": []},
                                                        "range": {"start": {"line": 3, "character": 3},
                                                                  "end": {"line": 3, "character": 3}}})
        [action] = actions
        assert action["kind"] == "quickfix" and action["isPreferred"] and "CC309" in action["title"]
        [edit] = action["edit"]["changes"][uri]
        line = DRAFT.split("\n")[3]
        s, e = edit["range"]["start"]["character"], edit["range"]["end"]["character"]
        assert edit["range"]["start"]["line"] == 3 and line[:s] + edit["newText"] + line[e:] == "严格落实。"
        assert c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "context": {"diagnostics": []},
                                                     "range": {"start": {"line": 0, "character": 0},
                                                               "end": {"line": 0, "character": 1}}}) is None
        # the writer fixes the duplicated word; diagnostics follow the edit (after the debounce)
        dup = {"start": {"line": 3, "character": 2}, "end": {"line": 3, "character": 4}}
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"range": dup, "text": ""}]})
        assert [d["code"] for d in c.diagnostics(uri, 2)] == ["CC111"]
        c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        assert c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["diagnostics"] == [])
    finally:
        c.close()
    assert c.proc.returncode == 0


def test_lsp_uses_configuration_and_skips_other_files(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('ignore = ["CC309"]\nlang = "en"\n', encoding="utf-8")
    path = tmp_path / "draft.txt"
    uri = path.as_uri()
    c = Client(tmp_path)
    try:
        c.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}})
        c.notify("initialized", {})
        other = (tmp_path / "x.py").as_uri()
        c.notify("textDocument/didOpen", {"textDocument": {"uri": other, "languageId": "python", "version": 1,
                                                           "text": "s = '严格落实落实'\n"}})
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                           "text": DRAFT}})
        diags = c.diagnostics(uri, 1)
        assert [d["code"] for d in diags] == ["CC111"]                 # CC309 ignored by the config
        assert diags[0]["message"].startswith("The percentage change does not fit")   # lang = "en"
        assert not [m for m in c.backlog + list(c.inbox.queue) if m.get("params", {}).get("uri") == other]
        # the configuration is read again: after an edit to it, a save brings CC309 back
        (tmp_path / "claimcheck.toml").write_text('lang = "en"\n', encoding="utf-8")
        c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        again = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        assert sorted(d["code"] for d in again["params"]["diagnostics"]) == ["CC111", "CC309"]
    finally:
        c.close()


def test_html_buffer_ranges_point_into_the_raw_markup(tmp_path):
    from checker.lsp.analysis import buffer_format, check_buffer, diagnostics

    raw = "<html><body>\n<p>全市发生命案<b>18起</b>,同比下降11%。</p>\n<p>严格落实落实责任。</p></body></html>\n"
    path = str(tmp_path / "story.html")
    fmt = buffer_format(path, "html")
    assert fmt == "html" and buffer_format(str(tmp_path / "x.py"), "python") is None
    diags = diagnostics(check_buffer(raw, path, fmt), "file:///story.html", "utf-16")
    line = raw.split("\n")[2]
    by = {d.code: d.range for d in diags}
    assert by["CC309"].start.line == 2 and by["CC309"].start.character == line.index("落实落实")
    assert by["CC111"].start.line == 1 and by["CC111"].end.character == raw.split("\n")[1].index("。")


def test_bad_configuration_is_shown_not_fatal(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('selekt = ["CC1"]\n', encoding="utf-8")
    uri = (tmp_path / "a.md").as_uri()
    c = Client(tmp_path)
    try:
        c.request("initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}})
        c.notify("initialized", {})
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                           "text": DRAFT}})
        msg = c.wait(lambda m: m.get("method") == "window/showMessage")
        assert "claimcheck.toml" in msg["params"]["message"] and "selekt" in msg["params"]["message"]
        assert c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                "position": {"line": 0, "character": 0}}) is None
    finally:
        c.close()
    assert c.proc.returncode == 0


def test_positions_in_each_encoding_and_line_ending():
    from checker.lsp.positions import LinePositions

    text = "一\r\n𝟘b\r二\n"
    b = text.index("b")
    assert LinePositions(text, "utf-16").position(b) == (1, 2)
    assert LinePositions(text, "utf-32").position(b) == (1, 1)
    assert LinePositions(text, "utf-8").position(b) == (1, 4)
    assert LinePositions(text, "utf-16").position(text.index("二")) == (2, 0)
    for enc in ("utf-16", "utf-32", "utf-8"):
        lp = LinePositions(text, enc)
        assert all(lp.offset(*lp.position(i)) == i for i in range(len(text) + 1) if text[i - 1:i + 1] != "\r\n")
