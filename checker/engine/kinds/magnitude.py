"""Magnitude kinds: ``magnitude`` (per-capita bounds against the region table)
and ``ratio`` (bounds between sibling counts such as 网格员 per 网格)."""
from __future__ import annotations

import math
import re
from fractions import Fraction
from functools import lru_cache

from ...claims.common import alternation
from ...evidence import number, quote
from ...numbers import fmt
from ..params import fraction_param
from ..registry import kind

_STOP = ",，、;；。:：\n"
# the starting value of a from-to statement (从0.94万家, 由3.2万个), at the end of the text before a link
_FROM_VALUE = re.compile(r"[从由][0-9.,，]+[万萬亿億千百]*[\u4e00-\u9fff]?$")


class UnitWords:
    """The entity words that may count a number in one measure word, indexed for lookups that try
    no word in vain: by first character (a word after the number) and by length (a word ending a
    phrase).  ``names`` maps each word to its first entity name in list order."""

    def __init__(self, words: list[tuple[str, str]]) -> None:
        self.names: dict[str, str] = {}
        for w, name in words:
            self.names.setdefault(w, name)
        self.by_first: dict[str, tuple[str, ...]] = {}
        for w, _ in words:  # list order (longest first), as a regular-expression alternation tries them
            self.by_first[w[0]] = self.by_first.get(w[0], ()) + (w,)
        self.lengths = tuple(sorted({len(w) for w in self.names}, reverse=True))

    def leftmost(self, text: str, lo: int, hi: int, reach: int) -> str | None:
        """The word starting leftmost in ``text[lo:hi]``, at most ``reach`` code points after ``lo``
        (at one place, the first in list order that ends by ``hi``), or None."""
        by_first = self.by_first
        for p in range(lo, min(hi, lo + reach + 1)):
            for w in by_first.get(text[p], ()):
                if p + len(w) <= hi and text.startswith(w, p):
                    return w
        return None

    def ending(self, phrase: str) -> str | None:
        """The longest word ``phrase`` ends with, or None."""
        n = len(phrase)
        for L in self.lengths:
            if L <= n and phrase[n - L:] in self.names:
                return phrase[n - L:]
        return None


class EntityWords:
    """The entity words of a rule, longest first, with one index per measure word: which words may
    count a number in that unit (an entity with ``units`` only counts in those); ``bounds``: the
    entities' per-person bounds (those that have one) as exact fractions."""

    def __init__(self, entities: list[dict]) -> None:
        triples = [(w, e["name"], tuple(e.get("units", ()))) for e in entities for w in e["words"]]
        self.triples = sorted(triples, key=lambda p: len(p[0]), reverse=True)
        self.bounds = {e["name"]: Fraction(str(e["max_per_person"])) for e in entities if "max_per_person" in e}
        self._by_unit: dict = {}

    def named_in(self, text: str, name: str) -> bool:
        """Whether one of the words of entity ``name`` occurs in ``text``."""
        return any(w in text for w, n, _ in self.triples if n == name)

    def for_unit(self, unit: str | None) -> UnitWords | None:
        """The words that may count a number in ``unit`` (None: no word may)."""
        try:
            return self._by_unit[unit]
        except KeyError:
            words = [(w, name) for w, name, units in self.triples if not units or unit is None or unit in units]
            got = self._by_unit[unit] = UnitWords(words) if words else None
            return got


_WORDS: dict[int, tuple[list, EntityWords]] = {}


def _entity_words(entities: list[dict]) -> EntityWords:
    """The rule's ``EntityWords``, built once per rule (keyed by its list, which stays loaded), so
    that the per-unit indexes are built once per run, not once per document."""
    got = _WORDS.get(id(entities))
    if got is None or got[0] is not entities:
        if len(_WORDS) > 64:     # rule packs reloaded many times (a long-lived server): start afresh
            _WORDS.clear()
        got = _WORDS[id(entities)] = (entities, EntityWords(entities))
    return got[1]


_NOT_LEVELS = ("级", "类", "大类")
_UP_TO_STOP = re.compile(r"[^" + re.escape(_STOP) + r"]{0,10}")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{0,16}")


