"""Faults during the real `zicht build`, `zicht load` and an upload: Ctrl-C, SIGKILL and a full
disk end with one Dutch line (never a traceback), the previous snapshot stays in use, and no
work database, WAL, temporary register or half upload stays behind, nor is ever readable by
others."""

from __future__ import annotations

import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo import snapshots
from loaders import uploads
from loaders.errors import InvoerFout
from tests.security import hostile

ZICHT = [sys.executable, "-m", "cli"]
AFGEBROKEN = "zicht: afgebroken; de vorige snapshot blijft in gebruik"


def start(data_dir: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "ZICHT_DATA_DIR": str(data_dir)}
    return subprocess.Popen([*ZICHT, *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def zicht(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZICHT_DATA_DIR": str(data_dir)}
    return subprocess.run([*ZICHT, *args], env=env, capture_output=True, text=True, timeout=600)


def wait_for_line(proc: subprocess.Popen, text: str, timeout: float = 120) -> list[str]:
    seen, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line)
        if text in line:
            return seen
    raise AssertionError(f"'{text}' niet gezien: {seen}")


def leftovers(data_dir: Path) -> list[Path]:
    """Work databases, WAL files, temporary registers and pointers, half uploads."""
    names = (".bouw-", ".bronnen.json.", ".current.", ".upload-", ".map-")
    return [p for p in data_dir.rglob("*") if p.name.startswith(names) or p.name.endswith(".wal")]


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


@pytest.fixture
def data_dir(demo_data_dir, tmp_path) -> Path:
    """A copy of the demo data dir with only its current snapshot (sources stay where they are:
    bronnen.json names them by absolute path)."""
    target = tmp_path / "data"
    target.mkdir()
    current = snapshots.current_snapshot(demo_data_dir)
    (target / "snapshots").mkdir()
    shutil.copy2(current, target / "snapshots" / current.name)
    for name in ("bronnen.json", "current"):
        shutil.copy2(demo_data_dir / name, target / name)
    return target


def _build_interrupted(data_dir: Path, sig: int) -> tuple[subprocess.Popen, list[Path]]:
    before = snapshots.current_snapshot(data_dir)
    proc = start(data_dir, "build")
    wait_for_line(proc, "Laden ")
    work = list((data_dir / "snapshots").glob(".bouw-*.duckdb"))
    assert work and all(private(p) for p in work), [oct(p.stat().st_mode) for p in work]
    proc.send_signal(sig)
    proc.wait(timeout=120)
    assert snapshots.current_snapshot(data_dir) == before
    return proc, work


def test_ctrl_c_during_build_keeps_the_previous_snapshot_and_leaves_nothing(data_dir):
    proc, _ = _build_interrupted(data_dir, signal.SIGINT)
    err = proc.stderr.read()
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == AFGEBROKEN
    assert "Traceback" not in err
    assert leftovers(data_dir) == []


def test_killed_build_leaves_only_private_files_and_the_next_command_removes_them(data_dir):
    proc, work = _build_interrupted(data_dir, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    left = leftovers(data_dir)
    assert all(private(p) for p in left if p.is_file())
    result = zicht(data_dir, "status")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert leftovers(data_dir) == []
    assert snapshots.current_snapshot(data_dir).name in result.stdout


def test_a_finished_build_writes_only_files_private_to_its_user(data_dir):
    before = {p for p in data_dir.rglob("*") if p.is_file()}
    result = zicht(data_dir, "build")
    assert result.returncode == 0, result.stderr
    new = snapshots.current_snapshot(data_dir)
    written = {p for p in data_dir.rglob("*") if p.is_file()} - before | {data_dir / "current"}
    assert new in written
    assert [(p.name, oct(p.stat().st_mode)) for p in written if not private(p)] == []


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of a few MB (root only); the test is skipped where mounting is not allowed."""
    def mount(size_kb: int) -> Path:
        point = tmp_path / f"schijf{size_kb}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                               str(point)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"tmpfs mounten niet toegestaan: {done.stderr.decode().strip()}")
        mounted.append(point)
        return point

    mounted: list[Path] = []
    yield mount
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _fill(folder: Path, leave_bytes: int) -> None:
    """Fill the file system of `folder` up to `leave_bytes` free."""
    free = shutil.disk_usage(folder).free - leave_bytes
    with open(folder / "vulsel", "wb") as f:
        f.write(b"\0" * max(free, 0))


def test_full_disk_during_build_keeps_the_previous_snapshot(data_dir, small_disk):
    current = snapshots.current_snapshot(data_dir)
    disk = small_disk(current.stat().st_size // 1024 + 2048)
    target = disk / "data"
    shutil.copytree(data_dir, target)
    before = sorted(p.name for p in target.rglob("*"))
    result = zicht(target, "build")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, result.stderr
    assert lines[-1].startswith("zicht: fout: ") and "schijf is vol" in lines[-1], lines[-1]
    assert "Traceback" not in result.stderr
    assert snapshots.current_snapshot(target).name == current.name
    assert sorted(p.name for p in target.rglob("*")) == before


def test_full_disk_during_load_keeps_the_register(data_dir, small_disk, tmp_path):
    disk = small_disk(1024)
    target = disk / "data"
    target.mkdir()
    shutil.copy2(data_dir / "bronnen.json", target / "bronnen.json")
    register = (target / "bronnen.json").read_bytes()
    good = tmp_path / "goed.csv"
    good.write_bytes(hostile._lines(hostile.HEADER, *hostile.GOOD))
    _fill(disk, 256)
    result = zicht(target, "load", "kvk-file", str(good), "--naam", "nieuw", "--peildatum", "2026-11-01")
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [
        "zicht: fout: de schijf is vol; maak ruimte vrij en probeer opnieuw; de vorige snapshot "
        "blijft in gebruik"]
    assert (target / "bronnen.json").read_bytes() == register
    assert leftovers(target) == []


def test_full_disk_during_upload_is_a_dutch_message_and_leaves_nothing(small_disk):
    disk = small_disk(1024)
    data = disk / "data"
    uploads.upload_dir(data).mkdir(parents=True)
    _fill(disk, 64 * 1024)
    content = hostile._lines(hostile.HEADER, *hostile.GOOD * 2000)
    with pytest.raises(InvoerFout) as caught:
        uploads.save_upload(data, "selectie.csv", io.BytesIO(content), uploads.KVK_EXTENSIONS)
    assert str(caught.value) == ("bestand selectie.csv: de schijf is vol; maak ruimte vrij en "
                                 "probeer opnieuw")
    assert list(uploads.upload_dir(data).iterdir()) == []


def test_upload_parts_of_a_killed_process_are_removed_and_were_private(tmp_path):
    data = tmp_path / "data"
    upload = uploads.save_upload(data, "a.csv", io.BytesIO(b"x;y\n1;2\n"), uploads.KVK_EXTENSIONS)
    assert private(upload.pad) and stat.S_IMODE(upload.pad.parent.stat().st_mode) == 0o700
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    stale = uploads.upload_dir(data) / f".upload-{dead}-1.part"
    stale.write_bytes(b"half")
    uploads.remove_orphans(data)
    assert not stale.exists() and upload.pad.exists()


def _has_open(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(fd) == str(path) for fd in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False


def test_ctrl_c_during_load_keeps_the_register_and_says_so(data_dir, tmp_path):
    """SIGINT as soon as the real `zicht load` has the file open (it is reading it)."""
    big = tmp_path / "groot.csv"
    rows = [hostile.row(f"Zaak {i}", str(i % 900 + 1), f"{i:012d}", f"{i:08d}")
            for i in range(1, 200_001)]
    big.write_bytes(hostile._lines(hostile.HEADER, *rows))
    register = (data_dir / "bronnen.json").read_bytes()
    proc = start(data_dir, "load", "kvk-file", str(big), "--naam", "groot", "--peildatum", "2026-11-01")
    deadline = time.monotonic() + 120
    while not _has_open(proc.pid, big) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out, err)
    assert err.strip().splitlines() == [AFGEBROKEN] and out == ""
    assert (data_dir / "bronnen.json").read_bytes() == register
    assert leftovers(data_dir) == []
