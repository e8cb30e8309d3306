"""Magnitude kinds: ``magnitude`` (per-capita bounds against the region table)
and ``ratio`` (bounds between sibling counts such as 网格员 per 网格)."""
from __future__ import annotations

import re
from fractions import Fraction

from ...evidence import number, quote
from ...numbers import fmt
from ..registry import kind

_STOP = ",，、;；。:：\n"


class EntityWords:
    """The entity words of a rule, longest first, with one compiled lookup per measure word: which
    words may count a number in that unit (an entity with ``units`` only counts in those)."""

    def __init__(self, entities: list[dict]) -> None:
        triples = [(w, e["name"], tuple(e.get("units", ()))) for e in entities for w in e["words"]]
        self.triples = sorted(triples, key=lambda p: len(p[0]), reverse=True)
        self._by_unit: dict = {}

    def for_unit(self, unit: str | None):
        """(alternation of the words in list order, word → first entity name, words as a tuple)."""
        got = self._by_unit.get(unit)
        if got is None:
            words = [(w, name) for w, name, units in self.triples if not units or unit is None or unit in units]
            names: dict[str, str] = {}
            for w, name in words:
                names.setdefault(w, name)
            alternation = re.compile("|".join(re.escape(w) for w, _ in words)) if words else None
            got = self._by_unit[unit] = (alternation, names, tuple(w for w, _ in words))
        return got


def _entity_words(entities: list[dict]) -> EntityWords:
    return EntityWords(entities)


def entity_of(text: str, q, words: EntityWords, links: tuple[str, ...] = ()) -> str | None:
    """The counted thing: a noun right after the unit (4011个三级网格) or right before the number.
    An entity whose measure words (``units``) do not include the number's measure word is not
    what is counted: in 10.73万艘乡镇船舶 the 艘 counts boats and 乡镇 only says whose.
    Before the number, one of ``links`` (达到, 增至 …) may stand between noun and number."""
    if q.unit in ("级", "类", "大类"):
        return None  # 四级网格: a number of levels, not of things
    alternation, names, ordered = words.for_unit(q.unit)
    if alternation is None:
        return None
    end = q.end
    stop = end
    while stop < len(text) and stop - end < 6 and text[stop] not in _STOP:
        stop += 1
    # the leftmost word after the number (at one place, the first in list order: the longest)
    m = alternation.search(text, end, stop)
    if m is not None and m.start() - end <= 4:
        return names[m.group(0)]
    before = text[max(0, q.start - 12):q.start]
    for link in ("",) + links:  # 科技型中小企业增至9.4万家: the noun, then a linking verb
        if before.endswith(link):
            head = before[:len(before) - len(link)]
            if head.endswith(ordered):
                for w in ordered:
                    if head.endswith(w):
                        return names[w]
    return None


_CITY_WORDS = ("全市", "我市", "市域", "本市")


def wider_scope(sentence: str, params: dict) -> bool:
    """Whether the sentence speaks of a wider scope than the document's region (全国 …), once
    rankings and titles that only mention it (居全国第一, 高于全国平均, 全国“文明城市”) are set aside."""
    words = params.get("wider_scope_words", [])
    if not words:
        return False
    for t in params.get("scope_titles", []):
        sentence = sentence.replace(t, "")
    return any(w in sentence for w in words)


def _bounding_region(scope, context: str):
    """The region whose population bounds a count in ``context``: the prefecture only when the
    sentence says so (全市, or its name); otherwise the largest region in scope, so that a
    provincial figure in a report that often names one city is not held to that city."""
    region = scope.for_words(context)
    pref, prov = scope.prefecture, scope.province
    if region is not None and region is pref and prov is not None:
        if not any(w in context for w in _CITY_WORDS + (pref.name, pref.short_name)):
            return prov
    return region


def _whole(x: Fraction) -> str:
    """``x`` exactly when its decimal terminates (9421.25), else to the nearest whole number
    marked ≈ (≈387), never a bare ``≈.387``."""
    exact = fmt(x)
    return exact if not exact.startswith("≈") else f"≈{round(x)}"


@kind("magnitude")
def run_magnitude(ctx) -> None:
    """A count larger than the region's population allows for its entity."""
    ents = ctx.params["entities"]
    words = _entity_words(ents)
    bound = {e["name"]: Fraction(str(e["max_per_person"])) for e in ents if "max_per_person" in e}
    text = ctx.doc.text
    scope = ctx.doc.scope
    links = tuple(ctx.params.get("links", []))
    for q in ctx.doc.quantities:
        if q.kind != "count" or q.unit in ("人次", "户次", "元") or q.interval.lo is None:
            continue
        ent = entity_of(text, q, words, links)
        if ent is None or ent not in bound:
            continue
        ss, se = ctx.doc.sentence_of(q.start)
        if wider_scope(text[ss:se], ctx.params):
            continue  # a national (or other wider) figure, not the region's
        region = _bounding_region(scope, text[ss:q.start])
        if region is None:
            continue
        limit = bound[ent] * region.population
        if q.interval.lo > limit:
            per = q.interval.lo / region.population
            ctx.emit(q.start, q.end, {
                "entity": ent, "number": quote(ctx.doc, q.start, q.end), "region": region.name,
                "population": region.population,
                "per_person": number(per) if per >= Fraction(1, 100) else f"1/{_whole(1 / per)}",
            }, evidence={"population": str(region.population), "region_code": region.code,
                         "limit": fmt(limit, 0)})


