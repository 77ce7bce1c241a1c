"""The current pointer only ever names a finished snapshot, and pruning never removes it."""

import os
import time

from geo import snapshots
from geo.db import connect


def make_snapshot(data_dir, name, mtime):
    folder = snapshots.snapshot_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    connect(path).close()
    os.utime(path, (mtime, mtime))
    return path


def test_no_pointer_means_no_snapshot(tmp_path):
    assert snapshots.current_snapshot(tmp_path) is None
    assert snapshots.open_current(tmp_path) is None


def test_switch_replaces_the_pointer_atomically(tmp_path):
    a = make_snapshot(tmp_path, "zicht-2026-10-01-aaaaaaaaaaaa.duckdb", 1)
    b = make_snapshot(tmp_path, "zicht-2026-11-01-bbbbbbbbbbbb.duckdb", 2)
    snapshots.switch_to(tmp_path, a)
    assert snapshots.current_snapshot(tmp_path) == a
    snapshots.switch_to(tmp_path, b)
    assert snapshots.current_snapshot(tmp_path) == b
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_build_files_in_progress_are_never_listed(tmp_path):
    make_snapshot(tmp_path, ".bouw-123.duckdb", 1)
    assert snapshots.list_snapshots(tmp_path) == []


def test_prune_keeps_the_newest_and_always_the_current(tmp_path):
    now = time.time()
    paths = [make_snapshot(tmp_path, f"zicht-2026-0{i}-01-{i:012x}.duckdb", now + i)
             for i in range(1, 6)]
    snapshots.switch_to(tmp_path, paths[0])  # an old one is current (rolled back)
    removed = snapshots.prune(tmp_path, keep=3)
    left = snapshots.list_snapshots(tmp_path)
    assert paths[0] in left and len(left) == 3
    assert set(removed) == {paths[1], paths[2]}


def test_previous_snapshot_is_the_newest_other_one(tmp_path):
    a = make_snapshot(tmp_path, "zicht-2026-10-01-aaaaaaaaaaaa.duckdb", 1)
    b = make_snapshot(tmp_path, "zicht-2026-11-01-bbbbbbbbbbbb.duckdb", 2)
    snapshots.switch_to(tmp_path, b)
    assert snapshots.previous_snapshot(tmp_path) == a


def test_current_snapshot_opens_read_only(tmp_path):
    a = make_snapshot(tmp_path, "zicht-2026-10-01-aaaaaaaaaaaa.duckdb", 1)
    snapshots.switch_to(tmp_path, a)
    con = snapshots.open_current(tmp_path)
    try:
        con.execute("CREATE TABLE x (i INTEGER)")
        raise AssertionError("a snapshot must not be writable")
    except Exception as exc:
        assert "read-only" in str(exc).lower()
