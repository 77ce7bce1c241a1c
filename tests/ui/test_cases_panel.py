"""The case part of the map's object card (ui.components.cases.panel) and the hit/no-hit question:
linked cases only within the user's themes, linking with the buurtcode, and for a missing theme
only yes/no and whom to contact."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from cases import access, workflow
from tests.ui import test_cases_support as support
from tests.ui.test_cases_support import BUURT, PAND, audit_lines, new_case, plain, run, texts
from ui import cases_data
from ui.components.cases import hit as case_hit
from ui.components.cases import panel as case_panel

case_env, store, team, two_cases = support.case_env, support.store, support.team, support.two_cases
KVK = "12345678"


def panel_script(object_type: str, object_id: str, buurtcode: str, related: list) -> None:
    from ui import auth
    from ui.components.cases import panel as case_panel

    auth.gate()
    case_panel.render(object_type, object_id, buurtcode, related=related)


def panel(user: str, object_type: str = "pand", object_id: str = PAND, related: list = ()) -> AppTest:
    at = AppTest.from_function(panel_script, args=(object_type, object_id, BUURT, list(related)),
                               default_timeout=60)
    at.session_state[cases_data.SESSION_USER] = user
    return run(at)


def linked_labels(at: AppTest) -> list[str]:
    return [plain(p.proto.label) for p in at.get("page_link")]


def test_the_card_lists_only_linked_cases_the_user_may_see(two_cases):
    drugs, vastgoed = two_cases
    labels = linked_labels(panel("ana.drugs"))
    assert len(labels) == 1 and drugs.casusnummer in labels[0]
    assert not any(vastgoed.casusnummer in label for label in labels)
    assert vastgoed.titel not in texts(panel("ana.drugs"))
    assert len(linked_labels(panel("coord"))) == 2


def test_a_missing_theme_gets_only_yes_or_no_and_whom_to_contact(two_cases, store, team):
    _, vastgoed = two_cases
    access.set_team_contact(store, team.coordinator, "Cor Coördinator, 079 123 45 67")
    at = panel("ana.drugs")
    at.button(key=f"treffer_pand_{PAND}").click()
    shown = texts(run(at))
    assert "Ja." in shown and "079 123 45 67" in shown
    assert vastgoed.casusnummer not in shown and vastgoed.titel not in shown and "astgoed" not in shown
    assert audit_lines(store)[-1]["actie"] == "hit_no_hit"


def test_a_user_with_every_theme_gets_no_hit_question(two_cases):
    assert f"treffer_pand_{PAND}" not in support.buttons(panel("coord"))


def test_a_beheerder_without_datarollen_sees_no_case_only_the_question(two_cases):
    drugs, vastgoed = two_cases
    at = panel("beheer")
    assert linked_labels(at) == []
    assert f"treffer_pand_{PAND}" in support.buttons(at)
    at.button(key=f"treffer_pand_{PAND}").click()
    shown = texts(run(at))
    assert "Ja." in shown and drugs.titel not in shown and vastgoed.titel not in shown


def test_an_unlinked_object_answers_no(team):
    at = panel("ana.drugs", "vestiging", "000012345678")
    assert case_panel.GEEN_KOPPELING in texts(at)
    at.button(key="treffer_vestiging_000012345678").click()
    assert "Nee." in texts(run(at))


def test_link_from_the_card_with_buurtcode_feeds_the_counts_per_buurt(store, team):
    case = new_case(store, team.drugs, "drugs", "Nieuw vanaf de kaart")
    assert cases_data.signal_counts_per_buurt() == {}
    at = panel("ana.drugs", "adres", "0637010000000001")
    key = "adres_0637010000000001"
    at.selectbox(key=f"koppel_casus_{key}").set_value(case.id)
    at.text_input(key=f"koppel_omschrijving_{key}").input("Woning achter de loods")
    at.button(key=f"FormSubmitter:koppel_{key}-Koppelen").click()
    run(at)
    assert case.casusnummer in plain(at.success[0].value)
    links = access.case_file(store, team.drugs, case.id).koppelingen
    assert [(k.object_type.value, k.buurtcode) for k in links] == [("adres", BUURT)]
    assert cases_data.signal_counts_per_buurt() == {BUURT: 1}
    assert cases_data.signal_counts_per_buurt("vastgoed") == {}
    assert case.casusnummer in " ".join(linked_labels(at))


def test_a_kernteamlid_cannot_link(two_cases):
    at = panel("kern")
    assert not [b for b in support.buttons(at) if b.startswith("FormSubmitter:koppel_")]


def test_hit_question_on_the_casussen_page_resolves_an_address(two_cases, store, team, demo_data_dir):
    from geo import db, snapshots

    con = db.connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    vbo, postcode, nummer = con.execute(
        "SELECT identificatie, postcode, huisnummer FROM verblijfsobject WHERE postcode IS NOT NULL "
        "AND huisletter IS NULL AND toevoeging IS NULL ORDER BY identificatie LIMIT 1").fetchone()
    con.close()
    _, vastgoed = two_cases
    workflow.link_object(store, team.vastgoed, vastgoed.id, vastgoed.versie, "adres", vbo)
    at = run(support.app("casussen", "ana.drugs"))
    at.text_input(key="treffer_tekst_pagina").input(f"{postcode} {nummer}")
    at.button(key="FormSubmitter:treffer_pagina-Controleren").click()
    shown = texts(run(at))
    assert "Ja." in shown and vastgoed.casusnummer not in shown
    at.text_input(key="treffer_tekst_pagina").input(KVK)
    at.button(key="FormSubmitter:treffer_pagina-Controleren").click()
    assert "Nee." in texts(run(at))
    at.text_input(key="treffer_tekst_pagina").input("Geen Bedrijf Met Deze Naam Xq")
    at.button(key="FormSubmitter:treffer_pagina-Controleren").click()
    assert case_hit.GEEN_NAAM in texts(run(at))
    kinds = [r["actie"] for r in audit_lines(store)]
    assert kinds.count("hit_no_hit") == 2


def test_cases_of_the_addresses_in_a_pand_show_on_the_pand_card(store, team):
    adres = "0637010000000002"
    case = new_case(store, team.vastgoed, "vastgoed", "Woning met stroman")
    workflow.link_object(store, team.vastgoed, case.id, case.versie, "adres", adres)
    at = panel("ana.vastgoed", related=[("adres", adres), ("vestiging", "000012345678")])
    assert case.casusnummer in " ".join(linked_labels(at))
    assert f"via adres {adres}" in texts(at)
    other = panel("ana.drugs", related=[("adres", adres)])
    assert linked_labels(other) == []
    other.button(key=f"treffer_pand_{PAND}").click()
    assert "Ja." in texts(run(other))  # the question covers the addresses on the card
    assert panel("ana.drugs").button(key=f"treffer_pand_{PAND}").click().run().warning == []
