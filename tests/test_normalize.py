"""Normalisation and the offset map: spans of normalised text slice the original exactly."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.numbers import extract_quantities
from checker.text import normalize

SEED001 = "劃分網(wǎng)格90444萬個,選聘網(wǎng)格員9.6萬名"


def test_traditional_and_pinyin():
    nt = normalize(SEED001)
    assert nt.text == "划分网格90444万个,选聘网格员9.6万名"
    i = nt.text.index("90444")
    s, e = nt.orig_span(i, i + 7)
    assert SEED001[s:e] == "90444萬個"
    s, e = nt.orig_span(0, 4)
    assert SEED001[s:e] == "劃分網(wǎng)格"


def test_keeps_real_parentheses_and_fullwidth():
    nt = normalize("全市78个乡镇(街道)配齐，达到１００％")
    assert "(街道)" in nt.text
    assert nt.text.endswith("达到100%")
    i = nt.text.index("100%")
    s, e = nt.orig_span(i, i + 4)
    assert "全市78个乡镇(街道)配齐，达到１００％"[s:e] == "１００％"


def test_whitespace():
    nt = normalize("  甲  乙\t\r\n丙 丁 ")
    assert nt.text == "甲 乙\n丙 丁"
    assert nt.orig_span(0, len(nt.text)) == (2, len("  甲  乙\t\r\n丙 丁"))


def test_simplified_unchanged():
    s = "2021年,全市刑事案件发案3315起,比2020年下降12.67%。"
    assert normalize(s).text == s


PIECES = st.sampled_from([
    "點(diǎn)", "經(jīng)濟(jì)", "(街道)", "  ", "\u3000", "\r\n", "\n", "１２", "％", "，", "3315起", "下降12.67%",
    "九点六", "萬", "億元", "9.6萬名", "（注）", "a", " b ", "十四五", "唯一一个",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=12).map("".join))
def test_every_number_slices_original(text):
    nt = normalize(text)
    assert normalize(nt.text).text == nt.text  # idempotent
    for q in extract_quantities(nt.text):
        s, e = nt.orig_span(q.num_start, q.num_end)
        assert 0 <= s <= e <= len(text)
        written = text[s:e]
        # the digits of the normalised number appear, in order, in what was written (full-width folded)
        norm_digits = re.sub(r"\D", "", nt.text[q.num_start:q.num_end])
        orig_digits = re.sub(r"\D", "", written.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}))
        assert norm_digits == orig_digits, (text, written)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_span_map_monotone(text):
    nt = normalize(text)
    prev = 0
    for i in range(len(nt.text)):
        s, e = nt.orig_span(i, i + 1)
        assert prev <= s < e <= len(text)
        prev = s


def test_traditional_forms_judged_in_one_call_as_one_by_one():
    """Han characters judged in a batch (one per line) are those t2s changes when converted alone."""
    from checker.text.normalize import _t2s, _traditional_among

    chars = {chr(c) for c in range(0x4E00, 0x9FFF, 7)} | set("經濟發展國內總產值")
    assert _traditional_among(chars) == {ch for ch in chars if _t2s().convert(ch) != ch}
    assert {"經", "濟", "發", "國", "產"} <= _traditional_among(set("經濟發展國內總產值"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x2FF0, max_codepoint=0xFF70), max_size=40))
def test_full_width_folding_matches_the_width_table(text):
    """The regex that folds full-width forms changes exactly what ``str.translate(_WIDTH)`` would."""
    from checker.text.normalize import _WIDE_CHAR, _WIDTH, _narrow

    assert _WIDE_CHAR.sub(_narrow, text) == text.translate(_WIDTH)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="经經济濟发發展国國内總总产產值，。ab1\n", max_size=200))
def test_looks_traditional_is_the_share_of_traditional_han_characters(text):
    """Whatever the shortcuts, the judgement is the share of Han characters that t2s changes alone."""
    from checker.text.normalize import _t2s, looks_traditional

    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    trad = [ch for ch in han if _t2s().convert(ch) != ch]
    assert looks_traditional(text) == (bool(han) and len(trad) / len(han) > 0.03)
