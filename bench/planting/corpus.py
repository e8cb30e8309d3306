"""The documents errors are planted into: the shared corpus and the project's seed fixtures."""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

GENRES = ("reports", "sina", "hk")
_YEAR = re.compile(r"((?:19|20)\d\d)")
_PROVINCE = re.compile(r"(甘肃|云南|吉林|安徽|山西|江苏|江西|河北|海南|湖南|福建|陕西|青海|广东|浙江|山东|河南|湖北|四川|贵州|辽宁|黑龙江)省")


@dataclass(frozen=True)
class Document:
    """One base document: its ledger name, path, genre, text, script, publication year, region."""

    key: str            # ledger name: corpus/hk/hk001.md or seeds/000_x.txt
    path: Path
    genre: str          # reports | sina | hk | seeds
    text: str
    script: str         # hans | hant
    year: int           # publication year from the manifest's date; 0 when the document carries none
    region: str         # province-level region the document is about ("" when national)
    boilerplate: frozenset = field(default=frozenset(), compare=False, repr=False)  # lines shared by many documents

    @property
    def suffix(self) -> str:
        """File suffix (.txt/.md), kept for the mutated copy so the same reader applies."""
        return self.path.suffix


def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    with open(folder / "MANIFEST.tsv", encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


def _seed_region(text: str) -> str:
    counts: dict[str, int] = {}
    for m in _PROVINCE.finditer(text):
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    return max(counts, key=counts.get) if counts else ""


def load_documents(shared: Path, seeds: Path) -> list[Document]:
    """Every corpus document (by MANIFEST) and every seed fixture, in a fixed order."""
    docs: list[Document] = []
    corpus = shared / "corpus"
    for genre in GENRES:
        folder = corpus / genre
        for name, row in sorted(_manifest(folder).items()):
            path = folder / name
            text = path.read_text(encoding="utf-8")
            meta = row.get("date") or row.get("title") or ""
            years = _YEAR.findall(meta)
            year = int(years[-1]) if years else 0
            region = row.get("region", "") if genre == "reports" else ("香港" if genre == "hk" else "")
            docs.append(Document(f"corpus/{genre}/{name}", path, genre, text,
                                 "hant" if genre == "hk" else "hans", year, region))
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        # the seeds carry no publication date, and the years a text names bound it from neither side
        # (a story naming 2021 may appear in 2025): a span "too long by publication" cannot be shown in
        # them, so they get no year and no datespan case
        docs.append(Document(f"seeds/{path.name}", path, "seeds", text, "hans", 0, _seed_region(text)))
    # page chrome: a line that three or more documents carry word for word (subscription footers ...)
    counts = Counter(line.strip() for d in docs for line in set(d.text.splitlines()) if len(line.strip()) >= 10)
    shared = frozenset(line for line, n in counts.items() if n >= 3)
    return [replace(d, boilerplate=shared) for d in docs]
