"""Saved KVK API responses: the real examples in ../shared/fixtures/kvk load or are refused."""

from __future__ import annotations

import json

import pytest

from geo.db import connect
from geo.sqlfiles import run_script
from loaders.errors import InvoerFout
from loaders.kvk import api_json as kvk_json
from loaders.pipeline import prepare_staging
from tests.conftest import shared_file


def staged(path) -> list[dict]:
    """Load saved responses into a scratch database; the rows of kvk_invoer after the SBI
    decision (sbi_codes, sbi_hoofd, sbi_versie are decided there, not in the reader)."""
    con = connect()
    try:
        run_script(con, "schema")
        prepare_staging(con)
        kvk_json.load(con, path, "k")
        cur = con.execute("SELECT * FROM kvk_invoer ORDER BY vestigingsnummer")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


def test_real_vestigingsprofiel_in_plain_links_style():
    (row,) = staged(shared_file("fixtures", "kvk", "vestigingsprofiel_000019061714_meppel.json"))
    assert row["vestigingsnummer"] == "000019061714" and row["kvk_nummer"] == "04005136"
    assert row["naam"] == "Actief B.V." and row["sbi_codes"] == ["6810"]
    assert row["sbi_versie"] == "2008" and row["postcode"] == "7944HT"
    assert row["huisnummer"] == "9" and row["is_hoofdvestiging"] is True
    assert row["sbi_hoofd"] == "6810" and row["sbi_onbekend"] == []


def test_basisprofiel_gives_its_hoofdvestiging_with_bag_id_and_rd_coordinates():
    (row,) = kvk_json.vestigingen_in(shared_file("fixtures", "kvk",
                                                 "kvkconnect_test_input_basisprofiel.json"), "k")
    assert row["bag_id"] == "0402010000000001"
    assert (row["rd_x"], row["rd_y"]) == (121325.0, 485720.0)
    assert row["rechtsvorm"] == "Besloten Vennootschap"


@pytest.mark.parametrize("name", ["zoeken_v2_simple.json", "kvkconnect_test_input_mutatie_abonnement.json"])
def test_responses_without_an_address_are_refused_with_the_reason(name):
    with pytest.raises(InvoerFout, match="geen Vestigingsprofiel of Basisprofiel"):
        kvk_json.vestigingen_in(shared_file("fixtures", "kvk", name), "k")


def test_shielded_address_has_no_location(tmp_path):
    doc = {"vestigingsnummer": "000000000009", "kvkNummer": "12345678",
           "adressen": [{"type": "bezoekadres", "indAfgeschermd": "Ja"}]}
    (tmp_path / "v.json").write_text(json.dumps(doc))
    (row,) = kvk_json.vestigingen_in(tmp_path / "v.json", "k")
    assert row["adres_afgeschermd"] is True and row["bag_id"] is None and row["rd_x"] is None


def test_broken_json_names_the_file(tmp_path):
    (tmp_path / "kapot.json").write_text("{niet af")
    with pytest.raises(InvoerFout, match="bestand kapot.json: geen geldige JSON"):
        kvk_json.vestigingen_in(tmp_path / "kapot.json", "k")


def kvk(name: str):
    return shared_file("fixtures", "kvk", name)


def test_basisprofiel_hoofdvestiging_keeps_the_basisprofiel_sbi_codes():
    (row,) = kvk_json.vestigingen_in(kvk("basisprofiel_68750110.json"), "k")
    assert row["vestigingsnummer"] == "000037178598"
    # codes as delivered; loaders/sbi_versie.py decides the version from the official lists
    assert [(c["waarde"], c["hoofd_rang"]) for c in row["sbi_ruw"]][:1] == [("01241", 1)]


def test_postbus_with_0_0_coordinates_has_no_location_and_is_reported(tmp_path):
    doc = json.loads(kvk("kvkconnect_test_input_vestigingsprofielen.json").read_text())
    doc["adressen"] = [a for a in doc["adressen"] if a["type"] == "correspondentieadres"]
    assert doc["adressen"][0]["geoData"]["rijksdriehoekX"] == 0.0  # KVK's postbus 0/0
    (row,) = kvk_json.vestigingen_in(write_doc(tmp_path, "postbus.json", doc), "k")
    assert [row.get(k) for k in ("postcode", "huisnummer", "rd_x", "bag_id")] == [None] * 4
    assert "postbusadres (Postbus 100 1012AB Amsterdam): geen locatie" in row["_geen_locatie"]


