"""The region table (rules/data/regions.csv, 2020 census) and scope resolution:
which region a document, and a sentence in it (全省 / 全市), is about."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .resources import rules_dir


@dataclass(frozen=True)
class Region:
    """One province or prefecture with its resident population."""

    code: str
    name: str
    short_name: str
    level: str
    parent_code: str
    population: int


@lru_cache(maxsize=1)
def regions() -> dict[str, Region]:
    """All regions by code."""
    out = {}
    with open(rules_dir() / "data" / "regions.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["code"]] = Region(row["code"], row["name"], row["short_name"], row["level"],
                                      row["parent_code"], int(row["population"]))
    return out


def _trie_alternation(words) -> str:
    """A regex matching the longest of ``words`` at a position, written as a trie (一(?:二|三)?):
    ``re`` tries a plain alternation branch by branch, a trie one character at a time."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body   # greedy: the longer name first

    return emit(trie)


@lru_cache(maxsize=1)
def _name_index():
    """(a regex finding region names, the longest name at each place; every full and short name
    with its region)."""
    names = {}
    for r in regions().values():
        names[r.name] = r
        names[r.short_name] = r
    return re.compile(_trie_alternation(names)), names


NAME_MAX_MEM = 32 << 20   # the name finder's automaton: enough that its cache holds over a long text


@lru_cache(maxsize=1)
def _name_finder():
    """(the name regex of ``_name_index`` under RE2, every full and short name as UTF-8 with its region):
    the same matches (leftmost, then longest), found in linear time over one UTF-8 buffer instead
    of trying each name's branch at every place."""
    import re2

    rx, names = _name_index()
    opts = re2.Options()
    opts.max_mem = NAME_MAX_MEM
    opts.log_errors = False
    return re2.compile(rx.pattern, opts), {n.encode("utf-8"): r for n, r in names.items()}


@dataclass(frozen=True)
class Scope:
    """The regions a document speaks about."""

    province: Optional[Region]
    prefecture: Optional[Region]
    default_level: str  # province | prefecture

    def for_words(self, context: str) -> Optional[Region]:
        """The region meant by the scope words in ``context`` (全省/我省 vs 全市/我市)."""
        if re.search(r"全省|我省|省级|各省", context):
            return self.province or self.prefecture
        if re.search(r"全市|我市|市域", context):
            return self.prefecture or self.province
        if self.default_level == "province":
            return self.province or self.prefecture
        return self.prefecture or self.province


def detect_scope(text: str) -> Scope:
    """Most-mentioned prefecture and province; 我省/全省 vs 我市/全市 decide the default level."""
    rx, names = _name_finder()
    counts: dict[str, int] = {}
    buf = text.encode("utf-8", "surrogatepass")
    for m in rx.finditer(buf):
        s, e = m.span()
        r = names[buf[s:e]]
        counts[r.code] = counts.get(r.code, 0) + 1
    table = regions()
    prefs = sorted((c for c in counts if table[c].level == "prefecture"), key=lambda c: -counts[c])
    provs = sorted((c for c in counts if table[c].level == "province"), key=lambda c: -counts[c])
    prefecture = table[prefs[0]] if prefs else None
    province = None
    if prefecture is not None:
        province = table.get(prefecture.parent_code)
    pref_count = counts.get(prefecture.code, 0) if prefecture else 0
    if provs and (province is None or (counts[provs[0]] > pref_count
                                       and counts[provs[0]] > counts.get(province.code, 0) * 2)):
        province = table[provs[0]]
        if prefecture is not None and prefecture.parent_code != province.code:
            prefecture = None
    prov_words = text.count("全省") + text.count("我省")   # neither overlaps the other
    city_words = text.count("全市") + text.count("我市")
    level = "province" if prov_words > city_words else "prefecture"
    if prefecture is None:
        level = "province"
    return Scope(province, prefecture, level)