@lru_cache(maxsize=32)
def _links_by_last(links: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``links`` by their last character, each group in list order."""
    out: dict[str, tuple[str, ...]] = {}
    for link in links:
        if link:
            out[link[-1]] = out.get(link[-1], ()) + (link,)
    return out


def entity_of(text: str, q, words: EntityWords, links: tuple[str, ...] = ()) -> str | None:
    """The counted thing: a noun right after the unit (4011个三级网格) or right before the number.
    An entity whose measure words (``units``) do not include the number's measure word is not
    what is counted: in 10.73万艘乡镇船舶 the 艘 counts boats and 乡镇 only says whose.
    Before the number, one of ``links`` (达到, 增至 …) may stand between noun and number."""
    if q.unit in _NOT_LEVELS:
        return None  # 四级网格: a number of levels, not of things
    index = words.for_unit(q.unit)
    if index is None:
        return None
    end = q.end
    # the leftmost word after the number, within the clause's next 10 code points, starting at most
    # 4 after it (at one place, the first in list order: the longest)
    w = index.leftmost(text, end, _UP_TO_STOP.match(text, end).end(), 4)
    if w is not None:
        return index.names[w]
    # the head of a longer noun phrase after it, ending the clause (1万个普惠性学前教育学位。)
    phrase_end = _HAN_RUN.match(text, end).end()
    if phrase_end - end > 6 and (phrase_end == len(text) or text[phrase_end] in _STOP):
        w = index.ending(text[end:phrase_end])
        if w is not None:
            return index.names[w]
    before = text[max(0, q.start - 24):q.start]
    # 科技型中小企业增至9.4万家: the noun, then a linking verb (only the links ending as ``before`` does)
    for link in ("",) + (_links_by_last(links).get(before[-1], ()) if before else ()):
        if before.endswith(link):
            head = before[:len(before) - len(link)]
            if link:  # 高新技术企业从0.94万家增加到1.55万家: the starting value stands between them
                head = _FROM_VALUE.sub("", head)
            w = index.ending(head)
            if w is not None:
                return index.names[w]
    return None


_CITY_WORDS = ("全市", "我市", "市域", "本市")
_REACH = 300  # scope words farther than this from the number, even in its sentence, are not read


def sentence_window(ctx, q) -> tuple[int, int]:
    """The sentence around quantity ``q``, at most ``_REACH`` code points either side of it (linear time
    even on a text with no sentence end)."""
    ss, se = ctx.doc.sentence_of(q.start)
    return max(ss, q.start - _REACH), min(se, q.end + _REACH)


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


def _over(x: Fraction, floor: Fraction, whole: int) -> bool:
    """``x > floor`` exactly, ``whole`` being ⌊floor⌋: a whole ``x`` (most counts) compared as integers."""
    return x.numerator > whole if x.denominator == 1 else x > floor


@lru_cache(maxsize=1)
def smallest_population() -> int:
    """The smallest population of any region in the table: no document's region has fewer people."""
    from ...regions import regions

    return min((r.population for r in regions().values()), default=0)


@kind("magnitude")
def run_magnitude(ctx) -> None:
    """A count larger than the region's population allows for its entity.  The document's regions
    (``doc.scope``) are looked up at the first count of a bounded entity that could exceed the bound
    in the smallest region, not before (most documents have none)."""
    words = _entity_words(ctx.params["entities"])
    bound = words.bounds
    if not bound:
        return
    text = ctx.doc.text
    links = tuple(ctx.params.get("links", []))
    # the bound is a region's population times an entity's share: a count at or under the smallest
    # such product can exceed none, whatever it counts; until a count of a bounded entity is over the
    # smallest region's, the document's regions are not looked up
    least = min(bound.values())
    floor = least * smallest_population()
    whole = math.floor(floor)
    scope = None
    for q in ctx.doc.quantities:
        if q.kind != "count" or q.unit in ("人次", "户次", "元") or q.interval.lo is None \
                or not _over(q.interval.lo, floor, whole):
            continue
        ent = entity_of(text, q, words, links)
        if ent is None or ent not in bound:
            continue
        if scope is None:
            scope = ctx.doc.scope
            regions = [r for r in (scope.province, scope.prefecture) if r is not None]
            if not regions:
                return
            floor = least * min(r.population for r in regions)   # the same, over this document's regions
            whole = math.floor(floor)
            if not _over(q.interval.lo, floor, whole):
                continue
        ss, se = sentence_window(ctx, q)
        if wider_scope(text[ss:se], ctx.params):
            # a national (or other wider) figure, not the region's: held to the country's population
            name, population, code = ctx.params.get("country", "全国"), ctx.params.get("country_population"), ""
            if not population:
                continue
        else:
            region = _bounding_region(scope, text[ss:q.start])
            if region is None:
                continue
            name, population, code = region.name, region.population, region.code
        limit = bound[ent] * population
        if q.interval.lo > limit:
            per = q.interval.lo / population
            evidence = {"population": str(population), "limit": fmt(limit, 0)}
            if code:
                evidence["region_code"] = code
            ctx.emit(q.start, q.end, {
                "entity": ent, "number": quote(ctx.doc, q.start, q.end), "region": name, "population": population,
                "per_person": number(per) if per >= Fraction(1, 100) else f"1/{_whole(1 / per)}",
            }, evidence=evidence)


@kind("ratio")
def run_ratio(ctx) -> None:
    """Two counts in one sentence whose ratio lies outside ``[min, max]``."""
    words = _entity_words(ctx.params["entities"])
    text = ctx.doc.text
    if not any(words.named_in(text, p["numerator"]) and words.named_in(text, p["denominator"])
               for p in ctx.params["pairs"]):
        return  # no pair has both its entities' words in the text: no sentence can hold both
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
            lo, hi = fraction_param(p["min"]), fraction_param(p["max"])
            if r < lo or r > hi:
                s, e = min(num.start, den.start), max(num.end, den.end)
                ctx.emit(s, e, {"numerator": quote(ctx.doc, num.start, num.end),
                                "denominator": quote(ctx.doc, den.start, den.end),
                                "num_name": p["numerator"], "den_name": p["denominator"],
                                "ratio": number(r, 4) if r >= Fraction(1, 1000) else f"1/{_whole(1 / r)}",
                                "min": p["min"], "max": p["max"]},
                         related=[(num.start, num.end, p["numerator"])])


_CLAUSE_END = "，,；;。！？!?\n"


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The clause holding ``[start, end)`` within the sentence ``[lo, hi)``."""
    s = max((text.rfind(ch, lo, start) for ch in _CLAUSE_END), default=-1)
    e = min((i for i in (text.find(ch, end, hi) for ch in _CLAUSE_END) if i != -1), default=hi)
    return text[max(s + 1, lo):e]


def population_bound(ctx, sentence: str, clause: str, stated=None):
    """``(name, population, region code or "")`` bounding a count of people in ``sentence``: the region
    the document is about (its province, else its prefecture); the country when the sentence names a wider scope (全国)
    or a region outside the document's, or when the document names no region; the world when the
    number's own clause speaks of it (全球, 海内外); with no region known, ``stated`` (the population
    the text states for its own area, ``stated_population``) before the country.  None when no bound
    is known."""
    from ...regions import region_by_name, region_names

    p = ctx.params
    country = (p.get("country", "全国"), p.get("country_population"), "")
    world = (p.get("world", "世界"), p.get("world_population"), "")
    if any(w in clause for w in p.get("world_scope_words", [])):
        return world if world[1] else None
    scope = ctx.doc.scope
    region = scope.province or scope.prefecture
    if wider_scope(sentence, p):
        return country if country[1] else None
    if region is None:  # no region known: a population the text itself states for its area, else the country
        if stated is not None:
            return stated[0], stated[1], ""
        return country if country[1] else None
    own = {r.code for r in (scope.province, scope.prefecture) if r is not None}
    names = region_by_name()
    if any(names[n].code not in own and names[n].parent_code not in own for n in region_names(sentence)):
        return country if country[1] else None  # another region's figure: bounded by the country
    return region.name, region.population, region.code


_UNKNOWN = object()


@kind("population")
def run_population(ctx) -> None:
    """A count of people or households (``params.units``) above ``factor`` times the population that
    bounds it (``population_bound``: the document's region, else the country or the world the
    sentence speaks of).  Counts whose clause names visitors, users or another count that need not
    be residents (``skip_words``) are held to the world's population only."""
    units = set(ctx.params["units"])
    skip = tuple(ctx.params.get("skip_words", []))
    factor = fraction_param(ctx.params.get("factor", "3/2"))
    text = ctx.doc.text
    counts = [q for q in ctx.doc.quantities if q.kind == "count" and q.unit in units and q.interval.lo is not None]
    stated = _UNKNOWN
    low = factor * smallest_population()
    if not any(q.interval.lo > low for q in counts):
        # none exceeds the smallest region: only a smaller population stated for the document's own
        # area, or the country's when there is none, can bound them; the regions are not looked up
        stated = stated_population(ctx.doc, ctx.params)
        fallback = stated[1] if stated else ctx.params.get("country_population") or 0
        if not any(q.interval.lo > factor * fallback for q in counts):
            return
    regions = [r.population for r in (ctx.doc.scope.province, ctx.doc.scope.prefecture) if r is not None]
    if regions:
        stated = None
    elif stated is _UNKNOWN:
        stated = stated_population(ctx.doc, ctx.params)
    smallest = min(regions, default=stated[1] if stated else ctx.params.get("country_population") or 0)
    for q in counts:
        if q.interval.lo <= factor * smallest:
            continue
        ss, se = sentence_window(ctx, q)
        clause = _clause(text, q.start, q.end, ss, se)
        if any(w in clause for w in skip):
            # visitors, users, accounts …: not residents, but still people of this world
            world = ctx.params.get("world_population")
            bound = (ctx.params.get("world", "世界"), world, "") if world else None
        else:
            bound = population_bound(ctx, text[ss:se], clause, stated)
        if bound is None or q.interval.lo <= factor * bound[1]:
            continue
        name, population, code = bound
        evidence = {"population": str(population), "limit": fmt(factor * population, 0)}
        if code:
            evidence["region_code"] = code
        ctx.emit(q.start, q.end, {
            "number": quote(ctx.doc, q.start, q.end), "region": name, "population": population,
            "times": number(q.interval.lo / population),
        }, evidence=evidence)


