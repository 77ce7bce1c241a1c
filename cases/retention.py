"""Bewaartermijn and vernietiging: archived cases are destroyed for good once their term is over.

On administratieve afronding a case gets its einddatum and goes to the archive; it is kept for the
bewaartermijn (default 2 years as in the werkproces; 5 to align with the zaaksysteem), during
which it can be reopened. The term that applies is fixed on the case when it is archived
(`bewaartermijn_jaren`, `vernietigen_op` = einddatum + term); changing the setting applies to
cases archived afterwards.

`run_retention` deletes every row of every expired case in one transaction, writes a
vernietigingsrecord that is all that is left of it (case number, moment, who ran it, the ground in
words), and then
rewrites the store file: DuckDB keeps deleted rows in free blocks after DELETE + CHECKPOINT, so
only a fresh copy makes the data leave the file. If the rewrite is interrupted, a flag makes the
next run rewrite again. It runs at app start (cases.open_for_app) and via `zicht retentie`.
"""

from __future__ import annotations

from datetime import date

from cases import clock
from cases.accounts import current_user
from cases.audit import Actie
from cases.model import Gebruiker, GeenToegang, OngeldigeInvoer, Rol, Vernietigingsrecord
from cases.store import HERSCHRIJVEN_NODIG, SQL_DIR, Store
from geo.sqlfiles import run_script

DEFAULT_BEWAARTERMIJN_JAREN = 2
MAX_BEWAARTERMIJN_JAREN = 20
SYSTEEM = "systeem"
_TERMIJN = "bewaartermijn_jaren"


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def bewaartermijn(store: Store) -> int:
    rows = store.query("meta_get", sleutel=_TERMIJN)
    return int(rows[0]["waarde"]) if rows else DEFAULT_BEWAARTERMIJN_JAREN


def set_bewaartermijn(store: Store, user: Gebruiker, jaren: int) -> None:
    """Set the term for cases archived from now on (beheerder or coördinator)."""
    actor = current_user(store, user)
    if not actor.heeft_rol(Rol.BEHEERDER, Rol.COORDINATOR):
        raise GeenToegang("Alleen een beheerder of de coördinator kan de bewaartermijn instellen.")
    if not isinstance(jaren, int) or not 1 <= jaren <= MAX_BEWAARTERMIJN_JAREN:
        raise OngeldigeInvoer(f"De bewaartermijn is een heel aantal jaren van 1 tot en met "
                              f"{MAX_BEWAARTERMIJN_JAREN}.")
    with store.cursor() as cur:
        store.run(cur, "meta_zet", sleutel=_TERMIJN, waarde=str(jaren))
    store.log(actor.gebruikersnaam, Actie.INSTELLING, details={"instelling": _TERMIJN, "waarde": jaren})


def run_retention(store: Store, today: date | None = None, door: str = SYSTEEM) -> list[Vernietigingsrecord]:
    """Destroy every archived case whose term has passed on `today`; return the records written."""
    today = today or date.today()
    now = clock.now()
    records = []
    with store.transaction() as cur:
        expired = store.rows(cur, "verlopen", vandaag=today)
        ids = [r["id"] for r in expired]
        if ids:
            records = [Vernietigingsrecord(**r)
                       for r in store.rows(cur, "vernietiging_nieuw", ids=ids, nu=now, door=door)]
            run_script(cur, "vernietig", SQL_DIR, vernietig_ids=ids)
            store.run(cur, "meta_zet", sleutel=HERSCHRIJVEN_NODIG, waarde="1")
            grond = {r.casusnummer: r.grondslag for r in records}
            for row in expired:
                store.log(door, Actie.VERNIETIGING, casus_id=row["id"],
                          details={"casusnummer": row["casusnummer"], "grondslag": grond[row["casusnummer"]]})
    if ids or store.query("meta_get", sleutel=HERSCHRIJVEN_NODIG):
        store.rewrite()
        with store.cursor() as cur:
            store.run(cur, "meta_wis", sleutel=HERSCHRIJVEN_NODIG)
    return records


def destruction_records(store: Store, user: Gebruiker) -> list[Vernietigingsrecord]:
    """All vernietigingsrecords, newest first (beheerder or coördinator)."""
    actor = current_user(store, user)
    if not actor.heeft_rol(Rol.BEHEERDER, Rol.COORDINATOR):
        raise GeenToegang("Alleen een beheerder of de coördinator kan de vernietigingen inzien.")
    return [Vernietigingsrecord(**r) for r in store.query("vernietigingen")]

