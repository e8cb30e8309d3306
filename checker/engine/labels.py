"""The labels of a finding's related places (the whole, the total, the other statement …), in the
message language: one catalogue for every rule kind."""
from __future__ import annotations

RELATED = {
    "numerator": ("分子", "numerator"),
    "denominator": ("分母", "denominator"),
    "whole": ("整体", "the whole"),
    "total": ("总数", "the total"),
    "other": ("另一处说法", "the other statement"),
    "earlier_figure": ("写出的上期数", "the earlier figure as written"),
}


def related_label(key: str, lang: str) -> str:
    """The label ``key`` of ``RELATED`` in ``lang`` (Chinese unless ``en``)."""
    zh, en = RELATED[key]
    return en if lang == "en" else zh
