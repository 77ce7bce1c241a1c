"""How long a login lasts: it ends after a period without activity and after a maximum lifetime.

Defaults: 15 minutes of inactivity, 8 hours in all (a working day). A beheerder sets both on the
Beheer page; they are kept in the case store's meta table (in seconds) and count for every session
from its next page view. The UI keeps the start and the last activity of each session and asks
`ended` on every run (and on a timer, so a tab left open shows the login again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cases.accounts import current_user
from cases.audit import Actie
from cases.model import Gebruiker, GeenToegang, OngeldigeInvoer, Rol
from cases.store import Store

INACTIEF = "sessie_inactief_seconden"
MAXIMAAL = "sessie_maximaal_seconden"
STANDAARD_INACTIEF = timedelta(minutes=15)
STANDAARD_MAXIMAAL = timedelta(hours=8)
GRENZEN_INACTIEF = (timedelta(minutes=1), timedelta(hours=8))
GRENZEN_MAXIMAAL = (timedelta(hours=1), timedelta(hours=24))


@dataclass(frozen=True)
class Sessieduur:
    inactief: timedelta
    maximaal: timedelta


def limits(store: Store) -> Sessieduur:
    def read(name: str, default: timedelta) -> timedelta:
        rows = store.query("meta_get", sleutel=name)
        return timedelta(seconds=float(rows[0]["waarde"])) if rows else default

    return Sessieduur(read(INACTIEF, STANDAARD_INACTIEF), read(MAXIMAAL, STANDAARD_MAXIMAAL))


def set_limits(store: Store, user: Gebruiker, inactief: timedelta, maximaal: timedelta) -> None:
    """Set both limits (beheerder only; audited)."""
    actor = current_user(store, user)
    if not actor.heeft_rol(Rol.BEHEERDER):
        raise GeenToegang("Alleen een beheerder kan de sessieduur instellen.")
    if not GRENZEN_INACTIEF[0] <= inactief <= GRENZEN_INACTIEF[1]:
        raise OngeldigeInvoer("De tijd zonder activiteit ligt tussen 1 minuut en 8 uur.")
    if not GRENZEN_MAXIMAAL[0] <= maximaal <= GRENZEN_MAXIMAAL[1] or maximaal < inactief:
        raise OngeldigeInvoer("De maximale sessieduur ligt tussen 1 en 24 uur (en is niet korter dan de "
                              "tijd zonder activiteit).")
    with store.cursor() as cur:
        store.run(cur, "meta_zet", sleutel=INACTIEF, waarde=str(int(inactief.total_seconds())))
        store.run(cur, "meta_zet", sleutel=MAXIMAAL, waarde=str(int(maximaal.total_seconds())))
    store.log(actor.gebruikersnaam, Actie.INSTELLING,
              details={"instelling": "sessieduur", "inactief_minuten": inactief.total_seconds() / 60,
                       "maximaal_uren": maximaal.total_seconds() / 3600})


def ended(duur: Sessieduur, begonnen: datetime, laatst_actief: datetime, nu: datetime) -> str | None:
    """Why the session is over (Dutch, for the login screen), or None while it lasts."""
    if nu - laatst_actief >= duur.inactief:
        return (f"U bent uitgelogd na {_duur(duur.inactief)} zonder activiteit. Log opnieuw in om verder "
                "te werken.")
    if nu - begonnen >= duur.maximaal:
        return (f"U bent uitgelogd: een sessie duurt hoogstens {_duur(duur.maximaal)}. Log opnieuw in om "
                "verder te werken.")
    return None


def _duur(td: timedelta) -> str:
    seconds = int(td.total_seconds())
    if seconds % 3600 == 0:
        return f"{seconds // 3600} uur"
    if seconds % 60 == 0:
        return f"{seconds // 60} minuten" if seconds != 60 else "1 minuut"
    return f"{seconds} seconden"
