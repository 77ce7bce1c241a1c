"""Map rights per datarol (as in VNG's DOOK): the one place that decides what map data a user sees.

Datarollen restrict cases (cases.access). With the setting "Kaartrechten per datarol" on, a
datarol also decides which branch groups (data/branches.toml, plus "overige vestigingen" for the
vestigingen in no group), which theme-sensitive map layers (RDW) and which signals
(data/indicators.toml) its holders see on the map, on every page and in every export.

- Off (the default, and for every store made before schema 3): `kaartrechten` returns None and
  every user sees exactly what he saw before.
- On: a user sees the union of what his datarollen allow. A datarol without any map rights shows
  nothing. A user without datarollen (or an inactive one) sees only the public base: BAG panden,
  addresses, BAG themes and areas; no vestigingen, no RDW, no signals.
- Demo mode: the demo store gets an example per datarol (DEMO_VOORBEELD) on opening while no
  datarol has map rights yet; the setting itself stays off until a beheerder turns it on.

Only a beheerder changes the setting; every change is audited (Actie.INSTELLING). What a user may
see is read from the store at the moment of asking (once per page run in the UI), so a revoked
datarol or a changed setting counts at once. geo receives the answer as plain data
(geo.kaartrechten.Kaartrechten) and enforces it inside SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cases.accounts import current_user
from cases.audit import Actie
from cases.model import Gebruiker, GeenToegang, OngeldigeInvoer, Rol, Thema
from cases.store import Store
from geo.branches import load_branches
from geo.indicators import load_indicators
from geo.kaartrechten import LAGEN, OVERIG, Kaartrechten

AAN = "kaartrollen_aan"  # meta key: '1' = the setting is on
SOORTEN = ("groep", "laag", "signaal")
DEMO_VOORBEELD = {
    Thema.PROSTITUTIE: {"groep": ["beauty", "seksbranche"],
                        "signaal": ["veel_inschrijvingen", "branche_op_woonadres", "kortlevend"]},
    Thema.BEDRIJVENTERREINEN: {"groep": ["automotive", "opslag_logistiek"], "laag": ["rdw"],
                               "signaal": ["automotive_zonder_rdw", "leegstand_bedrijventerrein"]},
}


@dataclass(frozen=True)
class Instelling:
    """The setting as the Beheer page shows it: on/off and the rights of every datarol."""

    aan: bool
    per_thema: dict[Thema, Kaartrechten]


def keuzes() -> dict[str, dict[str, str]]:
    """What a datarol can be given, per soort: id -> name (for Beheer and for validation)."""
    branches = load_branches()
    groepen = {g.id: g.naam for g in branches.groepen}
    groepen[OVERIG] = "Overige vestigingen (in geen branchegroep)"
    return {"groep": groepen, "laag": dict(LAGEN),
            "signaal": {i.id: i.naam for i in load_indicators()}}


def kaartrechten(store: Store, user: Gebruiker | str) -> Kaartrechten | None:
    """What `user` may see on the map: None while the setting is off (everything, as before)."""
    if not _aan(store):
        return None
    try:
        actor = current_user(store, user)
    except GeenToegang:
        return Kaartrechten()
    rows = store.query("kaartrechten_gebruiker", gebruikersnaam=actor.gebruikersnaam)
    return _rechten(rows)


def instelling(store: Store, beheerder: Gebruiker) -> Instelling:
    _require_beheerder(store, beheerder)
    return _instelling(store)


def demo_instelling(store: Store) -> Instelling:
    """The setting as the demo Beheer page shows it (read-only; demo mode only)."""
    if store.mode != "demo":
        raise GeenToegang("Alleen in de demomodus.")
    return _instelling(store)


def _instelling(store: Store) -> Instelling:
    per_thema: dict[Thema, list[dict]] = {t: [] for t in Thema}
    for row in store.query("kaartrollen"):
        if row["thema"] in per_thema:
            per_thema[Thema(row["thema"])].append(row)
    return Instelling(_aan(store), {t: _rechten(rows) for t, rows in per_thema.items()})


def zet_aan(store: Store, beheerder: Gebruiker, aan: bool) -> None:
    actor = _require_beheerder(store, beheerder)
    with store.cursor() as cur:
        store.run(cur, "meta_zet", sleutel=AAN, waarde="1" if aan else "0")
    store.log(actor.gebruikersnaam, Actie.INSTELLING,
              details={"instelling": "kaartrechten per datarol", "aan": bool(aan)})


def zet_rechten(store: Store, beheerder: Gebruiker, thema: Thema | str, *, groepen: Iterable[str] = (),
                lagen: Iterable[str] = (), signalen: Iterable[str] = ()) -> Kaartrechten:
    """Replace what one datarol shows on the map; OngeldigeInvoer (Dutch) for an unknown choice."""
    actor = _require_beheerder(store, beheerder)
    try:
        thema = Thema(thema)
    except ValueError:
        raise OngeldigeInvoer(f"Onbekende datarol '{thema}'.") from None
    rechten = Kaartrechten.van(groepen, lagen, signalen)
    bekend = keuzes()
    for soort, gekozen in (("groep", rechten.groepen), ("laag", rechten.lagen),
                           ("signaal", rechten.signalen)):
        onbekend = sorted(set(gekozen) - bekend[soort].keys())
        if onbekend:
            raise OngeldigeInvoer(f"Onbekende {soort} voor datarol {thema.label}: {', '.join(onbekend)}.")
    with store.transaction() as cur:
        store.run(cur, "kaartrol_wis", thema=thema.value)
        store.run(cur, "kaartrol_zet", thema=thema.value, groepen=list(rechten.groepen),
                  lagen=list(rechten.lagen), signalen=list(rechten.signalen))
    store.log(actor.gebruikersnaam, Actie.INSTELLING,
              details={"instelling": "kaartrechten per datarol", "thema": thema.value,
                       "groepen": list(rechten.groepen), "lagen": list(rechten.lagen),
                       "signalen": list(rechten.signalen)})
    return rechten


def zaai_demo(store: Store) -> None:
    """In demo mode, an example per datarol while none has map rights yet (the setting stays off)."""
    if store.mode != "demo" or store.query("kaartrollen"):
        return
    with store.transaction() as cur:
        for thema, rechten in DEMO_VOORBEELD.items():
            store.run(cur, "kaartrol_zet", thema=thema.value, groepen=rechten.get("groep", []),
                      lagen=rechten.get("laag", []), signalen=rechten.get("signaal", []))


def _aan(store: Store) -> bool:
    rows = store.query("meta_get", sleutel=AAN)
    return bool(rows) and rows[0]["waarde"] == "1"


def _rechten(rows: list[dict]) -> Kaartrechten:
    per_soort = {s: [r["waarde"] for r in rows if r["soort"] == s] for s in SOORTEN}
    return Kaartrechten.van(per_soort["groep"], per_soort["laag"], per_soort["signaal"])


def _require_beheerder(store: Store, user: Gebruiker) -> Gebruiker:
    actor = current_user(store, user)
    if not actor.heeft_rol(Rol.BEHEERDER):
        raise GeenToegang("Alleen een beheerder kan de kaartrechten per datarol instellen.")
    return actor