@lru_cache(maxsize=8)
def _stated_regex(scopes: tuple[str, ...], pops: tuple[str, ...], copulas: tuple[str, ...]):
    """An area word, a population word, maybe a copula, at the end of the text before a number."""
    return re.compile(rf"(?P<s>{alternation(scopes)})(?:{alternation(pops)})(?:{alternation(copulas)})?$")


def stated_population(doc, params: dict) -> tuple[str, Fraction] | None:
    """The largest population the document states for its own area ("全市常住人口约150万人"): the
    area word as written and the upper end of the number's interval; None when it states none.
    Words from ``params`` (stated_scope, stated_population, stated_copula)."""
    scopes, pops = params.get("stated_scope", []), params.get("stated_population", [])
    if not scopes or not pops:
        return None
    rx = _stated_regex(tuple(scopes), tuple(pops), tuple(params.get("stated_copula", [])))
    best = None
    for q in doc.quantities:
        if q.kind != "count" or q.unit != "人" or q.interval.hi is None or q.is_range:
            continue
        m = rx.search(doc.text, max(0, q.start - 12), q.start)
        if m is not None and (best is None or q.interval.hi > best[1]):
            best = (m.group("s"), q.interval.hi)
    return best


_CLAUSE_BREAK = frozenset(",，;；。:：!！?？\n")


