"""The fast paths agree with the slow ones: the RE2 set with each pattern's own pass, windows with
the whole document, the lean streamed JSON with the full contract entries, the small pint registry
with pint's units.  Runs over the seeds, and over ../shared/corpus/ when it is there."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SEEDS

from checker import analyse_text
from checker.report.build import file_out, framed_claims

CORPUS = (ROOT / ".." / "shared" / "corpus").resolve()
TEXTS = sorted(SEEDS.glob("*.txt")) + (sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt")
                                              and p.name != "README.md") if CORPUS.is_dir() else [])


def _texts():
    return [(p.name, p.read_text(encoding="utf-8")) for p in TEXTS]


def test_pattern_set_says_which_patterns_match():
    from checker.engine import load_rules
    from checker.engine.kinds.pattern import compile_re2, patterns_present
    from checker.pipeline import build_doc
    from checker.io import source_from_text

    patterns = tuple(sorted({r.params["pattern"] for r in load_rules(()) if r.kind == "pattern"}))
    assert len(patterns) >= 10
    seen = set()
    for name, text in _texts():
        norm = build_doc(source_from_text(text, name)).text
        one_by_one = {p for p in patterns if next(compile_re2(p).finditer(norm), None) is not None}
        assert patterns_present(norm, patterns) == one_by_one, name
        seen |= one_by_one
    assert seen  # some pattern matched somewhere, so the comparison meant something


def test_windows_agree_with_the_document_each_window_holds():
    """A document written twice, cut between the copies: the second copy's findings and claims are the
    first's, shifted by the first copy's length and lines; every span still slices the original."""
    from checker.io import source_from_text
    from checker.windows import window_bounds, windowed_file_out

    one = (SEEDS / "000_8c17534d86b76211.txt").read_text(encoding="utf-8").rstrip("\n")
    twice = one + "\n" + one
    assert list(window_bounds(twice, len(one) + 1)) == [(0, len(one) + 1), (len(one) + 1, len(twice))]
    single = file_out(analyse_text(one))
    win = windowed_file_out(source_from_text(twice, "<text>"), None, True, limit=len(one) + 1)
    lines = one.count("\n") + 1
    shifted = [(f.rule, f.span.start + len(one) + 1, f.span.line + lines, f.span.column, f.message)
               for f in single.findings]
    got = [(f.rule, f.span.start, f.span.line, f.span.column, f.message) for f in win.findings]
    assert single.findings and got == [(f.rule, f.span.start, f.span.line, f.span.column, f.message)
                                       for f in single.findings] + shifted
    assert [c.id for c in win.claims] == [f"c{i}" for i in range(1, len(win.claims) + 1)]
    assert len(win.claims) == 2 * len(single.claims)
    ids = {c.id for c in win.claims}
    for c in win.claims:
        assert twice[c.span.start:c.span.end] == c.text
        assert c.span.line == twice.count("\n", 0, c.span.start) + 1
    assert all(cid in ids for f in win.findings for cid in f.claims)


def test_fixes_in_later_windows_apply_to_the_whole_document():
    """A fix found in the second window edits the whole document at the finding's own place: its span
    is shifted with the finding's, so applying every fix changes only the flagged characters."""
    from checker.io import source_from_text
    from checker.windows import windowed_file_out

    one = "现场约3000人左右。用了二个多月时间。\n"
    twice = one + one
    win = windowed_file_out(source_from_text(twice, "<text>"), None, True, limit=len(one))
    fixes = [f for f in win.findings if f.fix is not None]
    assert len(fixes) == 4 and max(f.span.start for f in fixes) >= len(one)
    for f in fixes:
        assert f.fix.span == f.span and twice[f.fix.span.start:f.fix.span.end] == twice[f.span.start:f.span.end]
    fixed = twice
    for f in sorted(fixes, key=lambda f: -f.span.start):
        fixed = fixed[:f.fix.span.start] + f.fix.replacement + fixed[f.fix.span.end:]
    half = len(fixed) // 2
    assert fixed[:half] == fixed[half:] and "左右" not in fixed and "两个" in fixed


