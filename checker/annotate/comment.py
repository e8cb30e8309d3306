"""The words of one review comment: rule code and message, what the text says, what the
arithmetic gives, and the other places the finding involves — in Chinese or English."""
from __future__ import annotations

from typing import Any

from ..report.models import FindingOut

LABELS = {
    "zh": {"reported": "原文", "recomputed": "核算", "related": "相关", "explain": "说明",
           "story": {"footnote": "脚注", "endnote": "尾注", "header": "页眉", "footer": "页脚"},
           "located": "位于{story}", "open": "「", "close": "」", "colon": "：", "sep": "；"},
    "en": {"reported": "Text", "recomputed": "Recomputed", "related": "Related", "explain": "More",
           "story": {"footnote": "footnote", "endnote": "endnote", "header": "header", "footer": "footer"},
           "located": "in the {story}", "open": "“", "close": "”", "colon": ": ", "sep": "; "},
}

# evidence keys a reader wants to see, with their names; any other key is shown as it is called
EVIDENCE = {
    "value": ("数值", "value"), "amount": ("所述变化", "stated change"),
    "prior_range": ("可能的上年值", "admissible prior"), "nearest": ("最接近的整数上年值", "nearest whole priors"),
    "candidates": ("候选", "candidates"), "reference": ("比较基准", "reference"), "note": ("说明", "note"),
    "equations": ("推导", "derivation"), "actual_percent": ("实际百分比", "actual percent"),
    "stated": ("所述区间", "stated range"), "population": ("人口", "population"), "limit": ("上限", "limit"),
    "n": ("数目", "counts"), "metric": ("指标", "metric"),
}
HIDDEN_EVIDENCE = frozenset({"region_code"})


def _value(v: Any, lang: str) -> str:
    if isinstance(v, list):
        return LABELS[lang]["sep"].join(_value(x, lang) for x in v)
    if isinstance(v, dict):
        return LABELS[lang]["sep"].join(f"{k}={_value(x, lang)}" for k, x in v.items())
    return str(v)


def recomputed(evidence: dict[str, Any], lang: str) -> str:
    """The evidence of a finding as one line of ``name: value`` pairs (empty when there is none)."""
    lab = LABELS[lang]
    parts = []
    for key, v in evidence.items():
        if key in HIDDEN_EVIDENCE or v in (None, "", [], {}):
            continue
        name = EVIDENCE.get(key, (key, key))[0 if lang == "zh" else 1]
        parts.append(f"{name}{lab['colon']}{_value(v, lang)}")
    return lab["sep"].join(parts)


def comment_text(f: FindingOut, text: str, lang: str, story: str = "body",
                 related_stories: list[str] | None = None, note: str = "") -> str:
    """The comment for finding ``f`` on the original ``text``: paragraphs separated by newlines.
    ``story`` says where the text is when not in the body (``note``: the footnote's number)."""
    lang = "en" if lang == "en" else "zh"
    lab = LABELS[lang]
    quote = text[f.span.start:f.span.end]
    lines = [f"{f.rule}{lab['colon']}{f.message}"]
    where = ""
    if story in lab["story"]:
        place = lab["located"].format(story=lab["story"][story] + (note if lang == "zh" else f" {note}".rstrip()))
        where = f"（{place}）" if lang == "zh" else f" ({place})"
    lines.append(f"{lab['reported']}{lab['colon']}{lab['open']}{quote}{lab['close']}{where}")
    rec = recomputed(f.evidence, lang)
    if rec:
        lines.append(f"{lab['recomputed']}{lab['colon']}{rec}")
    for i, r in enumerate(f.related):
        rq = text[r.span.start:r.span.end]
        rs = (related_stories or [])[i] if related_stories and i < len(related_stories) else "body"
        loc = lab["story"].get(rs, "")
        loc = f"（{loc}）" if loc and lang == "zh" else (f" ({loc})" if loc else "")
        msg = f"{lab['colon']}{r.message}" if r.message and r.message != rq else ""
        lines.append(f"{lab['related']}{lab['colon']}{lab['open']}{rq}{lab['close']}{loc}{msg}")
    lines.append(f"{lab['explain']}{lab['colon']}claimcheck explain {f.rule}")
    return "\n".join(line.replace("\n", " ") for line in lines)
