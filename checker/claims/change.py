"""Change claims: "V, 比2020年下降P%", "同比增长P个百分点", "从A下降到B".

Each claim records the value (a Quantity, possibly inherited from the previous
comparison in the sentence: "3315起,比2020年下降12.67%,比2019年下降24.09%"),
the reference (同比 / 2020年 / 上年), the direction and the amount, and is
decided exactly (``checker.assertions``).
"""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache
from typing import Optional

from ..assertions import nearest_percents, solve_prior
from ..assertions.grim import round_figure_interval
from ..document import Claim, Doc
from ..numbers import Interval, Quantity, fmt
from ..numbers.interval import round_half_up
from ..resources import load_data_toml
from ..text.han import han_count
from .types import ChangeData, GivenValue
from .common import QuantityIndex, Triggers
from .given import given_after, given_before, prior_conflict, real_growth
from .metric import subject_before

_REF = (
    r"(?P<ref>同比|环比|按年|按季|按月|比上年同期|比去年同期|较上年同期|较去年同期|比上年|比去年|较上年|较去年|"
    r"比(?P<ry>(?:19|20)\d{2})年(?:同期)?|较(?P<ry2>(?:19|20)\d{2})年(?:同期)?|"
    r"(?P<two>比前年|较前年|与前年)(?:同期)?(?:相比,?)?|"
    r"与(?:上年|去年|(?P<ry3>(?:19|20)\d{2})年)(?:同期)?相比,?|比过去|较过去)"
)
_DIR_WORDS = ("下降", "减少", "降低", "下滑", "回落", "下跌", "减", "降", "跌", "上升", "增长", "提高", "增加", "上涨",
              "增多", "提升", "增", "升", "涨")
_SIZE_WORDS = ("升幅", "涨幅", "增幅", "增速", "降幅", "跌幅", "减幅")
_DIR = rf"(?P<dir>{'|'.join(_DIR_WORDS)})"
_DIR_RX = re.compile(_DIR)
_SIZE_RX = re.compile(r"降幅|跌幅|减幅|增幅|升幅|涨幅")
_SIZE = rf"(?P<size>{'|'.join(_SIZE_WORDS)})(?:达到|为|达|是)?"  # 达到 before 达: 到 is no to-form
_CHANGE = re.compile("(?=[同环按比较与升涨增降跌减下上提回])(?:" + _REF + r"(?:[、和](?:同比|环比))?(?:分别|均|共|实现)?(?:双)?)?(?:" + _SIZE + "|" + _DIR
                     + r")(?P<to>了|到|至|为)?")
# where a change statement can start: a reference (its first characters: 比2020年, 与上年…相比) or, without
# one, the size or direction word itself (``Triggers``); tests/test_triggers.py checks this against _CHANGE
_REF_STARTS = ("同比", "环比", "按年", "按季", "按月", "比上年", "比去年", "较上年", "较去年", "比19", "比20", "较19",
               "较20", "比前年", "较前年", "与前年", "与上年", "与去年", "与19", "与20", "比过去", "较过去")
_CHANGE_STARTS = _REF_STARTS + _SIZE_WORDS + _DIR_WORDS
_FROMTO_STARTS = ("从", "由")
_FOLLOW = re.compile(r"[,，、]?(?:(?:同比|比上年|较上年)?" + _DIR + r"了?|(?:降幅|增幅|升幅|涨幅|跌幅|减幅|幅度)(?:为|达|是)?)")
_FROMTO = re.compile(r"(?:从|由)(?P<a>[^,，;。从由]{1,14}?)" + _DIR + r"(?:到|至)")
_NOT_SUBJECT = re.compile(r"(?:两|三|五|十)?年平均|年均|平均|同比|环比|按年|比上年|较上年|比去年|较去年|分别|均|实现|共|约|"
                          r"全年|今年|其中|合计|累计")
