"""The whole path on a small Demostad: raw files -> loaders -> matching -> snapshot -> status."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo import snapshots
from loaders.sources import read_register

ZICHT = [sys.executable, "-m", "cli"]


def zicht(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZICHT_DATA_DIR": str(data_dir)}
    return subprocess.run([*ZICHT, *args], env=env, capture_output=True, text=True, timeout=300)


def query(data_dir: Path, sql: str, params=()):
    con = snapshots.open_current(data_dir)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_demo_snapshot_has_every_table_filled_and_is_named_as_fiction(demo_data_dir):
    counts = dict(query(demo_data_dir, """
        SELECT 'pand', count(*) FROM pand UNION ALL SELECT 'vbo', count(*) FROM verblijfsobject
        UNION ALL SELECT 'vestiging', count(*) FROM vestiging
        UNION ALL SELECT 'buurt', count(*) FROM gebied WHERE soort = 'buurt'
        UNION ALL SELECT 'wijk', count(*) FROM gebied WHERE soort = 'wijk'
        UNION ALL SELECT 'bt', count(DISTINCT bron) FROM gebied WHERE soort = 'bedrijventerrein'
        UNION ALL SELECT 'rdw', count(*) FROM rdw_bedrijf
        UNION ALL SELECT 'lid', count(*) FROM gebied_lid"""))
    assert counts["vbo"] > 1000 and counts["pand"] > 300 and counts["vestiging"] > 300
    assert counts["wijk"] == 9 and counts["buurt"] >= 9 and counts["bt"] == 2
    assert counts["rdw"] > 0 and counts["lid"] >= counts["vbo"]
    meta = dict(query(demo_data_dir, "SELECT * FROM meta"))
    assert meta["gemeentenaam"] == "Demostad" and meta["is_demo"] == "1"
    assert meta["peildatum"] == "2026-11-01"


def test_every_source_is_recorded_with_peildatum_rows_and_checksum(demo_data_dir):
    rows = query(demo_data_dir, "SELECT bron, peildatum, rijen, checksum FROM bron")
    assert {r[0] for r in rows} == {b.bron for b in read_register(demo_data_dir)}
    assert all(r[1] is not None and r[2] > 0 and len(r[3]) == 64 for r in rows)


def test_withdrawn_and_demolished_bag_objects_are_left_out(demo_data_dir):
    statuses = {r[0] for r in query(demo_data_dir, "SELECT DISTINCT status FROM verblijfsobject "
                                                   "UNION SELECT DISTINCT status FROM pand")}
    assert "Pand gesloopt" not in statuses and "Verblijfsobject ingetrokken" not in statuses
    assert "Verblijfsobject in gebruik" in statuses


def test_at_least_99_percent_of_vestigingen_are_matched_and_none_dropped(demo_data_dir):
    result = zicht(demo_data_dir, "status", "--json")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert {"snapshot", "bronnen", "counts", "match"} <= status.keys()
    assert {"pand", "verblijfsobject", "vestiging", "gebied"} <= status["counts"].keys()
    assert status["match"]["rate"] >= 0.99
    methods = {m["methode"]: m["aantal"] for m in status["match"]["methods"]}
    assert {"bag_id", "adres", "coordinaten"} <= methods.keys()
    assert sum(methods.values()) == status["counts"]["vestiging"]


def test_planted_address_with_27_registrations_is_matched(demo_data_dir, planted):
    vbo = planted["veel_inschrijvingen"]["verblijfsobject_id"]
    (active,) = query(demo_data_dir, "SELECT count(*) FROM vestiging WHERE verblijfsobject_id = ? "
                                     "AND datum_einde IS NULL", [vbo])[0]
    assert active == 27


def test_status_text_shows_sources_counts_and_match_methods(demo_data_dir):
    out = zicht(demo_data_dir, "status").stdout
    assert "Demostad" in out and "peildatum 01-11-2026" in out and "KVK → BAG" in out


def test_bad_kvk_file_is_refused_in_one_line_and_changes_nothing(demo_data_dir, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(demo_data_dir, data)
    register_before = (data / "bronnen.json").read_bytes()
    current_before = snapshots.current_snapshot(data)
    bad = tmp_path / "kvk.csv"
    bad.write_text("KVK_Vestigingsnummer;KVK_Nummer;KVK_Handelsnaam;postcode;huisnummer;"
                   "KVK_Datum_inschrijving_vestiging\n000000000001;12345678;X;1234AB;1;20230015\n")
    result = zicht(data, "load", "kvk-file", str(bad), "--peildatum", "2026-11-01")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "zicht: fout: bestand kvk.csv, rij 2, veld KVK_Datum_inschrijving_vestiging: "
        "'20230015' is geen geldige datum"]
    assert (data / "bronnen.json").read_bytes() == register_before
    assert snapshots.current_snapshot(data) == current_before


def test_killed_build_leaves_the_previous_snapshot_in_use(demo_data_dir, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(demo_data_dir, data)
    before = snapshots.current_snapshot(data)
    listed_before = snapshots.list_snapshots(data)
    env = {**os.environ, "ZICHT_DATA_DIR": str(data)}
    proc = subprocess.Popen([*ZICHT, "build"], env=env, stderr=subprocess.PIPE, text=True)
    _wait_for_progress(proc, "KVK koppelen")  # well into the build: the new file is half-written
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert snapshots.current_snapshot(data) == before
    assert snapshots.list_snapshots(data) == listed_before
    assert query(data, "SELECT count(*) FROM vestiging")[0][0] > 0  # the old one still opens
    assert list((data / "snapshots").glob(".bouw-*")) != []  # the half-written file was left
    rebuilt = zicht(data, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert list((data / "snapshots").glob(".bouw-*")) == []  # and the next build cleaned it up


def _wait_for_progress(proc: subprocess.Popen, marker: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    for line in proc.stderr:
        if marker in line:
            return
        if time.monotonic() > deadline:
            break
    proc.kill()
    pytest.fail(f"build never reached '{marker}'")
