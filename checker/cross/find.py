"""Contradictions between documents, read from a frames table.

Three checks, each comparing only frames of *different* documents that the frames' own identity
(``same_frame``, with every period resolved to an absolute year first) calls the same:

* CC401 one figure (scope, subject, year, measure) stated with values that cannot both hold (exact
  intervals, so 3.3万 and 33150 agree, 3315 and 3351 do not);
* CC402 a streak that grows by more than the years between two publications (连续3年 in 2021, 连续6年
  in 2022);
* CC403 a change whose implied prior (比上年下降11% from 2951) misses the value another document states
  for that prior year.

Rows are read ordered by year, measure and dimension and compared inside one such group at a time,
and inside a group only inside a ``bucket_key`` bucket, so memory holds one group."""
from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from itertools import groupby
from typing import Callable, Iterator, Optional

from ..claims.frame import Frame, Period, bucket_key, same_frame
from ..claims.frame_vocab import vocab
from ..claims.subject import Subject
from ..numbers import Interval
from .rows import COLUMNS, group_by_example, unit_class

_VALUE_MEASURES = ("count", "amount", "quantity")
_COLS = ", ".join(f'"{c}"' for c in COLUMNS)
# a value's year: the year its period resolves to when that period was over at publication
# (rows.resolved_year); a streak runs up to the time of writing: its year is the publication's
_YEAR = "period_resolved"
# the rows each check reads (``{table}``: the frames table, or one Parquet part on a Dask worker)
VALUES_WHERE = f"""
SELECT {_COLS}, {_YEAR} AS abs_year FROM {{table}}
WHERE row_kind IN ('value', 'prior') AND exact AND specific AND subject_core <> '' AND unit IS NOT NULL
  AND modality = '' AND period_here AND period_part NOT IN ('ytd', 'reported')
  AND measure IN {_VALUE_MEASURES} AND value_lo IS NOT NULL AND value_hi IS NOT NULL
  AND {_YEAR} IS NOT NULL
"""
STREAKS_WHERE = f"""
SELECT {_COLS}, coalesce(pubyear, period_year) AS abs_year FROM {{table}}
WHERE row_kind = 'streak' AND value_lo IS NOT NULL AND coalesce(pubyear, period_year) IS NOT NULL
"""
# one row order inside a group, whichever engine formed the group: findings do not depend on it
_ROW_ORDER = ("doc", "start", "end", "row_kind", "claim")


def _ordered(rows: list[dict]) -> list[dict]:
    """The rows in one order, each statement once (a resumed scan may have written a batch's part twice)."""
    unique = {tuple(r[k] for k in _ROW_ORDER): r for r in rows}
    return [unique[k] for k in sorted(unique)]


@dataclass
class Finding:
    """One contradiction between two documents (``a`` is the earlier one)."""

    rule: str
    a: dict
    b: dict
    params: dict

    def to_json(self, rules: dict, lang: str) -> dict:
        """The JSONL record: rule, message, what it is about and both statements with their spans."""
        spec = rules[self.rule]
        msg = (spec["message"]["en"] if lang == "en" else spec["message"]["zh"]).format(**self.params)
        return {"rule": self.rule, "name": spec["name"], "severity": spec["severity"], "message": msg,
                "scope": self.a["scope_label"] or self.a["scope"], "subject": _head(self.a),
                "about": self.a["about"], "documents": [_statement(self.a), _statement(self.b)],
                "evidence": self.params}


def _head(r: dict) -> str:
    items = json.loads(r["items"] or "[]")
    if items:
        return "、".join((i[1] or i[3]) + i[2] for i in items)
    return (r["subject_core"] or r["subject_topic"]) + r["subject_attr"]


def _statement(r: dict) -> dict:
    return {"doc": r["doc"], "pubyear": r["pubyear"], "published": r["published"], "claim": r["claim"],
            "row": r["row_kind"], "span": {"start": r["start"], "end": r["end"]}, "quote": r["quote"],
            "value": r["value"], "period": r["period_label"], "sentence": r["sentence"]}


def _bound(s: Optional[str]) -> Optional[Fraction]:
    return None if s is None else Fraction(s)


