"""``claimcheck scan``: JSONL and directory archives, resumable output, process pool and Dask."""
import json
import subprocess
import sys

import pytest

from checker.scan import ScanOptions, scan

from conftest import SEEDS


@pytest.fixture()
def archive(tmp_path):
    path = tmp_path / "archive.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(3):
            for p in sorted(SEEDS.glob("*.txt")):
                fh.write(json.dumps({"doc": f"{i}/{p.name}", "body": p.read_text(encoding="utf-8")},
                                    ensure_ascii=False) + "\n")
        fh.write("this line is not json\n")
    return path


def read(path):
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_scan_jsonl_and_resume(tmp_path, archive):
    out = tmp_path / "out.jsonl"
    opts = ScanOptions(id_field="doc", text_field="body")
    summary = scan(str(archive), str(out), opts)
    res = read(out)
    assert summary["documents"] == 16 and len(res) == 16
    bad = [r for r in res.values() if r["error"]]
    assert len(bad) == 1 and "not a JSON record" in bad[0]["error"]
    seed0 = res["0/000_8c17534d86b76211.txt"]
    assert any(f["rule"] == "CC101" for f in seed0["findings"]) and seed0["claims"] > 10
    # resume: cut the output after 5 lines (the last one half-written), run again
    lines = out.read_text(encoding="utf-8").splitlines()
    out.write_text("\n".join(lines[:5]) + "\n" + lines[5][:20], encoding="utf-8")
    summary = scan(str(archive), str(out), opts)
    assert summary["skipped"] == 5 and summary["documents"] == 11
    again = read_valid(out)
    assert set(again) == set(res)


def read_valid(path):
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        out[r["id"]] = r
    return out


def _strip(res):
    return {k: (v["claims"], [(f["rule"], f["span"]["start"]) for f in v["findings"]]) for k, v in res.items()}


def test_process_pool_matches_serial(tmp_path, archive):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    scan(str(archive), str(a), ScanOptions(id_field="doc", text_field="body", jobs=1))
    scan(str(archive), str(b), ScanOptions(id_field="doc", text_field="body", jobs=2, batch=2))
    assert _strip(read(a)) == _strip(read(b))


def test_dask_local_cluster_matches_serial(tmp_path, archive):
    pytest.importorskip("distributed")
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    scan(str(archive), str(a), ScanOptions(id_field="doc", text_field="body"))
    scan(str(archive), str(b), ScanOptions(id_field="doc", text_field="body", engine="dask", jobs=2, batch=3))
    assert _strip(read(a)) == _strip(read(b))


def test_scan_directory_cli(tmp_path):
    out = tmp_path / "dir.jsonl"
    p = subprocess.run([sys.executable, "-m", "checker", "scan", str(SEEDS), "-o", str(out)],
                       capture_output=True, timeout=120)
    assert p.returncode == 0 and b"5 documents" in p.stderr
    assert set(read(out)) == {p.name for p in SEEDS.glob("*.txt")}


def test_scan_non_utf8_archive(tmp_path):
    f = tmp_path / "gbk.jsonl"
    f.write_bytes(json.dumps({"id": "1", "text": "全市发案"}, ensure_ascii=False).encode("gbk"))
    p = subprocess.run([sys.executable, "-m", "checker", "scan", str(f)], capture_output=True, timeout=60)
    assert p.returncode == 2 and b"not UTF-8" in p.stderr and b"Traceback" not in p.stderr


def test_small_scale_archive_two_workers(tmp_path):
    """The CI-sized version of the 1 GB scale run: a varied 2 MB archive through two workers."""
    out = tmp_path / "arch.jsonl"
    res = tmp_path / "res.jsonl"
    root = SEEDS.parent.parent
    subprocess.run([sys.executable, str(root / "bench" / "make_archive.py"), "2", str(out)], check=True,
                   capture_output=True, timeout=120)
    n = sum(1 for _ in out.open(encoding="utf-8"))
    p = subprocess.run([sys.executable, "-m", "checker", "scan", str(out), "-o", str(res), "-j", "2"],
                       capture_output=True, timeout=600)
    assert p.returncode == 0, p.stderr.decode()
    assert len(read(res)) == n and f"{n} documents".encode() in p.stderr
