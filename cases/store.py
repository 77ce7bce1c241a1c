"""The case store: one encrypted DuckDB file (`cases.duckdb`) with the audit log next to it.

The file is attached as catalog `cases` to an in-memory DuckDB with DuckDB's database encryption
(AES-GCM; the WAL and temporary files are encrypted as well). Encryption needs the httpfs extension,
which is loaded from its wheel like spatial in geo.db (never downloaded, nothing in $HOME). This is
the case store's own small connection factory: it needs httpfs instead of spatial, and loading
spatial for every open would cost a quarter second for nothing.

Mode and key: `ZICHT_MODE` is `demo` (the default) or `productie`. The key comes from the caller
(the UI passes one from Streamlit secrets) or from `ZICHT_CASES_KEY`. In productie a missing, short
or demo key is refused; in demo mode a missing key means DEMO_KEY, which is public and marks the
store as a demo store (`store.demo_sleutel`).

One Store serves many threads: every operation takes its own cursor. `rewrite()` (used by
retention) needs the store to itself: run it at start-up or from the command line only.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import duckdb

from cases import audit_legacy
from cases.audit import Actie, AuditLog, Controle
from cases.file_modes import key_from_file, secure_data_dir
from cases.mode import DEMO, DEMO_KEY, MODE_ENV, PRODUCTIE, ZET_PRODUCTIE, EchteGegevens, current_mode, decide
from cases.model import OpslagFout, SleutelFout, VersieConflict
from geo.db import data_dir, extension_file
from geo.sqlfiles import execute_checked, run_script, sql_text

__all__ = ["DEMO", "DEMO_KEY", "MODE_ENV", "PRODUCTIE", "Store", "current_mode", "open_store"]
KEY_ENV = "ZICHT_CASES_KEY"
MIN_KEY_LENGTH = 16
SQL_DIR = Path(__file__).parent / "sql"
STORE_NAME = "cases.duckdb"
AUDIT_NAME = "audit.log"
SCHEMA_VERSIE = 3
# Meta key set while deleted data may still sit in free blocks; retention rewrites the file and clears it.
HERSCHRIJVEN_NODIG = "herschrijven_nodig"


def default_path() -> Path:
    return data_dir() / STORE_NAME


def configured_key(key: str | None = None) -> str | None:
    """The key given, else ZICHT_CASES_KEY, else the contents of the file ZICHT_CASES_KEY_FILE names."""
    return key or os.environ.get(KEY_ENV) or key_from_file()


def resolve_key(key: str | None, mode: str) -> tuple[str, bool]:
    """(key, is_demo_key) for this mode, or a Dutch refusal."""
    key = configured_key(key)
    if mode == PRODUCTIE:
        if not key:
            raise SleutelFout(f"Geen sleutel voor de casusopslag. In productie opent Zicht de casusopslag "
                              f"niet zonder sleutel: zet {KEY_ENV} of de secret 'zicht_cases_key'.")
        if key == DEMO_KEY:
            raise SleutelFout("De demosleutel is openbaar en mag in productie niet worden gebruikt.")
        if len(key) < MIN_KEY_LENGTH:
            raise SleutelFout(f"De sleutel voor de casusopslag is te kort: gebruik minstens "
                              f"{MIN_KEY_LENGTH} tekens (liefst een willekeurige reeks van 32 of meer).")
        return key, False
    return (key, key == DEMO_KEY) if key else (DEMO_KEY, True)


def open_store(path: Path | str | None = None, key: str | None = None, *,
               mode: str | None = None) -> Store:
    """Open (or create) the encrypted case store; in demo mode the demo user is ensured.

    Without `mode`, cases.mode.decide picks it from ZICHT_MODE and the data folder."""
    from cases.accounts import sync_demo_user

    mode = current_mode(mode) if mode else decide(data_dir(), configured_key(key))
    secret, demo_key = resolve_key(key, mode)
    store = Store(Path(path) if path else default_path(), secret, mode, demo_key)
    try:
        if mode == DEMO:
            store.convert_legacy_audit()  # fictional data: no need to ask the beheerder
        sync_demo_user(store)
    except BaseException:
        store.close()
        raise
    return store


class Store:
    def __init__(self, path: Path, key: str, mode: str, demo_sleutel: bool):
        self.path = path.resolve()
        self.mode = mode
        self.demo_sleutel = demo_sleutel
        self._key = key
        self.audit = AuditLog(self.path.with_name(AUDIT_NAME), key, self.audit_anchor)
        self._lock = threading.Lock()
        # Only one process can hold the file, so this lock serialises case-number allocation.
        self.numbering_lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if mode == PRODUCTIE:
            secure_data_dir(self.path.parent)
        self._con = _connect(self.path.parent)
        try:
            self._attach_store()
        except BaseException:
            self._con.close()
            raise
        _remove(self._rewrite_path())  # left by an interrupted rewrite; only now that we hold the lock
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(duckdb.Error):
            self._con.close()

    def _attach(self, path: Path, alias: str) -> None:
        self._con.execute("SET VARIABLE zicht_cases_key = ?", [self._key])
        try:
            self._con.execute(f"ATTACH {_literal(path)} AS {alias} "
                              "(ENCRYPTION_KEY getvariable('zicht_cases_key'))")
        except duckdb.Error as exc:
            raise _open_error(path, exc, self.demo_sleutel) from exc
        finally:
            self._con.execute("RESET VARIABLE zicht_cases_key")

    def _attach_store(self) -> None:
        self._attach(self.path, "cases")
        with self.cursor() as cur:
            cur.execute(sql_text("schema", SQL_DIR))
        self._migrate()

    def _migrate(self) -> None:
        """Bring a store of an older schema to SCHEMA_VERSIE, all or nothing.

        2: the vernietiging table keeps only number, moment, actor and ground.
        3: the kaartrol table (map rights per datarol, cases/kaartrollen.py), empty and off."""
        [(versie,)] = self._con.execute(
            "SELECT CAST(waarde AS INTEGER) FROM cases.meta WHERE sleutel = 'schema_versie'").fetchall()
        if versie >= SCHEMA_VERSIE:
            return
        with self.transaction() as cur:
            if versie < 2:
                cur.execute(sql_text("migratie_2_apart", SQL_DIR))
                cur.execute(sql_text("schema", SQL_DIR))
                run_script(cur, "migratie_2", SQL_DIR, herschrijven_sleutel=HERSCHRIJVEN_NODIG)
            cur.execute(sql_text("migratie_3", SQL_DIR))

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:
            cur = self._con.cursor()
        try:
            cur.execute("USE cases")
            yield cur
        finally:
            cur.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One all-or-nothing transaction; a concurrent write to the same rows is a VersieConflict."""
        with self.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                cur.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(duckdb.Error):
                    cur.execute("ROLLBACK")
                if isinstance(exc, duckdb.TransactionException):
                    raise VersieConflict("Iemand anders wijzigde tegelijk dezelfde gegevens; uw wijziging "
                                         "is niet opgeslagen. Laad opnieuw en probeer het nog eens.") from exc
                raise

    def rows(self, cur: duckdb.DuckDBPyConnection, name: str, **params) -> list[dict]:
        """Run cases/sql/<name>.sql with named $parameters; rows as dicts."""
        result = self.run(cur, name, **params)
        if cur.description is None:
            return []
        columns = [d[0] for d in cur.description]
        return [dict(zip(columns, row, strict=True)) for row in result]

    def run(self, cur: duckdb.DuckDBPyConnection, name: str, **params) -> list[tuple]:
        execute_checked(cur, sql_text(name, SQL_DIR), {k: _bind(v) for k, v in params.items()})
        return cur.fetchall() if cur.description else []

    def query(self, name: str, **params) -> list[dict]:
        with self.cursor() as cur:
            return self.rows(cur, name, **params)

    def log(self, gebruiker: str, actie: Actie, **fields) -> dict:
        """Append to the audit log and move the store's anchor along (best effort).

        AuditFout when the log fails its check: then nothing is appended and nothing re-anchored."""
        entry = self.audit.append(gebruiker, actie, **fields)
        with contextlib.suppress(duckdb.TransactionException), self.cursor() as cur:
            self.run(cur, "audit_anker_zet", seq=entry["seq"], hash=entry["hash"])
        return entry

    def audit_anchor(self) -> tuple[int, str] | None:
        rows = self.query("audit_anker")
        return (rows[0]["seq"], rows[0]["hash"]) if rows else None

    def convert_legacy_audit(self) -> int | None:
        """Convert an audit log of the old, unencrypted format (cases.audit_legacy) and move the
        anchor to it; the number of lines, or None when the log is not of the old format."""
        if not audit_legacy.is_legacy(self.audit.path):
            return None
        seq, mac = audit_legacy.convert(self.audit.path, self._key, self.audit_anchor())
        with self.cursor() as cur:
            self.run(cur, "audit_anker_omgezet", seq=seq, hash=mac)
        self.audit = AuditLog(self.audit.path, self._key, self.audit_anchor)
        return seq

    def audit_status(self) -> Controle:
        """The chain check a running app repeats (cached briefly): the coordinators' banner."""
        return self.audit.status()

    def rewrite(self) -> None:
        """Copy the live data into a fresh encrypted file and swap it in.

        DuckDB keeps deleted rows' (encrypted) blocks in the file after DELETE and CHECKPOINT; a
        fresh copy holds only live data, so destroyed cases really leave the file.
        """
        tmp = self._rewrite_path()
        _remove(tmp)
        self._con.execute("CHECKPOINT cases")
        self._attach(tmp, "cases_nieuw")
        try:
            self._con.execute("COPY FROM DATABASE cases TO cases_nieuw")
        finally:
            self._con.execute("DETACH cases_nieuw")
        self._con.execute("DETACH cases")
        try:
            if Path(f"{self.path}.wal").exists():
                raise OpslagFout(f"{self.path}.wal bestaat nog na afsluiten; de opslag is niet vervangen.")
            _fsync(tmp)
            os.replace(tmp, self.path)
            _fsync(self.path.parent)
        finally:
            self._attach_store()

    def _rewrite_path(self) -> Path:
        return self.path.with_name(self.path.name + ".nieuw")