def test_a_single_line_is_cut_between_numbers():
    from checker.windows import window_bounds

    text = "增长12345678" * 50
    bounds = list(window_bounds(text, 97))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))
    for _, e in bounds[:-1]:
        assert not (text[e - 1].isdigit() and text[e].isdigit())
        assert e - _ <= 97


@pytest.mark.parametrize("name", [p.name for p in sorted(SEEDS.glob("*.txt"))])
def test_lean_claims_are_the_framed_ones_and_resolve(name):
    doc = analyse_text((SEEDS / name).read_text(encoding="utf-8"))
    full, lean = file_out(doc), file_out(doc, all_quantities=False)
    assert [c.id for c in lean.claims] == [c.id for c in framed_claims(doc)]
    assert {c.id for c in lean.claims} <= {c.id for c in full.claims}
    assert lean.findings == full.findings
    ids = {c.id for c in lean.claims}
    assert all(cid in ids for f in lean.findings for cid in f.claims)
    assert all(c.kind != "quantity" or c.verdict is not None or any(c.id in f.claims for f in lean.findings)
               for c in lean.claims)
    assert len(lean.claims) < len(full.claims)   # the seeds have bare numbers nothing framed


def test_streamed_json_is_the_contract_and_all_quantities_restores_them():
    from checker.report.models import ReportOut

    def run(*extra):
        p = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--exit-zero",
                            *extra, str(SEEDS)], capture_output=True, timeout=300)
        assert p.returncode == 0, p.stderr[-2000:]
        return ReportOut.model_validate_json(p.stdout), json.loads(p.stdout)

    lean, raw = run()
    full, _ = run("--all-quantities")
    assert list(raw) == ["version", "tool", "files", "summary"]
    assert [f.findings for f in lean.files] == [f.findings for f in full.files]
    assert lean.summary.claims == sum(len(f.claims) for f in lean.files) < full.summary.claims
    assert lean.summary.model_dump(exclude={"claims"}) == full.summary.model_dump(exclude={"claims"})
    kinds = {c.kind for f in full.files for c in f.claims}
    assert "quantity" in kinds


def test_small_pint_registry_knows_every_measure_unit():
    from checker.numbers.dimensions import PINT_UNITS, _registry, same_dimension

    reg = _registry()
    dims = {u: reg.parse_expression(e).dimensionality for u, e in PINT_UNITS.items()}
    assert dims["公里"] == dims["千米"] == dims["米"] and dims["亩"] == dims["平方米"] == dims["公顷"]
    assert dims["吨"] == dims["斤"] and dims["升"] == dims["立方米"] and dims["公里"] != dims["吨"]
    assert same_dimension("亩", "公顷") and not same_dimension("平方公里", "公里")


