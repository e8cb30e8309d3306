"""Every built-in regular expression, timed on adversarial strings built from its own alphabet.

Python's ``re`` backtracks: a pattern whose repeated item can also match its separator (the 分别
list pattern's items contained 和/及/与) takes exponential time on a run of separators.  Each
pattern here must finish every adversarial string within a budget; the interval timer interrupts
the matcher (``re`` checks signals), so a catastrophic pattern fails the test instead of hanging it."""
import importlib
import pkgutil
import random
import re
import signal
import time

import pytest

import checker

BUDGET_S = 1.0
LENGTH = 3000


def _module_patterns():
    found = {}
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if info.name.startswith("checker.testing") or info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern) and value.pattern:
                found[f"{info.name}.{name}"] = value
    return found


def _patterns_in(obj, name: str, out: dict) -> dict:
    """Every compiled pattern inside a vocabulary object (dataclass fields, dicts, tuples)."""
    if isinstance(obj, re.Pattern):
        out[name] = obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _patterns_in(v, f"{name}[{k}]", out)
    elif isinstance(obj, (tuple, list)):
        for i, v in enumerate(obj):
            _patterns_in(v, f"{name}[{i}]", out)
    elif hasattr(obj, "__dataclass_fields__"):
        for k in obj.__dataclass_fields__:
            _patterns_in(getattr(obj, k), f"{name}.{k}", out)
    return out


def _built_patterns():
    """Patterns compiled by functions (from the data files or parameters)."""
    from checker.claims import frame_vocab, lists, partwhole, respective
    from checker.engine.kinds.pattern import _repeat_regex
    from checker.engine.schemas import MAX_REPEAT_LEN
    from checker.numbers.extract import _lexicon
    from checker.regions import _name_index

    found = {"checker.numbers.extract._lexicon": _lexicon()[0],
             "checker.regions._name_index": _name_index()[0],
             "checker.engine.kinds.pattern._repeat_regex(max)": _repeat_regex(2, MAX_REPEAT_LEN),
             "checker.claims.respective._fenbie_rx": respective._fenbie_rx()}
    _patterns_in(frame_vocab.vocab(), "checker.claims.frame_vocab.vocab", found)
    _patterns_in(lists.list_vocab(), "checker.claims.lists.list_vocab", found)
    _patterns_in(partwhole._vocab(), "checker.claims.partwhole._vocab", found)
    return found


PATTERNS = {**_module_patterns(), **_built_patterns()}


def _alphabet(pattern: re.Pattern) -> list[str]:
    """The characters the pattern names: literals, range ends and middles, digits for \\d."""
    from re import _constants as C, _parser

    chars: set[int] = set()

    def walk(items):
        for op, av in items:
            if op is C.LITERAL:
                chars.add(av)
            elif op is C.RANGE:
                lo, hi = av
                chars.update({lo, hi, (lo + hi) // 2})
            elif op is C.IN:
                walk(av)
            elif op is C.CATEGORY and av in (C.CATEGORY_DIGIT, C.CATEGORY_NOT_DIGIT):
                chars.update(map(ord, "0123456789"))
            elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
                chars.update(map(ord, " \n"))
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op is C.SUBPATTERN:
                walk(av[3])
            elif op is C.ATOMIC_GROUP:
                walk(av)
            elif op is C.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in (C.ASSERT, C.ASSERT_NOT):
                walk(av[1])

    walk(_parser.parse(pattern.pattern, pattern.flags))
    out = sorted(chr(c) for c in chars if c < 0x110000 and not 0xD800 <= c <= 0xDFFF)
    return out or ["a"]


def adversarial_strings(pattern: re.Pattern) -> list[str]:
    """Runs of each character, random mixtures, two-character cycles and known killers."""
    rng = random.Random(pattern.pattern.encode("utf-8", "surrogatepass"))
    alpha = _alphabet(pattern)
    out = [c * LENGTH for c in alpha[:40]]
    for _ in range(3):
        out.append("".join(rng.choice(alpha) for _ in range(LENGTH)))
        out.append("".join(rng.choice(alpha) if rng.random() < 0.2 else rng.choice("中国发案全市")
                           for _ in range(LENGTH)))
    for _ in range(20):
        a, b = rng.choice(alpha), rng.choice(alpha)
        out.append((a + b) * (LENGTH // 2))
        out.append((a * 13 + b) * (LENGTH // 14) + "分别")
    out.append("分别。" + "和" * 44 + "。")
    out.append("".join(rng.choice("和及与、甲乙丙丁") for _ in range(LENGTH)) + "分别")
    return out


class _Timeout(Exception):
    pass


def _raise(signum, frame):
    raise _Timeout()


def slowest(pattern: re.Pattern, strings: list[str]) -> tuple[float, str]:
    """The longest time ``finditer`` takes over any of ``strings`` (interrupted at the budget)."""
    old = signal.signal(signal.SIGALRM, _raise)
    worst = (0.0, "")
    try:
        for s in strings:
            t = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, BUDGET_S)
            try:
                for _ in pattern.finditer(s):
                    pass
            except _Timeout:
                return (float("inf"), s)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            worst = max(worst, (time.perf_counter() - t, s))
    finally:
        signal.signal(signal.SIGALRM, old)
    return worst


def test_every_module_pattern_is_found():
    assert "checker.claims.respective._fenbie_rx" in PATTERNS and len(PATTERNS) >= 25


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_builtin_pattern_is_fast_on_adversarial_strings(name):
    pattern = PATTERNS[name]
    took, s = slowest(pattern, adversarial_strings(pattern))
    assert took < BUDGET_S, f"{name} took over {BUDGET_S} s on {s[:60]!r}… ({len(s)} chars)"


def test_the_old_fenbie_pattern_fails_this_audit():
    """The audit catches the pattern the issue found: the 分别 list as it was written before."""
    old = re.compile(r"(?P<items>(?:[\u4e00-\u9fff“”\"]{1,12}[、和及与])+[\u4e00-\u9fff“”\"]{1,12}?)"
                     r"(?:的[\u4e00-\u9fff]{1,6})?分别")
    took, s = slowest(old, ["分别。" + "和" * 44 + "。"])
    assert took == float("inf")
