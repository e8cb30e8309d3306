"""Normalisation and the offset map: spans of normalised text slice the original exactly."""
import re

from hypothesis import example, given, settings
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
    """The Han characters the Traditional-form regex matches are those t2s changes converted alone."""
    from checker.text.normalize import _t2s, traditional_forms

    rx = traditional_forms()
    for ch in [chr(c) for c in range(0x4E00, 0xA000, 7)] + list("經濟發展國內總產值"):
        assert bool(rx.fullmatch(ch)) == (_t2s().convert(ch) != ch), ch
    assert {"經", "濟", "發", "國", "產"} <= set(rx.findall("經濟發展國內總產值"))
    assert not rx.search("经济发展abc，１２")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x2FF0, max_codepoint=0xFF70), max_size=40))
def test_full_width_folding_matches_the_width_table(text):
    """Folding full-width forms changes exactly what ``str.translate(_WIDTH)`` would."""
    from checker.text.normalize import _WIDTH, fold_width

    assert fold_width(text) == text.translate(_WIDTH)


@settings(max_examples=200, deadline=None)
@given(st.tuples(st.text(alphabet="经經济濟发發展国國内總总产產值，。ab1\n", max_size=200), st.integers(1, 60))
       .map(lambda t: t[0] * t[1]))   # long texts too: sampled, and counted in chunks
@example("經" * 200 + "经" * 6000)           # Traditional forms in the first sample only
@example("经" * 3000 + "經" * 10 + "a" * 3000)  # near the threshold
def test_looks_traditional_is_the_share_of_traditional_han_characters(text):
    """Whatever the shortcuts, the judgement is the share of Han characters that t2s changes alone
    (in the samples: the whole text up to 6,000 characters, else its start, middle and end)."""
    from checker.text.normalize import _samples, _t2s, looks_traditional

    han = [ch for s in _samples(text) for ch in s if "\u4e00" <= ch <= "\u9fff"]
    trad = [ch for ch in han if _t2s().convert(ch) != ch]
    for threshold in (0.03, 0.0, 0.5, -1.0):
        assert looks_traditional(text, threshold) == (bool(han) and len(trad) / len(han) > threshold)


_BLANK_RUN = re.compile("[ \t\u3000\xa0\f\v\u2002-\u200a\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u2069\ufeff]+")
_INVISIBLE = "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062" \
             "\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"


def _spelled_out(text: str) -> str:
    """The whitespace, line-end and surrogate rules of the module docstring, one regex per rule."""
    text = re.sub("\r\n?", "\n", re.sub("[\ud800-\udfff]", "\ufffd", text))

    def run(m):
        s, e = m.span()
        line_end = s == 0 or text[s - 1] == "\n" or e == len(text) or text[e] == "\n"
        return "" if line_end or not m.group().strip(_INVISIBLE) else " "

    return _BLANK_RUN.sub(run, text).replace("\u3000", " ").replace("１", "1")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u3000\xa0\u2003\u200b\u200d\ufeff\u202a\u00ad\r\na中\ud800１", max_size=40))
def test_blanks_line_ends_and_surrogates_follow_the_rules(text):
    """A lone space inside a line stays; other runs of blanks become one space, or nothing at a line
    start or end or when only invisible marks; CR LF and CR end lines; lone surrogates become U+FFFD."""
    nt = normalize(text)
    assert nt.text == _spelled_out(text)
    for i in range(len(nt.text)):
        s, e = nt.orig_span(i, i + 1)
        if nt.text[i] not in " \n\ufffd1":
            assert text[s:e] == nt.text[i]


def test_traditional_forms_are_kept_in_the_user_cache_and_rebuilt_when_broken(tmp_path, monkeypatch):
    """The judged characters are written to the cache once, read back the same, and judged again by
    OpenCC when the file is damaged."""
    import zlib

    from checker.text.normalize import _judged_by_opencc, traditional_forms

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("CLAIMCHECK_NO_CACHE", raising=False)
    judged = _judged_by_opencc()
    try:
        traditional_forms.cache_clear()
        assert traditional_forms().pattern == f"[{judged}]"
        (kept,) = (tmp_path / "claimcheck").glob("t2s-forms-*.txt")
        good = kept.read_text(encoding="utf-8")
        assert good.endswith("\n" + judged)
        head = good.partition("\n")[0]
        simplified = "国经这们发现"   # common simplified characters, under a header that is not theirs,
        for broken in ("abc", head + "\n" + judged[:-1], good.replace(judged, simplified),  # then under their own
                       f"{head.split()[0]} {len(simplified)} {zlib.crc32(simplified.encode()):08x}\n{simplified}"):
            kept.write_text(broken, encoding="utf-8")   # damaged or foreign: not trusted, judged again
            traditional_forms.cache_clear()
            assert traditional_forms().pattern == f"[{judged}]"
            assert kept.read_text(encoding="utf-8") == good
    finally:
        traditional_forms.cache_clear()
