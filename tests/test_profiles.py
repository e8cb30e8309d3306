"""Profile choice: regional words are counted as ``str.count`` counts them, from one regex pass."""
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.profiles import choose_profile, word_counts

_WORD = st.text(alphabet="港香人元", min_size=1, max_size=3)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=6, unique=True).map(tuple), st.text(alphabet="港香人元幣", max_size=40))
@example(("香港", "港人"), "香港人在香港")        # a word starting inside another
@example(("港", "香港"), "香港")                  # a word inside another
@example(("港港",), "港港港")                     # a word overlapping itself
def test_word_counts_are_str_count(words, text):
    """Words that overlap each other, themselves or nothing: every count is ``text.count(word)``."""
    assert word_counts(text, words) == {w: text.count(w) for w in words if text.count(w)}


def test_hong_kong_words_choose_the_hongkong_profile():
    choice = choose_profile("香港人在香港按年增長，特區政府公布。", traditional=True)
    assert choice.name == "hongkong"
    assert "香港×2" in choice.reason and "港人×1" in choice.reason   # 港人 inside 香港人 counts too
    assert choose_profile("全年共5宗，另有3宗。", traditional=True).reason.endswith("数字+宗×2")


def test_simplified_text_without_markers_gets_the_default():
    assert choose_profile("今年营业收入增长5%。", traditional=False).name == "mainland"