@lru_cache(maxsize=16)
def _yuan(x: Fraction) -> str:
    """An amount of yuan as a report writes it: 10000000 → 1000万元, 200000000 → 2亿元."""
    for scale, word in ((10**8, "亿"), (10**4, "万")):
        if x >= scale and (x / scale).denominator == 1:
            return f"{x / scale}{word}元"
    return f"{fmt(x, 0)}元"


def _beyond(q, limit: Fraction, unit: str | None) -> bool:
    """Whether every value quantity ``q`` admits exceeds ``limit`` (yuan for money, else in ``unit``); a value
    in another unit of the dimension (5亩) is compared in base units (``comparable_interval``), which loads
    the unit registry only then."""
    if unit is None or q.unit == unit:
        iv, bound = q.interval, limit
    else:
        from ...numbers.dimensions import base_factor
        from ...numbers.units import comparable_interval

        iv, factor = comparable_interval(q), base_factor(unit)
        if iv is None or factor is None:
            return False
        bound = limit * factor
    return iv.lo is not None and iv.lo > bound


@kind("per_capita_amount")
def run_per_capita_amount(ctx) -> None:
    """An amount after a per-person word (人均, 户均) in its clause above the rule's bound: money beyond
    ``max_yuan`` (万元 written as 亿元), or a measure of ``dimension`` beyond ``max`` ``unit`` when one of
    the ``about`` words names what is measured (人均住房建筑面积3650平方米)."""
    from ...numbers.units import dimension

    per_words = sorted(ctx.params["per_words"], key=len, reverse=True)
    dim = ctx.params.get("dimension", "money")
    if dim == "money":
        limit, unit = fraction_param(ctx.params.get("max_yuan", "10000000")), None
        shown = _yuan(limit)
    else:
        limit, unit = fraction_param(ctx.params["max"]), ctx.params["unit"]
        shown = f"{fmt(limit, 6)}{unit}"
    about = tuple(ctx.params.get("about", ()))
    gap = int(ctx.params.get("max_gap", 16))
    not_between = tuple(ctx.params.get("not_between", ()))
    text = ctx.doc.text
    for q in ctx.doc.quantities:
        if (q.kind != "money" or q.unit != "元") if dim == "money" else \
                (q.kind != "measure" or dimension(q.unit) != dim):
            continue
        same = unit is None or q.unit == unit
        if same and not _beyond(q, limit, unit):
            continue   # (no conversion needed: decided before the clause is read)
        lo = q.start
        while lo > 0 and q.start - lo < gap and text[lo - 1] not in _CLAUSE_BREAK:
            lo -= 1
        head = text[lo:q.start]
        per = next((w for w in per_words if w in head), None)
        if per is None or any(w in head[head.index(per) + len(per):] for w in not_between):
            continue
        if about and not any(w in head[head.index(per):] for w in about):
            continue
        if not same and not _beyond(q, limit, unit):
            continue
        ctx.emit(q.start, q.end, {"per": per, "number": quote(ctx.doc, q.start, q.end), "limit": shown},
                 evidence={"limit": fmt(limit, 0)})
