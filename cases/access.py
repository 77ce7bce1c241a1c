"""Who may see and edit what: the one place that decides, and the only reads of case content.

The rules:
- A user sees a case only when its theme is among the user's datarollen (as in VNG's DOOK).
- Editing also needs the role coördinator or analist; a kernteamlid only reads. Roles add up.
- A beheerder manages accounts, roles and datarollen but does NOT see case content by virtue of
  that role: managing accounts needs no knowledge of cases (privacy by design, AVG art. 25). A
  beheerder who also works cases is given datarollen like anyone else, and every grant is audited.
- Lists and searches filter on theme inside SQL (the `zichtbare_themas` macro in schema.sql) with
  the user's datarollen as the store holds them at that moment, so a revoked datarol counts at
  once and nothing is filtered after fetching.
- A case the user may not see is reported exactly like a case that does not exist (NietGevonden,
  same message, same query path).
- Every function here that returns case content writes an audit line. Aggregates
  (signal_counts_per_buurt) and hit/no-hit answers hold no case content; hit/no-hit is logged too.

What a user sees on the MAP (branch groups, layers, signals) is decided in one other place,
cases.kaartrollen.kaartrechten: off by default, else the union over the user's datarollen.

`may_view`/`may_edit` answer for a user object the UI holds (to show or hide buttons); the store
functions re-read the user before acting, so a stale or forged user object gains nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from cases.accounts import current_user
from cases.audit import Actie
from cases.model import (
    Bronraadpleging,
    Casus,
    Dossier,
    Gebeurtenis,
    Gebruiker,
    GeenToegang,
    Interventie,
    Koppeling,
    NietGevonden,
    Notitie,
    ObjectType,
    Rol,
    Status,
    Thema,
    Treffer,
    casus_from_row,
    normalise_identifier,
    object_identifier,
    record_from_row,
)
from cases.store import Store

EDIT_ROLES = (Rol.COORDINATOR, Rol.ANALIST)
_FILTERS = ("id", "thema", "statussen", "bron", "van", "tot", "tekst", "object_type", "object_id")
_DOSSIER = (("koppeling", Koppeling), ("notitie", Notitie), ("bronraadpleging", Bronraadpleging),
            ("interventie", Interventie), ("gebeurtenis", Gebeurtenis))
DEFAULT_CONTACT = "de coördinator ondermijning"


def visible_themes(user: Gebruiker) -> frozenset[Thema]:
    return user.datarollen if user.actief else frozenset()


def may_view(user: Gebruiker, case: Casus) -> bool:
    return case.thema in visible_themes(user)


def may_edit(user: Gebruiker, case: Casus) -> bool:
    return may_view(user, case) and user.heeft_rol(*EDIT_ROLES)


def may_register(user: Gebruiker, thema: Thema | str) -> bool:
    return thema in visible_themes(user) and user.heeft_rol(*EDIT_ROLES)


def require_edit(user: Gebruiker, case: Casus) -> None:
    if not may_view(user, case):
        raise NietGevonden(case.id)
    if not may_edit(user, case):
        raise GeenToegang("U heeft alleen leesrechten voor casussen van dit thema.")


def fetch_cases(store: Store, cur, user: Gebruiker, **filters) -> list[Casus]:
    """Cases visible to `user` matching the filters (theme filtered in SQL); for use in a transaction."""
    unknown = filters.keys() - set(_FILTERS)
    if unknown:
        raise ValueError(f"onbekende filters {sorted(unknown)}")
    params = dict.fromkeys(_FILTERS) | {k: v for k, v in filters.items() if v is not None}
    rows = store.rows(cur, "casussen", gebruiker=user.gebruikersnaam, **params)
    return [casus_from_row(r) for r in rows]


def fetch_case(store: Store, cur, user: Gebruiker, case_id: str) -> Casus:
    found = fetch_cases(store, cur, user, id=str(case_id or ""))
    if not found:
        raise NietGevonden(case_id)
    return found[0]


def get_case(store: Store, user: Gebruiker, case_id: str) -> Casus:
    """One case, or NietGevonden: also when it exists in a theme the user may not see."""
    actor = current_user(store, user)
    with store.cursor() as cur:
        found = fetch_cases(store, cur, actor, id=str(case_id or ""))
    store.log(actor.gebruikersnaam, Actie.CASUS_BEKEKEN, casus_id=str(case_id),
              details={"resultaat": "getoond" if found else "niet gevonden"})
    if not found:
        raise NietGevonden(case_id)
    return found[0]


def case_file(store: Store, user: Gebruiker, case_id: str) -> Dossier:
    """A case with its links, notes, consulted sources, interventions and history."""
    actor = current_user(store, user)
    case = get_case(store, actor, case_id)
    with store.cursor() as cur:
        parts = [[record_from_row(cls, r) for r in store.rows(cur, f"dossier_{name}", id=case.id,
                                                               gebruiker=actor.gebruikersnaam)]
                 for name, cls in _DOSSIER]
    return Dossier(case, *parts)


def list_cases(store: Store, user: Gebruiker, *, thema: Thema | str | None = None,
               statussen: Iterable[Status | str] | None = None) -> list[Casus]:
    return _search(store, user, "overzicht", thema=thema,
                   statussen=list(statussen) if statussen is not None else None)


def search_signals(store: Store, user: Gebruiker, tekst: str | None = None, *,
                   thema: Thema | str | None = None, bron: str | None = None,
                   statussen: Iterable[Status | str] | None = None,
                   van: date | None = None, tot: date | None = None) -> list[Casus]:
    """Signals and cases matching a text (title, description, case number) and filters."""
    return _search(store, user, "signalen", tekst=(tekst or "").strip() or None, thema=thema, bron=bron,
                   statussen=list(statussen) if statussen is not None else None, van=van, tot=tot)


def cases_for_object(store: Store, user: Gebruiker, object_type: ObjectType | str,
                     object_id: str) -> list[Casus]:
    """Visible cases linked to one map object (pand, adres, vestiging, …)."""
    kind, ident = object_identifier(object_type, object_id)
    return _search(store, user, "object", object_type=kind, object_id=ident)


def export_cases(store: Store, user: Gebruiker, *, thema: Thema | str | None = None,
                 statussen: Iterable[Status | str] | None = None) -> list[dict]:
    """An overview of visible cases as rows for CSV/XLSX; free text (description, notes) left out."""
    actor = current_user(store, user)
    with store.cursor() as cur:
        cases = fetch_cases(store, cur, actor, thema=thema,
                            statussen=list(statussen) if statussen is not None else None)
    store.log(actor.gebruikersnaam, Actie.EXPORT,
              details={"soort": "casusoverzicht", "thema": thema, "aantal": len(cases)})
    return [_export_row(c) for c in cases]


def hit_no_hit(store: Store, user: Gebruiker, identificatie: str | Iterable[str]) -> Treffer:
    """Is this address/building/company linked to any case (any theme)? Yes/no and whom to ask."""
    actor = current_user(store, user)
    values = [identificatie] if isinstance(identificatie, str) else list(identificatie)
    idents = sorted({normalise_identifier(v) for v in values} - {""})
    rows = store.query("treffer", identificaties=idents)
    treffer = bool(rows and rows[0]["treffer"])
    store.log(actor.gebruikersnaam, Actie.HIT_NO_HIT,
              details={"identificaties": idents, "treffer": treffer})
    return Treffer(treffer, team_contact(store))


def signal_counts_per_buurt(store: Store, thema: Thema | str | None = None) -> dict[str, int]:
    """Number of cases per buurtcode; counts only, for anyone with map access."""
    rows = store.query("signalen_per_buurt", thema=Thema(thema) if thema else None)
    return {r["buurtcode"]: r["aantal"] for r in rows}


def team_contact(store: Store) -> str:
    """Whom to ask about a hit: the configured team contact, else the active coördinatoren."""
    rows = store.query("meta_get", sleutel="teamcontact")
    if rows:
        return rows[0]["waarde"]
    people = [f"{r['weergavenaam']} ({r['email']})" if r["email"] else r["weergavenaam"]
              for r in store.query("coordinatoren")]
    return ", ".join(people) if people else DEFAULT_CONTACT


def set_team_contact(store: Store, beheerder: Gebruiker, tekst: str) -> None:
    actor = current_user(store, beheerder)
    if not actor.heeft_rol(Rol.BEHEERDER, Rol.COORDINATOR):
        raise GeenToegang("Alleen een beheerder of de coördinator kan het teamcontact instellen.")
    with store.cursor() as cur:
        store.run(cur, "meta_zet", sleutel="teamcontact", waarde=(tekst or "").strip() or DEFAULT_CONTACT)
    store.log(actor.gebruikersnaam, Actie.INSTELLING, details={"instelling": "teamcontact"})


def _search(store: Store, user: Gebruiker, soort: str, **filters) -> list[Casus]:
    actor = current_user(store, user)
    with store.cursor() as cur:
        cases = fetch_cases(store, cur, actor, **filters)
    logged = {k: v for k, v in filters.items() if v is not None}
    obj = {"type": str(logged.pop("object_type")), "id": logged.pop("object_id")} \
        if "object_id" in logged else None
    store.log(actor.gebruikersnaam, Actie.ZOEKOPDRACHT, object=obj,
              details={"soort": soort, "filters": logged, "aantal": len(cases)})
    return cases


def _export_row(c: Casus) -> dict:
    return {"casusnummer": c.casusnummer, "thema": c.thema.label, "fase": c.fase, "status": c.status.label,
            "titel": c.titel, "bron": c.bron.label, "signaaldatum": c.signaal_datum,
            "route": c.route.value if c.route else None, "eigenaar": c.eigenaar,
            "aangemaakt_op": c.aangemaakt_op, "gewijzigd_op": c.gewijzigd_op, "einddatum": c.einddatum}
