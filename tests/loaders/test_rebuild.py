"""Background builds for the app: a real subprocess, one at a time, progress, and failures that
leave the previous snapshot in use."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo import snapshots
from loaders import pipeline, rebuild
from loaders.sources import read_register

TIMEOUT_S = 60
LOG = """[10:00:01] Laden bag (bag-gpkg)…
[10:00:02] Laden bag (bag-gpkg): 1.2 s, piek 300 MB
[10:00:02] Laden kvk (kvk-file)…
zicht: fout: bestand kvk.csv, rij 3, veld KVK_Nummer: leeg
"""
# What `zicht build --voortgang` wrote for the same build (pipeline.Gebeurtenis as JSON lines),
# ending in a line cut off by the failure.
EVENTS = "\n".join(json.dumps(e) for e in (
    {"stap": "Laden bag (bag-gpkg)", "nummer": 1, "totaal": 6, "bron": "bag", "seconden": None},
    {"stap": "Laden bag (bag-gpkg)", "nummer": 1, "totaal": 6, "bron": "bag", "seconden": 1.2,
     "piek_mb": 300.0},
    {"stap": "Laden kvk (kvk-file)", "nummer": 2, "totaal": 6, "bron": "kvk", "seconden": None},
)) + '\n{"stap": "Adressen'


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


def test_steps_come_from_the_build_events_and_the_error_from_its_one_line():
    stappen, totaal = rebuild.steps_from_events(EVENTS)
    fout = rebuild.error_line(LOG)
    assert [(s.naam, s.seconden) for s in stappen] == [
        ("Laden bag (bag-gpkg)", 1.2), ("Laden kvk (kvk-file)", None)]
    assert totaal == 6
    assert fout == "bestand kvk.csv, rij 3, veld KVK_Nummer: leeg"


def test_zicht_build_writes_its_progress_as_events(demo_data_dir, tmp_path):
    """The real command: every step once started, once done with its time, numbered of the total
    the pipeline planned, and the same steps the page will show."""
    data_dir = copy_of_demo(demo_data_dir, tmp_path / "data")
    voortgang = tmp_path / "stappen.jsonl"
    env = {**os.environ, "ZICHT_DATA_DIR": str(data_dir)}
    done = subprocess.run([sys.executable, "-m", "cli", "build", "--voortgang", str(voortgang)],
                          env=env, capture_output=True, text=True, timeout=TIMEOUT_S * 3)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in voortgang.read_text(encoding="utf-8").splitlines()]
    totaal = events[0]["totaal"]
    assert totaal == len(pipeline.stappen(read_register(data_dir))) == len(events) // 2
    assert [e["nummer"] for e in events] == [n for n in range(1, totaal + 1) for _ in (0, 1)]
    assert all((e["seconden"] is None) == (i % 2 == 0) for i, e in enumerate(events))
    assert {e["bron"] for e in events if e["stap"].startswith("Laden")} == {
        b.bron for b in read_register(data_dir)}
    assert "RDW koppelen aan BAG" in [e["stap"] for e in events]  # the rdw kind's own step
    for e in events:
        assert e["stap"] + ("…" if e["seconden"] is None else ":") in done.stderr


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
