"""Planted errors for the accuracy harness (bench/accuracy.py): stdlib only, independent of ``checker``.

Each category module lists its operators; ``plant_cases`` draws sites over many documents,
round-robin over a category's operators and preferring documents used least, and keeps only cases
whose gold span re-slices and whose arithmetic holds.
"""
from __future__ import annotations

import random
from collections import Counter

from . import change, conflict, datespan, expression, magnitude, partwhole, rate, respective, streak, trend
from .base import Case, Operator
from .corpus import Document, load_documents

CATEGORIES = ("change", "trend", "streak", "conflict", "respective", "partwhole", "rate", "magnitude",
              "datespan", "expression")
_MODULES = (change, trend, streak, conflict, respective, partwhole, rate, magnitude, datespan, expression)
OPERATORS: dict[str, list[Operator]] = {c: [] for c in CATEGORIES}
for _module in _MODULES:
    for _op in _module.OPERATORS:
        OPERATORS[_op.category].append(_op)

__all__ = ["CATEGORIES", "OPERATORS", "Case", "Document", "load_documents", "operator", "plant_cases"]


def operator(name: str) -> Operator:
    """The operator called ``name``."""
    for ops in OPERATORS.values():
        for op in ops:
            if op.name == name:
                return op
    raise KeyError(name)


def plant_cases(docs: list[Document], seed: int = 1, per_category: int = 40,
                categories: tuple[str, ...] = CATEGORIES) -> list[Case]:
    """Up to ``per_category`` verified cases per category, deterministic for a given ``seed``."""
    cases: list[Case] = []
    for category in categories:
        rng = random.Random(f"{seed}:{category}")
        pools = []
        for op in OPERATORS[category]:
            sites = [(doc, site) for doc in docs for site in op.sites(doc)]
            rng.shuffle(sites)
            pools.append((op, sites))
        used: Counter[str] = Counter()
        made = 0
        while made < per_category and any(sites for _, sites in pools):
            for op, sites in pools:
                if made >= per_category or not sites:
                    continue
                # the next site from the document this category has used least
                best = min(range(len(sites)), key=lambda i: (used[sites[i][0].key], i))
                doc, site = sites.pop(best)
                case = op.plant(doc, site, random.Random(f"{seed}:{op.name}:{rng.random()}"))
                if case is not None:
                    cases.append(case)
                    used[doc.key] += 1
                    made += 1
    return cases
