"""The JSON report written file by file, so memory is bounded by the largest document.

The document has the shape of ``ReportOut`` (``version``, ``tool``, ``files``, ``summary``) and reads
back with ``ReportOut.model_validate_json``; each file's entry is written as soon as it is built and
only its findings are kept (for the summary, ``--statistics`` and the exit status).
"""
from __future__ import annotations

import json
from typing import TextIO

from .. import __version__
from .models import FileOut, SummaryOut


class JsonReportWriter:
    """Write ``{"version": 1, "tool": …, "files": [`` now, one entry per ``add``, the summary on ``close``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._files = 0
        self._claims = 0
        tool = json.dumps({"name": "claimcheck", "version": __version__}, ensure_ascii=False)
        stream.write(f'{{\n  "version": 1,\n  "tool": {tool},\n  "files": [')

    def add(self, fo: FileOut) -> FileOut:
        """Write one file's entry; return it without its claims (what the caller may keep)."""
        body = fo.model_dump_json(indent=2).replace("\n", "\n    ")
        self._stream.write(("," if self._files else "") + "\n    " + body)
        self._files += 1
        self._claims += len(fo.claims)
        return fo.model_copy(update={"claims": []})

    def add_windows(self, parts) -> FileOut:
        """Write one file's entry from ``windowed_parts`` (entry, claims, findings per window), one
        window's claims at a time, findings last; return the entry without its claims."""
        head = None
        findings: list = []
        claims = 0
        for fo, cs, fs in parts:
            if head is None:
                head = fo
                before = fo.model_copy(update={"claims": []}).model_dump_json(indent=2).split('"claims": []', 1)[0]
                self._stream.write(("," if self._files else "") + "\n    " + before.replace("\n", "\n    ")
                                   + '"claims": [\n')
                sep = ""
            for c in cs:
                self._stream.write(sep + "        " + c.model_dump_json(indent=2).replace("\n", "\n        "))
                sep = ",\n"
                claims += 1
            findings += fs
        assert head is not None
        entry = head.model_copy(update={"findings": findings})
        tail = entry.model_copy(update={"claims": []}).model_dump_json(indent=2).split('"claims": []', 1)[1]
        self._stream.write("\n      ]" + tail.replace("\n", "\n    "))
        self._files += 1
        self._claims += claims
        return entry

    def close(self, kept: list[FileOut]) -> None:
        """End the ``files`` list and write the summary over ``kept`` (the entries ``add`` returned)."""
        sev = [f.severity for fo in kept for f in fo.findings]
        summary = SummaryOut(files=self._files, claims=self._claims, findings=len(sev),
                             errors=sev.count("error"), warnings=sev.count("warning"), info=sev.count("info"))
        self._stream.write(("\n  ]" if self._files else "]") + ',\n  "summary": '
                           + summary.model_dump_json(indent=2).replace("\n", "\n  ") + "\n}\n")