@kind("ratio")
def run_ratio(ctx) -> None:
    """Two counts in one sentence whose ratio lies outside ``[min, max]``."""
    words = _entity_words(ctx.params["entities"])
    text = ctx.doc.text
    by_sentence: dict[tuple[int, int], dict[str, object]] = {}
    for q in ctx.doc.quantities:
        if q.kind != "count" or q.interval.lo is None:
            continue
        ent = entity_of(text, q, words)
        if ent:
            by_sentence.setdefault(ctx.doc.sentence_of(q.start), {}).setdefault(ent, q)
    for found in by_sentence.values():
        for p in ctx.params["pairs"]:
            num, den = found.get(p["numerator"]), found.get(p["denominator"])
            if num is None or den is None or den.value == 0:
                continue
            r = num.value / den.value
            lo, hi = Fraction(str(p["min"])), Fraction(str(p["max"]))
            if r < lo or r > hi:
                s, e = min(num.start, den.start), max(num.end, den.end)
                ctx.emit(s, e, {"numerator": quote(ctx.doc, num.start, num.end),
                                "denominator": quote(ctx.doc, den.start, den.end),
                                "num_name": p["numerator"], "den_name": p["denominator"],
                                "ratio": number(r, 4) if r >= Fraction(1, 1000) else f"1/{_whole(1 / r)}",
                                "min": p["min"], "max": p["max"]},
                         related=[(num.start, num.end, p["numerator"])])


@kind("population")
def run_population(ctx) -> None:
    """A count of people or households (``params.units``) above ``factor`` times the population of
    the largest region the document is about (its province, else its prefecture).  Sentences that
    name another region or a wider scope (全国), or count visitors (``skip_words``), are left alone."""
    from ...regions import _name_index

    scope = ctx.doc.scope
    region = scope.province or scope.prefecture
    if region is not None:
        name, population, code = region.name, region.population, region.code
    else:
        stated = stated_population(ctx.doc, ctx.params)
        if stated is None:
            return
        name, population, code = stated[0], stated[1], ""
    own = {r.code for r in (scope.province, scope.prefecture) if r is not None}
    units = set(ctx.params["units"])
    skip = tuple(ctx.params.get("skip_words", []))
    limit = Fraction(str(ctx.params.get("factor", "3/2"))) * population
    rx, names = _name_index()
    text = ctx.doc.text
    for q in ctx.doc.quantities:
        if q.kind != "count" or q.unit not in units or q.interval.lo is None or q.interval.lo <= limit:
            continue
        ss, se = ctx.doc.sentence_of(q.start)
        sentence = text[ss:se]
        if any(w in sentence for w in skip) or wider_scope(sentence, ctx.params):
            continue
        if any(names[m.group(0)].code not in own and names[m.group(0)].parent_code not in own
               for m in rx.finditer(sentence)):
            continue  # a region outside the document's: its figure, not the region's
        ctx.emit(q.start, q.end, {
            "number": quote(ctx.doc, q.start, q.end), "region": name, "population": population,
            "times": number(q.interval.lo / population),
        }, evidence={"population": str(population), "region_code": code, "limit": fmt(limit, 0)})


def stated_population(doc, params: dict) -> tuple[str, Fraction] | None:
    """The largest population the document states for its own area ("全市常住人口约150万人"): the
    area word as written and the upper end of the number's interval; None when it states none.
    Words from ``params`` (stated_scope, stated_population, stated_copula)."""
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True))  # noqa: E731
    scopes, pops = params.get("stated_scope", []), params.get("stated_population", [])
    if not scopes or not pops:
        return None
    rx = re.compile(rf"(?P<s>{alt(scopes)})(?:{alt(pops)})(?:{alt(params.get('stated_copula', []))})?$")
    best = None
    for q in doc.quantities:
        if q.kind != "count" or q.unit != "人" or q.interval.hi is None or q.is_range:
            continue
        m = rx.search(doc.text, max(0, q.start - 12), q.start)
        if m is not None and (best is None or q.interval.hi > best[1]):
            best = (m.group("s"), q.interval.hi)
    return best


_CLAUSE_BREAK = frozenset(",，;；。:：!！?？\n")


@kind("per_capita_amount")
def run_per_capita_amount(ctx) -> None:
    """An amount of money after a per-person word (人均, 户均) in its clause, above ``params.max_yuan``."""
    per_words = sorted(ctx.params["per_words"], key=len, reverse=True)
    limit = Fraction(str(ctx.params.get("max_yuan", "10000000")))
    gap = int(ctx.params.get("max_gap", 16))
    text = ctx.doc.text
    for q in ctx.doc.quantities:
        if q.kind != "money" or q.unit != "元" or q.interval.lo is None or q.interval.lo <= limit:
            continue
        lo = q.start
        while lo > 0 and q.start - lo < gap and text[lo - 1] not in _CLAUSE_BREAK:
            lo -= 1
        head = text[lo:q.start]
        per = next((w for w in per_words if w in head), None)
        if per is None:
            continue
        ctx.emit(q.start, q.end, {"per": per, "number": quote(ctx.doc, q.start, q.end), "limit": fmt(limit, 0)},
                 evidence={"limit": fmt(limit, 0)})
