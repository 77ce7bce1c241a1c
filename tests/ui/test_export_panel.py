"""The export panel on the Kaart page and the KernCluster overview on Casussen (AppTest): files are
made only after "Maak …", come out as real PNG/PDF, and every export and every privacy switch-off
is in the audit log."""

from __future__ import annotations

from tests.ui import test_cases_support as support
from tests.ui.test_cases_support import app, audit_lines, new_case, run
from ui.components import export_panel
from ui.components.cases import kerncluster as kerncluster_panel

case_env, store, team = support.case_env, support.store, support.team


def _exports(store) -> list[dict]:
    return [r for r in audit_lines(store) if r["actie"] == "export"]


def test_nothing_is_made_until_asked_then_png_and_pdf(team, store):
    at = run(app(user="coord"))
    assert at.button(key="export_maak_pdf")
    assert not at.get("download_button") or all(
        "export_download" not in str(d.proto.id) for d in at.get("download_button"))
    assert at.text_input(key=export_panel.K_TITEL).value.startswith("Kaartbeeld ")
    assert at.toggle(key=export_panel.K_PRIVACY).value is True
    voor = len(_exports(store))

    at.button(key="export_maak_pdf").click()
    run(at)
    bestanden = at.session_state[export_panel.BESTANDEN]
    assert bestanden["pdf"].startswith(b"%PDF")
    assert bestanden["png"].startswith(b"\x89PNG")
    assert at.get("download_button")
    regels = _exports(store)[voor:]
    assert len(regels) == 1 and "kaart PDF" in regels[0]["details"]
    assert '"privacy":"aan"' in regels[0]["details"]
    assert regels[0]["gebruiker"] == "coord"


def test_turning_privacy_off_warns_and_is_logged(team, store):
    at = run(app(user="coord"))
    voor = len(_exports(store))
    at.toggle(key=export_panel.K_PRIVACY).set_value(False)
    run(at)
    assert any("namen en adressen" in w.value for w in at.warning)
    regels = _exports(store)[voor:]
    assert regels and "privacy uit" in regels[-1]["details"]


def test_kerncluster_pdf_for_one_case(team, store):
    case = new_case(store, team.drugs, "drugs", "Hennepkwekerij Dorpsstraat")
    at = run(app("casussen", "coord"))
    assert at.multiselect(key=kerncluster_panel.K_KEUZE).options
    at.multiselect(key=kerncluster_panel.K_KEUZE).set_value([case.id])
    run(at)
    voor = len(_exports(store))
    at.button(key="kc_maak_pdf").click()
    run(at)
    sleutel, pdf = at.session_state[kerncluster_panel.PDF]
    assert pdf.startswith(b"%PDF")
    regels = _exports(store)[voor:]
    assert regels and case.casusnummer in regels[-1]["details"]
