"""A source's peildatum is what the file states, or what the user gives; never today's date."""

from __future__ import annotations

import pytest

from loaders import peildatum
from loaders.errors import InvoerFout
from tests.conftest import shared_file


@pytest.mark.parametrize("name, expected, where", [
    ("gemeenten_2024_wgs84.geojson", "2024-01-01", "CBS-jaar 2024 in de metadata"),
    ("zoetermeer_wijken_2024_wgs84.geojson", "2024-01-01", "CBS-jaar 2024 in de naam van de laag"),
    ("zoetermeer_pc4_2020_rd.geojson", "2020-01-01", "CBS-jaar 2020 in de bestandsnaam"),
    ("zoetermeer_buurten_2014_q1e3_wgs84.geojson", "2014-01-01", "CBS-jaar 2014 in de bestandsnaam"),
])
def test_cbs_file_states_its_year(name, expected, where):
    assert peildatum.uit_bestand("gebieden", shared_file("fixtures", "cbs", name)) == (expected, where)


def test_lvbag_extract_states_its_standtechnische_datum():
    extract = shared_file("fixtures", "bag", "BAGNLDL-15092020-small.zip")
    assert peildatum.uit_bestand("bag-xml", extract) == (
        "2020-09-15", "StandTechnischeDatum in het Leveringsdocument")


def test_kvk_selection_with_one_export_date_states_it(tmp_path):
    path = tmp_path / "selectie.csv"
    path.write_text("KVK_Vestigingsnummer;Exportdatum\n000000000001;01-11-2026\n"
                    "000000000002;01-11-2026\n", encoding="utf-8")
    assert peildatum.uit_bestand("kvk-file", path) == ("2026-11-01", "kolom exportdatum")


def test_kvk_selection_with_several_export_dates_states_none(tmp_path):
    path = tmp_path / "selectie.csv"
    path.write_text("KVK_Vestigingsnummer;Exportdatum\n000000000001;01-11-2026\n"
                    "000000000002;02-11-2026\n", encoding="utf-8")
    assert peildatum.uit_bestand("kvk-file", path) is None


def test_an_area_file_that_is_not_from_cbs_gets_no_year_from_its_name(tmp_path):
    path = tmp_path / "terreinen_2023.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties":'
                    ' {"naam": "Oost"}, "geometry": {"type": "Point", "coordinates": [4.5, 52]}}]}')
    assert peildatum.uit_bestand("gebieden", path) is None


def test_without_a_stated_or_given_date_the_load_is_refused(tmp_path):
    path = tmp_path / "v.json"
    path.write_text("{}")
    with pytest.raises(InvoerFout) as info:
        peildatum.bepaal("kvk-json", [path], None)
    assert str(info.value).startswith("bestand v.json, veld peildatum: de peildatum")


def test_given_date_wins_over_the_stated_one_and_is_checked():
    extract = shared_file("fixtures", "bag", "BAGNLDL-15092020-small.zip")
    assert peildatum.bepaal("bag-xml", [extract], "2020-10-01") == (
        "2020-10-01", "StandTechnischeDatum in het Leveringsdocument")
    with pytest.raises(InvoerFout, match="'1-10-2020' is geen datum"):
        peildatum.bepaal("bag-xml", [extract], "1-10-2020")
