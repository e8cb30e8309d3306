"""The message layer: a finding's evidence worded for an editor, in the chosen language.

Rule kinds hand over facts (claims, the joint check's bounds, numbers); this module turns them
into words.  Chinese messages use full-width punctuation and Chinese verdict words, quote numbers
as the source wrote them (the original text under the claim's span, not the normalised text), and
show no solver notation; English messages say the same in English.

Claims are read in one place only (``_field``, through ``_change_facts``, ``_from_to_facts``,
``_bound_facts`` and ``_items``): when the
claim representation changes, this adapter is what follows it.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any


VERDICT_WORDS = {
    "zh": {"consistent": "一致", "inconsistent": "不一致", "warning": "存疑", "untestable": "无法检验",
           "not checked": "未检查", "misuse": "用法错误"},
    "en": {"consistent": "consistent", "inconsistent": "inconsistent", "warning": "warning",
           "untestable": "untestable", "not checked": "not checked", "misuse": "misuse"},
}
EVIDENCE_KEYS = {
    "zh": {"prior_range": "上期可能范围", "candidates": "候选上期值", "nearest": "最接近的整数上期值",
           "note": "说明", "derivation": "推导"},
    "en": {"prior_range": "prior range", "candidates": "candidate priors", "nearest": "nearest whole priors",
           "note": "note", "derivation": "derivation"},
}


def _en(lang: str) -> bool:
    return lang == "en"


def quote(doc, start: int, end: int) -> str:
    """The original text (as the source wrote it) under the normalised span ``[start, end)``."""
    s, e = doc.orig_span(start, end)
    return doc.source.text[s:e].replace("\n", " ")


def number(x: Fraction | None, places: int = 2) -> str:
    """An exact number for a message: whole numbers as they are, others to ``places`` decimals
    (no ≈ sign: the message says "约" / "about" where it matters)."""
    if x is None:
        return "?"
    if x.denominator == 1:
        return str(x.numerator)
    scaled = abs(x) * 10 ** places
    whole = int(scaled + Fraction(1, 2))          # half-up, as the documents round
    sign = "-" if x < 0 else ""
    text = f"{whole // 10 ** places}.{whole % 10 ** places:0{places}d}".rstrip("0").rstrip(".")
    return sign + text


def span_of(lo: Fraction | None, hi: Fraction | None, lang: str, places: int = 2) -> str:
    """``3796`` for a point, ``20.11～20.34`` (zh) / ``20.11–20.34`` (en) for a range."""
    if lo is not None and hi is not None and number(lo, places) == number(hi, places):
        return number(lo, places)
    if lo is None:
        return ("不超过 " if not _en(lang) else "at most ") + number(hi, places)
    if hi is None:
        return ("不少于 " if not _en(lang) else "at least ") + number(lo, places)
    return f"{number(lo, places)}{'–' if _en(lang) else '～'}{number(hi, places)}"


# --- change claims (CC111, CC112 and the claim lists) --------------------------------------------------------

def _field(claim, name: str, default: Any = None) -> Any:
    """One field of a claim's typed data (``checker.claims.types``), or ``default``."""
    return getattr(claim.data, name, default)


def _change_facts(claim) -> dict[str, Any]:
    """What a value + percent-change claim says and what the check derived (the one reader of its data)."""
    lo, hi = _field(claim, "prior_lo"), _field(claim, "prior_hi")
    if lo is None and hi is None:
        lo, hi = interval_bounds(_field(claim, "prior_range"))
    return {"verdict": _field(claim, "verdict"), "reference": _field(claim, "reference") or "",
            "candidates": list(_field(claim, "candidates") or []), "lo": lo, "hi": hi,
            "nearest": _field(claim, "nearest"), "detail": _field(claim, "detail", ""),
            "misuse": _field(claim, "misuse"),
            "amount": claim.quantities[-1] if claim.quantities else None,
            "value": claim.quantities[0] if len(claim.quantities) > 1 else None}


