"""The KernCluster overview PDF: a cover, a page per case, and the privacy switch."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from exports.kerncluster_pdf import dossier_to_dict, linked_objects, overview_pdf
from exports.mapshot.render import SnapshotOptions


@pytest.fixture(scope="module")
def case(planted, con) -> dict:
    spot = planted["veel_inschrijvingen"]
    nummers = spot["vestigingsnummers"][:3]
    names = [r[0] for r in con.execute("SELECT naam FROM vestiging WHERE list_contains(?, vestigingsnummer)",
                                       [nummers]).fetchall()]
    return {
        "casusnummer": "BT-2026-0007", "titel": "Verzamelpand met postadressen",
        "thema": "Bedrijventerreinen", "status": "Fase 3: uitvoering (interventies)", "fase": 3,
        "hypothese": "Het pand dient als postadres voor bv's zonder werkelijke activiteit.",
        "interventies": [{"datum": date(2026, 9, 3), "soort": "Integrale controle",
                          "partij": "Gemeente en politie", "omschrijving": "Controle ter plaatse",
                          "resultaat": "Twaalf bedrijven niet aanwezig"}],
        "volgende_stappen": ["Gesprek met de eigenaar van het pand"],
        "koppelingen": [{"object_type": "pand", "object_id": spot["pand_id"]},
                        {"object_type": "adres", "object_id": spot["verblijfsobject_id"]}]
                       + [{"object_type": "vestiging", "object_id": n} for n in nummers],
        "_names": names, "_street": spot["adres"].split(" ")[0],
    }


def pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_a_cover_and_one_page_per_case(con, case):
    second = {"casusnummer": "PR-2026-0002", "titel": "Zonder objecten", "fase": 1}
    text = pages(overview_pdf([case, second], con, SnapshotOptions(title="KernCluster 12-11-2026")))
    assert len(text) == 3
    assert "KernCluster 12-11-2026" in text[0] and "BT-2026-0007" in text[0] and "PR-2026-0002" in text[0]
    assert "BT-2026-0007 · Verzamelpand met postadressen" in text[1]
    assert "Geen gekoppelde objecten met een locatie" in text[2]
    assert all("uitsluitend voor deelnemers KernCluster Ondermijning" in t for t in text)
    assert all("Bronnen en peildata" in t and "Demostad is fictief" in t for t in text)


def test_case_page_has_phase_hypothesis_interventions_and_next_steps(con, case):
    page = pages(overview_pdf([case], con))[1]
    for expected in ("Fase 3: uitvoering (interventies)", "postadres voor bv's",
                     "03-09-2026 · Integrale controle · Gemeente en politie: Controle ter plaatse",
                     "Twaalf bedrijven niet aanwezig", "Gesprek met de eigenaar van het pand"):
        assert expected in page, expected


def test_privacy_on_leaves_out_names_addresses_and_ids_of_linked_objects(con, case):
    page = pages(overview_pdf([case], con, SnapshotOptions(privacy=True)))[1]
    assert "1 adres, 1 pand, 3 vestigingen" in page
    assert case["_street"] not in page
    assert not any(name in page for name in case["_names"])
    assert case["koppelingen"][0]["object_id"] not in page


def test_privacy_off_lists_the_linked_objects_by_name(con, case):
    page = pages(overview_pdf([case], con, SnapshotOptions(privacy=False)))[1]
    assert case["_street"] in page
    assert all(name[:40] in page for name in case["_names"])


def test_linked_objects_come_with_their_geometry(con, case):
    found = linked_objects(con, case["koppelingen"])
    assert {o["object_type"] for o in found} == {"pand", "adres", "vestiging"}
    assert all(o["geom"] is not None for o in found)
    assert linked_objects(con, [{"object_type": "overige", "object_id": "Melding"}]) == []


def test_dossier_from_the_case_register_becomes_the_dict():
    from cases import model as m

    now = datetime(2026, 11, 1, 10, 0)
    casus = m.Casus(id="c1", casusnummer="PR-2026-0001", thema=m.Thema.PROSTITUTIE,
                    status=m.Status.INFORMATIE, versie=3, titel="Massagesalon", bron=m.SignaalBron.MELDPUNT,
                    signaal_datum=date(2026, 10, 1), omschrijving="…", eigenaar="analist",
                    aangemaakt_op=now, aangemaakt_door="analist", gewijzigd_op=now, gewijzigd_door="analist",
                    plan=m.PlanVanAanpak(hypothese="H", doel="D", strategie="S", interventieplan="I"))
    pand = "0599100000000001"
    dossier = m.Dossier(casus, [m.Koppeling("k1", "c1", m.ObjectType.PAND, pand, None, None, now, "a")],
                        [], [], [m.Interventie("i1", "c1", "Controle", "O", "Politie", date(2026, 10, 2),
                                               None, now, "a")], [])
    d = dossier_to_dict(dossier)
    assert d["casusnummer"] == "PR-2026-0001" and d["fase"] == 2 and d["hypothese"] == "H"
    assert d["status"] == m.Status.INFORMATIE.label and d["thema"] == m.Thema.PROSTITUTIE.label
    assert d["koppelingen"] == [{"object_type": "pand", "object_id": pand, "omschrijving": None}]
    assert d["interventies"][0]["partij"] == "Politie"
