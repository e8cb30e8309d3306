"""The regional profile of a document (mainland / hongkong / taiwan), chosen from
its script and regional vocabulary (rules/data/profiles.toml) unless configured."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .resources import load_data_toml

AUTO = "auto"
SAMPLE = 200_000  # characters read to decide (a profile is a property of the writing, not its length)


@dataclass(frozen=True)
class ProfileChoice:
    """The profile a document is checked under, and why."""

    name: str
    reason: str


def _hits(text: str, spec: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in spec.get("words", []):
        n = text.count(w)
        if n:
            counts[w] = n
    for w in spec.get("measure_words", []):
        n = len(re.findall(r"\d" + re.escape(w), text))
        if n:
            counts[f"数字+{w}"] = n
    return counts


def choose_profile(text: str, traditional: bool, configured: str = AUTO) -> ProfileChoice:
    """The configured profile, else the regional profile whose markers the text
    carries most (in its script), else the default."""
    if configured and configured != AUTO:
        return ProfileChoice(configured, "configured")
    data = load_data_toml("profiles.toml")
    text = text[:SAMPLE]
    script = "traditional" if traditional else "simplified"
    best: tuple[int, str, dict[str, int]] | None = None
    for spec in data.get("profiles", []):
        if spec.get("script", script) != script:
            continue
        counts = _hits(text, spec)
        total = sum(counts.values())
        if total >= spec.get("min_hits", 1) and (best is None or total > best[0]):
            best = (total, spec["name"], counts)
    if best is None:
        name = data.get(f"default_{script}", data.get("default", "mainland"))
        return ProfileChoice(name, f"default for {script} script (no regional markers)")
    top = sorted(best[2].items(), key=lambda kv: -kv[1])[:4]
    shown = ", ".join(f"{w}×{n}" for w, n in top)
    return ProfileChoice(best[1], f"{script} script; regional words: {shown}")
