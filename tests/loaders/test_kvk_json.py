"""Saved KVK API responses: the real examples in ../shared/fixtures/kvk load or are refused."""

from __future__ import annotations

import json

import pytest

from loaders import kvk_json
from loaders.errors import InvoerFout
from tests.conftest import shared_file


def test_real_vestigingsprofiel_in_plain_links_style():
    (row,) = kvk_json.vestigingen_in(shared_file("fixtures", "kvk",
                                                 "vestigingsprofiel_000019061714_meppel.json"), "k")
    assert row["vestigingsnummer"] == "000019061714" and row["kvk_nummer"] == "04005136"
    assert row["naam"] == "Actief B.V." and row["sbi_codes"] == ["6810"]
    assert row["sbi_versie"] == "2008" and row["postcode"] == "7944HT"
    assert row["huisnummer"] == "9" and row["is_hoofdvestiging"] is True


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
