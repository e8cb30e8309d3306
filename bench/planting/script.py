"""Write the harness's own inserted words in the document's script (Traditional for Hong Kong)."""
from __future__ import annotations

# Every simplified character the planting templates use, with its Traditional form.
_S2T = {
    "据": "據", "统": "統", "计": "計", "来": "來", "趋": "趨", "势": "勢", "长": "長",
    "为": "為", "较": "較", "连": "連", "续": "續", "减": "減", "实": "實", "现": "現",
    "约": "約", "亿": "億", "万": "萬", "个": "個", "项": "項", "级": "級", "类": "類",
    "两": "兩", "后": "後", "时": "時", "间": "間", "达": "達", "从": "從", "别": "別", "与": "與", "数": "數", "总": "總", "这": "這",
    "县": "縣", "乡": "鄉", "镇": "鎮", "区": "區", "门": "門", "户": "戶", "条": "條",
    "辆": "輛", "头": "頭", "只": "隻", "种": "種", "对": "對", "仅": "僅",
}


def hant(text: str) -> str:
    """``text`` with the templates' simplified characters in Traditional form."""
    return "".join(_S2T.get(ch, ch) for ch in text)


def in_script(text: str, script: str) -> str:
    """``text`` (written in simplified) in ``script`` (``hans`` or ``hant``)."""
    return hant(text) if script == "hant" else text


def known_simplified() -> set[str]:
    """The simplified characters this module can convert (for tests of the templates)."""
    return set(_S2T)