def _in_units(f: dict[str, Any]) -> tuple[Fraction | None, Fraction | None, str]:
    """The implied range in the value's own magnitude and unit (2074.87～2096.37万元, not 20748717.95…)."""
    q = f["value"]
    magnitude = getattr(q, "magnitude", 1) or 1
    if q is None or magnitude == 1:
        return f["lo"], f["hi"], ""
    scale = Fraction(magnitude)
    unit = {10**4: "万", 10**8: "亿"}.get(magnitude, "") + (q.unit or "")
    lo = f["lo"] / scale if f["lo"] is not None else None
    hi = f["hi"] / scale if f["hi"] is not None else None
    return lo, hi, unit


def interval_bounds(text: str | None) -> tuple[Fraction | None, Fraction | None]:
    """The bounds of an interval as the solver wrote it (``[≈20.112360, ≈20.337079]``), for display only."""
    if not text:
        return None, None
    parts = text.strip("[]() ").split(",")
    if len(parts) != 2:
        return None, None
    out = []
    for p in parts:
        p = p.strip().lstrip("≈")
        try:
            out.append(Fraction(p))
        except (ValueError, ZeroDivisionError):
            out.append(None)
    return out[0], out[1]


def _reference(ref: str, lang: str) -> str:
    if _en(lang):
        return {"同比": "a year earlier", "环比": "in the previous period", "上年": "the year before",
                "前年": "two years earlier", "": "before"}.get(ref, f"in {ref}")
    return {"同比": "上年同期", "环比": "上期", "上年": "上年", "": "变化前"}.get(ref, ref)


def change_detail(doc, claim, lang: str = "zh") -> str:
    """The derivation of a value + percent change: the prior it implies and, when no whole prior
    reproduces the percentage, the nearest whole priors and the percentages they give."""
    f = _change_facts(claim)
    en = _en(lang)
    if f["verdict"] not in ("consistent", "inconsistent", "warning", "untestable"):
        return f["detail"]
    if f["amount"] is None or (f["value"] is None and len(claim.quantities) < 2 and f["amount"].kind != "percent"):
        return "direction only, no amount" if en else "只有变化方向，没有幅度"
    pct = quote(doc, f["amount"].start, f["amount"].end)
    if f["value"] is None or f["value"].kind == "percent":
        if f.get("misuse") == "percent-for-points":
            return (f"a rate changes by percentage points, not by {pct}" if en
                    else f"比率的升降应写作“个百分点”，而不是 {pct}")
        if f["verdict"] == "inconsistent":
            return f"a decrease of {pct} leaves nothing" if en else f"下降 {pct} 之后什么也不剩（降幅不能达到100%）"
        if f["value"] is None:
            return "no base value stated" if en else "没有给出基数，无法检验"
        return "a change of a percentage" if en else "百分数的变化，无法按整数检验"
    given = _field(claim, "given_conflict")
    if given is not None and f["verdict"] == "inconsistent":
        return _given_prior_detail(doc, claim, given, pct, lang)
    ref = _reference(f["reference"], lang)
    cands = f["candidates"]
    lo, hi, unit = _in_units(f)
    implied = span_of(lo, hi, lang) + unit if lo is not None or hi is not None else (
        span_of(Fraction(cands[0]), Fraction(cands[-1]), lang) if cands else "?")
    if f["verdict"] == "inconsistent":
        near = _nearest(f["nearest"], lang)
        if _en(lang):
            return f"the figure {ref} would be {implied}; no whole number gives {pct}" + (
                f" (nearest whole figures: {near})" if near else "")
        return f"推算{ref}的数为 {implied}，没有哪个整数能得出 {pct}" + (
            f"（最接近的整数：{near}）" if near else "")
    if f["verdict"] == "consistent":
        return (f"the figure {ref} would be {implied}, which gives {pct}" if _en(lang)
                else f"推算{ref}的数为 {implied}，与 {pct} 相符")
    if f["verdict"] == "warning":
        return (f"the figure {ref} would be {implied}, which gives {pct} only if truncated, not rounded"
                if _en(lang) else f"推算{ref}的数为 {implied}，只有把百分比截断（而非四舍五入）才得出 {pct}")
    return (f"the figure {ref} would be {implied}; rounding this coarse cannot fail, so agreement proves nothing"
            if _en(lang) else f"推算{ref}的数为 {implied}；取整太粗，无法检验")