_AVERAGE = re.compile(r"(?:[两三四五六七八九十\d]+年)?(?:年均|平均每年|年平均|平均)")
# 年均增长, 年均分别增长, 年均实际增长: the average qualifies the change (年均浓度同比下降: it names the metric)
_AVERAGE_LINK = re.compile(r"(?:分别|实现|约|共|实际|名义|可比|按可比价格计算|[,，])*")
_RATE_SUBJECT = re.compile(r"(?:率|比重|占比|比例)(?:比上年|比去年|同比)?$")
# 失业率为3.2%,比上年下降0.4%: the value itself is a rate, so its change is in 个百分点
_RATE_VALUE_SUBJECT = re.compile(r"(?:率|比重|占比|比例)(?:为|是|达到|达|保持在|降至|升至|降到|升到|提高到|提高至|下降到|下降至)?$")
DECREASE = frozenset("下降 减少 降低 下滑 回落 下跌 减 降 跌 降幅 跌幅 减幅".split())
VALUE_KINDS = ("count", "money", "measure", "percent")
NOT_VALUES = ("类", "级", "大类", "项")
_CALENDAR = re.compile(r"(?:[、和至到~\-—–]\d{1,2})*(?:月|日|号|季度|时|点)")  # 9月, 4、5月份  # 八类案件, 四级网格: names of sets, not the value changed


def _new_subject_between(text: str, a: int, b: int) -> bool:
    """True when a clause with its own subject (≥2 Han characters) starts between ``a`` and ``b``."""
    between = text[a:b]
    cut = max(between.rfind(","), between.rfind("，"), between.rfind(";"), between.rfind("、"))
    if cut == -1:
        return False
    rest = _NOT_SUBJECT.sub("", between[cut + 1:])  # 3万亿元、年均增长: 年均 is no new subject
    return han_count(rest) >= 2


def _last_amount_end(idx: QuantityIndex, pos: int, lo: int) -> int:
    q = next(idx.before(pos, max(lo, pos - 80)), None)
    return q.end if q is not None else lo


def _reference(m: re.Match) -> tuple[str, int | None]:
    y = m.group("ry") or m.group("ry2") or m.group("ry3")
    ref = m.group("ref")
    if ref is None:
        return "", None  # not written: the prior value of the period (a growth rate of a year report)
    if y:
        return f"{y}年", int(y)
    if ref in ("同比", "按年", "比上年同期", "比去年同期", "较上年同期", "较去年同期"):
        return "同比", None
    if ref in ("环比", "按季", "按月"):
        return "环比", None
    if ref in ("比过去", "较过去"):
        return "过去", None
    if m.group("two"):
        return "前年", None
    return "上年", None


_BACK = {"同比": 1, "上年": 1, "前年": 2}   # periods back each label ``_reference`` gives names (a year, 环比, 过去: none)


def decide(value: Quantity, amount: Quantity, decrease: bool) -> dict:
    """Verdict and derivation for one value + percent change."""
    pct = amount.interval.scale(Fraction(1, 100))
    trunc = None
    if amount.interval.lo is not None and not amount.approx:
        step = amount.step / 100
        trunc = Interval(amount.value / 100, amount.value / 100 + step, True, False)
    integer = value.kind == "count" and value.interval.is_point and value.value.denominator == 1
    v = value.value if value.interval.is_point else value.value
    res = solve_prior(v, pct, decrease, integer, trunc)
    out = {
        "verdict": res.verdict,
        "candidates": list(res.candidates),
        "prior_range": str(res.prior_range) if res.prior_range else None,
        "note": res.note,
        "_range": res.prior_range,
    }
    if res.verdict == "inconsistent" and integer and res.prior_range is not None:
        # the nearest whole priors and the percentages they would give, rounded as written
        near = nearest_percents(v, res.prior_range, decrease, amount.decimals)
        out["nearest"] = "; ".join(f"{x} → {fmt(round_half_up(p, amount.decimals))}%" for x, p in near)
    return out


