"""Build a snapshot from the registered sources, then switch to it atomically.

The build writes `snapshots/.bouw-<pid>.duckdb`, which no reader looks at. Only a finished,
closed file is renamed to `zicht-<peildatum>-<hash>.duckdb`, and only then is the `current`
pointer replaced (one rename). A build that fails or is killed leaves the previous snapshot in
use; its leftover .bouw file is removed by the next build.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from geo import sbi_lijst, snapshots, stored
from geo.db import connect, macro_sql
from geo.sqlfiles import run_script
from loaders import file_guard
from loaders.base import Koppeling
from loaders.engine_errors import is_interrupt, translate
from loaders.errors import InvoerFout
from loaders.gemeente import gemeentecode, gemeentenaam
from loaders.meter import PeakMeter
from loaders.registry import REGISTRY, kind
from loaders.sources import Bron, read_register

SQL = Path(__file__).parent / "sql"
SCHEMA_VERSION = "6"  # 3: match_status, koppel_kandidaat; 4: sbi_lijst, sbi_onbekend; 5: ligplaats,
#                         standplaats, nevenadres, vestiging.object_soort; 6: vestiging_gebied,
#                         branche_lid, signaal(_<id>) (geo.stored)
KEEP_SNAPSHOTS = 3


@dataclass
class StapMeting:
    """A finished build step: how long it took and its peak memory."""

    naam: str
    seconden: float
    piek_mb: float


@dataclass
class Resultaat:
    snapshot: Path
    stappen: list[StapMeting] = field(default_factory=list)


@dataclass(frozen=True)
class Gebeurtenis:
    """Progress of a build: step `nummer` of `totaal` has started (seconden None) or is done."""

    stap: str
    nummer: int
    totaal: int
    bron: str | None = None        # the source a load step reads
    seconden: float | None = None
    piek_mb: float | None = None

    @property
    def klaar(self) -> bool:
        return self.seconden is not None

    def tekst(self) -> str:
        """The event as the line `zicht build` prints."""
        if not self.klaar:
            return f"{self.stap}…"
        return f"{self.stap}: {self.seconden:.1f} s, piek {self.piek_mb:,.0f} MB"


Events = Callable[[Gebeurtenis], None]


class _Timer:
    """Records wall time and peak memory (RSS high-water mark) of each build step, and tells
    `events` when a step starts and ends."""

    def __init__(self, totaal: int, events: Events | None):
        self.stappen: list[StapMeting] = []
        self.totaal = totaal
        self.events = events or (lambda _e: None)

    def run(self, naam: str, fn, *args, bron: str | None = None):
        nummer = len(self.stappen) + 1
        self.events(Gebeurtenis(naam, nummer, self.totaal, bron))
        with PeakMeter() as meter:
            result = fn(*args)
        self.stappen.append(StapMeting(naam, meter.seconds, meter.peak_mb))
        self.events(Gebeurtenis(naam, nummer, self.totaal, bron, meter.seconds, meter.peak_mb))
        return result


def build(data_dir: Path, events: Events | None = None, keep: int = KEEP_SNAPSHOTS) -> Resultaat:
    """Build a new snapshot from bronnen.json and make it current."""
    bronnen = read_register(data_dir)
    if not any(b.rol == "bag" for b in bronnen):
        raise InvoerFout("bronnen.json", "geen BAG-bron geregistreerd: begin met `zicht load bag-gpkg`"
                                         " of `zicht demo`")
    folder = snapshots.snapshot_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(folder)
    work = folder / f".bouw-{os.getpid()}.duckdb"
    timer = _Timer(len(stappen(bronnen)), events)
    try:
        _build_into(work, bronnen, timer)
        final = folder / _snapshot_name(bronnen)
        os.replace(work, final)
        snapshots.switch_to(data_dir, final)
    finally:
        work.unlink(missing_ok=True)
        Path(f"{work}.wal").unlink(missing_ok=True)
    snapshots.prune(data_dir, keep)
    return Resultaat(final, timer.stappen)


def _build_into(path: Path, bronnen: list[Bron], timer: _Timer) -> None:
    con = connect(path)
    try:
        run_script(con, "schema")
        con.execute(macro_sql(temp=False))
        sbi_lijst.register(con)
        prepare_staging(con)
        for bron in sorted(bronnen, key=_load_order):
            rijen = timer.run(f"Laden {bron.bron} ({bron.soort})", load_source, con, bron,
                              bron=bron.bron)
            _record_source(con, bron, rijen)
        code = _gemeente_code(con, bronnen)
        if code:
            run_script(con, "gemeente_eigen", SQL, gemeente_code=code)
        timer.run("Adressen normaliseren", run_script, con, "adres_norm", SQL)
        timer.run("KVK ontdubbelen", run_script, con, "kvk_uniek", SQL)
        timer.run("KVK koppelen aan BAG", run_script, con, "match", SQL)
        sbi_lijst.store_codes_in_use(con)
        for koppeling in koppelingen(bronnen):
            timer.run(koppeling.stap, koppeling.run, con)
        timer.run("Gebieden en indexen", _areas_and_indexes, con)
        _write_meta(con, bronnen, code)
        timer.run("Branchegroepen en signalen", stored.store, con)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _areas_and_indexes(con) -> None:
    run_script(con, "afronden", SQL)  # the R-trees first: the spatial joins below use them
    area_membership(con)


def area_membership(con) -> None:
    """Which area every address (gebied_lid) and every located vestiging (vestiging_gebied)
    lies in: computed once per build, read by concentrations, indicators and profiles."""
    for naam, tabel in (("gebied_lid", "gebied_lid"), ("vestiging_gebied", "vestiging_gebied")):
        run_script(con, naam, SQL)  # the temp view punt: what lies where
        run_script(con, "gebied_punt", SQL)
        con.execute(f"INSERT INTO {tabel} SELECT * FROM punt_gebied")


def prepare_staging(con) -> None:
    """Macros and staging tables every loader may use (also for validation in a scratch db)."""
    run_script(con, "bag_status", SQL)
    run_script(con, "kvk_staging", SQL)


@contextmanager
def scratch() -> Iterator:
    """An in-memory database with the snapshot's tables and staging, to read a source into
    before it is registered (`zicht load`, an upload's check); nothing on disk changes."""
    con = connect()
    try:
        run_script(con, "schema")
        prepare_staging(con)
        yield con
    finally:
        con.close()


def _load_order(bron: Bron) -> int:
    return 0 if bron.rol == "bag" else 1


def stappen(bronnen: list[Bron]) -> list[str]:
    """The timed steps of a build from `bronnen`, in order: what progress counts."""
    laden = [f"Laden {b.bron} ({b.soort})" for b in sorted(bronnen, key=_load_order)]
    koppelen = [k.stap for k in koppelingen(bronnen)]
    return [*laden, "Adressen normaliseren", "KVK ontdubbelen", "KVK koppelen aan BAG", *koppelen,
            "Gebieden en indexen", "Branchegroepen en signalen"]


def koppelingen(bronnen: list[Bron]) -> list[Koppeling]:
    """The match steps of the registered kinds that have one (each once), in registry order."""
    soorten = {b.soort for b in bronnen}
    return [k.koppeling for k in REGISTRY.values() if k.naam in soorten and k.koppeling]


def load_source(con, bron: Bron) -> int:
    """Load one source after the generic guards (loaders.file_guard); an engine's own error
    becomes a Dutch InvoerFout naming the file."""
    soort = kind(bron.soort, veld=bron.bron)
    file_guard.check_path(bron.path, soort.pad)
    try:
        with file_guard.unchanged(bron.path):
            rijen = soort.load(con, bron)
    except InvoerFout:
        raise
    except Exception as exc:
        if is_interrupt(exc):
            raise KeyboardInterrupt from exc
        raise translate(exc, bron.path.name) from exc
    con.execute("UPDATE waarschuwing SET bron = ? WHERE bron IS NULL", [bron.bron])
    return rijen


def _record_source(con, bron: Bron, rijen: int) -> None:
    """`rijen`: what the source delivered, as its loader counts it (BAG: every object)."""
    con.execute("INSERT INTO bron VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        bron.bron, bron.soort, bron.omschrijving, bron.peildatum,
        datetime.now(UTC).replace(tzinfo=None), rijen, bron.pad, bron.checksum])
    # A loader does not know the name its source is registered under: it leaves bron empty.
    con.execute("UPDATE waarschuwing SET bron = ? WHERE bron IS NULL", [bron.bron])


