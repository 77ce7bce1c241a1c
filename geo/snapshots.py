"""Where snapshots live and which one is current.

A snapshot is a finished, read-only DuckDB file `snapshots/zicht-<peildatum>-<hash>.duckdb`.
The file `current` in the data directory holds the name of the snapshot in use; it is only ever
replaced by an atomic rename, so a reader sees either the old or the new snapshot, never a
half-written one. Builds write to `snapshots/.bouw-*.duckdb` first, which readers never look at.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from geo.db import connect

POINTER = "current"
SNAPSHOT_RE = re.compile(r"^zicht-(\d{4}-\d{2}-\d{2})-([0-9a-f]{8,})\.duckdb$")


def snapshot_dir(data_dir: Path) -> Path:
    return data_dir / "snapshots"


def current_snapshot(data_dir: Path) -> Path | None:
    """The snapshot the pointer names, or None when no snapshot was built yet."""
    pointer = data_dir / POINTER
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path = snapshot_dir(data_dir) / name
    return path if SNAPSHOT_RE.match(name) and path.exists() else None


def list_snapshots(data_dir: Path) -> list[Path]:
    """Finished snapshots, oldest first (by modification time)."""
    folder = snapshot_dir(data_dir)
    if not folder.exists():
        return []
    found = [p for p in folder.iterdir() if SNAPSHOT_RE.match(p.name)]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def switch_to(data_dir: Path, snapshot: Path) -> None:
    """Make `snapshot` current with one atomic rename of the pointer file."""
    tmp = data_dir / f".{POINTER}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(snapshot.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, data_dir / POINTER)
    _fsync_dir(data_dir)


def prune(data_dir: Path, keep: int = 3) -> list[Path]:
    """Delete the oldest snapshots beyond `keep`, never the current one. Returns what went."""
    current = current_snapshot(data_dir)
    candidates = [p for p in list_snapshots(data_dir) if p != current]
    excess = len(candidates) - (keep - (1 if current else 0))
    removed = candidates[: max(excess, 0)]
    for path in removed:
        path.unlink(missing_ok=True)
        Path(str(path) + ".wal").unlink(missing_ok=True)
    return removed


def previous_snapshot(data_dir: Path) -> Path | None:
    """The newest finished snapshot before the current one (for 'wat is er veranderd')."""
    current = current_snapshot(data_dir)
    older = [p for p in list_snapshots(data_dir) if p != current]
    return older[-1] if older else None


def open_current(data_dir: Path):
    """Open the current snapshot read-only; None when there is none."""
    path = current_snapshot(data_dir)
    return None if path is None else connect(path, read_only=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
