"""The Beheer page through the real app.py: user management for the beheerder only, the audit log
with its chain check for the coördinator, retention that runs when the app starts."""

from __future__ import annotations

import json
from datetime import date

import cases.retention
from cases import access, accounts, retention, workflow
from cases.model import Status
from cases.store import open_store
from tests.ui import test_cases_support as support
from tests.ui.test_cases_support import (
    KEY,
    PASSWORD,
    app,
    audit_lines,
    in_informatie,
    new_case,
    plain,
    run,
    texts,
)
from ui.components.cases import audit as case_audit
from ui.pages import beheer

case_env, store, team = support.case_env, support.store, support.team


def submit(at, form: str, label: str):
    at.button(key=f"FormSubmitter:{form}-{label}").click()
    return run(at)


def tabs(at) -> list[str]:
    return [t.label for t in at.tabs]


def test_only_beheerder_and_coordinator_have_a_beheer_page(team):
    for naam in ("ana.drugs", "kern"):
        at = run(app("beheer", naam))
        assert [i.value for i in at.info] == [beheer.GEEN_TOEGANG] and not at.tabs
    common = ["Bewaartermijn en vernietiging", "Teamcontact"]
    assert tabs(run(app("beheer", "beheer"))) == ["Gebruikers", "Sessies", "Kaartrechten", *common]
    assert tabs(run(app("beheer", "coord"))) == ["Auditlog", *common]


def test_the_beheerder_creates_a_user_who_can_then_log_in(team, store):
    at = run(app("beheer", "beheer"))
    at.text_input(key="nieuw_naam").input("j.jansen")
    at.text_input(key="nieuw_weergavenaam").input("Jan Jansen")
    at.text_input(key="nieuw_email").input("J.Jansen@gemeente.example")
    at.multiselect(key="nieuw_rollen").set_value(["analist"])
    at.multiselect(key="nieuw_datarollen").set_value(["prostitutie"])
    at.text_input(key="nieuw_wachtwoord").input("een-lang-wachtwoord")
    at = submit(at, "gebruiker_nieuw", "Gebruiker aanmaken")
    assert "j.jansen aangemaakt" in plain(at.success[0].value)
    user = accounts.get_user(store, "j.jansen")
    assert {r.value for r in user.rollen} == {"analist"}
    assert {t.value for t in user.datarollen} == {"prostitutie"}
    assert user.email == "j.jansen@gemeente.example"
    last = audit_lines(store)[-1]
    assert last["actie"] == "gebruikersbeheer" and last["gebruiker"] == "beheer"
    assert "Jan Jansen" in texts(at)
    assert accounts.verify_password(store, "j.jansen", "een-lang-wachtwoord").gebruikersnaam == "j.jansen"


def test_a_short_password_is_refused_in_dutch(team):
    at = run(app("beheer", "beheer"))
    at.text_input(key="nieuw_naam").input("kort")
    at.text_input(key="nieuw_weergavenaam").input("Kort")
    at.multiselect(key="nieuw_rollen").set_value(["analist"])
    at.text_input(key="nieuw_wachtwoord").input("kort")
    at = submit(at, "gebruiker_nieuw", "Gebruiker aanmaken")
    assert "minstens 12 tekens" in plain(at.error[0].value)


def test_the_beheerder_changes_datarollen_disables_and_resets_a_password(team, store):
    at = run(app("beheer", "beheer"))
    at.selectbox(key="wijzig_wie").set_value("ana.drugs")
    run(at)
    at.multiselect(key="wijzig_ana.drugs_datarollen").set_value(["drugs", "vastgoed"])
    at = submit(at, "form_wijzig_ana.drugs", "Wijzigingen opslaan")
    assert {t.value for t in accounts.get_user(store, "ana.drugs").datarollen} == {"drugs", "vastgoed"}
    at.text_input(key="ww_ana.drugs_1").input("nieuw-wachtwoord-2026")
    at.text_input(key="ww_ana.drugs_2").input("nieuw-wachtwoord-2026")
    at = submit(at, "form_ww_ana.drugs", "Wachtwoord instellen")
    assert accounts.verify_password(store, "ana.drugs", "nieuw-wachtwoord-2026")
    at.button(key="uit_ana.drugs").click()
    run(at)
    assert not accounts.get_user(store, "ana.drugs").actief


def test_the_coordinator_sees_the_audit_log_and_an_intact_chain(team, store):
    at = run(app("beheer", "coord"))
    assert "Keten intact." in plain(at.success[0].value)
    assert "Gebruikersbeheer" in texts(at)  # the log itself, newest first, in Dutch


