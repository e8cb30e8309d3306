"""The frame vocabulary: the words ``rules/data/frames.toml`` lists (scopes, periods, subject prefixes and
suffixes, generic words, change words) and the synonym table ``rules/data/metrics.toml``, compiled once
into the patterns that subjects (``checker.claims.subject``) and frames (``checker.claims.frame``) are
read with."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..resources import load_data_toml
from .common import NUM, NUM_START, alternation as _alt, longest_first as _longest

CLASS_WORDS = ("案件", "事件")  # class nouns: 电诈案件 counts 电诈 cases


@dataclass(frozen=True)
class _Vocab:
    whole: dict[str, str]
    parts: frozenset[str]
    not_places: frozenset[str]
    period_words: dict[str, tuple[str, Optional[int], str]]  # word → (kind, relative, part)
    ref_words: tuple[str, ...]
    object_after: tuple[str, ...]
    rx: dict[str, re.Pattern]              # compiled word lists: prefix, suffix, verb, generic, new, target, …
    count_attrs: frozenset[str]
    synonyms: Optional[re.Pattern]
    canon: dict[str, str]
    marker_rx: re.Pattern
    scope_rx: re.Pattern
    change_tail: re.Pattern
    continuation: tuple[str, ...]
    direction_words: tuple[str, ...]  # the words a change tail ends with (before 了, 为 …)
    direction_after: tuple[str, ...]
    suffix_words: tuple[str, ...]     # the words rx["suffix"] takes off the end
    generic_words: tuple[str, ...]    # the words rx["generic"] takes off the end


_YEAR = r"(?P<{0}>(?:19|20)\d{{2}})(?:[-—–~至到](?P<{0}b>(?:19|20)?\d{{2}}))?年(?:度|末|底)?"
_PART = (r"上月|本月|上季度|本季度|上半年|下半年|前三季度|前两季度|第?[一二三四1-4]季度|"
         r"\d{1,2}[-—–~至到]\d{1,2}月(?:份)?|前" + NUM + r"个月|\d{1,2}月份?(?:\d{1,2}[日号])?")


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    """The frame vocabulary (rules/data/frames.toml + the synonym table metrics.toml), loaded once."""
    d = load_data_toml("frames.toml")
    m = load_data_toml("metrics.toml")
    whole = {w: w[-1] for w in d["scope"]["whole"]}
    whole.update({"香港": "港", "本港": "港", "全港": "港", "我国": "国", "全国": "国"})
    pw: dict[str, tuple[str, Optional[int], str]] = {}
    for w in d["period"]["current"]:
        pw[w] = ("rel", 0, "")
    for w in d["period"]["to_date"]:
        pw[w] = ("rel", 0, "ytd")
    for w in d["period"]["reported"]:
        pw[w] = ("rel", None, "reported")
    for w in d["period"]["previous"]:
        pw[w] = ("rel", -1, "")
    for w in d["period"]["next"]:
        pw[w] = ("rel", 1, "")
    pairs = [(w, key) for key, words in m["terms"].items() for w in words]
    synonyms = re.compile(_alt(w for w, _ in pairs)) if pairs else None
    since = _alt(d["period"]["since"])
    firsts = set("“十党近过这上下前第本0123456789零〇一二两三四五六七八九百")
    firsts |= {w[0] for w in list(pw) + d["period"]["cumulative"]}
    marker = re.compile(
        rf"(?=[{''.join(sorted(firsts))}])(?:(?P<plan>“?十[一二三四五]五”?(?:时期|期间|以来|期)?)"
        rf"|党的(?P<cong>十[六七八九]|二十)大(?:召开)?以来"
        rf"|(?P<nyears>(?:近|过去|这)?{NUM_START}(?P<n>{NUM})(?:个)?年(?:来|以来|间|中)|近(?P<n2>{NUM})年)"
        rf"|{_YEAR.format('y')}(?P<since>{since})?(?P<ypart>{_PART})?"
        rf"|(?P<rel>{_alt(pw)})(?P<rpart>{_PART})?"
        rf"|(?P<part>{_PART})"
        rf"|(?P<cum>{_alt(d['period']['cumulative'])}))"
    )
    scope_words = list(whole) + list(d["scope"]["parts"])
    ch = d["change"]
    direction_words = _longest(ch["increase"] + ch["decrease"] + ch["size_increase"] + ch["size_decrease"])
    direction_after = ("了", "为", "达", "至", "到")
    suffix_words = _longest(d["subject"]["suffixes"])
    generic_words = _longest(list(d["subject"]["generic"]) + list(CLASS_WORDS))
    change_tail = re.compile(
        rf"(?:{_alt(d['reference']['words'])}|(?:{_alt(d['reference']['before'])})[^,，;；]{{0,12}}?)?"
        rf"(?:[、和](?:{_alt(d['reference']['words'])}))?(?:{_alt(ch['qualifiers'])})?(?:分别|均|都|实现|双|了){{0,4}}"
        rf"(?:{_alt(direction_words)})(?:{'|'.join(direction_after)})?$")
    return _Vocab(
        whole=whole, parts=frozenset(d["scope"]["parts"]), not_places=frozenset(d["scope"]["not_places"]),
        period_words=pw, ref_words=_longest(d["reference"]["words"]),
        object_after=_longest(d["subject"]["object_after"]), count_attrs=frozenset(d["subject"]["count_attrs"]),
        rx={
            "prefix": re.compile(rf"(?:{_alt(d['subject']['prefixes'])})(?=.)", re.S),
            "suffix": re.compile(rf"(?<=.)(?:{_alt(suffix_words)})$", re.S),
            "verb": re.compile(_alt(d["subject"]["object_after"])),
            "generic": re.compile(rf"(?:{_alt(generic_words)})$"),
            "new": re.compile(_alt(d["flow"]["new"])),
            "target": re.compile(_alt(d["modality"]["target"])),
            "not_specific": re.compile(_alt(d["subject"]["not_specific"])),
            "ref_word": re.compile(_alt(d["reference"]["words"])),
            "ref_before": re.compile(rf"(?:{_alt(d['reference']['before'])})$"),
            "comparison": re.compile(_alt(d["scope"]["comparison_after"])),
            "change_qualifier": re.compile(_alt(d["change"]["qualifiers"])),
        },
        synonyms=synonyms, canon=dict(pairs), marker_rx=marker,
        scope_rx=re.compile(_alt(scope_words)), change_tail=change_tail,
        continuation=_longest(d["period"]["continuation"]),
        direction_words=direction_words, direction_after=direction_after,
        suffix_words=suffix_words, generic_words=generic_words,
    )

