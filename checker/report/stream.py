"""The JSON report written file by file, so memory is bounded by the largest document.

The document has the shape of ``ReportOut`` (``version``, ``tool``, ``files``, ``summary``) and reads
back with ``ReportOut.model_validate_json``; each file's entry (the JSON form of
``checker.report.build``) is written as soon as it is built and only its findings are kept (for the
summary, ``--statistics`` and the exit status).  The text is byte for byte what pydantic's
``model_dump_json(indent=2)`` writes for the same models, without building them.
"""
from __future__ import annotations

import json
from typing import Iterable, TextIO

from .build import summary_entry, tool_entry


def json_text(value) -> str:
    """``value`` (the JSON form: dicts, lists, str, int, bool, None) as indented JSON, characters
    beyond ASCII as they are: orjson, or pydantic's serialiser for what orjson refuses (an integer
    beyond 64 bits, a type it does not know), which is what the contract models would write."""
    import orjson

    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()
    except orjson.JSONEncodeError:
        from pydantic_core import to_json

        return to_json(value, indent=2).decode()


def _nested(text: str, indent: str) -> str:
    return text.replace("\n", "\n" + indent)


class JsonReportWriter:
    """Write ``{"version": 1, "tool": …, "files": [`` now, one entry per ``add``, the summary on ``close``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._files = 0
        self._claims = 0
        tool = json.dumps(tool_entry(), ensure_ascii=False)
        stream.write(f'{{\n  "version": 1,\n  "tool": {tool},\n  "files": [')

    def add(self, entry: dict) -> dict:
        """Write one file's entry; return it without its claims (what the caller may keep)."""
        self._stream.write(("," if self._files else "") + "\n    " + _nested(json_text(entry), "    "))
        self._files += 1
        self._claims += len(entry["claims"])
        return {**entry, "claims": []}

    def add_windows(self, parts: Iterable[tuple[dict, list[dict], list[dict]]]) -> dict:
        """Write one file's entry from ``windowed_parts`` (entry, claims, findings per window), one
        window's claims at a time, findings last; return the entry without its claims."""
        head = None
        findings: list = []
        claims = 0
        sep = ""
        for fo, cs, fs in parts:
            if head is None:
                head = fo
                before = json_text({**fo, "claims": []}).split('"claims": []', 1)[0]
                self._stream.write(("," if self._files else "") + "\n    " + _nested(before, "    ")
                                   + '"claims": [\n')
            for c in cs:
                self._stream.write(sep + "        " + _nested(json_text(c), "        "))
                sep = ",\n"
                claims += 1
            findings += fs
        assert head is not None
        entry = {**head, "claims": [], "findings": findings}
        tail = json_text(entry).split('"claims": []', 1)[1]
        self._stream.write("\n      ]" + _nested(tail, "    "))
        self._files += 1
        self._claims += claims
        return entry

    def close(self, kept: list[dict]) -> None:
        """End the ``files`` list and write the summary over ``kept`` (the entries ``add`` returned)."""
        sev = [f["severity"] for fo in kept for f in fo["findings"]]
        summary = summary_entry(self._files, self._claims, sev)
        self._stream.write(("\n  ]" if self._files else "]") + ',\n  "summary": '
                           + _nested(json_text(summary), "  ") + "\n}\n")
