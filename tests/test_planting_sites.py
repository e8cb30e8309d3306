"""Which sites the planting operators accept: a datespan error needs a real publication date, and a
streak restated elsewhere needs a subject of its own."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from planting import OPERATORS, load_documents  # noqa: E402
from planting.corpus import Document  # noqa: E402
from planting.streak import streak_sites  # noqa: E402

SHARED = ROOT.parent / "shared"


def _doc(text: str, year: int, genre: str = "reports") -> Document:
    return Document("corpus/reports/x.txt", Path("x.txt"), genre, text, "hans", year, "福建省")


def test_generic_heads_are_no_streak_sites():
    text = "厦门消费持续回暖，总额连续5个月蝉联全省第一。全省粮食产量连续5年稳定增长。"
    heads = [text[cs:m.start()] for m, _, cs, _ in streak_sites(_doc(text, 2022))]
    assert heads == ["全省粮食产量"]


def test_datespan_needs_a_publication_date():
    text = "据统计，全省电诈发案、损失连续5年实现“双下降”，成效显著。" * 3
    dated, undated = _doc(text, 2022), _doc(text, 0, "seeds")
    for op in OPERATORS["datespan"]:
        assert not op.sites(undated), op.name
    assert any(op.sites(dated) for op in OPERATORS["datespan"])


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus not present")
def test_seeds_carry_no_publication_year():
    docs = load_documents(SHARED, ROOT / "fixtures" / "seeds")
    assert all(d.year == 0 for d in docs if d.genre == "seeds")
    assert all(d.year > 0 for d in docs if d.genre == "reports")


def test_a_measure_word_shared_by_a_list_is_no_drop_site():
    from planting import operator

    text = "国家级单项冠军、专精特新“小巨人”分别达到43家、322家，新增孵化器25家。"
    sites = [m.group(0) for m in operator("drop_measure_word").sites(_doc(text, 2025))]
    assert sites == ["25家"]   # 43家 is followed by 、322家; 322家 follows no Han character
