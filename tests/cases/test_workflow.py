"""Cases move only along the werkproces' transition table; every change records who and when."""

from __future__ import annotations

from datetime import date

import pytest

from cases import access, workflow
from cases.model import (
    GeenToegang,
    OngeldigeInvoer,
    OngeldigeOvergang,
    PlanVanAanpak,
    Route,
    Status,
    Weging,
    Zwaarte,
)
from cases.retention import add_years
from cases.workflow import ACTIES, TRANSITIONS
from tests.cases.conftest import case_in, new_case

PAIRS = [(status, actie) for status in Status for actie in sorted(ACTIES)]


def _arguments(actie: str) -> dict:
    return {"besluit": "Besluit in het kernteam", "monitoring_tot": date(2099, 1, 1)}


@pytest.mark.parametrize("status", list(Status), ids=str)
def test_every_status_allows_exactly_the_transitions_in_the_table(store, team, status):
    case = case_in(store, team, status)
    for actie in sorted(ACTIES):
        overgang = TRANSITIONS.get((status, actie))
        if overgang is None or overgang.via_weging:
            with pytest.raises(OngeldigeOvergang) as err:
                workflow.transition(store, team.coordinator, case.id, case.versie, actie, **_arguments(actie))
            assert case.casusnummer in str(err.value) or "weging" in str(err.value)
            assert access.get_case(store, team.coordinator, case.id).status is status
        else:
            if actie == "start_uitvoering":
                case = workflow.set_plan(store, team.coordinator, case.id, case.versie,
                                         PlanVanAanpak("hypothese", "doel", "strategie", "plan"))
            moved = workflow.transition(store, team.coordinator, case.id, case.versie, actie,
                                        **_arguments(actie))
            assert moved.status is overgang.naar
            assert moved.versie == case.versie + 1
            case = case_in(store, team, status)


def test_transition_table_reaches_every_status_and_every_status_has_a_way_out():
    targets = {o.naar for o in TRANSITIONS.values()} | {Status.SIGNAAL}
    sources = {o.van for o in TRANSITIONS.values()}
    assert targets == set(Status)
    assert sources == set(Status)


def test_illegal_transition_message_is_dutch_and_names_the_allowed_steps(store, team):
    case = case_in(store, team, Status.UITVOERING)
    with pytest.raises(OngeldigeOvergang) as err:
        workflow.transition(store, team.coordinator, case.id, case.versie, "heropenen")
    message = str(err.value)
    assert "kan niet 'heropenen'" in message and "Toegestaan vanuit deze fase" in message
    assert "naar_informatie" in message and "naar_riec" in message and "afronden" in message


@pytest.mark.parametrize(("weging", "status", "route"), [
    (Weging(False, True, True), Status.AFRONDING, Route.NIET_OPGEPAKT),
    (Weging(True, False, True), Status.AFRONDING, Route.NIET_OPGEPAKT),
    (Weging(True, True, False), Status.AFRONDING, Route.NIET_OPGEPAKT),
    (Weging(True, True, True, Zwaarte.EENVOUDIG), Status.MONODISCIPLINAIR, Route.MONODISCIPLINAIR),
    (Weging(True, True, True, Zwaarte.GECOMPLICEERD), Status.INFORMATIE, Route.GEMEENTE_REGIE),
    (Weging(True, True, True, Zwaarte.COMPLEX), Status.RIEC, Route.RIEC_REGIE),
])
def test_weging_decides_the_route(store, team, weging, status, route):
    case = new_case(store, team.drugs)
    weighed = workflow.weigh_signal(store, team.drugs, case.id, case.versie, weging)
    assert (weighed.status, weighed.route, weighed.weging) == (status, route, weging)
    if route is Route.NIET_OPGEPAKT:
        assert weighed.besluit.startswith("Niet opgepakt:")


def test_weging_without_zwaarte_is_refused_when_the_signal_is_picked_up(store, team):
    case = new_case(store, team.drugs)
    with pytest.raises(OngeldigeInvoer, match="zwaarte"):
        workflow.weigh_signal(store, team.drugs, case.id, case.versie, Weging(True, True, True))


def test_weging_is_only_possible_in_fase_1(store, team):
    case = case_in(store, team, Status.INFORMATIE)
    with pytest.raises(OngeldigeOvergang, match="fase 1"):
        workflow.weigh_signal(store, team.coordinator, case.id, case.versie,
                              Weging(True, True, True, Zwaarte.COMPLEX))