def change_formula(doc, claim, lang: str = "zh") -> str | None:
    """The equation a value + percent-change claim sets up, in words: with the base x,
    (x − 18) ÷ x rounded to whole percent must be 11%, so x lies in 20.11～20.34."""
    f = _change_facts(claim)
    value, amount = f["value"], f["amount"]
    if value is None or amount is None or amount.kind != "percent" or value.kind == "percent":
        return None
    lo, hi, unit = _in_units(f)
    if lo is None and hi is None:
        return None
    v, a = quote(doc, value.num_start, value.num_end), quote(doc, amount.start, amount.end)
    down = _field(claim, "direction") == "decrease"
    formula = f"(x − {v}) ÷ x" if down else f"({v} − x) ÷ x"
    places = amount.decimals
    if _en(lang):
        dp = f"{places} decimals" if places else "whole percent"
        return f"Let the base be x: {formula} rounded to {dp} must be {a}, so x is {span_of(lo, hi, lang)}{unit}."
    dp = f"{places} 位小数" if places else "整数百分比"
    where = span_of(lo, hi, lang) + unit
    where = f"在 {where} 之间" if "～" in where else f"是 {where}"
    return f"设基期值为 x，则 {formula} 按书写精度（{dp}）应为 {a}；x 只能{where}。"


def _given_prior_detail(doc, claim, given, pct: str, lang: str) -> str:
    """A change that the prior written beside it does not give: 按上年同期的 422起 计算，301起 是下降 28.67%."""
    value = claim.quantities[0]
    g, v = given.quantity, quote(doc, value.start, value.end)
    actual = (value.value - g.value) / g.value * 100
    size = number(abs(actual)) if abs(actual) >= Fraction(1, 100) else "0"
    stated_down = _field(claim, "direction") == "decrease"
    if _en(lang):
        moved = "a fall" if actual < 0 else "a rise"
        when = str(given.year) if given.year is not None else _year(f"t-{given.back}", lang)
        return (f"from the figure of {when}, {quote(doc, g.start, g.end)}, {v} is {moved} of {size}%, "
                f"not a {'fall' if stated_down else 'rise'} of {pct}")
    moved = "下降" if actual < 0 else "增长"
    return (f"按{given.label}的 {quote(doc, g.start, g.end)} 计算，{v} 是{moved} {size}%，"
            f"不是{'下降' if stated_down else '增长'} {pct}")


def _nearest(nearest: str | None, lang: str) -> str:
    """``20 → 10%; 21 → 14%`` as the message shows it: 上期 20 → 10%，上期 21 → 14%."""
    if not nearest:
        return ""
    parts = [p.strip() for p in nearest.split(";") if p.strip()]
    return ("; " if _en(lang) else "，").join(parts)


def _from_to_facts(claim) -> dict[str, Any] | None:
    """从A…到B claims: the two values, the stated change if any, the verdict and misuse."""
    if _field(claim, "form") != "from-to" or len(claim.quantities) < 2:
        return None
    qs = claim.quantities
    return {"a": qs[0], "b": qs[1], "c": qs[2] if len(qs) > 2 else None, "verdict": _field(claim, "verdict"),
            "misuse": _field(claim, "misuse") or "", "detail": _field(claim, "detail")}