def test_the_same_measure_unit_needs_no_pint():
    code = ("import sys; from checker.numbers.units import compatible; "
            "print(compatible('公里', '公里'), 'pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=str(Path(ROOT))).stdout
    assert out.split() == ["True", "False"]


def test_measure_groups_split_units_as_pint_does():
    """The coarse groups of ``units.UNITS`` that spare the pint import agree with pint on every pair."""
    from checker.numbers.dimensions import PINT_UNITS, _registry
    from checker.numbers.units import dimension

    reg = _registry()
    dims = {u: reg.parse_expression(e).dimensionality for u, e in PINT_UNITS.items()}
    for a in PINT_UNITS:
        for b in PINT_UNITS:
            assert (dims[a] == dims[b]) == (dimension(a) == dimension(b)), (a, b)


def test_measure_units_of_different_groups_need_no_pint():
    code = ("import sys; from checker.numbers.units import compatible; "
            "print(compatible('公里', '亩'), compatible('公里', '吨'), 'pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=str(Path(ROOT))).stdout
    assert out.split() == ["False", "False", "False"]


def test_a_huge_plain_text_is_checked_in_windows_by_the_cli(tmp_path):
    """Over WINDOW_CHARS, `check --format json` goes window by window: the spans still slice the
    whole original, and the findings are those of windowed_file_out."""
    from checker.io import read_path
    from checker.report.models import ReportOut
    from checker.windows import WINDOW_CHARS, windowed_file_out

    one = (SEEDS / "000_8c17534d86b76211.txt").read_text(encoding="utf-8").replace("\n", " ")
    big = tmp_path / "big.txt"
    big.write_text(one * (WINDOW_CHARS // len(one) + 2), encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--exit-zero", str(big)],
                       capture_output=True, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    fo = ReportOut.model_validate_json(p.stdout).files[0]
    text = big.read_text(encoding="utf-8")
    assert fo.findings and all(f.span.end <= len(text) for f in fo.findings)
    assert max(f.span.start for f in fo.findings) > WINDOW_CHARS   # the last window was checked too
    for c in fo.claims:
        assert text[c.span.start:c.span.end] == c.text and c.span.line == 1 and c.span.column == c.span.start + 1
    expected = windowed_file_out(read_path(str(big)), None, all_quantities=False)
    assert fo.findings == expected.findings


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="甲乙丙丁", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="甲乙丙丁戊", max_size=30))
def test_trie_alternation_finds_what_the_longest_first_alternation_finds(words, text):
    """The region-name regex, written as a trie, matches exactly as the plain alternation of the
    names sorted longest first: the same names at the same places."""
    import re

    from checker.text.trie import longest_word_pattern

    plain = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    trie = re.compile(longest_word_pattern(set(words)))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_windowed_json_is_written_window_by_window_and_reads_back_whole():
    """``JsonReportWriter.add_windows`` streams each window's claims and reads back as the entry
    ``windowed_file_out`` builds in memory."""
    import io

    from checker.io import source_from_text
    from checker.report.models import FileOut, ReportOut
    from checker.report.stream import JsonReportWriter
    from checker.windows import windowed_file_out, windowed_parts

    one = (SEEDS / "000_8c17534d86b76211.txt").read_text(encoding="utf-8").replace("\n", " ")
    src = source_from_text(one * 3, "big.txt")
    buf = io.StringIO()
    writer = JsonReportWriter(buf)
    kept = writer.add_windows(windowed_parts(src, None, False, limit=len(one) + 1))
    writer.close([kept])
    report = ReportOut.model_validate_json(buf.getvalue())
    expected = windowed_file_out(src, None, False, limit=len(one) + 1)
    assert report.files[0] == expected and len(expected.claims) > 3 * 5
    assert kept["claims"] == [] and FileOut.model_validate(kept).findings == expected.findings
    assert report.summary.claims == len(expected.claims)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="落实好发展中国😀 \n，A1", max_size=40), st.integers(2, 3), st.integers(0, 2))
def test_square_starts_finds_every_place_the_repeat_expression_matches(text, lo, extra):
    """The shifted comparison finds every place where a piece is written twice, beyond UTF-16 too."""
    from checker.engine.kinds.pattern import _repeat_regex, square_starts

    rx = _repeat_regex(lo, lo + extra)
    assert [i for i in square_starts(text, lo, lo + extra) if rx.match(text, i)] == \
        [m.start() for m in rx.finditer(text)]
    for i in square_starts(text, lo, lo + extra):
        assert any(text[i:i + L] == text[i + L:i + 2 * L] and i + 2 * L <= len(text)
                   for L in range(lo, lo + extra + 1))


def test_region_scope_counts_the_names_the_trie_expression_finds():
    """The first-and-second-character scan finds the same region names as the trie expression, on real texts."""
    from checker.regions import _name_index, region_names

    rx, _ = _name_index()
    for name, text in _texts():
        assert region_names(text) == rx.findall(text), name