def _detail(value: Quantity, amount: Quantity, ref_label: str, decision: dict) -> str:
    pct_txt = amount.text
    c = decision["candidates"]
    if decision["verdict"] == "consistent":
        return f"implied {ref_label}: {', '.join(map(str, c))} → {pct_txt} ✓"
    if decision["verdict"] == "inconsistent":
        rng = decision.get("_range")
        shown = (f"{fmt(rng.lo, 2).lstrip('≈')}–{fmt(rng.hi, 2).lstrip('≈')}"
                 if rng is not None and rng.lo is not None and rng.hi is not None else "?")
        return f"implied {ref_label}: {shown}, no whole number reproduces {pct_txt} ✗"
    if decision["verdict"] == "warning":
        return f"implied {ref_label}: {', '.join(map(str, c))} only if {pct_txt} was truncated"
    if c:
        shown = str(c[0]) if len(c) == 1 else f"{c[0]}–{c[-1]}"
        return f"implied {ref_label}: {shown} (untestable: granularity cannot fail)"
    rng = decision.get("_range")
    if rng is not None and rng.lo is not None and rng.hi is not None and value.kind == "count" \
            and value.magnitude == 1:
        ints = rng.integers(limit=100_000) or []
        if ints:
            return f"implied {ref_label}: {ints[0]}–{ints[-1]} (untestable: granularity cannot fail)"
    if rng is not None and rng.lo is not None and rng.hi is not None:
        scale = Fraction(value.magnitude)
        unit = {10**4: "万", 10**8: "亿"}.get(value.magnitude, "") + (value.unit or "")
        return (f"implied {ref_label}: {fmt(rng.lo / scale, 2).lstrip('≈')}–{fmt(rng.hi / scale, 2).lstrip('≈')}"
                f"{unit} (untestable)")
    return f"implied {ref_label}: ? (untestable)"


def trigger_words() -> tuple[str, ...]:
    """The words every change statement starts with (``Triggers``)."""
    return _CHANGE_STARTS + _FROMTO_STARTS