def _gemeente_code(con, bronnen: list[Bron]) -> str | None:
    """The gemeente the BAG was loaded for (--gemeente), else the code most BAG ids start with."""
    bag = next(b for b in bronnen if b.rol == "bag")
    if bag.opties.get("gemeente"):
        return gemeentecode(bag.opties["gemeente"])
    code = con.execute("SELECT mode(left(identificatie, 4)) FROM verblijfsobject").fetchone()[0]
    return code if code and code.isdigit() else None


def _write_meta(con, bronnen: list[Bron], code: str | None) -> None:
    """Name and code of the gemeente come from its code and the CBS list, never from whatever
    gemeente area was loaded (a national file starts with another gemeente)."""
    bag = next(b for b in bronnen if b.rol == "bag")
    peildatum = max(b.peildatum for b in bronnen)
    naam = bag.opties.get("gemeentenaam") or (code and gemeentenaam(code, peildatum))
    meta = {
        "gemeentenaam": naam or (f"gemeente {code}" if code else "onbekend"),
        "gemeentecode": code or "",
        # "Actief op" is decided on the main KVK source's own peildatum: a small later upload
        # must not move the date for every vestiging. Each source keeps its own in `bron`.
        "peildatum": kvk_peildatum(con, bronnen) or peildatum,
        "peildatum_bag": bag.peildatum,
        "is_demo": "1" if bag.opties.get("demo") else "0",
        "gebouwd_op": datetime.now(UTC).isoformat(timespec="seconds"),
        "schema_versie": SCHEMA_VERSION,
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))


