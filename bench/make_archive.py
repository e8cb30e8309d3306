"""Write a JSONL archive of about SIZE megabytes from the fixtures, varied so that documents differ.

    python bench/make_archive.py 1024 /tmp/archive-1g.jsonl

Each document is a seed with its paragraphs rotated and every Arabic number perturbed by a
deterministic pseudo-random amount (so the claims, and some verdicts, change from copy to copy).
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIGITS = re.compile(r"(?<![\d.])\d{2,5}(?![\d.])")


def variants(seed: int = 7):
    rng = random.Random(seed)
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    i = 0
    while True:
        base = docs[i % len(docs)]
        paras = base.split("\n")
        k = rng.randrange(len(paras))
        text = "\n".join(paras[k:] + paras[:k])
        text = DIGITS.sub(lambda m: str(max(1, int(m.group(0)) + rng.randint(-3, 3))), text)
        yield f"doc-{i:08d}", text
        i += 1


def main() -> None:
    size_mb = float(sys.argv[1])
    out = sys.argv[2]
    limit = int(size_mb * 1024 * 1024)
    written = 0
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for rid, text in variants():
            line = json.dumps({"id": rid, "text": text}, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
            if written >= limit:
                break
    print(f"wrote {n} documents, {written / 1e6:.1f} MB to {out}")


if __name__ == "__main__":
    main()
