"""The audit log: an append-only file of JSON lines chained by SHA-256.

Format of one line (UTF-8, keys sorted, no spaces, ending in a newline):

    {"actie":"casus_bekeken","casus_id":"…","details":{…},"gebruiker":"jan","hash":"…",
     "object":null,"prev_hash":"…","seq":17,"tijd":"2026-11-28T16:03:01.123+01:00"}

`hash` = sha256(prev_hash + canonical(line without "hash")) in hex; the first line's prev_hash is
64 zeros and `seq` counts from 1. The file lives next to the case store (audit.log), outside the
encrypted database, so it survives problems with the store; each line is written with one
O_APPEND write under an exclusive file lock and fsync'd. A line holds who, when, what kind of act
and identifiers (case id, object id, search terms); never case content such as notes.

A hash chain without a secret can be rewritten as a whole by someone with write access to the
file. Therefore the store keeps an anchor (the last seq and hash it saw) inside the encrypted
database; `verify(path, anker)` also checks the log against it, which catches a rewritten or
truncated log.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from cases.model import AuditFout, Gebruiker, GeenToegang, Rol

if TYPE_CHECKING:
    from cases.store import Store

GENESIS = "0" * 64


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


@dataclass(frozen=True)
class Controle:
    """Result of verifying the log. fout_regel is the 1-based line number of the first problem."""

    in_orde: bool
    regels: int
    melding: str
    fout_regel: int | None = None
    laatste_hash: str = GENESIS


def canonical(entry: dict) -> str:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def line_hash(prev_hash: str, entry: dict) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256((prev_hash + canonical(body)).encode("utf-8")).hexdigest()


class AuditLog:
    """Appends chained lines to one file; safe across threads and processes."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def append(self, gebruiker: str, actie: Actie, *, casus_id: str | None = None,
               object: dict | None = None, details: dict | None = None) -> dict:
        entry = {"gebruiker": gebruiker, "actie": str(actie), "casus_id": casus_id,
                 "object": object, "details": details or {}}
        with self._lock:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                seq, prev = _tail(fd, self.path)
                entry.update(seq=seq + 1, prev_hash=prev,
                             tijd=datetime.now().astimezone().isoformat(timespec="milliseconds"))
                entry["hash"] = line_hash(prev, entry)
                os.write(fd, (canonical(entry) + "\n").encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
        return entry


def _tail(fd: int, path: Path) -> tuple[int, str]:
    """(seq, hash) of the last line, or (0, GENESIS) for an empty log."""
    size = os.fstat(fd).st_size
    if size == 0:
        return 0, GENESIS
    start = size
    chunk = b""
    while start > 0 and chunk.count(b"\n") < 2:
        start = max(0, start - 8192)
        chunk = os.pread(fd, size - start, start)
    if not chunk.endswith(b"\n"):
        raise AuditFout(f"Het auditlog {path} eindigt met een onvolledige regel; Zicht schrijft niet "
                        "verder. Laat de beheerder 'zicht audit verify' draaien en dit beoordelen.")
    last = chunk[:-1].rsplit(b"\n", 1)[-1]
    try:
        entry = json.loads(last)
        return int(entry["seq"]), str(entry["hash"])
    except (ValueError, KeyError, TypeError) as exc:
        raise AuditFout(f"De laatste regel van het auditlog {path} is onleesbaar; Zicht schrijft niet "
                        "verder. Laat de beheerder 'zicht audit verify' draaien.") from exc


def verify(path: Path | str, anker: tuple[int, str] | None = None) -> Controle:
    """Check the whole chain; report the first modified, deleted, inserted or reordered line."""
    path = Path(path)
    if not path.exists():
        if anker and anker[0] > 0:
            return Controle(False, 0, f"Auditlog {path} ontbreekt, maar de casusopslag kent "
                                      f"{anker[0]} regels.", 1)
        return Controle(True, 0, "Auditlog is leeg.")
    prev, n, anchor_hash = GENESIS, 0, None
    with path.open("rb") as handle:
        for n, raw in enumerate(handle, 1):
            problem = _check_line(raw, n, prev)
            if problem:
                return Controle(False, n - 1, f"Regel {n}: {problem}", n, prev)
            prev = json.loads(raw)["hash"]
            if anker and n == anker[0]:
                anchor_hash = prev
    return _check_anchor(n, prev, anker, anchor_hash)


def _check_line(raw: bytes, n: int, prev: str) -> str | None:
    if not raw.endswith(b"\n"):
        return "regel is onvolledig (afgebroken schrijfactie of afgeknipt)."
    try:
        entry = json.loads(raw)
    except ValueError:
        return "regel is geen geldige JSON (gewijzigd of beschadigd)."
    if not isinstance(entry, dict) or entry.get("hash") != line_hash(str(entry.get("prev_hash")), entry):
        return "inhoud is gewijzigd (de hash van de regel klopt niet)."
    if entry.get("prev_hash") != prev:
        return "sluit niet aan op de regel ervoor: er is een regel verwijderd, ingevoegd of verplaatst."
    if entry.get("seq") != n:
        return f"volgnummer {entry.get('seq')} waar {n} verwacht: regels verwijderd, ingevoegd of verplaatst."
    return None


def _check_anchor(n: int, last: str, anker: tuple[int, str] | None, anchor_hash: str | None) -> Controle:
    if anker and anker[0] > n:
        return Controle(False, n, f"Het auditlog is ingekort: de casusopslag kent regel {anker[0]}, het "
                                  f"log heeft er {n}.", n + 1, last)
    if anker and anker[0] > 0 and anchor_hash != anker[1]:
        return Controle(False, n, f"Regel {anker[0]} wijkt af van het anker in de casusopslag: het log "
                                  "is (deels) herschreven.", anker[0], last)
    extra = " en klopt met het anker in de casusopslag" if anker else ""
    return Controle(True, n, f"Auditlog in orde: {n} regels{extra}.", None, last)


def read_rows(path: Path | str) -> list[dict]:
    """All lines as flat dicts (for display or CSV); unreadable lines are returned as such."""
    rows = []
    path = Path(path)
    if not path.exists():
        return rows
    with path.open("rb") as handle:
        for n, raw in enumerate(handle, 1):
            try:
                entry = json.loads(raw)
            except ValueError:
                rows.append({"regel": n, "actie": "ONLEESBARE REGEL"})
                continue
            obj = entry.get("object") or {}
            rows.append({"regel": n, "seq": entry.get("seq"), "tijd": entry.get("tijd"),
                         "gebruiker": entry.get("gebruiker"), "actie": entry.get("actie"),
                         "casus_id": entry.get("casus_id"), "object_type": obj.get("type"),
                         "object_id": obj.get("id"), "details": canonical(entry.get("details") or {}),
                         "hash": entry.get("hash")})
    return rows


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
    return verify(store.audit.path, store.audit_anchor()), read_rows(store.audit.path)
