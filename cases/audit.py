"""The audit log: who did what and when, in an append-only file that an insider cannot rewrite.

Each act is one line, encrypted and chained with a key derived from the case-store key (format and
check: cases.audit_chain). The file lives next to the case store (audit.log), outside the
encrypted database, so it survives problems with the store; each line is written with one O_APPEND
write under an exclusive file lock and fsync'd, then the anchor file is moved along. A line holds
who, when, what kind of act and identifiers (case id, object id, search terms); never case content
such as notes. Read it only through `zicht audit` or the Beheer page (both need the key).

A log that fails verification is never appended to and never re-anchored: every later act raises
AuditFout (the UI shows a red banner to coordinators) until the log is restored from a copy that
verifies (an old plaintext log is converted with `zicht audit omzetten`). The whole chain is
checked on the first write of a process, whenever the file changed behind this process's back, and
every CHECK_INTERVAL seconds; between those, each write checks that the tail is the line this
process (and the anchor file) last saw.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from cases import audit_chain
from cases.audit_chain import GENESIS, Controle, canonical
from cases.model import AuditFout, Gebruiker, GeenToegang, Rol

if TYPE_CHECKING:
    from cases.store import Store

__all__ = ["GENESIS", "Actie", "AuditLog", "Controle", "canonical", "export_audit", "log_event"]
CHECK_INTERVAL = 60.0  # seconds between full checks of the chain by a running app


class Actie(StrEnum):
    INLOGGEN = "inloggen"
    INLOGGEN_MISLUKT = "inloggen_mislukt"
    CASUS_BEKEKEN = "casus_bekeken"
    OBJECTKAART_BEKEKEN = "objectkaart_bekeken"
    ZOEKOPDRACHT = "zoekopdracht"
    EXPORT = "export"
    WIJZIGING = "wijziging"
    WIJZIGING_MISLUKT = "wijziging_mislukt"
    HIT_NO_HIT = "hit_no_hit"
    VERNIETIGING = "vernietiging"
    GEBRUIKERSBEHEER = "gebruikersbeheer"
    INSTELLING = "instelling"
    AUDIT_EXPORT = "audit_export"


# What the UI may log by itself; everything else is logged by the functions that do the act.
UI_ACTIES = frozenset({Actie.OBJECTKAART_BEKEKEN, Actie.ZOEKOPDRACHT, Actie.EXPORT})


class AuditLog:
    """Appends encrypted, chained lines to one file; safe across threads and processes.

    `store_anchor` returns the (seq, mac) the case store last saw; it is checked with the chain.
    """

    def __init__(self, path: Path, key: str,
                 store_anchor: Callable[[], tuple[int, str] | None] | None = None):
        self.path = Path(path)
        self._keys = audit_chain.derive_keys(key)
        self._store_anchor = store_anchor or (lambda: None)
        self._lock = threading.Lock()
        self._broken: Controle | None = None
        self._checked_at: float | None = None
        self._last: tuple[int, str] | None = None
        self._seen: tuple[int, int, int] | None = None  # the file as this process last left it

    def append(self, gebruiker: str, actie: Actie, *, casus_id: str | None = None,
               object: dict | None = None, details: dict | None = None) -> dict:
        """Write one line; AuditFout (and nothing written) when the log is not in order."""
        entry: dict[str, Any] = {"gebruiker": gebruiker, "actie": str(actie), "casus_id": casus_id,
                 "object": object, "details": details or {}}
        with self._lock:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                seq, prev = self._tail_in_order(fd)
                entry.update(seq=seq + 1, tijd=datetime.now().astimezone().isoformat(timespec="milliseconds"))
                line = audit_chain.seal(self._keys, prev, entry)
                os.write(fd, (canonical(line) + "\n").encode("ascii"))
                os.fsync(fd)
                audit_chain.write_anchor(self._keys, self.path, line["seq"], line["mac"])
                self._last, self._seen = (line["seq"], line["mac"]), _identity(os.fstat(fd))
            finally:
                os.close(fd)
        return entry | {"hash": line["mac"]}

    def verify(self, store_anchor: tuple[int, str] | None = None, *, decrypt: bool = True) -> Controle:
        """The full check (every line, the anchor file, the store's anchor), under a shared lock."""
        with _shared_lock(self.path):
            return audit_chain.verify(self._keys, self.path, store_anchor, decrypt=decrypt)

    def status(self) -> Controle:
        """The last full check, redone when older than CHECK_INTERVAL (for the coordinators' banner)."""
        with self._lock:
            if self._broken is None and not self._check_due() and self._unchanged():
                return Controle(True, self._last[0] if self._last else 0, "Auditlog in orde.")
            result = self.verify(self._store_anchor(), decrypt=False)
            self._note(result)
            return result

    def read_rows(self) -> list[dict]:
        """All lines decrypted, as flat dicts (for display or CSV); unreadable lines say so."""
        rows = []
        with _shared_lock(self.path) as handle:
            for n, raw in enumerate(handle or [], 1):
                line = audit_chain.parse(raw)
                try:
                    entry = audit_chain.unseal(self._keys, line) if line else None
                except ValueError:
                    entry = None
                rows.append(_flat(n, entry, line) if entry and line
                            else {"regel": n, "actie": "ONLEESBARE REGEL"})
        return rows

    def _tail_in_order(self, fd: int) -> tuple[int, str]:
        """(seq, mac) to chain the next line to; AuditFout when the log fails its check."""
        if self._broken is not None and not self._check_due():
            raise AuditFout(_refusal(self.path, self._broken))
        tail = _tail(fd)
        if tail is not None and not self._check_due() and _identity(os.fstat(fd)) == self._seen \
                and tail == self._last and audit_chain.read_anchor(self._keys, self.path) == tail:
            return tail
        result = audit_chain.verify(self._keys, self.path, self._store_anchor(), decrypt=False)
        self._note(result)
        if not result.in_orde:
            raise AuditFout(_refusal(self.path, result))
        return result.regels, result.laatste_hash

    def _unchanged(self) -> bool:
        try:
            return _identity(self.path.stat()) == self._seen
        except FileNotFoundError:
            return self._seen is None

    def _check_due(self) -> bool:
        return self._checked_at is None or time.monotonic() - self._checked_at > CHECK_INTERVAL

    def _note(self, result: Controle) -> None:
        self._checked_at = time.monotonic()
        self._broken = None if result.in_orde else result
        if result.in_orde:
            self._last = (result.regels, result.laatste_hash)
            with contextlib.suppress(FileNotFoundError):
                self._seen = _identity(self.path.stat())


def _identity(st: os.stat_result) -> tuple[int, int, int]:
    """Which file, how long, last written: any write by someone else changes it."""
    return st.st_ino, st.st_size, st.st_mtime_ns


def _refusal(path: Path, result: Controle) -> str:
    return (f"Het auditlog {path} is niet in orde ({result.melding}) Zicht schrijft er niets meer bij "
            "en legt deze handeling daarom niet vast en voert haar niet uit. Meld dit bij de coördinator; "
            "de beheerder controleert met 'zicht audit verify'.")


@contextlib.contextmanager
def _shared_lock(path: Path) -> Iterator[BinaryIO | None]:
    """The log opened for reading under a shared lock (writers wait); None when there is no log."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield None
        return
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_SH)
        yield handle


def _tail(fd: int) -> tuple[int, str] | None:
    """(seq, mac) of the last line, (0, GENESIS) for an empty log, None when it is unreadable."""
    size = os.fstat(fd).st_size
    if size == 0:
        return 0, GENESIS
    start, chunk = size, b""
    while start > 0 and chunk.count(b"\n") < 2:
        start = max(0, start - 8192)
        chunk = os.pread(fd, size - start, start)
    line = audit_chain.parse(chunk.rsplit(b"\n", 2)[-2] + b"\n") if chunk.endswith(b"\n") else None
    return (line["seq"], line["mac"]) if line else None


def _flat(n: int, entry: dict, line: dict) -> dict:
    obj = entry.get("object") or {}
    return {"regel": n, "seq": entry.get("seq"), "tijd": entry.get("tijd"),
            "gebruiker": entry.get("gebruiker"), "actie": entry.get("actie"),
            "casus_id": entry.get("casus_id"), "object_type": obj.get("type"),
            "object_id": obj.get("id"), "details": canonical(entry.get("details") or {}),
            "hash": line["mac"]}



def log_event(store: Store, user: Gebruiker, actie: Actie, *, casus_id: str | None = None,
              object_type: str | None = None, object_id: str | None = None,
              details: dict | None = None) -> None:
    """Log an act the UI performs itself: viewing an object card, a map search, an export."""
    if Actie(actie) not in UI_ACTIES:
        raise ValueError(f"actie {actie!r} wordt gelogd door de functie die haar uitvoert")
    obj = {"type": object_type, "id": object_id} if object_id else None
    store.log(user.gebruikersnaam, Actie(actie), casus_id=casus_id, object=obj, details=details)


def export_audit(store: Store, user: Gebruiker) -> tuple[Controle, list[dict]]:
    """The coördinator's export: the verification result and every line. The export is logged."""
    if not user.heeft_rol(Rol.COORDINATOR):
        raise GeenToegang("Alleen de coördinator kan het auditlog exporteren.")
    store.log(user.gebruikersnaam, Actie.AUDIT_EXPORT)
    return store.audit.verify(store.audit_anchor()), store.audit.read_rows()