def build(doc: Doc, idx: QuantityIndex, triggers: Triggers) -> list[Claim]:
    """Change claims of the document, decided where the numbers allow (``idx``, ``triggers``: the
    quantities by position and the trigger words' positions)."""
    text = doc.text
    out: list[Claim] = []
    amounts: set[int] = set()
    last_value: dict[int, Quantity] = {}  # sentence start → value of the last comparison
    last_claim: Optional[Claim] = None     # the previous comparison (a chain without a value continues it)
    from_to = _from_to(doc, idx, triggers)
    stated = {id(q) for c in from_to for q in c.quantities[2:]}  # 从A下降到B,下降P%: P belongs to the from-to
    for m in triggers.matches(_CHANGE, _CHANGE_STARTS):
        if m.group("ref") is None and not text[m.end():m.end() + 2].strip("约近超逾")[:1].isdigit() \
                and not text.startswith("百分之", m.end()):  # 上升百分之二十三: a percentage in words
            continue  # without a reference only a percentage right after the direction counts (cheap test)
        ss, se = doc.sentence_of(m.start())
        ref_label, ref_year = _reference(m)
        direction = m.group("dir") or m.group("size")
        decrease = direction in DECREASE
        to_form = m.group("to") in ("到", "至", "为")
        amount = idx.starting_at(m.end(), slack=2)
        if amount is not None and (amount.start >= se or amount.kind in ("year", "date")):
            amount = None
        if amount is not None and id(amount) in stated:
            continue
        if m.group("ref") is None and (amount is None or amount.kind not in ("percent", "percentage_point")
                                       or amount.start - m.end() > 1):
            continue  # without a written reference only "增长5.5%" itself is a change statement
        value = None
        for q in idx.before(m.start(), max(ss, m.start() - 60)):
            if q.unit is None and _CALENDAR.match(text, q.end):
                continue  # 1月至9月, 11月份: a date, not the value changed
            if q.kind in VALUE_KINDS and q.unit not in NOT_VALUES and m.start() - q.end <= 40:
                if id(q) not in amounts and not _new_subject_between(text, q.end, m.start()):
                    value = q
                break
        inherited = False
        pre_given, ref_back = None, _BACK.get(ref_label) if m.group("ref") else None
        found = given_before(text, idx, value, ss) if value is not None else None
        if found is not None:
            pre_given, value, is_reference = found  # "V,上年为P,同比增长X%", "V,较2021年的P下降X%"
            if m.group("ref") is None and is_reference:
                ref_year, ref_back = pre_given.year, pre_given.back
                ref_label = f"{ref_year}年" if ref_year else ("前年" if ref_back == 2 else "上年")
        if value is None and ss in last_value and m.start() - last_value[ss].end <= 60 \
                and not _new_subject_between(text, _last_amount_end(idx, m.start(), ss), m.start()):
            value = last_value[ss]
            inherited = True
        sub_start, subject = subject_before(text, value.start if value is not None else m.start())
        if value is not None:
            subject += text[value.end:m.start()]
        start = value.start if value is not None and not inherited else min(sub_start, m.start())
        if inherited:
            start = m.start()
        if value is None and subject:
            start = sub_start
        end = amount.end if amount is not None else m.end()
        average = _AVERAGE.search(text, max(ss, m.start() - 8), m.start())
        # PM2.5年均浓度同比下降, 平均到户电价: an average's name, not an average change, so the comparison
        # joins a series; the value is still not tested for whole-number priors (a mean is no count)
        one_comparison = average is None or not _AVERAGE_LINK.fullmatch(text, average.end(), m.start())
        data = ChangeData(reference=ref_label, reference_year=ref_year, ref_start=m.start(),
                          direction="decrease" if decrease else "increase", to_form=to_form, subject=subject,
                          back=ref_back, average=not one_comparison)
        data.series = value.start if value is not None else _chain_start(text, last_claim, ss, m.start())
        qs = [x for x in (value, amount) if x is not None]
        if amount is not None:
            amounts.add(id(amount))
            data.amount_kind = amount.kind
        if value is not None:
            last_value[ss] = value
        if amount is not None and amount.kind == "percent" and not to_form and average:
            data.verdict = "untestable"
            data.detail = f"{average.group(0)}: an average over several years, not one comparison with the value"
        elif amount is not None and amount.kind == "percent" and not to_form:
            if value is not None and value.kind != "percent":
                dec = decide(value, amount, decrease)
                data.detail = _detail(value, amount, ref_label, dec)
                rng = dec["_range"]
                if rng is not None and rng.lo is not None and rng.hi is not None:
                    if value.kind == "count" and value.interval.is_point:
                        ints = rng.integers(limit=100_000)
                        if ints:
                            data.prior_lo, data.prior_hi = Fraction(ints[0]), Fraction(ints[-1])
                    else:
                        data.prior_lo, data.prior_hi = rng.lo, rng.hi
                data.verdict, data.candidates = dec["verdict"], dec["candidates"]
                data.prior_range, data.note, data.nearest = dec["prior_range"], dec["note"], dec.get("nearest")
            elif decrease and amount.interval.lo is not None and amount.interval.lo >= 100:
                data.verdict, data.detail = "inconsistent", f"a decrease of {amount.text} leaves nothing"
                data.note = "a decrease of 100% or more leaves nothing"
            else:
                data.verdict = "untestable"
                data.detail = "no base value stated" if value is None else "a change of a percentage"
                rate_value = value is not None and value.kind == "percent" and \
                    _RATE_VALUE_SUBJECT.search(_NOT_SUBJECT.sub("", text[max(ss, value.start - 12):value.start]))
                if rate_value or m.group("to") == "了" and \
                        _RATE_SUBJECT.search(_NOT_SUBJECT.sub("", text[max(ss, m.start() - 12):m.start()])):
                    data.misuse = "percent-for-points"  # 失业率提高了1%: a rate changes by 百分点
                    data.detail = f"a rate changes by 个百分点, not by {amount.text}"
        elif amount is None:
            data.verdict, data.detail = "untestable", "direction only, no amount"
        elif to_form and amount.kind == "percent":
            data.verdict = "untestable"
            data.detail = f"the new value only ({m.group(0)}{amount.text}): no amount of change to recompute"
        else:
            data.verdict = data.verdict or "unchecked"
        if value is not None:
            data.value = fmt(value.value)
        if amount is not None:
            data.amount = fmt(amount.value)
            if value is not None and value.kind != "percent" and amount.kind == "percent" and not to_form \
                    and one_comparison:
                _check_given(text, idx, data, value, amount, se, pre_given)
        claim = Claim(id="", kind="change", start=start, end=end, quantities=qs, data=data)
        out.append(claim)
        last_claim = claim
    out.extend(from_to)
    return out


def _chain_start(text: str, last: Optional[Claim], ss: int, pos: int) -> int:
    """The series key of a comparison written without a value: the previous comparison's when only a
    separator stands between them ("同比增长5%,比前年同期增长9%"), else its own position."""
    if last is not None and last.start >= ss and last.end <= pos and _SEPARATORS.fullmatch(text, last.end, pos):
        return last.data.series
    return pos


_SEPARATORS = re.compile(r"[,，、;；\s]*")


