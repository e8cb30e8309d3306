"""Code-point offsets (what claimcheck reports) to LSP positions: a line and a column counted in
the negotiated unit — UTF-16 code units by default, as the protocol requires, or UTF-8 / UTF-32."""
from __future__ import annotations

import re
from bisect import bisect_right

_EOL = re.compile(r"\r\n|\r|\n")


class LinePositions:
    """Line starts of one text (``\\n``, ``\\r\\n`` and ``\\r`` end a line, as in LSP)."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _EOL.finditer(text)]

    def _units(self, s: str) -> int:
        if self.encoding == "utf-32":
            return len(s)
        if self.encoding == "utf-8":
            return len(s.encode("utf-8"))
        return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, character)``, both 0-based, of code-point ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return line, self._units(self.text[self.starts[line]:offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (clamped to the line)."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        units = 0
        for i in range(start, end):
            if units >= character:
                return i
            units += self._units(self.text[i])
        return end
