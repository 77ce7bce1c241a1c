"""Linked objects are named, not numbered: the case page, the audit view and the KernCluster PDF
show a pand by its address, a vestiging by its name and the case by its casusnummer; audit
details read as 'veld: waarde', not JSON. Real app (AppTest), real store, demo snapshot."""

from __future__ import annotations

import pytest

from cases import workflow
from geo import objectnamen
from tests.ui import test_cases_support as support
from tests.ui.test_cases_support import app, new_case, run, texts
from ui.components.cases.links import CASUS_PARAM

case_env, store, team = support.case_env, support.store, support.team


@pytest.fixture(scope="module")
def place(demo_con) -> dict:
    row = demo_con.execute("""
        SELECT a.pand_identificatie, a.openbare_ruimte || ' ' || a.huisnummer, v.vestigingsnummer, v.naam
        FROM vestiging v JOIN verblijfsobject a ON a.identificatie = v.verblijfsobject_id
        WHERE a.huisletter IS NULL AND a.toevoeging IS NULL AND NOT v.adres_afgeschermd
        ORDER BY v.vestigingsnummer LIMIT 1""").fetchone()
    return dict(zip(("pand", "adres", "vestiging", "naam"), row, strict=True))


def test_a_linked_pand_is_named_by_its_address_everywhere(store, team, place, demo_con):
    case = new_case(store, team.coordinator, "drugs", "Loods met wietlucht")
    for kind in ("pand", "vestiging"):
        case = workflow.link_object(store, team.coordinator, case.id, case.versie, kind, place[kind])
    shown = texts(run(app("casussen", "coord", {CASUS_PARAM: case.id})))
    assert place["adres"] in shown and place["naam"] in shown
    labels = objectnamen.labels(demo_con, [("pand", place["pand"])])
    assert labels[("pand", place["pand"])].startswith(place["adres"])
    assert not labels[("pand", place["pand"])].startswith("Pand")

    audit = run(app("beheer", "coord"))
    table = audit.dataframe[0].value
    lines = table[table["Casus"] == case.casusnummer]
    assert not lines.empty, "the audit view names the case by its casusnummer"
    assert not table["Casus"].str.fullmatch(r"[0-9a-f-]{36}").any()
    koppel = lines[lines["Object"].str.contains(place["pand"])]
    assert koppel["Object"].str.contains(place["adres"]).all()
    assert koppel["Object"].str.startswith("Pand").all()
    assert not table["Details"].str.startswith("{").any()
