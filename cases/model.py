"""The case register's vocabulary: roles, themes, sources, phases, records and errors.

Identifiers are English or plain ASCII; every label a user sees is Dutch. Records are frozen
dataclasses built from store rows; they carry no behaviour beyond small derived properties.
Every error a user can meet is a `CasusFout` with a Dutch message that says what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum

from cases.errors import (  # noqa: F401  (re-exported: errors live in cases/errors.py)
    AuditFout,
    CasusFout,
    GeenToegang,
    InlogFout,
    NietGevonden,
    OngeldigeInvoer,
    OngeldigeOvergang,
    OpslagFout,
    SleutelFout,
    VersieConflict,
)
from cases.fasen import Status  # noqa: F401  (re-exported: the phases table lives in cases/fasen.py)


class Rol(StrEnum):
    BEHEERDER = "beheerder"
    COORDINATOR = "coordinator"
    ANALIST = "analist"
    KERNTEAMLID = "kernteamlid"

    @property
    def label(self) -> str:
        return {"coordinator": "coördinator"}.get(self.value, self.value)


class Thema(StrEnum):
    PROSTITUTIE = "prostitutie"
    VASTGOED = "vastgoed"
    DRUGS = "drugs"
    BEDRIJVENTERREINEN = "bedrijventerreinen"
    WEERBAARHEID = "weerbaarheid"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return _THEMA_LABELS[self]


_THEMA_LABELS = {
    Thema.PROSTITUTIE: "Illegale/onvergunde prostitutie",
    Thema.VASTGOED: "Vastgoedcriminaliteit",
    Thema.DRUGS: "Drugscriminaliteit",
    Thema.BEDRIJVENTERREINEN: "Bedrijventerreinen",
    Thema.WEERBAARHEID: "Weerbaarheid",
    Thema.OVERIG: "Overig",
}


class SignaalBron(StrEnum):
    """Where a signal came from."""

    MMA = "mma"
    MELDPUNT = "meldpunt"
    POLITIE = "politie"
    HEIT = "heit"
    TOEZICHT = "toezicht"
    INTERN = "intern"
    RIEC = "riec"
    ANDERS = "anders"

    @property
    def label(self) -> str:
        return _BRON_LABELS[self]


_BRON_LABELS = {
    SignaalBron.MMA: "Meld Misdaad Anoniem",
    SignaalBron.MELDPUNT: "Meldpunt ondermijning@",
    SignaalBron.POLITIE: "Politie (bestuurlijke rapportage)",
    SignaalBron.HEIT: "HEIT",
    SignaalBron.TOEZICHT: "Toezicht/BOA",
    SignaalBron.INTERN: "Interne afdeling",
    SignaalBron.RIEC: "RIEC",
    SignaalBron.ANDERS: "Anders",
}


class Zwaarte(StrEnum):
    EENVOUDIG = "eenvoudig"
    GECOMPLICEERD = "gecompliceerd"
    COMPLEX = "complex"


class Route(StrEnum):
    """Who leads, as the weging of the signal decides."""

    NIET_OPGEPAKT = "niet_opgepakt"
    MONODISCIPLINAIR = "monodisciplinair"
    GEMEENTE_REGIE = "gemeente_regie"
    RIEC_REGIE = "riec_regie"


class ObjectType(StrEnum):
    """ZGW ZaakObject types a case can be linked to."""

    PAND = "pand"
    ADRES = "adres"
    VESTIGING = "vestiging"
    MAATSCHAPPELIJKE_ACTIVITEIT = "maatschappelijke_activiteit"
    BUURT = "buurt"
    WIJK = "wijk"
    OVERIGE = "overige"


_OBJECT_ID = {
    ObjectType.PAND: (r"\d{16}", "een BAG-pandidentificatie van 16 cijfers"),
    ObjectType.ADRES: (r"\d{16}", "een BAG-verblijfsobjectidentificatie van 16 cijfers"),
    ObjectType.VESTIGING: (r"\d{12}", "een vestigingsnummer van 12 cijfers"),
    ObjectType.MAATSCHAPPELIJKE_ACTIVITEIT: (r"\d{8}", "een KVK-nummer van 8 cijfers"),
    ObjectType.BUURT: (r"[A-Z0-9_.:-]{1,40}", "een buurtcode zoals BU06370101"),
    ObjectType.WIJK: (r"[A-Z0-9_.:-]{1,40}", "een wijkcode zoals WK063701"),
    ObjectType.OVERIGE: (r"\S.{0,199}", "een omschrijving van hoogstens 200 tekens"),
}


def normalise_identifier(value: str | None) -> str:
    """An identifier as stored: no surrounding or inner spaces, upper case (BU/WK codes)."""
    return re.sub(r"\s+", "", str(value or "")).upper()


def object_identifier(object_type: ObjectType | str, value: str) -> tuple[ObjectType, str]:
    """(type, identifier) validated for its ZaakObject type, or OngeldigeInvoer in Dutch."""
    try:
        kind = ObjectType(object_type)
    except ValueError as exc:
        raise OngeldigeInvoer(f"Onbekend objecttype '{object_type}': kies uit "
                              f"{', '.join(t.value for t in ObjectType)}.") from exc
    ident = str(value or "").strip() if kind is ObjectType.OVERIGE else normalise_identifier(value)
    pattern, expected = _OBJECT_ID[kind]
    if not re.fullmatch(pattern, ident):
        raise OngeldigeInvoer(f"'{value}' is geen geldige identificatie voor {kind.value}: "
                              f"verwacht {expected}.")
    return kind, ident


@dataclass(frozen=True)
class Gebruiker:
    gebruikersnaam: str
    weergavenaam: str
    rollen: frozenset[Rol]
    datarollen: frozenset[Thema]
    email: str | None = None
    actief: bool = True
    is_demo: bool = False
    heeft_wachtwoord: bool = False
    geblokkeerd_tot: datetime | None = None

    def heeft_rol(self, *rollen: Rol) -> bool:
        return self.actief and bool(self.rollen.intersection(rollen))


@dataclass(frozen=True)
class Weging:
    """The fase-1 weging of a signal; the route follows from it (see workflow.route_for)."""

    is_ondermijning: bool
    rol_gemeente: bool
    eigen_grondgebied: bool
    zwaarte: Zwaarte | None = None
    toelichting: str = ""


@dataclass(frozen=True)
class PlanVanAanpak:
    hypothese: str = ""
    doel: str = ""
    strategie: str = ""
    interventieplan: str = ""

    @property
    def volledig(self) -> bool:
        return all(getattr(self, f.name).strip() for f in fields(self))


@dataclass(frozen=True)
class Casus:
    id: str
    casusnummer: str
    thema: Thema
    status: Status
    versie: int
    titel: str
    bron: SignaalBron
    signaal_datum: date
    omschrijving: str
    eigenaar: str
    aangemaakt_op: datetime
    aangemaakt_door: str
    gewijzigd_op: datetime
    gewijzigd_door: str
    bron_toelichting: str | None = None
    weging: Weging | None = None
    route: Route | None = None
    plan: PlanVanAanpak = field(default_factory=PlanVanAanpak)
    besluit: str | None = None
    monitoring_tot: date | None = None
    einddatum: date | None = None
    bewaartermijn_jaren: int | None = None
    vernietigen_op: date | None = None

    @property
    def fase(self) -> int:
        return self.status.fase


@dataclass(frozen=True)
class Koppeling:
    id: str
    casus_id: str
    object_type: ObjectType
    object_id: str
    omschrijving: str | None
    buurtcode: str | None
    gekoppeld_op: datetime
    gekoppeld_door: str


@dataclass(frozen=True)
class Notitie:
    id: str
    casus_id: str
    tekst: str
    aangemaakt_op: datetime
    aangemaakt_door: str


@dataclass(frozen=True)
class Bronraadpleging:
    """A source consulted during beeldvorming: who consulted what, when (accountability)."""

    id: str
    casus_id: str
    bron: str
    toelichting: str
    geraadpleegd_op: date
    geraadpleegd_door: str
    vastgelegd_op: datetime
    vastgelegd_door: str


@dataclass(frozen=True)
class Interventie:
    id: str
    casus_id: str
    soort: str
    omschrijving: str
    partij: str
    datum: date
    resultaat: str | None
    vastgelegd_op: datetime
    vastgelegd_door: str


@dataclass(frozen=True)
class Gebeurtenis:
    """One line of a case's history: who changed what, when (field names, never old values)."""

    casus_id: str
    versie: int
    actie: str
    van_status: str | None
    naar_status: str | None
    velden: list[str]
    toelichting: str | None
    tijd: datetime
    gebruiker: str