def from_to_detail(doc, claim, lang: str = "zh") -> str | None:
    """The arithmetic of 从A下降到B, 降幅C: the relative change, the difference in points or the ratio,
    against what the text states."""
    f = _from_to_facts(claim)
    if f is not None and f["misuse"] == "direction":
        return _direction_detail(doc, f, lang)
    if f is None or f["c"] is None or f["verdict"] in (None, "unchecked"):
        return f["detail"] if f else None
    a, b, c = f["a"], f["b"], f["c"]
    A, B, C = quote(doc, a.start, a.end), quote(doc, b.start, b.end), quote(doc, c.start, c.end)
    en = _en(lang)
    ok = f["verdict"] == "consistent"
    if f["verdict"] == "untestable":
        return "the values are too vague to test" if en else "数值过于笼统，无法检验"
    if f["misuse"] == "points-for-percent":
        return (f"percentage points compare two percentages; {A} and {B} are not percentages" if en
                else f"“百分点”只用于比较两个百分数，{A} 和 {B} 不是百分数")
    if c.kind == "percent" and f["misuse"] != "percent-for-points":
        if a.value == 0:
            return f["detail"]
        rel = abs(b.value - a.value) / a.value * 100
        if en:
            return f"({B} − {A}) / {A} ≈ {number(rel)}%" + (", as stated" if ok else f", not {C}")
        return f"（{B}−{A}）÷{A} ≈ {number(rel)}%" + ("，相符" if ok else f"，不是 {C}")
    if c.kind in ("percent", "percentage_point"):
        diff = number(abs(b.value - a.value))
        if f["misuse"] == "percent-for-points":
            return (f"{A} → {B} is a difference of {diff} percentage point{'' if diff == '1' else 's'}, not {C}" if en
                    else f"{A} → {B} 相差 {diff} 个百分点，应写“{diff}个百分点”，而不是 {C}")
        if en:
            return f"the difference is {diff} percentage point{'' if diff == '1' else 's'}" + ("" if ok else f", not {C}")
        return f"相差 {diff} 个百分点" + ("，相符" if ok else f"，不是 {C}")
    if a.value == 0:
        return f["detail"]
    ratio = number(b.value / a.value)
    if ok:
        return f"{B} ÷ {A} ≈ {ratio}, as stated" if en else f"{B}÷{A} ≈ {ratio}，相符"
    if en:
        return f"{B} is {ratio} times {A}" + ("; 增加了 counts the increase only, 增加到 the new total"
                                               if f["misuse"] == "le-vs-dao" else f", not {C}")
    return f"{B} 是 {A} 的 {ratio} 倍" + ("；“增加了”只算增加的部分，“增加到”才是总数"
                                         if f["misuse"] == "le-vs-dao" else f"，不是 {C}")


def _direction_detail(doc, f: dict[str, Any], lang: str) -> str:
    """从A…到B stated (by its verb or by the change after it) as moving the other way than A → B does."""
    a, b = f["a"], f["b"]
    A, B = quote(doc, a.start, a.end), quote(doc, b.start, b.end)
    rise = b.value > a.value
    if _en(lang):
        return f"{A} → {B} is a {'rise' if rise else 'fall'}, but the text calls it a {'fall' if rise else 'rise'}"
    return f"{A} → {B} 是{'增加' if rise else '减少'}，文中却说是{'下降' if rise else '增长'}"


def claim_detail(doc, claim, lang: str = "zh") -> str | None:
    """The derivation shown beside a claim in claim lists, in messages and in the JSON ``detail``."""
    if claim.kind != "change":
        return _field(claim, "detail") or None
    if _field(claim, "form") == "from-to":
        return from_to_detail(doc, claim, lang)
    return change_detail(doc, claim, lang) or None


# --- the joint check (CC121, CC162) ---------------------------------------------------------------------------

def _bound_facts(b) -> dict[str, Any]:
    """One bound of the joint check: the claim it comes from, the year it is about, its limits."""
    keys, year = b.node
    other = b.other[1] if b.other is not None else None
    return {"claim": b.claim, "year": year, "lo": b.lo, "hi": b.hi, "other_year": other, "gap": b.gap,
            "difference": b.other is not None}


_RELATIVE = {"t": ("本期", "the current period"), "t0": ("本期", "the current period"),
             "t-1": ("上年同期", "a year earlier"), "t-2": ("前年同期", "two years earlier")}


def _year(y, lang: str) -> str:
    """A node's period: 2020年, or a period counted back from the current one (t-1: 上年同期)."""
    if isinstance(y, int):
        return f"{y}年" if not _en(lang) else str(y)
    if isinstance(y, str) and y in _RELATIVE:
        return _RELATIVE[y][1 if _en(lang) else 0]
    if isinstance(y, str) and y.startswith("t-") and y[2:].isdigit():
        return f"{y[2:]} years earlier" if _en(lang) else f"{y[2:]}年前同期"
    return str(y)


