"""A throw-away PostgreSQL + PostGIS server for the benchmark: initdb in a temp folder, started
on 127.0.0.1 with a free port, tuned as an analyst would for a one-off load (unlogged tables,
no fsync, generous memory), stopped and removed afterwards.

Debian's postgresql + postgis packages provide the binaries; `available()` says whether they are
there. PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psutil

PGDIR_FILE = "pgdir"
SETTINGS = {
    "listen_addresses": "'127.0.0.1'", "shared_buffers": "'2GB'", "work_mem": "'256MB'",
    "maintenance_work_mem": "'1GB'", "max_parallel_workers_per_gather": "2",
    "max_parallel_maintenance_workers": "2", "effective_cache_size": "'8GB'",
    "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
    "wal_level": "minimal", "max_wal_senders": "0", "max_wal_size": "'8GB'",
    "checkpoint_timeout": "'1h'", "jit": "off",
}


def bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin folder, if PostGIS is installed for it."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        version = Path(folder).parent.name
        if glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"):
            return Path(folder)
    return None


def available() -> bool:
    return bin_dir() is not None


class Server:
    """`with Server(folder) as srv: srv.start()` → srv.dsn; stopped and removed on exit.

    The cluster lives in a fresh folder in the system temp dir (the `postgres` user must be able
    to reach it); `folder` only records where, so `stop(folder)` can clean up after a crash."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.pgdir: Path | None = None
        self.bin = bin_dir()
        if self.bin is None:
            raise RuntimeError("PostgreSQL met PostGIS is niet geïnstalleerd "
                               "(apt-get install postgresql postgis)")
        self.port = _free_port()
        self.dsn = f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"

    def __enter__(self) -> Server:
        return self

    def start(self) -> None:
        stop(self.folder)
        self.folder.mkdir(parents=True)
        self.pgdir = Path(tempfile.mkdtemp(prefix="zicht-bench-pg-"))
        (self.folder / PGDIR_FILE).write_text(str(self.pgdir), encoding="utf-8")
        if os.geteuid() == 0:
            shutil.chown(self.pgdir, "postgres", "postgres")
        data = self.pgdir / "data"
        self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("".join(f"{k} = {v}\n" for k, v in SETTINGS.items()))
            conf.write(f"port = {self.port}\nunix_socket_directories = '{self.pgdir}'\n")
        self._run("pg_ctl", "-D", str(data), "-l", str(self.pgdir / "log"),
                  "-w", "-t", "60", "start")

    def __exit__(self, *exc) -> None:
        stop(self.folder)

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, cwd="/")

    def processes(self) -> list[psutil.Process]:
        if self.pgdir is None:
            return []
        pid_file = self.pgdir / "data" / "postmaster.pid"
        try:
            main = psutil.Process(int(pid_file.read_text().split()[0]))
            return [main, *main.children(recursive=True)]
        except (OSError, ValueError, psutil.Error):
            return []


def stop(folder: Path) -> None:
    """Stop the server recorded in `folder` (if any) and delete its cluster and `folder`."""
    record = Path(folder) / PGDIR_FILE
    pgdir = Path(record.read_text(encoding="utf-8")) if record.exists() else None
    bins = bin_dir()
    if pgdir is not None and (pgdir / "data" / "postmaster.pid").exists() and bins is not None:
        cmd = [str(bins / "pg_ctl"), "-D", str(pgdir / "data"), "-m", "immediate", "-w", "stop"]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, capture_output=True, cwd="/")
    if pgdir is not None:
        shutil.rmtree(pgdir, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TreeMeter:
    """Like loaders.meter.PeakMeter, but the memory of this process plus the server's processes
    (PSS: shared buffers counted once), sampled every half second."""

    def __init__(self, server: Server, interval: float = 0.5):
        self.server, self.interval = server, interval
        self.seconds, self.peak_mb = 0.0, 0.0

    def __enter__(self) -> TreeMeter:
        import threading

        self._stop = threading.Event()
        self._start = time.perf_counter()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.seconds = time.perf_counter() - self._start

    def _loop(self) -> None:
        while True:
            self.peak_mb = max(self.peak_mb, self.sample())
            if self._stop.wait(self.interval):
                return

    def sample(self) -> float:
        total = 0
        for proc in [psutil.Process(), *self.server.processes()]:
            with contextlib.suppress(psutil.Error):
                total += proc.memory_full_info().pss
        return total / 2**20
