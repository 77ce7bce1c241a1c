"""Saved KVK API responses: the real examples in ../shared/fixtures/kvk load or are refused."""

from __future__ import annotations

import json

import pytest

from geo.db import connect
from geo.sqlfiles import run_script
from loaders import kvk_json
from loaders.errors import InvoerFout
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