def _check_given(text: str, idx: QuantityIndex, data: ChangeData, value: Quantity, amount: Quantity,
                 end: int, before: Optional[GivenValue] = None) -> None:
    """Earlier values written right after the change (and ``before``, one written between the value and
    the change); one for the change's own reference period must give the stated percentage (at the
    precision of all three numbers)."""
    if real_growth(text, max(0, value.start - 30), value.start):
        return  # real growth: a nominal prior beside it need not give the rate
    data.given = ([before] if before is not None else []) + given_after(text, idx, amount.end, end, value)
    pct = amount.interval.scale(Fraction(1, 100))
    readings = [pct] + [r for r in (round_figure_interval(pct),) if r is not None]
    for g in data.given:
        # the prior of the change's own reference; a change without one (增长5%) compares with the period before
        own = (g.year is not None and g.year == data.reference_year) or \
              (g.back is not None and g.back == (data.back if data.reference else 1))
        if not own or data.verdict == "inconsistent":
            continue
        actual = prior_conflict(value, g.quantity, readings, data.direction == "decrease")
        if actual is not None:
            data.verdict, data.given_conflict = "inconsistent", g
            data.detail = f"from the stated prior {g.quantity.text} the change is {actual}%, not {amount.text}"


def _from_to(doc: Doc, idx: QuantityIndex, triggers: Triggers) -> list[Claim]:
    """从A下降到B / 由A增至B, with the amount stated after it if any."""
    text = doc.text
    out = []
    for m in triggers.matches(_FROMTO, _FROMTO_STARTS):
        # 由2022年的1200起下降到2023年的1000起: the years name the periods, the values follow them
        inside = [q for q in idx.within(m.start("a"), m.start("dir")) if q.kind not in ("year", "date")]
        a = inside[-1] if inside else None
        b = idx.starting_at(m.end(), slack=1)
        from_year = to_year = None
        if b is not None and b.kind == "year":
            to_year = int(b.value)
            b = idx.starting_at(b.end, slack=2) if text.startswith("的", b.end) else None
        year_a = next((q for q in idx.within(m.start("a"), m.start("dir")) if q.kind == "year"), None)
        if year_a is not None:
            from_year = int(year_a.value)
        if a is None or b is None or a.end > m.start("dir") or b.kind in ("year", "date"):
            continue
        decrease = m.group("dir") in DECREASE
        data = ChangeData(direction="decrease" if decrease else "increase", from_value=fmt(a.value),
                          to_value=fmt(b.value), form="from-to", from_year=from_year, to_year=to_year)
        qs = [a, b]
        # no direction check for ranks (从第9位上升到第3位) or a from-value that is itself a change (由下降5%转为增长至1%)
        unsure = _ranked(text, max(doc.sentence_of(m.start())[0], m.start() - 12), b, a) or \
            _DIR_RX.search(text, m.start("a"), a.start) is not None
        follow = _FOLLOW.match(text, b.end)
        if follow:
            c = idx.starting_at(follow.end(), slack=1)
            if c is not None and c.kind in ("percent", "percentage_point", "multiple"):
                qs.append(c)
                data.stated, data.stated_kind = c.text, c.kind
                res = decide_from_to(a, b, c, follow.group(0))
                if not unsure and res["verdict"] != "inconsistent" and c.kind in ("percent", "percentage_point"):
                    res = _direction_check(a, b, _stated_direction(follow.group(0)), res)
                data.verdict, data.detail, data.misuse = res["verdict"], res.get("detail", ""), res.get("misuse")
        if not unsure and data.verdict not in ("inconsistent", "misuse"):
            res = _direction_check(a, b, decrease, {"verdict": data.verdict})
            if res["verdict"] == "misuse":
                data.verdict, data.detail, data.misuse = res["verdict"], res["detail"], res["misuse"]
        out.append(Claim(id="", kind="change", start=a.start - (m.start("a") - m.start()),
                         end=qs[-1].end, quantities=qs, data=data))
    return out


@lru_cache(maxsize=1)
def _rank_vocab() -> tuple[re.Pattern, frozenset[str]]:
    d = load_data_toml("series.toml")["fromto"]
    return re.compile("|".join(map(re.escape, d["rank_words"]))), frozenset(d["rank_units"])


def _ranked(text: str, lo: int, b: Quantity, a: Quantity) -> bool:
    """The from-to is about a rank: a rank word before the new value, or a rank unit."""
    words, units = _rank_vocab()
    return words.search(text, lo, b.start) is not None or a.unit in units or b.unit in units