def frame_of(r: dict, year: Optional[int]) -> Frame:
    """The ``Frame`` a row describes, its period resolved to the absolute ``year`` (None: no period)."""
    items = tuple(Subject(text=t, core=c, attr=a, topic=p) for t, c, a, p in json.loads(r["items"] or "[]"))
    value = Interval(_bound(r["value_lo"]), _bound(r["value_hi"]), bool(r["lo_closed"]), bool(r["hi_closed"]))
    period = Period(label=f"{year}年", year=year, part=r["period_part"] or "") if year is not None else Period()
    return Frame(subject=Subject(text=r["subject_text"], core=r["subject_core"], attr=r["subject_attr"],
                                 topic=r["subject_topic"]),
                 scope=r["scope"], scope_label=r["scope_label"], period=period, measure=r["measure"],
                 unit=r["unit"], dimension=r["dimension"], value=value, reference="", flow=r["flow"],
                 modality=r["modality"], items=items)


def relative_scope(scope: str) -> bool:
    """Whether a scope is the document's own (全市 → 市, unstated, 市区): it names a place only with the
    document's region; a named place (肃州区) or 全港/全国 names itself."""
    return scope in ("", *vocab().whole.values(), *vocab().parts) and scope not in ("港", "国")


def same_place(a: dict, b: dict) -> bool:
    """Two rows' scopes can be one place: a relative scope needs both documents to speak for one region."""
    if relative_scope(a["scope"]) or relative_scope(b["scope"]):
        return bool(a["region"]) and a["region"] == b["region"]
    return True


def same_count_unit(a: dict, b: dict) -> bool:
    """Two counts count the same things: one classifier, or two of an interchangeable group (起/宗/件);
    amounts and quantities are converted by their dimension, so only counts need this."""
    if a["measure"] != "count" or b["measure"] != "count" or a["unit"] == b["unit"]:
        return True
    classes = unit_class()
    return classes.get(a["unit"], a["unit"]) == classes.get(b["unit"], b["unit"])


def names_a_figure(key: str) -> bool:
    """Whether a subject can name one figure across documents: a phrase holding a time (截至6月3日,
    由去年, 跌至去年的) is the clause around a date, not the name of what was counted; a group named by
    examples (黎智英、李柱铭等9人) is whoever the writer counts in (rules/data/cross.toml [subject])."""
    return vocab().marker_rx.search(key) is None and not key.endswith(group_by_example())


def _also_states(entries: list, r: dict, f: Frame) -> bool:
    """Whether a document (its ``entries`` of one bucket) also states ``r``'s figure with a value that
    agrees: then the two documents do not contradict each other (a repost, or one document giving both
    values, which is that document's own inconsistency)."""
    return any(e.value.intersect(f.value) is not None and same_count_unit(x, r) and same_thing_counted(x, r)
               and same_frame(e, f, None) for x, e in entries)


def same_thing_counted(a: dict, b: dict) -> bool:
    """The words right after two values name the same thing when both have any (劳工界有668个团体选民 /
    劳工界60个选委: not one figure); a value followed by punctuation leaves it to the subject."""
    x, y = a.get("after") or "", b.get("after") or ""
    return not x or not y or x[:2] == y[:2]


def written_precision(v: Interval, quote: str) -> Interval:
    """A rounded value (a half-open interval: 100万, 1,000万元) written with trailing zeros and no
    decimal point is as precise as its last non-zero digit (100万 admits 103万); a decimal
    point makes the zeros significant (3.0万), and exact integers (3600起) stay exact."""
    if v.lo is None or v.hi is None or v.lo_closed == v.hi_closed or "." in quote or "．" in quote:
        return v
    width = v.hi - v.lo
    mid = (v.lo + v.hi) / 2
    if width <= 0 or mid.denominator != 1:
        return v
    while mid % (width * 10) == 0:
        width *= 10
    return Interval(mid - width / 2, mid + width / 2, v.lo_closed, v.hi_closed)


def _one_sentence(a: dict, b: dict) -> bool:
    """Both statements come from one sentence that both documents print: a reprint cannot contradict
    itself (two numbers of that sentence read as one figure is the frame's mistake, not the writers')."""
    return a["sentence"] == b["sentence"] and a["row_kind"] == b["row_kind"]


