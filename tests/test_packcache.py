"""The cache of validated rule packs: a hit gives the same rules; a changed file is validated again."""
import dataclasses
import os
import subprocess
import sys

import pytest

import checker.engine.kinds  # noqa: F401  (registers the kinds, as load_rules does)
from checker.engine.loader import _load_dir
from checker.errors import ConfigError
from test_engine import GOOD_RULE, write_rule


def _load(d):
    return _load_dir.__wrapped__(str(d))  # past the per-process lru_cache: the disk cache decides


def _dump(rules):
    return [dataclasses.asdict(r) for r in rules]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("CLAIMCHECK_NO_CACHE", raising=False)
    return home


def test_hit_gives_the_validated_rules(tmp_path, cache_home):
    d = write_rule(tmp_path, GOOD_RULE.replace("{pattern}", "打call"))
    first = _load(d)
    assert list((cache_home / "claimcheck").glob("rules-*.pickle"))
    second = _load(d)
    assert _dump(second) == _dump(first) and second[0].params["pattern"] == "打call"


@pytest.mark.parametrize("edit", [
    lambda s: s.replace('severity = "info"', 'severity = "fata"'),       # same size
    lambda s: s.replace("pattern = '打call'", "pattern = '(a)\\1'"),
])
def test_changed_file_is_validated_again(tmp_path, cache_home, edit):
    good = GOOD_RULE.replace("{pattern}", "打call")
    d = write_rule(tmp_path, good)
    st = (d / "XX001.toml").stat()
    _load(d)
    write_rule(tmp_path, edit(good))
    os.utime(d / "XX001.toml", ns=(st.st_atime_ns, st.st_mtime_ns))  # even with the old mtime
    with pytest.raises(ConfigError) as e:
        _load(d)
    assert "XX001.toml" in str(e.value)


def test_added_file_is_seen(tmp_path, cache_home):
    d = write_rule(tmp_path, GOOD_RULE.replace("{pattern}", "打call"))
    _load(d)
    write_rule(tmp_path, GOOD_RULE.replace("{pattern}", "加油").replace("XX001", "XX002"), "XX002.toml")
    assert [r.id for r in _load(d)] == ["XX001", "XX002"]


def test_unwritable_or_corrupt_cache_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache directory cannot be created
    d = write_rule(tmp_path, GOOD_RULE.replace("{pattern}", "打call"))
    assert [r.id for r in _load(d)] == ["XX001"]
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    _load(d)
    for entry in (home / "claimcheck").glob("rules-*.pickle"):
        entry.write_bytes(b"garbage")
    assert [r.id for r in _load(d)] == ["XX001"]


def test_broken_file_after_a_cached_run_exits_2(tmp_path, cache_home):
    good = GOOD_RULE.replace("{pattern}", "打call")
    d = write_rule(tmp_path, good)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    run = [sys.executable, "-m", "checker", "check", "--rules", str(d), "-"]
    ok = subprocess.run(run, input="文本".encode(), capture_output=True, timeout=60, env=env)
    assert ok.returncode == 0
    write_rule(tmp_path, good.replace('kind = "pattern"', 'kind = "nosuchkind"'))
    bad = subprocess.run(run, input="文本".encode(), capture_output=True, timeout=60, env=env)
    assert bad.returncode == 2 and b"XX001.toml" in bad.stderr


class _Touch:
    """Unpickled, it creates a file: stands for a hostile pickle."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        from pathlib import Path

        return Path.touch, (Path(self.path),)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX file ownership")
def test_a_cache_file_others_can_write_is_never_unpickled(tmp_path, cache_home):
    """A pack file writable by group or others (a shared or restored cache) is not loaded: unpickling runs
    code.  The pack is validated again, and the file is replaced by this user's own."""
    import pickle

    d = write_rule(tmp_path, GOOD_RULE.replace("{pattern}", "打call"))
    _load(d)
    (entry,) = (cache_home / "claimcheck").glob("rules-*.pickle")
    marker = tmp_path / "ran"
    entry.write_bytes(pickle.dumps(_Touch(marker)))
    entry.chmod(0o666)
    assert [r.id for r in _load(d)] == ["XX001"]
    assert not marker.exists() and not entry.stat().st_mode & 0o022
