"""The Casussen page honours the case register's rules (AppTest on the real app.py, real encrypted
store): themes decide what a user sees in lists, searches, exports and URLs; a kernteamlid only
reads; a case moves only along allowed transitions; edits carry the version the user saw."""

from __future__ import annotations

import uuid
from datetime import date

from cases import access, workflow
from cases.model import Status
from tests.ui import test_cases_support as support
from tests.ui.test_cases_support import app, audit_lines, buttons, in_informatie, new_case, plain, run, texts
from ui.components.cases import actions as case_actions
from ui.components.cases import detail as case_detail
from ui.components.cases.links import CASUS_PARAM
from ui.pages import casussen

case_env, store, team, two_cases = support.case_env, support.store, support.team, support.two_cases


def submit(at, form: str, label: str):
    at.button(key=f"FormSubmitter:{form}-{label}").click()
    return run(at)


def step_buttons(at) -> set[str]:
    return {k.removeprefix("stap_") for k in buttons(at) if k.startswith("stap_")}


def edit_controls(at) -> set[str]:
    return {k for k in buttons(at) if k.startswith(("stap_", "FormSubmitter:", "ontkoppel_"))}


# --- Themes ---------------------------------------------------------------------------------------

def test_the_list_shows_only_cases_of_the_users_themes(two_cases):
    drugs, vastgoed = two_cases
    shown = texts(run(app("casussen", "ana.drugs")))
    assert drugs.casusnummer in shown and drugs.titel in shown
    assert vastgoed.casusnummer not in shown and vastgoed.titel not in shown
    both = texts(run(app("casussen", "coord")))
    assert drugs.casusnummer in both and vastgoed.casusnummer in both


def test_search_never_finds_a_case_of_another_theme(two_cases):
    _, vastgoed = two_cases
    at = run(app("casussen", "ana.drugs"))
    for term in ("Stroman", "katvanger", vastgoed.casusnummer):
        at.text_input(key="filter_tekst").input(term)
        run(at)
        assert vastgoed.titel not in texts(at) and not at.dataframe
        assert "Geen casussen gevonden" in texts(at)
    coord = run(app("casussen", "coord"))
    coord.text_input(key="filter_tekst").input("katvanger")
    assert vastgoed.titel in texts(run(coord))


def test_the_export_holds_only_visible_cases_and_is_audited(two_cases, team, store):
    drugs, vastgoed = two_cases
    at = run(app("casussen", "ana.drugs"))
    assert at.get("download_button")  # the button the user clicks; it calls `exporter`
    csv = casussen.exporter(team.drugs, None, None)().decode("utf-8-sig")
    assert drugs.casusnummer in csv and vastgoed.casusnummer not in csv
    assert "Wietlucht" not in csv  # no free text in exports
    assert csv.splitlines()[0].startswith("Casusnummer;Thema;Fase")
    assert audit_lines(store)[-1]["actie"] == "export"


def test_a_guessed_id_in_the_url_looks_exactly_like_a_missing_case(two_cases):
    _, vastgoed = two_cases
    hidden = run(app("casussen", "ana.drugs", {CASUS_PARAM: vastgoed.id}))
    missing_id = str(uuid.uuid4())
    missing = run(app("casussen", "ana.drugs", {CASUS_PARAM: missing_id}))
    assert plain(hidden.error[0].value).replace(vastgoed.id, "X") == \
        plain(missing.error[0].value).replace(missing_id, "X")
    assert "niet gevonden" in hidden.error[0].value
    shown = texts(hidden)
    assert vastgoed.titel not in shown and vastgoed.casusnummer not in shown and "Vastgoed" not in shown
    assert not edit_controls(hidden)


def test_the_own_theme_case_opens_from_the_url_and_the_view_is_audited(two_cases, store):
    drugs, _ = two_cases
    at = run(app("casussen", "ana.drugs", {CASUS_PARAM: drugs.id}))
    assert drugs.casusnummer in texts(at) and "Wietlucht bij loods" in texts(at)
    viewed = [r for r in audit_lines(store) if r["actie"] == "casus_bekeken"]
    assert viewed[-1]["casus_id"] == drugs.id and viewed[-1]["gebruiker"] == "ana.drugs"


def test_one_view_of_the_overview_is_one_audited_list_read(two_cases, store):
    before = len(audit_lines(store))
    run(app("casussen", "ana.drugs"))
    new = audit_lines(store)[before:]
    assert [r["actie"] for r in new] == ["zoekopdracht"]
    assert '"soort":"overzicht"' in new[0]["details"]


# --- Kernteamlid ----------------------------------------------------------------------------------

