"""The JSON report written file by file, so memory is bounded by the largest document.

The document has the shape of ``ReportOut`` (``version``, ``tool``, ``files``, ``summary``) and reads
back with ``ReportOut.model_validate_json``; each file's entry (the JSON form of
``checker.report.build``) is written as soon as it is built and only its findings are kept (for the
summary, ``--statistics`` and the exit status).  The text is byte for byte what pydantic's
``model_dump_json(indent=2)`` writes for the same models, without building them.
"""
from __future__ import annotations

import json
from typing import Callable, Iterable, TextIO

from .build import summary_entry, tool_entry


def json_bytes(value) -> bytes:
    """``value`` (the JSON form: dicts, lists, str, int, bool, None) as indented JSON in UTF-8,
    characters beyond ASCII as they are: orjson, or pydantic's serialiser for what orjson refuses
    (an integer beyond 64 bits, a type it does not know), which is what the contract models write."""
    import orjson

    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    except orjson.JSONEncodeError:
        from pydantic_core import to_json

        return to_json(value, indent=2)


def json_text(value) -> str:
    """``value`` as indented JSON text (``json_bytes``, decoded)."""
    return json_bytes(value).decode()


def _nested(data: bytes, indent: bytes) -> bytes:
    return data.replace(b"\n", b"\n" + indent)


def _utf8_sink(stream: TextIO) -> Callable[[bytes], object]:
    """How UTF-8 bytes reach ``stream``: straight to the binary stream under it when the stream
    offers a writer for that (``utf8_writer``: the command line's standard output, when UTF-8),
    else decoded and written as text."""
    offer = getattr(stream, "utf8_writer", None)
    direct = offer() if offer is not None else None
    return direct or (lambda data: stream.write(data.decode()))


class JsonReportWriter:
    """Write ``{"version": 1, "tool": …, "files": [`` now, one entry per ``add``, the summary on ``close``."""

    def __init__(self, stream: TextIO) -> None:
        self._write = _utf8_sink(stream)
        self._files = 0
        self._claims = 0
        tool = json.dumps(tool_entry(), ensure_ascii=False)
        self._write(f'{{\n  "version": 1,\n  "tool": {tool},\n  "files": ['.encode())

    def add(self, entry: dict) -> dict:
        """Write one file's entry; return it without its claims (what the caller may keep)."""
        self._write((b"," if self._files else b"") + b"\n    " + _nested(json_bytes(entry), b"    "))
        self._files += 1
        self._claims += len(entry["claims"])
        return {**entry, "claims": []}

    def add_windows(self, parts: Iterable[tuple[dict, list[dict], list[dict]]]) -> dict:
        """Write one file's entry from ``windowed_parts`` (entry, claims, findings per window), one
        window's claims at a time, findings last; return the entry without its claims."""
        head = None
        findings: list = []
        claims = 0
        sep = b""
        for fo, cs, fs in parts:
            if head is None:
                head = fo
                before = json_bytes({**fo, "claims": []}).split(b'"claims": []', 1)[0]
                self._write((b"," if self._files else b"") + b"\n    " + _nested(before, b"    ")
                            + b'"claims": [\n')
            for c in cs:
                self._write(sep + b"        " + _nested(json_bytes(c), b"        "))
                sep = b",\n"
                claims += 1
            findings += fs
        assert head is not None
        entry = {**head, "claims": [], "findings": findings}
        tail = json_bytes(entry).split(b'"claims": []', 1)[1]
        self._write(b"\n      ]" + _nested(tail, b"    "))
        self._files += 1
        self._claims += claims
        return entry

    def close(self, kept: list[dict]) -> None:
        """End the ``files`` list and write the summary over ``kept`` (the entries ``add`` returned)."""
        sev = [f["severity"] for fo in kept for f in fo["findings"]]
        summary = summary_entry(self._files, self._claims, sev)
        self._write((b"\n  ]" if self._files else b"]") + b',\n  "summary": '
                    + _nested(json_bytes(summary), b"  ") + b"\n}\n")
