"""The municipality's name and code come from its gemeentecode and the CBS list (data/), not from
whatever areas were loaded; a national gemeenten file keeps only the municipality's own polygon."""

from __future__ import annotations

import pytest

from loaders.errors import InvoerFout
from loaders.gemeente import bronhouder_code, gemeentecode, gemeentenaam
from loaders.sources import read_register
from tests.conftest import shared_file
from tests.loaders.test_kvk_cli import status_json
from tests.loaders.test_pipeline import query, zicht


@pytest.mark.parametrize("code, op, naam", [
    ("0637", None, "Zoetermeer"), ("GM0221", None, "Doesburg"), ("9999", None, None),
    ("0003", "2020-06-01", "Appingedam"),
])
def test_gemeente_name_comes_from_the_shipped_cbs_list(code, op, naam):
    assert gemeentenaam(code, op) == naam


def test_national_gemeenten_file_keeps_the_own_polygon_and_the_cbs_name(tmp_path):
    extract = shared_file("fixtures", "bag", "BAGNLDL-15092020-small.zip")
    gemeenten = shared_file("fixtures", "cbs", "gemeenten_2024_wgs84.geojson")
    for args in (("load", "bag-xml", str(extract), "--gemeente", "0221"),
                 ("load", "gebieden", str(gemeenten), "--naam", "cbs-nl"), ("build",)):
        result = zicht(tmp_path, *args)
        assert result.returncode == 0, result.stderr
    report = status_json(tmp_path)
    assert report["snapshot"]["gemeentenaam"] == "Doesburg"
    assert report["snapshot"]["gemeentecode"] == "0221"
    assert {b["bron"]: b["peildatum"] for b in report["bronnen"]} == {
        "bag-xml": "2020-09-15", "cbs-nl": "2024-01-01"}  # both as the files state them
    assert query(tmp_path, "SELECT code, naam FROM gebied WHERE soort = 'gemeente'") == [
        ("GM0221", "Doesburg")]
    # 8 real CBS 2024 gemeenten have slivers the area guard repairs (and reports) while reading
    assert report["waarschuwingen"]["cbs-nl"] == {"andere_gemeente": 1, "geometrie_hersteld": 8}


@pytest.mark.parametrize("given, code", [("GM0637", "0637"), (" 637 ", "0637"), ("gm0221", "0221")])
def test_a_gemeentecode_is_normalised_where_it_enters(given, code):
    assert gemeentecode(given) == code
    assert bronhouder_code(637) == "0637" and bronhouder_code("") is None


def test_a_bad_gemeentecode_is_refused_in_dutch():
    with pytest.raises(InvoerFout, match="geen gemeentecode"):
        gemeentecode("Zoetermeer")


def test_the_registry_stores_the_gemeente_as_normalised_on_registration(tmp_path):
    extract = shared_file("fixtures", "bag", "BAGNLDL-15092020-small.zip")
    result = zicht(tmp_path, "load", "bag-xml", str(extract), "--gemeente", "GM221")
    assert result.returncode == 0, result.stderr
    assert [b.opties.get("gemeente") for b in read_register(tmp_path)] == ["0221"]