def _stated_direction(wording: str) -> Optional[bool]:
    """True for a fall (下降, 降幅), False for a rise, None when the wording names no direction (幅度)."""
    m = _DIR_RX.search(wording)
    if m:
        return m.group("dir") in DECREASE
    size = _SIZE_RX.search(wording)
    return None if size is None else size.group(0) in DECREASE


def _direction_check(a: Quantity, b: Quantity, decrease: Optional[bool], res: dict) -> dict:
    """``res`` unless the values moved, beyond the rounding of both, the other way than the words say."""
    ratio = _ratio_range(a, b)
    if decrease is None or ratio is None:
        return res
    if (decrease and ratio.lo > 1) or (not decrease and ratio.hi < 1):
        return {"verdict": "misuse", "misuse": "direction",
                "detail": f"{fmt(a.value)} → {fmt(b.value)} is {'a rise' if decrease else 'a fall'}, "
                          f"not {'a fall' if decrease else 'a rise'}"}
    return res


def _ratio_range(a: Quantity, b: Quantity) -> Interval | None:
    """Range of b/a over the values both written numbers admit (positive values)."""
    ia, ib = a.interval, b.interval
    if None in (ia.lo, ia.hi, ib.lo, ib.hi) or ia.lo <= 0:
        return None
    return Interval(ib.lo / ia.hi, ib.hi / ia.lo)


def decide_from_to(a: Quantity, b: Quantity, c: Quantity, wording: str) -> dict:
    """Verdict of 从A…到B followed by a stated change ``c`` (percent, points or 倍)."""
    ratio = _ratio_range(a, b)
    if ratio is None:
        return {"verdict": "untestable", "detail": "values too vague"}
    if c.kind == "percent":
        rel = Interval(abs(ratio.lo - 1) if ratio.lo >= 1 else abs(1 - ratio.hi),
                       abs(ratio.hi - 1) if ratio.lo >= 1 else abs(1 - ratio.lo)).scale(Fraction(100))
        if rel.intersect(c.interval) is not None:
            return {"verdict": "consistent", "detail": f"({fmt(b.value)}−{fmt(a.value)})/{fmt(a.value)} ≈ {fmt(rel.lo, 2)}% ✓"}
        if a.kind == "percent" and b.kind == "percent":
            diff = abs(b.value - a.value)
            if c.interval.contains(diff):
                return {"verdict": "misuse", "misuse": "percent-for-points",
                        "detail": f"{fmt(a.value)}% → {fmt(b.value)}% is {fmt(diff)} 个百分点, not {c.text}"}
        return {"verdict": "inconsistent", "detail": f"({fmt(b.value)}−{fmt(a.value)})/{fmt(a.value)} = {rel} %, not {c.text}"}
    if c.kind == "percentage_point":
        if a.kind != "percent" or b.kind != "percent":
            return {"verdict": "misuse", "misuse": "points-for-percent",
                    "detail": f"百分点 compares two percentages; {a.text} and {b.text} are not"}
        lo = abs(b.interval.lo - a.interval.hi) if b.value >= a.value else abs(a.interval.lo - b.interval.hi)
        hi = abs(b.interval.hi - a.interval.lo) if b.value >= a.value else abs(a.interval.hi - b.interval.lo)
        if Interval(min(lo, hi), max(lo, hi)).intersect(c.interval) is not None:
            return {"verdict": "consistent", "detail": f"{fmt(b.value - a.value)} 个百分点 ✓"}
        return {"verdict": "inconsistent", "detail": f"the difference is {fmt(abs(b.value - a.value))} 个百分点, not {c.text}"}
    if c.kind == "multiple" and c.unit == "倍":
        net = "了" in wording and "到" not in wording
        target = ratio if not net else Interval(ratio.lo - 1, ratio.hi - 1)
        if target.intersect(c.interval) is not None:
            return {"verdict": "consistent", "detail": f"{fmt(b.value)}/{fmt(a.value)} ✓"}
        return {"verdict": "inconsistent", "misuse": "le-vs-dao" if net else "",
                "detail": f"{fmt(b.value)} is {fmt(ratio.lo, 2)} times {fmt(a.value)}: "
                          f"增加了 counts the increase only, 增加到 the new total"}
    return {"verdict": "unchecked"}