def _rows(con, sql: str) -> Iterator[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    while True:
        chunk = cur.fetchmany(2048)
        if not chunk:
            return
        for t in chunk:
            yield dict(zip(names, t))


def value_group_findings(rows: list[dict]) -> list[Finding]:
    """CC401 (two stated values) and CC403 (an implied prior against a stated value) inside one
    group (rows of the ``VALUES_WHERE`` query)."""
    buckets: dict = {}
    for r in _ordered(rows):
        f = frame_of(r, r["abs_year"])
        if not names_a_figure(f.subject.key):
            continue
        f.value = written_precision(f.value, r["quote"])
        firsts = buckets.setdefault(bucket_key(f), {})
        # one row per document and distinct statement: a repetitive archive is not compared pair by pair
        firsts.setdefault((r["doc"], r["row_kind"], f.subject.key, f.subject.attr, f.scope, f.flow,
                           r["period_part"], r["value"]), (r, f))
    out = []
    for firsts in buckets.values():
        entries = list(firsts.values())
        by_doc: dict = {}
        for r, f in entries:
            by_doc.setdefault(r["doc"], []).append((r, f))
        for i, (ra, fa) in enumerate(entries):
            for rb, fb in entries[i + 1:]:
                if ra["doc"] == rb["doc"] or ra["row_kind"] == rb["row_kind"] == "prior" \
                        or not same_place(ra, rb) or not same_count_unit(ra, rb) or _one_sentence(ra, rb) \
                        or not same_thing_counted(ra, rb):
                    continue
                if fa.value.intersect(fb.value) is not None:
                    continue
                if fa.subject.key != fb.subject.key or not same_frame(fa, fb, None):
                    continue
                if _also_states(by_doc[rb["doc"]], ra, fa) or _also_states(by_doc[ra["doc"]], rb, fb):
                    continue
                out.append(_value_finding(ra, rb))
    return out


def _range(r: dict) -> str:
    """An implied prior as readers write it: 3666–3711 (one number when exact)."""
    lo, hi = r["value_lo"], r["value_hi"]
    return lo if lo == hi else f"{lo}–{hi}"


def _value_finding(ra: dict, rb: dict) -> Finding:
    if "prior" in (ra["row_kind"], rb["row_kind"]):
        prior, stated = (ra, rb) if ra["row_kind"] == "prior" else (rb, ra)
        return Finding("CC403", stated, prior, {"year": prior["abs_year"], "stated": stated["quote"],
                                                "change": prior["quote"], "prior": _range(prior),
                                                "doc": stated["doc"], "other": prior["doc"]})
    a, b = sorted((ra, rb), key=lambda r: (r["pubyear"] or 0, r["doc"]))
    return Finding("CC401", a, b, {"year": a["abs_year"], "first": a["quote"], "second": b["quote"],
                                   "doc": a["doc"], "other": b["doc"]})


def streak_group_findings(rows: list[dict]) -> list[Finding]:
    """CC402 inside one group: the same streak (items, scope, outcome) longer by more than
    the years between two documents."""
    buckets: dict = {}
    for r in _ordered(rows):
        f = frame_of(r, None)
        if not f.items or not all(s.prose for s in f.items):
            continue
        buckets.setdefault(bucket_key(f), []).append((r, f))
    out = []
    for entries in buckets.values():
        for i, (ra, fa) in enumerate(entries):
            for rb, fb in entries[i + 1:]:
                if ra["doc"] == rb["doc"] or ra["abs_year"] == rb["abs_year"] or not same_place(ra, rb):
                    continue
                (ra_, fa_), (rb_, fb_) = sorted(((ra, fa), (rb, fb)), key=lambda e: e[0]["abs_year"])
                gap = rb_["abs_year"] - ra_["abs_year"]
                na, nb = Fraction(ra_["value_lo"]), Fraction(rb_["value_lo"])
                if nb <= na + gap or not same_frame(fa_, fb_, None):
                    continue
                out.append(Finding("CC402", ra_, rb_, {"first": ra_["quote"], "second": rb_["quote"],
                                                       "year": ra_["abs_year"], "other_year": rb_["abs_year"],
                                                       "gap": gap, "most": str(na + gap),
                                                       "doc": ra_["doc"], "other": rb_["doc"]}))
    return out


@dataclass(frozen=True)
class Check:
    """One cross-document check: its rows (a query), the columns that form a group, the findings of
    one group.  The embedded engine groups by ordering the query; the Dask engine by a shuffle."""

    where: str
    group_by: tuple[str, ...]
    findings: Callable[[list[dict]], list[Finding]]

    def group_key(self, r: dict) -> tuple:
        """The group a row belongs to."""
        return tuple(r[c] for c in self.group_by)


CHECKS = (Check(VALUES_WHERE, ("abs_year", "measure", "dimension"), value_group_findings),
          Check(STREAKS_WHERE, ("outcome", "unit"), streak_group_findings))


def cross_findings(con) -> Iterator[Finding]:
    """All cross-document findings of a frames table (a DuckDB connection with a ``frames`` table),
    one group in memory at a time (the query returns the rows ordered by group)."""
    for check in CHECKS:
        order = ", ".join(f'"{k}"' for k in (*check.group_by, *_ROW_ORDER))
        rows = _rows(con, check.where.format(table="frames") + f" ORDER BY {order}")
        for _, group in groupby(rows, key=check.group_key):
            yield from check.findings(list(group))
