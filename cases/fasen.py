"""The werkproces in one table: its four phases, the statuses a case can be in, and the only
allowed moves between them. The workflow (cases.workflow), the detail view, the overview on the
Casussen page and the step buttons all read these rows; nothing else lists statuses.

A new status is one `Status` member, one `StatusRij` (its phase and labels) and the `Overgang`
rows into and out of it; tests/cases/test_workflow.py then drives every status through every step.
What a step sets besides the status (besluit, monitoring date, archive fields) is behaviour and
lives in cases.workflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """Where a case stands; each status belongs to one of the werkproces' four phases."""

    SIGNAAL = "signaal"
    MONODISCIPLINAIR = "monodisciplinair"
    INFORMATIE = "informatie"
    UITVOERING = "uitvoering"
    RIEC = "riec"
    AFRONDING = "afronding"
    MONITORING = "monitoring"
    ARCHIEF = "archief"

    @property
    def fase(self) -> int:
        return STATUSSEN[self].fase

    @property
    def label(self) -> str:
        return STATUSSEN[self].label

    @property
    def kort(self) -> str:
        return STATUSSEN[self].kort

    @property
    def gearchiveerd(self) -> bool:
        return STATUSSEN[self].archief


@dataclass(frozen=True)
class Fase:
    """One of the werkproces' four phases: the phase bar, the counters and the overview filter."""

    nummer: int
    naam: str
    filter_label: str  # the choice in the overview's phase filter (says which statuses it includes)


@dataclass(frozen=True)
class StatusRij:
    status: Status
    fase: int
    label: str  # the full Dutch label (detail view, messages, exports)
    kort: str  # the short label in tables and the history
    interventies: bool = False  # interventions may be recorded in this status (fase 3)
    archief: bool = False  # read-only until reopened; counted apart from the running cases


@dataclass(frozen=True)
class Overgang:
    van: Status
    actie: str
    naar: Status
    label: str
    via_weging: bool = False  # only through weigh_signal
    alleen_coordinator: bool = False


S = Status

FASEN: tuple[Fase, ...] = (
    Fase(1, "signaal", "Fase 1: signaal"),
    Fase(2, "informatie", "Fase 2: informatie"),
    Fase(3, "uitvoering", "Fase 3: uitvoering (ook monodisciplinair en RIEC)"),
    Fase(4, "afronding", "Fase 4: afronding en monitoring"),
)

STATUSSEN: dict[Status, StatusRij] = {r.status: r for r in (
    StatusRij(S.SIGNAAL, 1, "Fase 1: signaal (weging)", "1 signaal"),
    StatusRij(S.INFORMATIE, 2, "Fase 2: informatie (beeldvorming, plan van aanpak)", "2 informatie"),
    StatusRij(S.UITVOERING, 3, "Fase 3: uitvoering (interventies)", "3 uitvoering", interventies=True),
    StatusRij(S.MONODISCIPLINAIR, 3, "Fase 3: monodisciplinair opgepakt", "3 monodisciplinair",
              interventies=True),
    StatusRij(S.RIEC, 3, "Fase 3: ingebracht bij het RIEC", "3 RIEC", interventies=True),
    StatusRij(S.AFRONDING, 4, "Fase 4: afronding (besluit)", "4 afronding"),
    StatusRij(S.MONITORING, 4, "Fase 4: monitoring", "4 monitoring"),
    StatusRij(S.ARCHIEF, 4, "Fase 4: administratief afgerond (archief)", "4 archief", archief=True),
)}

TRANSITIONS: dict[tuple[Status, str], Overgang] = {(o.van, o.actie): o for o in (
    Overgang(S.SIGNAAL, "niet_oppakken", S.AFRONDING, "Signaal niet oppakken", via_weging=True),
    Overgang(S.SIGNAAL, "monodisciplinair", S.MONODISCIPLINAIR, "Monodisciplinair oppakken",
             via_weging=True),
    Overgang(S.SIGNAAL, "gemeente_regie", S.INFORMATIE, "Gemeente regie: naar fase 2", via_weging=True),
    Overgang(S.SIGNAAL, "naar_riec", S.RIEC, "Voorleggen aan het RIEC", via_weging=True),
    Overgang(S.MONODISCIPLINAIR, "naar_informatie", S.INFORMATIE, "Toch gecompliceerd: naar fase 2"),
    Overgang(S.MONODISCIPLINAIR, "afronden", S.AFRONDING, "Afronden"),
    Overgang(S.INFORMATIE, "start_uitvoering", S.UITVOERING, "Plan van aanpak vastgesteld: uitvoeren"),
    Overgang(S.INFORMATIE, "naar_riec", S.RIEC, "Complex: voorleggen aan het RIEC"),
    Overgang(S.INFORMATIE, "afronden", S.AFRONDING, "Afronden (bijvoorbeeld signaal ontkracht)"),
    Overgang(S.UITVOERING, "naar_informatie", S.INFORMATIE, "Nieuwe informatie: terug naar fase 2"),
    Overgang(S.UITVOERING, "naar_riec", S.RIEC, "Blijkt complex: inbrengen bij het RIEC"),
    Overgang(S.UITVOERING, "afronden", S.AFRONDING, "Afronden (opgelost of mogelijkheden uitgeput)"),
    Overgang(S.RIEC, "naar_informatie", S.INFORMATIE, "Terug naar gemeente regie (fase 2)"),
    Overgang(S.RIEC, "afronden", S.AFRONDING, "Afronden"),
    Overgang(S.AFRONDING, "monitoren", S.MONITORING, "Monitoren tot een afgesproken datum"),
    Overgang(S.AFRONDING, "naar_informatie", S.INFORMATIE, "Toch niet afronden: terug naar fase 2"),
    Overgang(S.AFRONDING, "administratief_afronden", S.ARCHIEF, "Administratief afronden: archief",
             alleen_coordinator=True),
    Overgang(S.MONITORING, "naar_informatie", S.INFORMATIE, "Nieuwe aanknopingspunten: naar fase 2"),
    Overgang(S.MONITORING, "monitoring_beeindigen", S.AFRONDING, "Monitoring beëindigd: afronden"),
    Overgang(S.ARCHIEF, "heropenen", S.INFORMATIE, "Heropenen (binnen de bewaartermijn)",
             alleen_coordinator=True),
)}
ACTIES = frozenset(actie for _, actie in TRANSITIONS)

if set(STATUSSEN) != set(Status) or {f.nummer for f in FASEN} != {r.fase for r in STATUSSEN.values()}:
    raise RuntimeError("cases.fasen: every Status needs exactly one row, every phase a status")


def statussen_in(fase: int) -> tuple[Status, ...]:
    """The running (not archived) statuses of one phase, in table order."""
    return tuple(r.status for r in STATUSSEN.values() if r.fase == fase and not r.archief)


def lopend() -> tuple[Status, ...]:
    return tuple(s for s in Status if not s.gearchiveerd)


def archief() -> tuple[Status, ...]:
    return tuple(s for s in Status if s.gearchiveerd)