def test_uitvoering_needs_a_complete_plan_van_aanpak(store, team):
    case = case_in(store, team, Status.INFORMATIE)
    with pytest.raises(OngeldigeOvergang, match="plan van aanpak"):
        workflow.transition(store, team.coordinator, case.id, case.versie, "start_uitvoering")


def test_only_the_coordinator_archives_and_reopens(store, team):
    case = case_in(store, team, Status.AFRONDING)
    with pytest.raises(GeenToegang, match="coördinator"):
        workflow.transition(store, team.drugs, case.id, case.versie, "administratief_afronden")


def test_archiving_sets_einddatum_and_destruction_date_from_the_bewaartermijn(store, team):
    archived = case_in(store, team, Status.ARCHIEF)
    assert archived.einddatum == date.today()
    assert archived.bewaartermijn_jaren == 2
    assert archived.vernietigen_op == add_years(date.today(), 2)


def test_an_archived_case_is_read_only_until_reopened(store, team):
    archived = case_in(store, team, Status.ARCHIEF)
    with pytest.raises(OngeldigeOvergang, match="heropen"):
        workflow.add_note(store, team.coordinator, archived.id, archived.versie, "nog iets")
    reopened = workflow.transition(store, team.coordinator, archived.id, archived.versie, "heropenen")
    assert reopened.status is Status.INFORMATIE and reopened.einddatum is None
    assert workflow.add_note(store, team.coordinator, reopened.id, reopened.versie, "nog iets").versie > 0


def test_reopening_after_the_bewaartermijn_is_refused(store, team):
    archived = case_in(store, team, Status.ARCHIEF)
    with pytest.raises(OngeldigeOvergang, match="bewaartermijn"):
        workflow.transition(store, team.coordinator, archived.id, archived.versie, "heropenen",
                            today=archived.vernietigen_op)


def test_every_change_records_who_when_and_which_version(store, team):
    case = new_case(store, team.drugs)
    case = workflow.add_note(store, team.drugs, case.id, case.versie, "eerste notitie")
    case = workflow.link_object(store, team.drugs, case.id, case.versie, "adres", "0637010000012345",
                                buurtcode="BU06370101")
    history = access.case_file(store, team.drugs, case.id).geschiedenis
    assert [(g.versie, g.actie, g.gebruiker) for g in history] == [
        (1, "registreren", "ana.drugs"), (2, "notitie", "ana.drugs"), (3, "object_koppelen", "ana.drugs")]
    assert all(g.tijd.date() == date.today() for g in history)
    assert (case.versie, case.gewijzigd_door) == (3, "ana.drugs")


def test_case_numbers_count_per_theme_and_year(store, team):
    first = new_case(store, team.coordinator, "drugs")
    second = new_case(store, team.coordinator, "drugs")
    other = new_case(store, team.coordinator, "vastgoed")
    year = date.today().year
    assert (first.casusnummer, second.casusnummer, other.casusnummer) == (
        f"DR-{year}-0001", f"DR-{year}-0002", f"VG-{year}-0001")


def test_map_object_identifiers_are_validated_per_zaakobject_type(store, team):
    case = new_case(store, team.drugs)
    with pytest.raises(OngeldigeInvoer, match="16 cijfers"):
        workflow.link_object(store, team.drugs, case.id, case.versie, "pand", "12345")
    with pytest.raises(OngeldigeInvoer, match="Onbekend objecttype"):
        workflow.link_object(store, team.drugs, case.id, case.versie, "perceel", "1")
    linked = workflow.link_object(store, team.drugs, case.id, case.versie, "vestiging", "0000 1234 5678")
    with pytest.raises(OngeldigeInvoer, match="al aan de casus gekoppeld"):
        workflow.link_object(store, team.drugs, case.id, linked.versie, "vestiging", "000012345678")


def test_consulted_sources_and_interventions_are_kept_with_who_and_when(store, team):
    case = case_in(store, team, Status.INFORMATIE)
    case = workflow.record_consulted_source(store, team.drugs, case.id, case.versie, "BRP",
                                            "bewoning gecontroleerd", date(2026, 2, 1))
    case = workflow.add_intervention(store, team.drugs, case.id, case.versie, soort="bestuursrechtelijk",
                                     omschrijving="controle", partij="gemeente", datum=date(2026, 2, 3))
    dossier = access.case_file(store, team.drugs, case.id)
    assert [(b.bron, b.geraadpleegd_door, b.geraadpleegd_op) for b in dossier.bronraadplegingen] == [
        ("BRP", "ana.drugs", date(2026, 2, 1))]
    assert [(i.partij, i.vastgelegd_door) for i in dossier.interventies] == [("gemeente", "ana.drugs")]