@dataclass(frozen=True)
class Dossier:
    casus: Casus
    koppelingen: list[Koppeling]
    notities: list[Notitie]
    bronraadplegingen: list[Bronraadpleging]
    interventies: list[Interventie]
    geschiedenis: list[Gebeurtenis]


@dataclass(frozen=True)
class Treffer:
    """Answer to a hit/no-hit question: yes or no and whom to contact, nothing else."""

    treffer: bool
    contact: str


@dataclass(frozen=True)
class Vernietigingsrecord:
    """All that is left of a destroyed case: its number, when, by whom and on which ground (in words,
    e.g. 'bewaartermijn van 2 jaar na afronding op 01-03-2024 verstreken')."""

    casusnummer: str
    vernietigd_op: datetime
    uitgevoerd_door: str
    grondslag: str


def casus_from_row(row: dict) -> Casus:
    """A Casus from a `casus` table row."""
    weging = None
    if row["is_ondermijning"] is not None:
        weging = Weging(row["is_ondermijning"], bool(row["rol_gemeente"]), bool(row["eigen_grondgebied"]),
                        Zwaarte(row["zwaarte"]) if row["zwaarte"] else None, row["weging_toelichting"] or "")
    plan = PlanVanAanpak(*(row[k] or "" for k in ("hypothese", "doel", "strategie", "interventieplan")))
    simple = {f.name: row[f.name] for f in fields(Casus) if f.name not in ("weging", "plan")}
    simple.update(thema=Thema(row["thema"]), status=Status(row["status"]), bron=SignaalBron(row["bron"]),
                  route=Route(row["route"]) if row["route"] else None)
    return Casus(**simple, weging=weging, plan=plan)


def record_from_row(cls: type, row: dict):
    """A Koppeling, Notitie, Bronraadpleging, Interventie or Gebeurtenis from its table row."""
    values = {f.name: row[f.name] for f in fields(cls)}
    if cls is Koppeling:
        values["object_type"] = ObjectType(values["object_type"])
    return cls(**values)
