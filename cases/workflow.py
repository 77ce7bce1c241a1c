"""The werkproces: registering a signal, its weging, and the only allowed moves between phases.

Fase 1 signaal → weging (ondermijning? rol gemeente? eigen grondgebied? zwaarte) decides the route:
niet opgepakt, monodisciplinair (eenvoudig), gemeente regie → fase 2 informatie (gecompliceerd),
or RIEC (complex). Fase 2: beeldvorming (consulted sources) and plan van aanpak. Fase 3:
interventies; back to fase 2 on new information, to the RIEC when complex. Fase 4: besluit,
optional monitoring, administratieve afronding (einddatum, archief), heropening within the
bewaartermijn. The status changes ONLY through the TRANSITIONS of cases.fasen.

Every change is one transaction that re-reads the user and the case, checks the version the user
saw (optimistic concurrency), bumps it, records who/when in the case's history and in the audit
log. An archived case is read-only until it is reopened.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TypeVar

from cases import clock
from cases.access import fetch_case, may_register, require_edit
from cases.accounts import current_user
from cases.audit import Actie
from cases.fasen import ACTIES, TRANSITIONS, Overgang
from cases.model import (
    Casus,
    Gebruiker,
    GeenToegang,
    ObjectType,
    OngeldigeInvoer,
    OngeldigeOvergang,
    PlanVanAanpak,
    Rol,
    Route,
    SignaalBron,
    Status,
    Thema,
    VersieConflict,
    Weging,
    Zwaarte,
    normalise_identifier,
    object_identifier,
)
from cases.retention import add_years, bewaartermijn
from cases.store import Store

S = Status
E = TypeVar("E", bound=StrEnum)

_ROUTE_ACTIE = {Route.NIET_OPGEPAKT: "niet_oppakken", Route.MONODISCIPLINAIR: "monodisciplinair",
                Route.GEMEENTE_REGIE: "gemeente_regie", Route.RIEC_REGIE: "naar_riec"}
_PREFIX = {Thema.PROSTITUTIE: "PR", Thema.VASTGOED: "VG", Thema.DRUGS: "DR",
           Thema.BEDRIJVENTERREINEN: "BT", Thema.WEERBAARHEID: "WB", Thema.OVERIG: "OV"}
Change = Callable[[object, Casus, Gebruiker], tuple[list[str], Status | None]]


def allowed_transitions(case: Casus) -> list[Overgang]:
    """The moves open to this case now (those via the weging included, marked via_weging)."""
    return [o for (van, _), o in TRANSITIONS.items() if van is case.status]


def route_for(weging: Weging) -> Route:
    if not (weging.is_ondermijning and weging.rol_gemeente and weging.eigen_grondgebied):
        return Route.NIET_OPGEPAKT
    if weging.zwaarte is None:
        raise OngeldigeInvoer("Kies de zwaarte: eenvoudig, gecompliceerd of complex.")
    return {Zwaarte.EENVOUDIG: Route.MONODISCIPLINAIR, Zwaarte.GECOMPLICEERD: Route.GEMEENTE_REGIE,
            Zwaarte.COMPLEX: Route.RIEC_REGIE}[Zwaarte(weging.zwaarte)]


def register_signal(store: Store, user: Gebruiker, *, thema: Thema | str, bron: SignaalBron | str,
                    signaal_datum: date, omschrijving: str, titel: str,
                    bron_toelichting: str | None = None, eigenaar: str | None = None) -> Casus:
    """Fase 1: record a signal as a new case (status signaal, version 1)."""
    actor = current_user(store, user)
    thema, bron = _enum(Thema, thema, "thema"), _enum(SignaalBron, bron, "bron")
    if not may_register(actor, thema):
        raise GeenToegang("U kunt alleen signalen registreren als coördinator of analist, binnen een "
                          "thema waarvoor u een datarol heeft.")
    now = clock.now()
    case_id = str(uuid.uuid4())
    values = dict(id=case_id, thema=thema, bron=bron, bron_toelichting=_optional(bron_toelichting),
                  signaal_datum=_past_date(signaal_datum, "signaaldatum"), titel=_text(titel, "titel"),
                  omschrijving=_text(omschrijving, "omschrijving"), eigenaar=eigenaar or actor.gebruikersnaam,
                  nu=now, door=actor.gebruikersnaam)
    with store.numbering_lock, store.transaction() as cur:
        prefix = f"{_PREFIX[thema]}-{now.year}-"
        number = store.rows(cur, "casus_nummer", prefix=prefix)[0]["volgend"]
        store.run(cur, "casus_nieuw", casusnummer=f"{prefix}{number:04d}", **values)
        _history(store, cur, case_id, 1, "registreren", None, S.SIGNAAL, [], None, actor)
        store.log(actor.gebruikersnaam, Actie.WIJZIGING, casus_id=case_id,
                  details={"actie": "registreren", "versie": 1})
    return _reload(store, actor, case_id)


def weigh_signal(store: Store, user: Gebruiker, case_id: str, versie: int, weging: Weging) -> Casus:
    """Record the fase-1 weging; the case moves along the route that follows from it."""
    route = route_for(weging)

    def change(cur, case, actor):
        if case.status is not S.SIGNAAL:
            raise OngeldigeOvergang(f"De weging hoort bij fase 1; casus {case.casusnummer} staat in "
                                    f"'{case.status.label}'.")
        store.run(cur, "casus_weging", id=case.id, is_ondermijning=weging.is_ondermijning,
                  rol_gemeente=weging.rol_gemeente, eigen_grondgebied=weging.eigen_grondgebied,
                  zwaarte=weging.zwaarte, weging_toelichting=weging.toelichting or None, route=route)
        besluit = _not_taken_reason(weging) if route is Route.NIET_OPGEPAKT else None
        naar = _apply(store, cur, case, actor, TRANSITIONS[(S.SIGNAAL, _ROUTE_ACTIE[route])],
                      {"besluit": besluit})
        return ["weging", "route"], naar

    return _edit(store, user, case_id, versie, "wegen", change, toelichting=weging.toelichting or None)


def transition(store: Store, user: Gebruiker, case_id: str, versie: int, actie: str, *,
               toelichting: str | None = None, besluit: str | None = None,
               monitoring_tot: date | None = None, einddatum: date | None = None,
               today: date | None = None) -> Casus:
    """Move a case along one allowed transition; anything else raises OngeldigeOvergang (Dutch)."""
    given = {"besluit": besluit, "monitoring_tot": monitoring_tot, "einddatum": einddatum, "today": today}

    def change(cur, case, actor):
        overgang = _lookup(case, actie)
        if overgang.via_weging:
            raise OngeldigeOvergang("Deze stap volgt uit de weging van het signaal: leg de weging vast.")
        if overgang.alleen_coordinator and not actor.heeft_rol(Rol.COORDINATOR):
            raise GeenToegang(f"Alleen de coördinator kan '{overgang.label}'.")
        return ["status"], _apply(store, cur, case, actor, overgang, given)

    return _edit(store, user, case_id, versie, actie, change, toelichting=_optional(toelichting))


def edit_signal(store: Store, user: Gebruiker, case_id: str, versie: int, *, titel: str | None = None,
                omschrijving: str | None = None, bron: SignaalBron | str | None = None,
                bron_toelichting: str | None = None, signaal_datum: date | None = None,
                eigenaar: str | None = None) -> Casus:
    """Correct the signal's details; None keeps a field as it is."""
    new = {k: v for k, v in dict(titel=titel, omschrijving=omschrijving, bron=bron, eigenaar=eigenaar,
                                 bron_toelichting=bron_toelichting, signaal_datum=signaal_datum).items()
           if v is not None}

    def change(cur, case, actor):
        values = {k: getattr(case, k) for k in ("titel", "omschrijving", "bron", "bron_toelichting",
                                                  "signaal_datum", "eigenaar")} | new
        store.run(cur, "casus_signaal", id=case.id, **_checked_signal(values))
        return sorted(new), None

    return _edit(store, user, case_id, versie, "signaal_wijzigen", change)


