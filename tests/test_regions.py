"""Region names and the document's scope."""
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.regions import _name_index, detect_scope, region_names

_NAMES = sorted(_name_index()[1])
_PIECES = st.sampled_from(_NAMES + [n[:1] for n in _NAMES] + [n[1:] for n in _NAMES] + ["全省", "我市", "。", "a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
@example("南京市南京")
@example("黑龙江省哈尔滨市")
def test_region_names_are_what_the_name_regex_finds(text):
    """The longest name at each place, left to right, not overlapping: as the trie regex finds them."""
    assert region_names(text) == _name_index()[0].findall(text)


def test_scope_is_the_most_mentioned_prefecture_and_its_province():
    scope = detect_scope("南京市今年GDP增长。南京市人口。江苏省全省合计。我市将继续。")
    assert scope.prefecture.name == "南京市" and scope.province.name == "江苏省"
    assert scope.default_level == "prefecture"
    assert detect_scope("全省完成。我省继续。江苏省。").default_level == "province"


def test_every_region_name_has_two_characters_at_least():
    """The name scan looks for a first character followed by a second one: a name of one character (or an
    empty short name) in regions.csv could never be found, and would break the scan's table."""
    from checker.regions import regions

    short = [(r.code, n) for r in regions().values() for n in (r.name, r.short_name) if len(n) < 2]
    assert not short