def test_a_tampered_audit_line_is_named(team, store):
    lines = store.audit.path.read_text().splitlines(keepends=True)
    entry = json.loads(lines[1])
    entry["data"] = json.loads(lines[2])["data"]  # another line's genuine ciphertext
    lines[1] = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    store.audit.path.write_text("".join(lines))
    at = run(app("beheer", "coord"))
    errors = [plain(e.value) for e in at.error]
    assert any("Keten verbroken bij regel 2." in e for e in errors)
    assert any("Het auditlog is niet in orde." in e for e in errors)  # the banner, on every page
    assert "ONLEESBARE REGEL" in texts(at)  # the bad line is named, its content cannot be trusted


def test_the_audit_export_carries_the_check_and_is_itself_logged(team, store):
    csv = case_audit.exporter(store, team.coordinator)().decode("utf-8-sig").splitlines()
    assert csv[0].startswith("Regel;Tijd;Gebruiker;Actie")
    assert "keten intact" in csv[1]
    assert audit_lines(store)[-1]["actie"] == "audit_export"


def test_the_bewaartermijn_is_set_on_the_beheer_page(team, store):
    at = run(app("beheer", "coord"))
    assert "Bewaartermijn nu: 2 jaar" in texts(at)
    at.number_input(key="bewaartermijn_jaren").set_value(5)
    at = submit(at, "bewaartermijn", "Bewaartermijn opslaan")
    assert retention.bewaartermijn(store) == 5
    assert "Bewaartermijn nu: 5 jaar" in texts(at)


def test_retention_runs_when_the_app_starts_and_the_coordinator_sees_the_record(case_env, monkeypatch):
    with open_store(case_env / "cases.duckdb", KEY) as s:
        coord = accounts.register_user(s, "test", "coord", "Cor", ["coordinator"], ["drugs"],
                                       wachtwoord=PASSWORD)
        case = in_informatie(s, coord, new_case(s, coord, "drugs", "Oude casus"))
        case = workflow.transition(s, coord, case.id, case.versie, "afronden", besluit="Klaar")
        case = workflow.transition(s, coord, case.id, case.versie, "administratief_afronden")
    assert case.status is Status.ARCHIEF

    class Later(date):
        @classmethod
        def today(cls):
            return case.vernietigen_op

    monkeypatch.setattr(cases.retention, "date", Later)
    at = run(app("beheer", "coord"))  # the first run opens the store: cases.open_for_app
    assert case.casusnummer in texts(at)
    assert "systeem (start app)" in texts(at)
    frames = [df.value for df in at.dataframe]
    [record] = [f for f in frames if "Grond" in f.columns]
    assert list(record.columns) == ["Casusnummer", "Vernietigd op", "Door", "Grond"]
    assert list(record["Grond"]) == [f"bewaartermijn van 2 jaar na afronding op {case.einddatum:%d-%m-%Y} "
                                     "verstreken"]
    [audit] = [f for f in frames if "Actie" in f.columns]
    # the store keeps no internal id of the destroyed case: the log's own line names it
    assert set(audit[audit["Actie"] == "Vernietiging"]["Casus"]) == {case.casusnummer}
    assert set(audit["Casus"]) <= {case.casusnummer, ""}
    store = support.cases_data.store()
    assert access.list_cases(store, coord) == []


def test_in_demo_mode_beheer_shows_the_fictional_team_instead_of_a_lock(demo_data_dir, tmp_path, monkeypatch):
    from tests.ui.test_cases_support import link_demo_snapshot
    from ui.components import demo_beheer


    data = tmp_path / "demo-data"
    link_demo_snapshot(demo_data_dir, data)
    monkeypatch.setenv("ZICHT_DATA_DIR", str(data))
    monkeypatch.setenv("ZICHT_MODE", "demo")
    monkeypatch.delenv("ZICHT_CASES_KEY", raising=False)
    at = run(app("beheer"))
    shown = texts(at)
    assert beheer.GEEN_TOEGANG not in shown and "Demomodus: zo ziet Beheer eruit" in shown
    team = at.dataframe[0].value
    assert set(team["Naam"]) == {naam for _, naam, _, _ in demo_beheer.TEAM}
    assert "beheerder" in set(team["Rollen"]) and not at.get("text_input")
    voorbeeld = at.dataframe[1].value  # the demo's example map rights per datarol, read-only
    rij = voorbeeld[voorbeeld["Datarol"] == "Bedrijventerreinen"].iloc[0]
    assert "Automotive" in rij["Branchegroepen"] and rij["Kaartlagen"] == "RDW-erkende bedrijven"
    assert "Kaartrechten per datarol (voorbeeld; staat uit)" in texts(at)