def set_plan(store: Store, user: Gebruiker, case_id: str, versie: int, plan: PlanVanAanpak) -> Casus:
    """Fase 2: hypothese, doel, strategie, interventieplan (as agreed in the kernteam)."""
    def change(cur, case, actor):
        store.run(cur, "casus_plan", id=case.id, **{k: (getattr(plan, k) or "").strip() or None
                                                    for k in ("hypothese", "doel", "strategie",
                                                              "interventieplan")})
        return ["plan_van_aanpak"], None

    return _edit(store, user, case_id, versie, "plan_van_aanpak", change)


def record_consulted_source(store: Store, user: Gebruiker, case_id: str, versie: int, bron: str,
                            toelichting: str, geraadpleegd_op: date | None = None,
                            geraadpleegd_door: str | None = None) -> Casus:
    """Beeldvorming: which source was consulted, by whom and when (accountability)."""
    return _add(store, user, case_id, versie, "bronraadpleging_nieuw", "bron_geraadpleegd",
                bron=_text(bron, "bron"), toelichting=_text(toelichting, "toelichting"),
                geraadpleegd_op=_past_date(geraadpleegd_op or date.today(), "datum"),
                geraadpleegd_door=geraadpleegd_door or None)


def add_intervention(store: Store, user: Gebruiker, case_id: str, versie: int, *, soort: str,
                     omschrijving: str, partij: str, datum: date, resultaat: str | None = None) -> Casus:
    return _add(store, user, case_id, versie, "interventie_nieuw", "interventie", soort=_text(soort, "soort"),
                omschrijving=_text(omschrijving, "omschrijving"), partij=_text(partij, "partij"),
                datum=datum, resultaat=_optional(resultaat))


