"""Background builds for the app: a real subprocess, one at a time, progress, and failures that
leave the previous snapshot in use."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from geo import snapshots
from loaders import rebuild

TIMEOUT_S = 60
LOG = """[10:00:01] Laden bag (bag-gpkg)…
[10:00:02] Laden bag (bag-gpkg): 1.2 s, piek 300 MB
[10:00:02] Laden kvk (kvk-file)…
zicht: fout: bestand kvk.csv, rij 3, veld KVK_Nummer: leeg
"""


def copy_of_demo(demo_data_dir: Path, target: Path) -> Path:
    """A private data dir with the demo's register and snapshot (the sources stay where they are,
    read only)."""
    shutil.copytree(demo_data_dir, target, ignore=shutil.ignore_patterns("demo-bronnen", "bouw"))
    return target


def change_register(data_dir: Path, change) -> None:
    path = data_dir / "bronnen.json"
    bronnen = json.loads(path.read_text(encoding="utf-8"))
    change(bronnen)
    path.write_text(json.dumps(bronnen), encoding="utf-8")


def wait_until_done(data_dir: Path) -> rebuild.Voortgang:
    deadline = time.monotonic() + TIMEOUT_S
    while rebuild.running(data_dir):
        assert time.monotonic() < deadline, "bouw niet klaar binnen de tijd"
        time.sleep(0.2)
    return rebuild.read(data_dir)


def test_parse_log_finds_steps_and_the_error_line():
    stappen, fout = rebuild.parse_log(LOG)
    assert [(s.naam, s.seconden) for s in stappen] == [
        ("Laden bag (bag-gpkg)", 1.2), ("Laden kvk (kvk-file)", None)]
    assert fout == "bestand kvk.csv, rij 3, veld KVK_Nummer: leeg"


def test_nothing_started_reads_as_geen(tmp_path):
    assert rebuild.read(tmp_path).toestand == "geen" and not rebuild.running(tmp_path)


def test_a_build_whose_process_died_reads_as_onderbroken(tmp_path):
    work = rebuild.folder(tmp_path)
    work.mkdir()
    (work / rebuild.STATUS).write_text(json.dumps(
        {"toestand": "bezig", "snapshot_voor": "zicht-2026-01-01-abcdef12.duckdb"}))
    voortgang = rebuild.read(tmp_path)
    assert voortgang.toestand == "onderbroken"
    assert voortgang.snapshot_voor == "zicht-2026-01-01-abcdef12.duckdb"


def test_background_build_reports_progress_and_switches_snapshot(demo_data_dir, tmp_path):
    data_dir = copy_of_demo(demo_data_dir, tmp_path / "data")
    before = snapshots.current_snapshot(data_dir).name
    change_register(data_dir, lambda bronnen: bronnen[0].update(peildatum="2030-01-01"))
    rebuild.start(data_dir)
    assert rebuild.running(data_dir)
    with pytest.raises(rebuild.BouwBezig, match="al een nieuwe snapshot"):
        rebuild.start(data_dir)
    assert rebuild.read(data_dir).toestand == "bezig"
    voortgang = wait_until_done(data_dir)
    assert voortgang.toestand == "klaar", voortgang.details
    assert voortgang.fractie == 1.0 and voortgang.totaal == len(voortgang.stappen)
    assert all(s.seconden is not None for s in voortgang.stappen)
    assert voortgang.snapshot_voor == before
    assert voortgang.snapshot == snapshots.current_snapshot(data_dir).name != before
    assert voortgang.snapshot.startswith("zicht-2030-01-01-")


def test_failed_build_names_the_error_and_keeps_the_previous_snapshot(demo_data_dir, tmp_path):
    data_dir = copy_of_demo(demo_data_dir, tmp_path / "data")
    bad = tmp_path / "kapot.csv"
    bad.write_text("KVK_Vestigingsnummer;KVK_Nummer\n1;2\n", encoding="utf-8")
    pointer = (data_dir / "current").read_bytes()
    change_register(data_dir, lambda bronnen: bronnen.append({
        "bron": "kapot", "soort": "kvk-file", "pad": str(bad), "peildatum": "2030-01-01",
        "opties": {}, "checksum": "x", "geregistreerd_op": ""}))
    rebuild.start(data_dir)
    voortgang = wait_until_done(data_dir)
    assert voortgang.toestand == "mislukt"
    assert voortgang.fout.startswith("bestand kapot.csv, rij 1, veld KVK_Handelsnaam")
    assert (data_dir / "current").read_bytes() == pointer
    assert voortgang.snapshot == voortgang.snapshot_voor == snapshots.current_snapshot(data_dir).name
    assert not list(snapshots.snapshot_dir(data_dir).glob(".bouw-*"))