def test_kernteamlid_reads_without_any_edit_control(two_cases, store, team):
    drugs, _ = two_cases
    in_informatie(store, team.drugs, access.get_case(store, team.drugs, drugs.id))
    at = run(app("casussen", "kern", {CASUS_PARAM: drugs.id}))
    assert case_detail.LEESRECHTEN in [i.value for i in at.info]
    assert drugs.titel in texts(at)
    assert not edit_controls(at) and not at.text_area
    assert "Nieuw signaal" not in texts(run(app("casussen", "kern")))


def test_a_forced_step_by_a_kernteamlid_is_refused(two_cases, store, team):
    drugs, _ = two_cases
    case = in_informatie(store, team.drugs, access.get_case(store, team.drugs, drugs.id))
    at = app("casussen", "kern", {CASUS_PARAM: drugs.id})
    at.session_state[case_actions.PENDING] = {"casus": case.id, "versie": case.versie, "actie": "afronden"}
    run(at)
    at.text_area(key="stap_besluit").input("Mag niet")
    at = submit(at, f"bevestig_{case.id}", "Bevestigen")
    assert "alleen leesrechten" in plain(at.error[0].value)
    assert access.get_case(store, team.coordinator, case.id).status is Status.INFORMATIE


def test_a_form_left_open_after_rights_were_reduced_is_refused(two_cases, store, team):
    drugs, _ = two_cases
    at = run(app("casussen", "ana.drugs", {CASUS_PARAM: drugs.id}))
    from cases import accounts

    accounts.set_roles(store, team.beheerder, "ana.drugs", ["kernteamlid"], ["drugs"])
    at.text_area(key=f"notitie_tekst_{drugs.id}").input("Te laat")
    at = submit(at, f"notitie_{drugs.id}", "Notitie toevoegen")
    assert "alleen leesrechten" in plain(at.error[0].value)
    assert access.case_file(store, team.coordinator, drugs.id).notities == []


# --- Transitions ----------------------------------------------------------------------------------

def test_only_allowed_transitions_get_a_button(two_cases, store, team):
    drugs, _ = two_cases
    at = run(app("casussen", "ana.drugs", {CASUS_PARAM: drugs.id}))
    assert step_buttons(at) == set()  # fase 1: the weging decides the route
    assert f"FormSubmitter:weging_{drugs.id}-Weging vastleggen" in buttons(at)
    case = in_informatie(store, team.drugs, access.get_case(store, team.drugs, drugs.id))
    at = run(app("casussen", "ana.drugs", {CASUS_PARAM: drugs.id}))
    expected = {o.actie for o in workflow.allowed_transitions(case) if not o.via_weging}
    assert step_buttons(at) == expected == {"start_uitvoering", "naar_riec", "afronden"}


def test_archiving_and_reopening_are_buttons_for_the_coordinator_only(store, team):
    case = new_case(store, team.coordinator, "drugs", "Af te ronden")
    case = in_informatie(store, team.coordinator, case)
    case = workflow.transition(store, team.coordinator, case.id, case.versie, "afronden", besluit="Klaar")
    assert step_buttons(run(app("casussen", "ana.drugs", {CASUS_PARAM: case.id}))) == {
        "monitoren", "naar_informatie"}
    assert "administratief_afronden" in step_buttons(run(app("casussen", "coord", {CASUS_PARAM: case.id})))


def test_a_forced_illegal_transition_is_refused_and_changes_nothing(two_cases, store, team):
    drugs, _ = two_cases
    case = in_informatie(store, team.drugs, access.get_case(store, team.drugs, drugs.id))
    for actie, message in (("administratief_afronden", "kan niet 'administratief_afronden'"),
                           ("heropenen", "kan niet 'heropenen'"),
                           ("bestaat_niet", "geen bekende stap")):
        at = app("casussen", "coord", {CASUS_PARAM: case.id})
        at.session_state[case_actions.PENDING] = {"casus": case.id, "versie": case.versie, "actie": actie}
        at = submit(run(at), f"bevestig_{case.id}", "Bevestigen")
        assert message in plain(at.error[0].value), actie
    after = access.get_case(store, team.coordinator, case.id)
    assert (after.status, after.versie) == (Status.INFORMATIE, case.versie)


def test_the_weging_form_moves_the_signal_along_its_route(two_cases, store, team):
    drugs, _ = two_cases
    at = run(app("casussen", "ana.drugs", {CASUS_PARAM: drugs.id}))
    for veld in ("is_ondermijning", "rol_gemeente", "eigen_grondgebied"):
        at.radio(key=f"weging_{veld}_{drugs.id}").set_value("ja")
    at.radio(key=f"weging_zwaarte_{drugs.id}").set_value("gecompliceerd")
    at = submit(at, f"weging_{drugs.id}", "Weging vastleggen")
    assert "Weging vastgelegd" in plain(at.success[0].value)
    case = access.get_case(store, team.drugs, drugs.id)
    assert case.status is Status.INFORMATIE and case.route.value == "gemeente_regie"
    assert step_buttons(at) == {"start_uitvoering", "naar_riec", "afronden"}