def add_note(store: Store, user: Gebruiker, case_id: str, versie: int, tekst: str) -> Casus:
    return _add(store, user, case_id, versie, "notitie_nieuw", "notitie", tekst=_text(tekst, "notitie"))


def link_object(store: Store, user: Gebruiker, case_id: str, versie: int, object_type: ObjectType | str,
                object_id: str, *, omschrijving: str | None = None, buurtcode: str | None = None) -> Casus:
    """Link a map object (ZGW ZaakObject); buurtcode feeds the aggregate counts per buurt."""
    kind, ident = object_identifier(object_type, object_id)
    buurt = ident if kind is ObjectType.BUURT else (normalise_identifier(buurtcode) or None)

    def change(cur, case, actor):
        added = store.run(cur, "koppeling_nieuw", id=str(uuid.uuid4()), casus_id=case.id, object_type=kind,
                          object_id=ident, omschrijving=_optional(omschrijving), buurtcode=buurt,
                          nu=clock.now(), door=actor.gebruikersnaam)
        if not added:
            raise OngeldigeInvoer("Dit object is al aan de casus gekoppeld.")
        return ["koppeling"], None

    return _edit(store, user, case_id, versie, "object_koppelen", change,
                 toelichting=f"{kind.value} {ident}")


def unlink_object(store: Store, user: Gebruiker, case_id: str, versie: int, koppeling_id: str) -> Casus:
    def change(cur, case, actor):
        if not store.run(cur, "koppeling_wis", id=koppeling_id, casus_id=case.id):
            raise OngeldigeInvoer("Deze koppeling bestaat niet (meer).")
        return ["koppeling"], None

    return _edit(store, user, case_id, versie, "object_ontkoppelen", change)


def _edit(store: Store, user: Gebruiker, case_id: str, versie: int, actie: str, change: Change, *,
          toelichting: str | None = None) -> Casus:
    actor = current_user(store, user)
    logged = False
    try:
        with store.transaction() as cur:
            case = fetch_case(store, cur, actor, case_id)
            require_edit(actor, case)
            _check_version(case, versie)
            if case.status.gearchiveerd and actie != "heropenen":
                raise OngeldigeOvergang(f"Casus {case.casusnummer} is gearchiveerd en kan niet worden "
                                        "gewijzigd; alleen heropenen (door de coördinator) is mogelijk.")
            velden, naar = change(cur, case, actor)
            new_version = _bump(store, cur, case, versie, actor)
            _history(store, cur, case.id, new_version, actie, case.status if naar else None, naar, velden,
                     toelichting, actor)
            store.log(actor.gebruikersnaam, Actie.WIJZIGING, casus_id=case.id,
                      details={"actie": actie, "versie": new_version, "velden": velden})
            logged = True
    except VersieConflict:
        if logged:
            store.log(actor.gebruikersnaam, Actie.WIJZIGING_MISLUKT, casus_id=str(case_id),
                      details={"actie": actie, "reden": "conflict"})
        raise
    return _reload(store, actor, case.id)


def _add(store: Store, user: Gebruiker, case_id: str, versie: int, statement: str, veld: str,
         **values) -> Casus:
    def change(cur, case, actor):
        store.run(cur, statement, id=str(uuid.uuid4()), casus_id=case.id, nu=clock.now(),
                  door=actor.gebruikersnaam, **values)
        return [veld], None

    return _edit(store, user, case_id, versie, veld, change)


def _lookup(case: Casus, actie: str) -> Overgang:
    overgang = TRANSITIONS.get((case.status, actie))
    if overgang is None:
        open_ = ", ".join(f"'{o.actie}' ({o.label})" for o in allowed_transitions(case)) or "geen"
        bekend = "" if actie in ACTIES else f" '{actie}' is geen bekende stap."
        raise OngeldigeOvergang(f"Casus {case.casusnummer} staat in '{case.status.label}' en kan niet "
                                f"'{actie}'.{bekend} Toegestaan vanuit deze fase: {open_}.")
    return overgang


