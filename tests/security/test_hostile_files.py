"""Hostile input through the real `zicht load` command: every kind is refused with one Dutch
line naming the file (and row and field where the input has rows), never a traceback, within a
memory limit, and nothing in the data directory changes."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from loaders import uploads
from loaders.errors import InvoerFout
from loaders.sources import Bron
from tests.security import hostile

ZICHT = [sys.executable, "-m", "cli"]
MEMORY_LIMIT = 3 << 30  # DuckDB reserves address space at start; 2 GB aborts before any work


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def zicht(data_dir: Path, *args: str, timeout: float = 300,
          limit: bool = True) -> subprocess.CompletedProcess:
    """The real CLI; hostile loads run under a memory limit (a build opens two DuckDB
    instances one after the other and needs more address space than that)."""
    env = {**os.environ, "ZICHT_DATA_DIR": str(data_dir)}
    env.pop("ZICHT_DEBUG", None)
    return subprocess.run([*ZICHT, *args], env=env, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_limit_memory if limit else None)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under the data dir with a hash of its content (the snapshots by size and
    mtime: they are large and only ever replaced whole)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            rel = str(path.relative_to(folder))
            st = path.stat()
            out[rel] = (f"{st.st_size}:{st.st_mtime_ns}" if path.suffix == ".duckdb"
                        else hashlib.sha256(path.read_bytes()).hexdigest())
    return out


@pytest.fixture(scope="module")
def data_dir(demo_data_dir, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(demo_data_dir, target, ignore=shutil.ignore_patterns("demo-bronnen", "bouw"))
    return target


@pytest.fixture(scope="module")
def status_before(data_dir) -> str:
    result = zicht(data_dir, "status", "--json")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_there_are_at_least_40_kinds_of_hostile_input():
    assert len(hostile.KINDS) >= 40


@pytest.mark.parametrize("kind_id", sorted(hostile.KINDS))
def test_hostile_file_is_refused_in_one_dutch_line(kind_id, data_dir, status_before, tmp_path):
    kind = hostile.KINDS[kind_id]
    soort, path, extra = kind.make(tmp_path)
    before = fingerprint(data_dir)
    try:
        started = time.monotonic()
        result = zicht(data_dir, "load", soort, str(path), "--naam", "vijandig", "--peildatum", "2026-11-01",
                       *extra)
        seconds = time.monotonic() - started
    finally:
        if path.is_file() and not path.is_symlink() and path.stat().st_size > (100 << 20):
            path.unlink()  # the 1 GB line and the zip bomb do not stay around
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "Error" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith("zicht: fout: bestand "), line
    assert (kind.shown or path.name) in line, line
    if kind.rij is not None:
        assert f"rij {kind.rij}" in line, line
    if kind.veld is not None:
        assert f"veld {kind.veld}" in line, line
    assert seconds < 60
    assert fingerprint(data_dir) == before
    assert _status_json(data_dir) == status_before


def _status_json(data_dir: Path) -> str:
    """What `zicht status --json` prints (loaders.cli._status), computed in this process; the
    real command is compared once in test_status_command_is_unchanged_after_all_refusals."""
    from loaders.status import status

    return json.dumps(status(data_dir), indent=2, ensure_ascii=False, default=str) + "\n"


def test_status_command_is_unchanged_after_all_refusals(data_dir, status_before):
    result = zicht(data_dir, "status", "--json")
    assert result.returncode == 0 and result.stdout == status_before == _status_json(data_dir)


@pytest.mark.parametrize("kind_id", sorted(hostile.BAG_KINDS))
def test_bag_value_outside_the_catalogue_is_refused(kind_id, tmp_path):
    from loaders.registration import validate

    kind = hostile.BAG_KINDS[kind_id]
    soort, path, _ = kind.make(tmp_path)
    with pytest.raises(InvoerFout) as caught:
        validate(Bron(bron="bag", soort=soort, pad=str(path), peildatum="2026-11-01"))
    assert str(caught.value).startswith(f"bestand {kind.shown}, rij {kind.rij}, veld {kind.veld}:")


def test_the_1gb_line_is_refused_after_reading_about_a_megabyte(tmp_path):
    """Checked in-process too: the refusal comes from the bounded line reader."""
    from loaders import file_guard

    _, path, _ = hostile.KINDS["line_1gb"].make(tmp_path)
    try:
        with open(path, "rb") as f, pytest.raises(InvoerFout, match="rij 2.*langer dan 1024 KB"):
            for _line in file_guard.bounded_lines(f, path.name):
                pass
            assert f.tell() < (4 << 20)
    finally:
        path.unlink()


def test_a_file_that_changes_while_it_is_read_is_refused(data_dir, status_before, tmp_path):
    """A writer keeps rewriting one byte (a name alternates between two letters) while the
    real CLI reads the file: the load is refused, nothing registered."""
    path = tmp_path / "wordt-geschreven.csv"
    rows = [hostile.row(f"Zaak {i}a", str(i % 900 + 1), f"{i:012d}", f"{i:08d}")
            for i in range(1, 40_001)]
    path.write_bytes(hostile._lines(hostile.HEADER, *rows))
    offset = path.read_bytes().index(b"Zaak 1a") + 6
    stop = threading.Event()

    def writer():
        letter = 0
        with open(path, "r+b") as f:
            while not stop.is_set():
                f.seek(offset)
                f.write(b"ab"[letter:letter + 1])
                f.flush()
                letter ^= 1
                time.sleep(0.005)

    thread = threading.Thread(target=writer)
    before = fingerprint(data_dir)
    thread.start()
    try:
        result = zicht(data_dir, "load", "kvk-file", str(path), "--naam", "vijandig",
                       "--peildatum", "2026-11-01")
    finally:
        stop.set()
        thread.join()
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        "zicht: fout: bestand wordt-geschreven.csv: het bestand veranderde terwijl Zicht het las; "
        "wacht tot het helemaal is weggeschreven en probeer opnieuw"]
    assert fingerprint(data_dir) == before
    assert _status_json(data_dir) == status_before


def test_oppervlakte_zero_loads_and_is_listed_as_a_warning(tmp_path, monkeypatch, capsys):
    from loaders.registration import check_and_register

    folder = hostile.bag_api_folder(tmp_path, {}, {"oppervlakte": 0})
    data = tmp_path / "data"
    monkeypatch.setenv("ZICHT_DATA_DIR", str(data))
    check_and_register(Bron(bron="bag-api", soort="bag-api", pad=str(folder),
                            peildatum="2026-11-01", opties={"gemeente": "0637"}))
    out = capsys.readouterr().out
    assert "3 rijen gecontroleerd" in out  # every BAG object delivered: 2 verblijfsobjecten, 1 pand
    assert "let op: 1 × oppervlakte_nul, bv. 0637010000000002, veld oppervlakte" in out
    built = zicht(data, "build", limit=False)
    assert built.returncode == 0, built.stderr
    from geo import snapshots

    con = snapshots.open_current(data)
    try:
        rows = con.execute("SELECT bron, soort, sleutel, veld, waarde FROM waarschuwing").fetchall()
        count = con.execute("SELECT count(*) FROM verblijfsobject").fetchone()[0]
    finally:
        con.close()
    assert rows == [("bag-api", "oppervlakte_nul", "0637010000000002", "oppervlakte", "0")]
    assert count == 2


# The upload path of the Gegevens page (loaders.uploads), for what only an upload can do.

def test_upload_name_cannot_leave_the_upload_folder(tmp_path):
    data = tmp_path / "data"
    for name in ("../../../buiten.csv", "..\\..\\buiten.csv", "/etc/cron.d/buiten.csv", "..", "."):
        try:
            upload = uploads.save_upload(data, name, _stream(hostile._lines(hostile.HEADER,
                                                                            *hostile.GOOD)),
                                         uploads.KVK_EXTENSIONS)
        except InvoerFout as exc:
            assert str(exc).startswith(f"bestand {name}") and "niet geaccepteerd" in str(exc)
            continue
        folder = uploads.upload_dir(data).resolve()
        assert folder in upload.pad.resolve().parents, upload.pad
    outside = [p for p in tmp_path.rglob("*") if uploads.upload_dir(data) not in (p, *p.parents)
               and p not in (data, data / "bronnen")]
    assert outside == []


@pytest.mark.parametrize("kind_id", ["directory_instead_of_file", "symlink", "fifo", "device"])
def test_upload_check_refuses_what_is_not_a_plain_file(kind_id, tmp_path):
    soort, path, _ = hostile.KINDS[kind_id].make(tmp_path)
    bron = Bron(bron="upload", soort=soort, pad=str(path), peildatum="2026-11-01")
    with pytest.raises(InvoerFout) as caught:
        uploads.inspect(bron, "selectie.csv")
    assert "Traceback" not in str(caught.value)
    assert str(caught.value).startswith("bestand "), str(caught.value)


@pytest.mark.parametrize("kind_id", ["nul_in_field", "xlsx_formula", "ragged_long_row",
                                     "mixed_encodings"])
def test_upload_check_names_the_uploaded_file_row_and_field(kind_id, tmp_path):
    kind = hostile.KINDS[kind_id]
    soort, path, _ = kind.make(tmp_path)
    shown = f"upload{path.suffix}"
    with pytest.raises(InvoerFout) as caught:
        uploads.inspect(Bron(bron="upload", soort=soort, pad=str(path), peildatum="2026-11-01"),
                        shown)
    message = str(caught.value)
    assert message.startswith(f"bestand {shown}, rij {kind.rij}"), message
    if kind.veld:
        assert f"veld {kind.veld}" in message


def _stream(data: bytes):
    import io

    return io.BytesIO(data)


def test_gegevens_page_shows_the_dutch_refusal_not_a_traceback(demo_data_dir, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.ui.test_gegevens_app import _page, texts, upload_and_check

    target = tmp_path / "data"
    shutil.copytree(demo_data_dir, target, ignore=shutil.ignore_patterns("demo-bronnen", "bouw"))
    monkeypatch.setenv("ZICHT_DATA_DIR", str(target))
    monkeypatch.setenv("ZICHT_MODE", "demo")
    register = (target / "bronnen.json").read_bytes()
    at = AppTest.from_function(_page, default_timeout=60)
    at.run()
    content = hostile._lines(hostile.HEADER, hostile.GOOD[0], hostile.row("Knip\x00Knap"))
    upload_and_check(at, "vijandig.csv", content)  # the file states no peildatum: the page asks
    assert not at.exception, [e.message for e in at.exception]
    shown = texts(at)
    errors = " ".join(str(e.value) for e in at.error).replace("\\", "")  # Markdown escapes
    assert "Bestand: vijandig.csv" in errors and "Rij: 3" in errors
    assert "Veld: KVK_Handelsnaam" in errors
    assert "NUL-teken" in errors
    assert "Traceback" not in shown and "Error" not in shown
    assert (target / "bronnen.json").read_bytes() == register
    assert json.loads(register)  # still the demo's register