def test_entity_lookup_agrees_with_trying_every_word():
    """The indexed entity words give the entity a plain scan of every word in list order gives."""
    from types import SimpleNamespace

    from checker.engine.kinds.magnitude import EntityWords, entity_of

    words = EntityWords([{"name": "网格", "units": ["个"], "words": ["网格", "三级网格"]},
                         {"name": "员", "words": ["网格员", "员"]}])

    def plain(text, q):
        ordered = [w for w, _, units in words.triples if not units or q.unit in units]
        stop = q.end
        while stop < len(text) and stop - q.end < 10 and text[stop] not in ",，、;；。:：\n":
            stop += 1
        hits = [(text.find(w, q.end, stop), i, w) for i, w in enumerate(ordered) if text.find(w, q.end, stop) != -1]
        if hits and min(hits)[0] - q.end <= 4:
            return next(n for w2, n, _ in words.triples if w2 == min(hits)[2])
        return "?"

    for text, unit in (("4011个三级网格", "个"), ("30名网格员，", "名"), ("5个 网格", "个"), ("9人，", "人")):
        q = SimpleNamespace(start=0, end=text.index(unit) + 1, unit=unit)
        got = entity_of(text, q, words)
        want = plain(text, q)
        assert got == (None if want == "?" else want), text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="落实好发展😀 ", max_size=40))
def test_square_starts_in_pieces_are_every_repetition(text):
    """Cut into small pieces, the shifted comparison still finds exactly the pieces written twice."""
    from checker.engine.kinds import pattern

    old = pattern.SQUARE_CHUNK
    pattern.SQUARE_CHUNK = 5
    try:
        got = pattern.square_starts(text, 2, 4)
    finally:
        pattern.SQUARE_CHUNK = old
    assert got == sorted({i for L in range(2, 5) for i in range(len(text) - 2 * L + 1)
                          if text[i:i + L] == text[i + L:i + 2 * L]})


def test_each_paused_pauses_the_collector_per_item_and_restores_it():
    """Inside the loop body the cyclic collector is off; between items and after the loop it is back on,
    and a caller that had turned it off keeps it off."""
    import gc

    from checker.gcpause import each_paused

    assert gc.isenabled()
    seen = []
    for item in each_paused([1, 2, 3]):
        seen.append((item, gc.isenabled()))
    assert seen == [(1, False), (2, False), (3, False)] and gc.isenabled()
    gc.disable()
    try:
        assert [gc.isenabled() for _ in each_paused("ab")] == [False, False] and not gc.isenabled()
    finally:
        gc.enable()


@given(st.integers(0, 5000), st.integers(20, 400), st.integers(1, 19))
def test_set_windows_hold_every_short_match_whole(n, size, overlap):
    """The windows cover the text, none is longer than ``size``, and any piece up to ``overlap`` characters
    long lies wholly inside one of them."""
    from checker.engine.kinds.pattern import set_windows

    ws = set_windows(n, size, overlap)
    assert ws[0][0] == 0 and ws[-1][1] == n and all(e - s <= size for s, e in ws)
    for a in range(0, n, 7):
        b = min(n, a + overlap)
        assert any(s <= a and b <= e for s, e in ws)


def test_patterns_in_a_long_text_are_found_across_window_cuts(monkeypatch):
    """A text longer than the set's window is asked window by window: a phrase cut by a window's end is
    still found (in the next window's overlap), and an absent one is not reported present."""
    from checker.engine.kinds import pattern

    monkeypatch.setattr(pattern, "SET_MAX_CHARS", 100)
    monkeypatch.setattr(pattern, "SET_OVERLAP", 20)
    pattern._PRESENT[:] = [None, None, frozenset()]
    text = "甲" * 95 + "每小时时速" + "乙" * 300
    found = pattern.patterns_present(text, ("每小时时速", "日均每天"))
    assert found == frozenset({"每小时时速"})


def test_a_pause_leaves_nothing_frozen_and_cycles_collectable():
    """Nothing stays frozen after a pause, so a cycle made during it and dropped later is still collected;
    a freeze the host program made is left as it was."""
    import gc
    import weakref

    from checker.gcpause import gc_paused

    class Node:
        pass

    with gc_paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        probe = weakref.ref(a)
    assert gc.isenabled()
    del a, b
    gc.collect()
    assert probe() is None and gc.get_freeze_count() == 0
    gc.freeze()
    try:
        held = gc.get_freeze_count()
        with gc_paused():
            pass
        assert gc.get_freeze_count() == held
    finally:
        gc.unfreeze()