def test_postbus_with_0_0_coordinates_beside_a_bezoekadres_uses_the_bezoekadres():
    (row,) = kvk_json.vestigingen_in(kvk("kvkconnect_test_input_vestigingsprofielen.json"), "k")
    assert row["rd_x"] != 0 and row.get("_geen_locatie") is None


def test_zoeken_answer_loads_its_vestigingen_and_leaves_out_the_rechtspersoon():
    rows = kvk_json.vestigingen_in(kvk("zoeken_v2_multiple_branches.json"), "k")
    assert [(r["vestigingsnummer"], r["is_hoofdvestiging"], r["straat"], r["plaats"], r["rij"])
            for r in rows] == [("000037178598", True, "Hizzaarderlaan", "Lollum", 2),
                               ("000037178601", False, "Brinkerinckbaan", "Diepenveen", 3)]


def write_doc(tmp_path, name: str, doc: dict):
    (tmp_path / name).write_text(json.dumps(doc))
    return tmp_path / name


@pytest.mark.parametrize("field, value, melding", [
    ("vestigingsnummer", "0000371785981", "veld vestigingsnummer: '0000371785981' is te lang"),
    ("vestigingsnummer", "", "veld vestigingsnummer: vestigingsnummer ontbreekt"),
    ("kvkNummer", "6875O110", "veld kvkNummer: '6875O110' is geen KVK-nummer"),
])
def test_bad_identifier_in_an_answer_is_refused_naming_file_and_field(tmp_path, field, value,
                                                                      melding):
    doc = {"vestigingsnummer": "000037178598", "kvkNummer": "68750110", field: value}
    with pytest.raises(InvoerFout, match=f"bestand v.json, {melding}"):
        kvk_json.vestigingen_in(write_doc(tmp_path, "v.json", doc), "k")


@pytest.mark.parametrize("x, y, melding", [
    (4.49, 52.05, "zijn graden, geen RD-coördinaten"),
    (950000.0, 452000.0, "ligt buiten het RD-gebied"),
    ("93680,2", "452510", "zijn geen getallen"),
])
def test_coordinates_in_degrees_outside_rd_or_not_numbers_are_refused(tmp_path, x, y, melding):
    doc = {"vestigingsnummer": "000037178598", "kvkNummer": "68750110",
           "adressen": [{"type": "bezoekadres", "straatnaam": "Markt", "huisnummer": 1,
                         "geoData": {"rijksdriehoekX": x, "rijksdriehoekY": y}}]}
    with pytest.raises(InvoerFout, match=f"veld rijksdriehoekX: .*{melding}"):
        kvk_json.vestigingen_in(write_doc(tmp_path, "v.json", doc), "k")


def test_load_records_skipped_files_postbus_and_not_found_numbers_as_warnings(tmp_path):
    from geo.db import connect
    from geo.sqlfiles import run_script
    from loaders.pipeline import prepare_staging

    doc = json.loads(kvk("kvkconnect_test_input_vestigingsprofielen.json").read_text())
    doc["adressen"] = [a for a in doc["adressen"] if a["type"] == "correspondentieadres"]
    write_doc(tmp_path, "postbus.json", doc)
    write_doc(tmp_path, "leeg.json", {"pagina": 1, "resultaten": []})
    (tmp_path / kvk_json.NIET_GEVONDEN).write_text("000000000077\n")
    con = connect()
    run_script(con, "schema")
    prepare_staging(con)
    assert kvk_json.load(con, [tmp_path], "kvk-api") == 1
    assert con.execute("SELECT bron, soort, sleutel FROM waarschuwing WHERE soort NOT LIKE 'sbi%'"
                       " ORDER BY soort").fetchall() == [
        ("kvk-api", "geen_locatie", "000000000001"),
        ("kvk-api", "niet_gevonden", "000000000077"),
        ("kvk-api", "overgeslagen", "leeg.json")]
    con.close()
