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


def test_cbs_buurten_with_statcode_and_statnaam_are_buurten_with_names(con):
    path = shared_file("fixtures", "cbs", "zoetermeer_buurten_2014_q1e3_wgs84.geojson")
    assert gebieden.load(con, path, "cbs2014") == 26
    rows = con.execute("SELECT soort, code, naam FROM gebied ORDER BY code").fetchall()
    assert {r[0] for r in rows} == {"buurt"}
    assert ("buurt", "BU06370907", "Van Tuyllpark") in rows


def test_pc4_file_is_recognised_with_postcode_and_inwoners(con):
    path = shared_file("fixtures", "cbs", "zoetermeer_pc4_2020_rd.geojson")
    assert gebieden.load(con, path, "pc4") == 17
    assert con.execute("SELECT soort, code, naam, inwoners FROM gebied WHERE code = '2711'"
                       ).fetchone() == ("postcode", "2711", "Postcode 2711", 4710)


def feature_collection(tmp_path, coordinates, name="gebied.geojson"):
    ring = [list(c) for c in coordinates] + [list(coordinates[0])]
    doc = {"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"code": "A", "naam": "Aandachtsgebied"},
        "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    (tmp_path / name).write_text(json.dumps(doc))
    return tmp_path / name


def test_geojson_without_crs_holding_rd_metres_is_refused(con, tmp_path):
    path = feature_collection(tmp_path, [(93000, 452000), (94000, 452000), (94000, 453000)])
    with pytest.raises(InvoerFout) as info:
        gebieden.load(con, path, "eigen", "eigen")
    assert str(info.value) == (
        "bestand gebied.geojson, veld crs: het bestand noemt geen coördinatenstelsel (dus WGS84), "
        "maar de coördinaten zijn RD-meters (x 93000–94000); zet het CRS (EPSG:28992) in het "
        "bestand")
    assert con.execute("SELECT count(*) FROM gebied").fetchone() == (0,)


def test_geojson_with_latitude_and_longitude_swapped_is_refused(con, tmp_path):
    path = feature_collection(tmp_path, [(52.05, 4.49), (52.06, 4.49), (52.06, 4.50)])
    with pytest.raises(InvoerFout, match="veld crs: .*lengte- en breedtegraad zijn verwisseld"):
        gebieden.load(con, path, "eigen", "eigen")


def test_geojson_in_proper_wgs84_is_accepted(con, tmp_path):
    path = feature_collection(tmp_path, [(4.49, 52.05), (4.50, 52.05), (4.50, 52.06)])
    assert gebieden.load(con, path, "eigen", "eigen") == 1