def test_a_step_button_asks_for_the_besluit_and_records_who(two_cases, store, team):
    drugs, _ = two_cases
    in_informatie(store, team.drugs, access.get_case(store, team.drugs, drugs.id))
    at = run(app("casussen", "ana.drugs", {CASUS_PARAM: drugs.id}))
    at.button(key="stap_afronden").click()
    run(at)
    at.text_area(key="stap_besluit").input("Signaal ontkracht na controle")
    at = submit(at, f"bevestig_{drugs.id}", "Bevestigen")
    case = access.get_case(store, team.drugs, drugs.id)
    assert case.status is Status.AFRONDING and case.besluit == "Signaal ontkracht na controle"
    history = access.case_file(store, team.drugs, drugs.id).geschiedenis
    assert (history[-1].actie, history[-1].gebruiker) == ("afronden", "ana.drugs")


def test_an_edit_on_a_stale_version_shows_the_conflict_and_saves_nothing(two_cases, store, team):
    drugs, _ = two_cases
    at = run(app("casussen", "ana.drugs", {CASUS_PARAM: drugs.id}))
    workflow.add_note(store, team.coordinator, drugs.id, drugs.versie, "Tussendoor door de coördinator")
    at.text_area(key=f"notitie_tekst_{drugs.id}").input("Mijn notitie")
    at = submit(at, f"notitie_{drugs.id}", "Notitie toevoegen")
    message = plain(at.error[0].value)
    assert "is gewijzigd sinds u hem opende" in message and "coord" in message
    assert [n.tekst for n in access.case_file(store, team.drugs, drugs.id).notities] == [
        "Tussendoor door de coördinator"]
    at = submit(at, f"notitie_{drugs.id}", "Notitie toevoegen")  # the page now shows the new version
    assert len(access.case_file(store, team.drugs, drugs.id).notities) == 2


def test_registering_a_signal_opens_the_new_case(team, store):
    at = run(app("casussen", "ana.drugs"))
    at.text_input(key="sig_titel").input("Loods met verduisterde ramen")
    at.selectbox(key="sig_thema").set_value("drugs")
    at.selectbox(key="sig_bron").set_value("toezicht")
    at.date_input(key="sig_datum").set_value(date(2026, 3, 1))
    at.text_area(key="sig_omschrijving").input("BOA ziet 's nachts busjes laden")
    at = submit(at, "nieuw_signaal", "Signaal registreren")
    (case,) = access.list_cases(store, team.drugs)
    assert (case.titel, case.bron.value, case.status) == ("Loods met verduisterde ramen", "toezicht",
                                                          Status.SIGNAAL)
    assert at.query_params[CASUS_PARAM] == case.id
    assert case.casusnummer in plain(at.success[0].value)
    assert "Weging van het signaal" in texts(at)


def test_the_plan_and_a_consulted_source_are_recorded_with_who_and_when(two_cases, store, team):
    drugs, _ = two_cases
    in_informatie(store, team.drugs, access.get_case(store, team.drugs, drugs.id))
    at = run(app("casussen", "ana.drugs", {CASUS_PARAM: drugs.id}))
    at.text_input(key=f"bron_naam_{drugs.id}").input("Omgevingsloket")
    at.text_area(key=f"bron_toelichting_{drugs.id}").input("Vergunningen van het pand")
    at = submit(at, f"bron_{drugs.id}", "Bron vastleggen")
    case = access.get_case(store, team.drugs, drugs.id)
    for k, v in (("hypothese", "Kwekerij"), ("doel", "Stoppen"), ("strategie", "Bestuurlijk"),
                 ("interventieplan", "Controle en sluiting")):
        at.text_area(key=f"plan_{k}_{case.id}_{case.versie}").input(v)
    at = submit(at, f"plan_{case.id}", "Plan van aanpak opslaan")
    dossier = access.case_file(store, team.drugs, drugs.id)
    assert dossier.casus.plan.volledig
    assert (dossier.bronraadplegingen[0].bron, dossier.bronraadplegingen[0].vastgelegd_door) == (
        "Omgevingsloket", "ana.drugs")
    assert "Laatst vastgelegd" in texts(at) and "Omgevingsloket" in texts(at)


def test_linked_objects_link_to_the_map(two_cases):
    drugs, _ = two_cases
    at = run(app("casussen", "ana.drugs", {CASUS_PARAM: drugs.id}))
    links = at.get("page_link")
    kaart = [p.proto for p in links if support.PAND in p.proto.query_string]
    assert kaart and kaart[0].page == ""  # the Kaart page is the app's root
