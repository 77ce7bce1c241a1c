"""`zicht build` in the background for the app: one build at a time, progress in a file.

`start` takes an exclusive lock (flock on `<data>/bouw/slot`) and starts a detached supervisor,
`python -m loaders.rebuild <data_dir>`, that inherits the locked file descriptor: the lock is held
exactly as long as the supervisor lives, also when the app restarts meanwhile or the supervisor is
killed. The supervisor runs `python -m loaders.cli build` with its output in `bouw/voortgang.log`
and writes the outcome to `bouw/status.json` (replaced atomically). `read` turns both into a
Voortgang for the page to poll. The pipeline itself guarantees that a failed or interrupted build
leaves the previous snapshot in use.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from geo import snapshots
from loaders.sources import read_register

FOLDER = "bouw"
LOCK, LOG, STATUS = "slot", "voortgang.log", "status.json"
REPO = Path(__file__).resolve().parents[1]
FIXED_STEPS = 5  # Adressen normaliseren, KVK ontdubbelen, KVK koppelen aan BAG, Gebieden en indexen,
#                 Branchegroepen en signalen
INTERRUPTED = 130
_LINE = re.compile(r"^\[\d{2}:\d{2}:\d{2}\] (.*)$")
_DONE = re.compile(r"^(.*): ([\d.]+) s, piek .*$")
_ERROR = "zicht: fout: "
_children: dict[str, subprocess.Popen] = {}


class BouwBezig(Exception):
    """A build is already running; the message says which, in Dutch."""


@dataclass
class Stap:
    naam: str
    seconden: float | None = None  # None while running


@dataclass
class Voortgang:
    toestand: str                  # geen | bezig | klaar | mislukt | afgebroken | onderbroken
    gestart_op: str | None = None
    klaar_op: str | None = None
    totaal: int = 0                # expected number of steps
    stappen: list[Stap] = field(default_factory=list)
    fout: str | None = None        # the Dutch error line of `zicht build`
    details: str = ""              # the last lines of the log, for the beheerder
    snapshot_voor: str | None = None
    snapshot: str | None = None    # the snapshot in use when the build ended

    @property
    def fractie(self) -> float:
        if self.toestand == "klaar":
            return 1.0
        done = sum(1 for s in self.stappen if s.seconden is not None)
        return min(done / self.totaal, 0.99) if self.totaal else 0.0


def folder(data_dir: Path) -> Path:
    return data_dir / FOLDER


def start(data_dir: Path) -> None:
    """Start a build in the background; raises BouwBezig when one is running already."""
    work = folder(data_dir)
    work.mkdir(parents=True, exist_ok=True)
    fd = os.open(work / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock_or_raise(fd, data_dir)
        _write_status(work, {
            "toestand": "bezig", "gestart_op": _now(), "totaal": expected_steps(data_dir),
            "snapshot_voor": _current_name(data_dir)})
        (work / LOG).write_bytes(b"")
        child = subprocess.Popen(
            [sys.executable, "-m", "loaders.rebuild", str(data_dir)], cwd=REPO,
            env=_env(data_dir), pass_fds=(fd,), start_new_session=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _children[str(data_dir)] = child
    finally:
        os.close(fd)  # the supervisor holds its own copy of the lock


def _lock_or_raise(fd: int, data_dir: Path) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        raise BouwBezig("Er wordt al een nieuwe snapshot gebouwd; wacht tot die klaar is.") from exc
    if _foreign_build(data_dir):
        raise BouwBezig("Er loopt al een bouw buiten de app (`zicht build` of `zicht demo`); "
                        "wacht tot die klaar is.")


def stop(data_dir: Path) -> bool:
    """Interrupt a running build (as Ctrl-C would); the previous snapshot stays in use."""
    status = _read_status(folder(data_dir))
    if not running(data_dir) or not status.get("pid"):
        return False
    try:
        os.killpg(int(status["pid"]), signal.SIGINT)
    except ProcessLookupError:
        return False
    return True


def running(data_dir: Path) -> bool:
    """True while a build started by the app holds the lock."""
    _reap(data_dir)
    lock = folder(data_dir) / LOCK
    if not lock.exists():
        return False
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases a lock taken here
    return False


def read(data_dir: Path) -> Voortgang:
    """The state of the last build the app started, from its status file and log."""
    work = folder(data_dir)
    status = _read_status(work)
    if not status:
        return Voortgang("geen")
    if status.get("toestand") == "bezig" and not running(data_dir):
        status = _read_status(work)  # it may have finished in between
        if status.get("toestand") == "bezig":
            status["toestand"] = "onderbroken"  # the supervisor died without a word
    log = _read_log(work)
    stappen, fout = parse_log(log)
    return Voortgang(
        toestand=status.get("toestand", "geen"), gestart_op=status.get("gestart_op"),
        klaar_op=status.get("klaar_op"),
        totaal=int(status.get("totaal") or 0), stappen=stappen, fout=fout,
        details="\n".join(log.splitlines()[-20:]), snapshot_voor=status.get("snapshot_voor"),
        snapshot=status.get("snapshot"))


def parse_log(log: str) -> tuple[list[Stap], str | None]:
    """The build steps from `zicht build`'s progress lines, and its error line if any."""
    stappen: dict[str, Stap] = {}
    fout = None
    for line in log.splitlines():
        if line.startswith(_ERROR):
            fout = line[len(_ERROR):].strip()
        match = _LINE.match(line)
        if not match:
            continue
        message = match.group(1)
        if done := _DONE.match(message):
            stappen.setdefault(done.group(1), Stap(done.group(1))).seconden = float(done.group(2))
        elif message.endswith("…") and not message.startswith(" "):
            stappen.setdefault(message[:-1], Stap(message[:-1]))
    return list(stappen.values()), fout