def kvk_peildatum(con, bronnen: list[Bron]) -> str | None:
    """The peildatum of the KVK source with the most vestigingen (the main selection)."""
    kvk = {b.bron: b.peildatum for b in bronnen if b.rol == "kvk"}
    if not kvk:
        return None
    rows = dict(con.execute("SELECT bron, count(*) FROM vestiging GROUP BY bron").fetchall())
    hoofd = max(kvk, key=lambda naam: (rows.get(naam, 0), kvk[naam]))
    return kvk[hoofd]


def _snapshot_name(bronnen: list[Bron]) -> str:
    """zicht-<peildatum>-<inputs><build>: the first 8 hex digits identify the inputs, the rest
    the moment of the build, so every build gets its own file. A rebuild never overwrites the
    file a running app has open, and caches keyed on the file name never serve stale figures."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for bron in sorted(bronnen, key=lambda b: b.bron):
        digest.update(f"{bron.bron}|{bron.soort}|{bron.peildatum}|{bron.checksum}|"
                      f"{sorted(bron.opties.items())}".encode())
    build = f"{time.time_ns() // 1000:x}"
    return f"zicht-{max(b.peildatum for b in bronnen)}-{digest.hexdigest()[:8]}{build}.duckdb"


def remove_leftovers(data_dir: Path) -> None:
    """What a killed build or registration left behind: work databases (with WAL and temp
    folder) and half-written pointer or register files of processes that are gone. Every
    command runs this first, so a SIGKILL leaves nothing for long."""
    _remove_stale_builds(snapshots.snapshot_dir(data_dir))
    for stale in (*data_dir.glob(".bronnen.json.*.tmp"), *data_dir.glob(".current.*.tmp")):
        pid = stale.name.split(".")[-2]
        if pid.isdigit() and not pid_alive(int(pid)):
            stale.unlink(missing_ok=True)


def _remove_stale_builds(folder: Path) -> None:
    """Delete .bouw files of builds whose process is gone (killed or crashed)."""
    if not folder.is_dir():
        return
    for stale in folder.glob(".bouw-*.duckdb*"):
        pid = stale.name.split("-")[1].split(".")[0]
        if pid.isdigit() and not pid_alive(int(pid)):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