def _connect(folder: Path) -> duckdb.DuckDBPyConnection:
    ext_dir = folder / ".duckdb-extensions"
    ext_dir.mkdir(parents=True, exist_ok=True)
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "extension_directory": str(ext_dir),
        "home_directory": str(ext_dir),
        "temp_directory": str(folder / ".duckdb-tmp"),
        "temp_file_encryption": True,
    }
    con = duckdb.connect(":memory:", config=config)
    con.execute(f"LOAD {_literal(extension_file('httpfs'))}")
    return con


def _open_error(path: Path, exc: duckdb.Error, demo_key: bool) -> OpslagFout:
    text = str(exc)
    if "Wrong encryption key" in text and demo_key:
        return EchteGegevens(f"De casusopslag {path} is met een eigen sleutel versleuteld: daarin staan "
                             f"echte casussen, en de demomodus opent alleen demogegevens. {ZET_PRODUCTIE}")
    if "Wrong encryption key" in text:
        return SleutelFout(f"De sleutel voor de casusopslag {path} is onjuist. Controleer {KEY_ENV} of de "
                           "secret; zonder de juiste sleutel is de opslag niet te lezen.")
    if "is not encrypted" in text:
        return SleutelFout(f"De casusopslag {path} is niet versleuteld; Zicht opent alleen een "
                           "versleutelde casusopslag.")
    if "Could not set lock" in text:
        return OpslagFout(f"De casusopslag {path} is in gebruik door een ander proces (bijvoorbeeld de "
                          "draaiende app). Stop dat eerst of probeer het later opnieuw.")
    return OpslagFout(f"De casusopslag {path} kan niet worden geopend: {text}")


def _literal(path: Path) -> str:
    """A path as SQL string literal (ATTACH/LOAD take no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def _bind(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple | set | frozenset):
        return [_bind(v) for v in value]
    return value


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}.wal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