def _apply(store: Store, cur, case: Casus, actor: Gebruiker, overgang: Overgang, given: dict) -> Status:
    """Compute the phase-4 fields this transition sets or clears, and write the new status."""
    fields = {"besluit": case.besluit, "monitoring_tot": case.monitoring_tot, "einddatum": case.einddatum,
              "bewaartermijn_jaren": case.bewaartermijn_jaren, "vernietigen_op": case.vernietigen_op}
    today = given.get("today") or date.today()
    if overgang.actie in ("afronden", "niet_oppakken"):
        fields["besluit"] = _text(given.get("besluit"), "besluit tot afronding")
    elif overgang.actie == "monitoren":
        fields["monitoring_tot"] = _future_date(given.get("monitoring_tot"), today)
    elif overgang.actie == "start_uitvoering" and not case.plan.volledig:
        raise OngeldigeOvergang("Leg eerst het plan van aanpak vast: hypothese, doel, strategie en "
                                "interventieplan.")
    elif overgang.actie == "administratief_afronden":
        fields.update(_archive_fields(store, case, given.get("einddatum") or today, today))
    elif overgang.actie == "heropenen":
        if case.vernietigen_op and today >= case.vernietigen_op:
            raise OngeldigeOvergang("De bewaartermijn van deze casus is verstreken; hij wordt vernietigd en "
                                    "kan niet meer worden heropend.")
        fields = dict.fromkeys(fields)
    store.run(cur, "casus_overgang", id=case.id, status=overgang.naar, **fields)
    return overgang.naar


def _archive_fields(store: Store, case: Casus, einddatum: date, today: date) -> dict:
    if einddatum > today or einddatum < case.aangemaakt_op.date():
        raise OngeldigeInvoer("De einddatum ligt tussen de registratie van de casus en vandaag.")
    jaren = bewaartermijn(store)
    return {"einddatum": einddatum, "bewaartermijn_jaren": jaren,
            "vernietigen_op": add_years(einddatum, jaren)}


def _check_version(case: Casus, versie: int) -> None:
    if case.versie != versie:
        when = clock.tekst(case.gewijzigd_op)
        raise VersieConflict(f"Casus {case.casusnummer} is gewijzigd sinds u hem opende (u werkte op versie "
                             f"{versie}, nu is het versie {case.versie}, laatst gewijzigd door "
                             f"{case.gewijzigd_door} op {when}). Uw wijziging is niet opgeslagen: laad de "
                             "casus opnieuw en breng uw wijziging opnieuw aan.")


def _bump(store: Store, cur, case: Casus, versie: int, actor: Gebruiker) -> int:
    rows = store.run(cur, "casus_versie", id=case.id, versie=versie, nu=clock.now(),
                     door=actor.gebruikersnaam)
    if not rows:
        _check_version(case, -1)
    return rows[0][0]


def _history(store: Store, cur, case_id: str, versie: int, actie: str, van: Status | None,
             naar: Status | None, velden: list[str], toelichting: str | None, actor: Gebruiker) -> None:
    store.run(cur, "gebeurtenis_nieuw", casus_id=case_id, versie=versie, actie=actie, van_status=van,
              naar_status=naar, velden=velden, toelichting=toelichting, tijd=clock.now(),
              gebruiker=actor.gebruikersnaam)


def _reload(store: Store, actor: Gebruiker, case_id: str) -> Casus:
    with store.cursor() as cur:
        return fetch_case(store, cur, actor, case_id)


def _not_taken_reason(weging: Weging) -> str:
    reasons = [text for ok, text in ((weging.is_ondermijning, "geen ondermijning"),
                                     (weging.rol_gemeente, "geen rol voor de gemeente"),
                                     (weging.eigen_grondgebied, "niet op eigen grondgebied")) if not ok]
    extra = f" ({weging.toelichting.strip()})" if weging.toelichting.strip() else ""
    return f"Niet opgepakt: {', '.join(reasons)}{extra}."


def _checked_signal(values: dict) -> dict:
    return values | {"titel": _text(values["titel"], "titel"),
                     "omschrijving": _text(values["omschrijving"], "omschrijving"),
                     "bron": _enum(SignaalBron, values["bron"], "bron"),
                     "bron_toelichting": _optional(values["bron_toelichting"]),
                     "signaal_datum": _past_date(values["signaal_datum"], "signaaldatum")}


def _enum(cls: type[E], value: object, veld: str) -> E:
    try:
        return cls(str(value).lower())
    except ValueError as exc:
        choices = ", ".join(m.value for m in cls)
        raise OngeldigeInvoer(f"Onbekende {veld} '{value}': kies uit {choices}.") from exc


def _text(value: str | None, veld: str) -> str:
    text = (value or "").strip()
    if not text:
        raise OngeldigeInvoer(f"Vul de {veld} in.")
    return text


def _optional(value: str | None) -> str | None:
    return (value or "").strip() or None


def _past_date(value: date, veld: str) -> date:
    if not isinstance(value, date) or value > date.today():
        raise OngeldigeInvoer(f"De {veld} moet een datum zijn die niet in de toekomst ligt.")
    return value


def _future_date(value: date | None, today: date) -> date:
    if not isinstance(value, date) or value <= today:
        raise OngeldigeInvoer("Geef aan tot wanneer de casus wordt gemonitord (een datum na vandaag).")
    return value