def expected_steps(data_dir: Path) -> int:
    bronnen = read_register(data_dir)
    return len(bronnen) + FIXED_STEPS + (1 if any(b.soort == "rdw" for b in bronnen) else 0)


def supervise(data_dir: Path) -> int:
    """Run `zicht build` and record how it ended (the process behind `start`)."""
    work = folder(data_dir)
    _write_status(work, {**_read_status(work), "pid": os.getpid()})
    with open(work / LOG, "ab") as log:
        child = subprocess.Popen([sys.executable, "-m", "loaders.cli", "build"], cwd=REPO,
                                 env=_env(data_dir), stdin=subprocess.DEVNULL, stdout=log,
                                 stderr=subprocess.STDOUT)
        code = _wait(child)
    toestand = {0: "klaar", INTERRUPTED: "afgebroken"}.get(code, "mislukt")
    _write_status(work, {**_read_status(work), "toestand": toestand, "returncode": code,
                         "klaar_op": _now(), "snapshot": _current_name(data_dir)})
    return code


def _wait(child: subprocess.Popen) -> int:
    """Wait for the build; Ctrl-C (from `stop`) goes to the build, which ends cleanly."""
    while True:
        try:
            return child.wait()
        except KeyboardInterrupt:
            continue


def _foreign_build(data_dir: Path) -> bool:
    """A `zicht build` started outside the app: a .bouw file of a live build process."""
    for part in snapshots.snapshot_dir(data_dir).glob(".bouw-*.duckdb"):
        pid = part.name.split("-")[1].split(".")[0]
        if pid.isdigit() and _is_build_process(int(pid)):
            return True
    return False


def _is_build_process(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return b"build" in cmdline or b"demo" in cmdline


def _reap(data_dir: Path) -> None:
    child = _children.get(str(data_dir))
    if child is not None and child.poll() is not None:
        del _children[str(data_dir)]


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "ZICHT_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}


def _current_name(data_dir: Path) -> str | None:
    current = snapshots.current_snapshot(data_dir)
    return None if current is None else current.name


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _read_status(work: Path) -> dict:
    try:
        return json.loads((work / STATUS).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def _write_status(work: Path, status: dict) -> None:
    tmp = work / f".{STATUS}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(status, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, work / STATUS)


def _read_log(work: Path) -> str:
    try:
        return (work / LOG).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


if __name__ == "__main__":
    sys.exit(supervise(Path(sys.argv[1])))
