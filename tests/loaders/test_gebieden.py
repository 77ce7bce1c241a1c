"""Areas in any CRS end up in RD New with their CBS codes, names and inhabitants."""

from __future__ import annotations

import json

import pytest

from geo.db import connect
from geo.sqlfiles import run_script
from loaders import gebieden
from loaders.errors import InvoerFout
from tests.conftest import shared_file


@pytest.fixture
def con():
    c = connect()
    run_script(c, "schema")
    yield c
    c.close()


def test_real_cbs_wijken_in_wgs84_are_reprojected_to_rd(con):
    n = gebieden.load(con, shared_file("fixtures", "cbs", "zoetermeer_wijken_2024_wgs84.geojson"),
                      "cbs")
    assert n == 9
    soort, code, x, y = con.execute(
        "SELECT soort, code, ST_X(ST_Centroid(geom)), ST_Y(ST_Centroid(geom)) FROM gebied "
        "ORDER BY code LIMIT 1").fetchone()
    assert soort == "wijk" and code.startswith("WK0637")
    assert 85_000 < x < 100_000 and 445_000 < y < 460_000  # Zoetermeer in RD


def test_bedrijventerrein_in_rd_keeps_its_source_and_name(con, tmp_path):
    doc = {"type": "FeatureCollection",
           "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
           "features": [{"type": "Feature", "properties": {"RIN_NUMMER": 12, "PLAN_NAAM": "Oost"},
                         "geometry": {"type": "Polygon", "coordinates": [[[90_000, 450_000],
                                      [90_100, 450_000], [90_100, 450_100], [90_000, 450_100],
                                      [90_000, 450_000]]]}}]}
    (tmp_path / "bt.geojson").write_text(json.dumps(doc))
    gebieden.load(con, tmp_path / "bt.geojson", "ibis", "bedrijventerrein")
    assert con.execute("SELECT gebied_id, naam, bron, oppervlakte_ha FROM gebied").fetchone() == (
        "bedrijventerrein:ibis:12", "Oost", "ibis", 1.0)


def test_negative_cbs_inhabitants_mean_unknown(con, tmp_path):
    ring = [[5, 52], [5.01, 52], [5.01, 52.01], [5, 52]]
    feature = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]},
               "properties": {"buurtcode": "BU1", "buurtnaam": "X", "aantal_inwoners": -99997}}
    (tmp_path / "b.geojson").write_text(json.dumps({"type": "FeatureCollection",
                                                    "features": [feature]}))
    gebieden.load(con, tmp_path / "b.geojson", "cbs")
    assert con.execute("SELECT inwoners FROM gebied").fetchone() == (None,)


def test_empty_file_is_refused(con, tmp_path):
    (tmp_path / "leeg.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(InvoerFout, match="leeg.geojson"):
        gebieden.load(con, tmp_path / "leeg.geojson", "x", "eigen")
