"""Datarollen decide what a user sees; a hidden case is indistinguishable from a missing one."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from cases import access, accounts, workflow
from cases.model import GeenToegang, NietGevonden, Thema
from tests.cases.conftest import new_case

PAND = "0637100000123456"


@pytest.fixture
def two_cases(store, team):
    drugs = new_case(store, team.drugs, "drugs", titel="Drugs-casus", omschrijving="Wietplantage gemeld")
    drugs = workflow.link_object(store, team.drugs, drugs.id, drugs.versie, "pand", PAND,
                                 buurtcode="BU06370101")
    vastgoed = new_case(store, team.vastgoed, "vastgoed", titel="Vastgoed-casus",
                        omschrijving="Wietplantage in pand van stroman")
    vastgoed = workflow.link_object(store, team.vastgoed, vastgoed.id, vastgoed.versie, "pand", PAND,
                                    buurtcode="BU06370101")
    return drugs, vastgoed


def test_analist_sees_only_cases_of_own_theme_in_lists(store, team, two_cases):
    drugs, vastgoed = two_cases
    assert [c.id for c in access.list_cases(store, team.drugs)] == [drugs.id]
    assert [c.id for c in access.list_cases(store, team.drugs, thema="vastgoed")] == []
    assert {c.id for c in access.list_cases(store, team.coordinator)} == {drugs.id, vastgoed.id}


def test_cases_for_object_returns_only_visible_cases(store, team, two_cases):
    drugs, vastgoed = two_cases
    assert [c.id for c in access.cases_for_object(store, team.drugs, "pand", PAND)] == [drugs.id]
    assert [c.id for c in access.cases_for_object(store, team.vastgoed, "pand", PAND)] == [vastgoed.id]


def test_signal_search_never_returns_another_themes_case(store, team, two_cases):
    drugs, _ = two_cases
    assert [c.id for c in access.search_signals(store, team.drugs, "wietplantage")] == [drugs.id]
    assert access.search_signals(store, team.drugs, "stroman") == []
    assert access.search_signals(store, team.drugs, "stroman", thema="vastgoed") == []


def test_exports_contain_only_visible_cases_and_no_free_text(store, team, two_cases):
    rows = access.export_cases(store, team.drugs)
    assert [r["casusnummer"] for r in rows] == [two_cases[0].casusnummer]
    assert "Wietplantage" not in str(rows)


def test_guessed_id_of_hidden_case_looks_exactly_like_a_missing_id(store, team, two_cases):
    _, vastgoed = two_cases
    missing = str(uuid.uuid4())
    with pytest.raises(NietGevonden) as hidden_err:
        access.get_case(store, team.drugs, vastgoed.id)
    with pytest.raises(NietGevonden) as missing_err:
        access.get_case(store, team.drugs, missing)
    assert type(hidden_err.value) is type(missing_err.value)
    assert str(hidden_err.value).replace(vastgoed.id, "X") == str(missing_err.value).replace(missing, "X")
    for attempt in (lambda: access.case_file(store, team.drugs, vastgoed.id),
                    lambda: workflow.add_note(store, team.drugs, vastgoed.id, vastgoed.versie, "x")):
        with pytest.raises(NietGevonden):
            attempt()


def test_kernteamlid_reads_but_cannot_edit(store, team, two_cases):
    drugs, _ = two_cases
    assert access.get_case(store, team.kernteam, drugs.id).id == drugs.id
    assert access.may_view(team.kernteam, drugs) and not access.may_edit(team.kernteam, drugs)
    with pytest.raises(GeenToegang, match="leesrechten"):
        workflow.add_note(store, team.kernteam, drugs.id, drugs.versie, "mag niet")
    with pytest.raises(GeenToegang, match="registreren"):
        new_case(store, team.kernteam)


def test_beheerder_without_datarollen_sees_no_case_content(store, team, two_cases):
    assert access.visible_themes(team.beheerder) == frozenset()
    assert access.list_cases(store, team.beheerder) == []
    with pytest.raises(NietGevonden):
        access.get_case(store, team.beheerder, two_cases[0].id)


def test_revoked_datarol_counts_at_once_even_for_a_stale_user_object(store, team, two_cases):
    stale = team.drugs
    accounts.set_roles(store, team.beheerder, "ana.drugs", ["analist"], ["vastgoed"])
    assert [c.thema for c in access.list_cases(store, stale)] == [Thema.VASTGOED]


def test_a_forged_user_object_gains_no_access(store, team, two_cases):
    forged = dataclasses.replace(team.drugs, datarollen=frozenset(Thema))
    assert [c.id for c in access.list_cases(store, forged)] == [two_cases[0].id]
    with pytest.raises(NietGevonden):
        access.get_case(store, forged, two_cases[1].id)


def test_disabled_user_is_refused_everywhere(store, team, two_cases):
    accounts.disable_user(store, team.beheerder, "ana.drugs")
    with pytest.raises(GeenToegang, match="niet \\(meer\\) actief"):
        access.list_cases(store, team.drugs)


def test_hit_no_hit_answers_only_yes_or_no_with_a_contact_and_is_logged(store, team, two_cases):
    answer = access.hit_no_hit(store, team.drugs, f" {PAND} ")
    assert answer.treffer is True and "Cor Coördinator" in answer.contact
    assert set(dataclasses.asdict(answer)) == {"treffer", "contact"}
    assert access.hit_no_hit(store, team.drugs, "0637100000999999").treffer is False
    last = store.audit.read_rows()[-1]
    assert (last["actie"], last["gebruiker"]) == ("hit_no_hit", "ana.drugs")
    assert '"treffer":false' in last["details"]


def test_signal_counts_per_buurt_are_counts_only(store, team, two_cases):
    assert access.signal_counts_per_buurt(store) == {"BU06370101": 2}
    assert access.signal_counts_per_buurt(store, "drugs") == {"BU06370101": 1}
    assert access.signal_counts_per_buurt(store, "prostitutie") == {}


def test_every_read_of_case_content_is_audited_without_the_content(store, team, two_cases):
    drugs, _ = two_cases
    access.case_file(store, team.drugs, drugs.id)
    access.search_signals(store, team.drugs, "plantage")
    access.export_cases(store, team.drugs)
    rows = store.audit.read_rows()
    acts = [(r["actie"], r["gebruiker"]) for r in rows[-3:]]
    assert acts == [("casus_bekeken", "ana.drugs"), ("zoekopdracht", "ana.drugs"), ("export", "ana.drugs")]
    assert "Wietplantage gemeld" not in store.audit.path.read_text(encoding="utf-8")
