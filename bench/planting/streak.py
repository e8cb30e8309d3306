"""streak: a 连续N年 restated elsewhere in the document with another N for the same subject."""
from __future__ import annotations

import re

from .base import (Edit, Operator, clause_end, clause_start, finditer, han_count, make_case, pick_insertion,
                   sentence_end, sentence_start)
from .numerals import HAN_NUMERAL, han_text, int_value

_CONNECTIVE = re.compile(r"^(?:同时|同時|因为|因為|由于|由於|并且|並且|并|並|且|而|但|其中|此外|另外|以及|还|還|又|也)+")
# a head that is only a generic noun names no subject by itself (总额 of what?): restated elsewhere it
# need not be the same figure, so such a clause is no site
_GENERIC_HEAD = re.compile(r"^(?:总额|總額|总量|總量|总数|總數|数量|數量|金额|金額|规模|規模|增速|增幅|降幅|比重|占比|佔比|比例)$")
STREAK = re.compile(rf"(?P<lian>连续|連續)(?P<n>\d{{1,2}}|{HAN_NUMERAL})(?P<unit>年|个月|個月)")


def streak_sites(doc):
    """连续N年 phrases with a subject of their own in the same clause, in prose."""
    out = []
    for m in finditer(STREAK, doc):
        try:
            n = int_value(m["n"])
        except ValueError:
            continue
        cs, ce = clause_start(doc.text, m.start()), clause_end(doc.text, m.end())
        head = doc.text[cs:m.start()]
        # the clause names its own subject (not only a connective: 同时连续五个月…)
        own = _CONNECTIVE.sub("", head).strip()
        if n < 2 or han_count(own) < 2 or ce - cs > 60 or _GENERIC_HEAD.match(own):
            continue
        out.append((m, n, cs, ce))
    return out


def same_clause_but_number(text: str, gold, related) -> bool:
    """The gold clause reads exactly as the related clause once its 连续N年 is put back."""
    cg = text[clause_start(text, gold[0]):clause_end(text, gold[1])]
    cr = text[clause_start(text, related[0]):clause_end(text, related[1])]
    return cg.replace(text[gold[0]:gold[1]], text[related[0]:related[1]], 1) == cr


def other_length(n: int, rng) -> int:
    """A different streak length near ``n``."""
    return rng.choice([k for k in (n - 2, n - 1, n + 1, n + 2) if k >= 2 and k != n])


class _Restate(Operator):
    category = "streak"
    other_style = False
    earlier = False

    def sites(self, doc):
        return streak_sites(doc)

    def plant(self, doc, site, rng):
        m, n, cs, ce = site
        k = other_length(n, rng)
        arabic = m["n"].isdigit() != self.other_style
        number = str(k) if arabic else han_text(k, doc.script == "hant")
        new_streak = m["lian"] + number + m["unit"]
        clause = doc.text[cs:m.start()] + new_streak + doc.text[m.end():ce]
        if self.earlier:
            at = pick_insertion(doc, rng, before=sentence_start(doc.text, m.start()))
        else:
            at = pick_insertion(doc, rng, after=sentence_end(doc.text, m.end()))
        if at is None:
            return None
        edit = Edit(doc.text)
        i = edit.insert(at, clause + "。")
        off = m.start() - cs
        arith = f"same subject and wording: 连续{n}{m['unit']} there, 连续{k}{m['unit']} here ({n} ≠ {k})"
        return self.checked(make_case(doc, self.category, self.name, edit, ("new", i, off, len(new_streak)),
                                      ("orig", m.start(), m.end()), arith))

    def verify(self, case):
        g, r = STREAK.fullmatch(case.gold_text), STREAK.fullmatch(case.related_text)
        return bool(g and r) and int_value(g["n"]) != int_value(r["n"]) and g["unit"] == r["unit"] \
            and same_clause_but_number(case.text, case.gold, case.related)


class RestateLater(_Restate):
    """The streak's clause restated later in the document with another length, same numerals."""

    name = "restate_later"


class RestateOtherNumerals(_Restate):
    """The streak's clause restated later with another length written in the other numerals (5 / 五)."""

    name = "restate_other_numerals"
    other_style = True


class RestateEarlier(_Restate):
    """The streak's clause stated earlier in the document with another length."""

    name = "restate_earlier"
    earlier = True


OPERATORS = [RestateLater(), RestateOtherNumerals(), RestateEarlier()]
