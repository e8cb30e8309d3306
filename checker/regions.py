"""The region table (rules/data/regions.csv, 2020 census) and scope resolution:
which region a document, and a sentence in it (全省 / 全市), is about."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .text.trie import longest_word_pattern
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


@lru_cache(maxsize=1)
def region_by_name() -> dict:
    """Every full and short region name with its region."""
    names = {}
    for r in regions().values():
        names[r.name] = r
        names[r.short_name] = r
    return names


@lru_cache(maxsize=1)
def _name_index():
    """(a regex finding region names, the longest name at each place; ``region_by_name()``): the
    definition ``region_names`` is tested against (compiling it costs 5 ms, so only tests do)."""
    names = region_by_name()
    return re.compile(longest_word_pattern(names)), names


@lru_cache(maxsize=1)
def _name_scan():
    """(a regex finding the places where a region name can start: a first character of a name
    followed by a second character of one; for each first character the lengths of the names it
    starts, longest first)."""
    names = region_by_name()
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[0], set()).add(len(name))
    firsts = "".join(sorted(lengths))
    seconds = "".join(sorted({name[1] for name in names}))
    starts = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")
    return starts, {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()}


def region_names(text: str) -> list[str]:
    """The region names in ``text`` as ``_name_index``'s regex finds them (the longest name at each
    place, left to right, not overlapping), without its cost: that regex tries its hundreds of
    first characters one by one wherever one of them stands; here a character-class search finds
    the few places where a first character is followed by a second one, and a dictionary looks the
    name up there."""
    starts, lengths = _name_scan()
    names = region_by_name()
    found: list[str] = []
    end = 0
    for m in starts.finditer(text):
        p = m.start()
        if p < end:
            continue   # inside the name found before
        for n in lengths[text[p]]:
            if text[p:p + n] in names:
                found.append(text[p:p + n])
                end = p + n
                break
    return found


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
    names = region_by_name()
    counts: dict[str, int] = {}
    for name in region_names(text):
        r = names[name]
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
    prov_words = text.count("全省") + text.count("我省")
    city_words = text.count("全市") + text.count("我市")
    level = "province" if prov_words > city_words else "prefecture"
    if prefecture is None:
        level = "province"
    return Scope(province, prefecture, level)
