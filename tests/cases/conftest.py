"""Case-register fixtures: a real encrypted store in tmp_path and a small team of users."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from cases import accounts, workflow
from cases.model import PlanVanAanpak, Status, Weging, Zwaarte
from cases.store import open_store

KEY = "test-sleutel-0123456789abcdef"


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.duckdb", KEY, mode="productie") as s:
        yield s


@pytest.fixture
def team(store):
    """beheerder (no datarollen), coördinator (all themes), analisten per theme, a kernteamlid."""
    add = accounts.register_user
    return SimpleNamespace(
        beheerder=add(store, "test", "beheer", "Bea Beheer", ["beheerder"]),
        coordinator=add(store, "test", "coord", "Cor Coördinator", ["coordinator"],
                        ["drugs", "vastgoed", "prostitutie", "bedrijventerreinen", "weerbaarheid", "overig"],
                        email="cor@gemeente.example"),
        drugs=add(store, "test", "ana.drugs", "Ana Drugs", ["analist"], ["drugs"]),
        vastgoed=add(store, "test", "ana.vastgoed", "Ana Vastgoed", ["analist"], ["vastgoed"]),
        kernteam=add(store, "test", "kern", "Kees Kernteam", ["kernteamlid"], ["drugs"]),
    )


def new_case(store, user, thema="drugs", omschrijving="Hennepgeur bij bedrijfspand", **extra):
    return workflow.register_signal(store, user, thema=thema, bron="mma", signaal_datum=date(2026, 1, 5),
                                    omschrijving=omschrijving, titel=extra.pop("titel", "Signaal"), **extra)


def case_in(store, team, status: Status, thema="drugs", einddatum=None, **extra):
    """A fresh case driven along allowed transitions into `status` (coördinator does the work)."""
    c, u = new_case(store, team.coordinator, thema, **extra), team.coordinator
    zwaarte = {Status.MONODISCIPLINAIR: Zwaarte.EENVOUDIG, Status.RIEC: Zwaarte.COMPLEX}
    if status is Status.SIGNAAL:
        return c
    c = workflow.weigh_signal(store, u, c.id, c.versie,
                              Weging(True, True, True, zwaarte.get(status, Zwaarte.GECOMPLICEERD)))
    if status in (Status.MONODISCIPLINAIR, Status.RIEC, Status.INFORMATIE):
        return c
    if status is Status.UITVOERING:
        c = workflow.set_plan(store, u, c.id, c.versie, PlanVanAanpak("h", "d", "s", "i"))
        return workflow.transition(store, u, c.id, c.versie, "start_uitvoering")
    c = workflow.transition(store, u, c.id, c.versie, "afronden", besluit="Opgelost")
    if status is Status.MONITORING:
        return workflow.transition(store, u, c.id, c.versie, "monitoren", monitoring_tot=date(2099, 1, 1))
    if status is Status.ARCHIEF:
        return workflow.transition(store, u, c.id, c.versie, "administratief_afronden",
                                   einddatum=einddatum)
    return c