def _in_value_units(b, lo, hi) -> tuple[Fraction | None, Fraction | None, str]:
    """A bound in the magnitude and unit of its claim's value when written with 万/亿 (2088.2亿元, not
    208820000000); plain figures stay plain (3796)."""
    q = b.claim.quantities[0] if b.claim.quantities else None
    if q is None or q.kind not in ("count", "money", "measure") or b.node[0][-1:] == ("index",) \
            or (q.magnitude or 1) == 1:
        return lo, hi, ""
    scale = Fraction(q.magnitude or 1)
    unit = {10**4: "万", 10**8: "亿"}.get(q.magnitude, "") + (q.unit or "")
    return (lo / scale if lo is not None else None), (hi / scale if hi is not None else None), unit


def joint_derivation(doc, core, lang: str = "zh") -> str:
    """Why the claims of a conflicting set cannot all hold, one clause per claim:
    「3315起,比2020年下降12.67%」意味着2020年为 3796；「2020年…3900起」意味着2020年为 3900."""
    return ("; " if _en(lang) else "；").join(joint_steps(doc, core, lang))


def joint_steps(doc, core, lang: str = "zh") -> list[str]:
    """The clauses of :func:`joint_derivation`, one per bound, for formats that list them."""
    clauses = []
    for b in core:
        f = _bound_facts(b)
        c = f["claim"]
        said = quote(doc, c.start, c.end)
        if len(said) > 30:
            said = said[:29] + "…"
        if f["difference"]:
            a, o, g = _year(f["year"], lang), _year(f["other_year"], lang), f["gap"]
            if _en(lang):
                rel = "more than" if g > 0 else "at least"
                clauses.append(f"「{said}」 needs the {a} figure {rel} the {o} one")
            else:
                rel = "大于" if g > 0 else "不小于"
                clauses.append(f"「{said}」要求{a}的数{rel}{o}")
            continue
        lo, hi, unit = _in_value_units(b, f["lo"], f["hi"])
        q = b.claim.quantities[0] if unit and b.claim.quantities else None
        value = span_of(lo, hi, lang, places=q.decimals + 2 if q is not None else 2) + unit  # 4.2435～4.2504万吨
        y = _year(f["year"], lang)
        if b.node[0][-1:] == ("index",):  # a series without a written value, read as an index
            value += " (current period = 100)" if _en(lang) else "（以本期为100）"
        clauses.append(f"「{said}」 gives {value} for {y}" if _en(lang) else f"「{said}」意味着{y}为 {value}")
    return clauses


# --- lists (CC151) -------------------------------------------------------------------------------------------

def _items(claim) -> list[str]:
    return list(_field(claim, "items") or [])


def items_text(claim, lang: str = "zh") -> str:
    """The items of a 分别 list or an enumeration, as written: 「市、县、乡、村」."""
    items = _items(claim)
    return ("、" if not _en(lang) else ", ").join(items)


# --- the report's header ---------------------------------------------------------------------------------------

def level_text(level: str, lang: str = "zh") -> str:
    """The administrative level a document is about: （地级） / (prefecture)."""
    if _en(lang):
        return f" ({level})"
    return "（" + {"province": "省级", "prefecture": "地级", "county": "县级"}.get(level, level) + "）"


def year_source_text(source: str, lang: str = "zh") -> str:
    """Where the publication year came from, in the chosen language (no nested parentheses)."""
    if _en(lang):
        return f" — {source}" if source else ""
    if source == "--year":
        return "（命令行 --year）"
    if source.startswith("header date"):
        return "（文首日期" + source.removeprefix("header date").strip().replace("«", "「").replace("»", "」") + "）"
    if source.startswith("latest year named in the text"):
        return "（正文中最晚的年份）"
    return f"（{source}）" if source else ""


def profile_reason_text(reason: str, lang: str = "zh") -> str:
    """Why a regional profile applies, in the chosen language."""
    if _en(lang):
        return reason
    script = "繁体字" if reason.startswith("traditional") or "traditional script" in reason else "简体字"
    if reason == "configured":
        return "按配置"
    if reason.startswith("default for"):
        return f"{script}，未见地区用词，按默认"
    if "regional words:" in reason:
        words = reason.split("regional words:", 1)[1].strip().replace(", ", "、")
        return f"{script}，地区用词 {words}"
    return reason
