"""Axis order is decided in geo/crs.py and checked against a known point (FORMATS.md)."""

import pytest

from geo.crs import lonlat_to_rd, rd_to_latlon, sql_to_rd, sql_to_wgs84
from geo.db import connect

ZOETERMEER_STATION = {"lat": 52.0575, "lon": 4.4931, "x": 93_680, "y": 452_510}


def test_pyproj_puts_zoetermeer_station_at_its_rd_coordinates():
    x, y = lonlat_to_rd(ZOETERMEER_STATION["lon"], ZOETERMEER_STATION["lat"])
    assert x == pytest.approx(ZOETERMEER_STATION["x"], abs=2)
    assert y == pytest.approx(ZOETERMEER_STATION["y"], abs=2)


def test_duckdb_transform_agrees_with_pyproj_in_both_directions():
    con = connect()
    x, y = con.execute(f"SELECT ST_X(g), ST_Y(g) FROM (SELECT {sql_to_rd('ST_Point(?, ?)')} g)",
                       [ZOETERMEER_STATION["lon"], ZOETERMEER_STATION["lat"]]).fetchone()
    assert (x, y) == (pytest.approx(93_680, abs=2), pytest.approx(452_510, abs=2))
    lon, lat = con.execute(f"SELECT ST_X(g), ST_Y(g) FROM (SELECT {sql_to_wgs84('ST_Point(?, ?)')} g)",
                           [x, y]).fetchone()
    assert (lat, lon) == (pytest.approx(52.0575, abs=1e-5), pytest.approx(4.4931, abs=1e-5))


def test_leaflet_order_is_lat_then_lon():
    lat, lon = rd_to_latlon(93_680, 452_510)
    assert 52 < lat < 53 and 4 < lon < 5


def test_every_connection_has_axis_safe_macros():
    con = connect()
    lon, lat = con.execute("SELECT ST_X(g), ST_Y(g) FROM (SELECT to_wgs84(ST_Point(93680, 452510)) g)"
                           ).fetchone()
    assert (lat, lon) == (pytest.approx(52.0575, abs=1e-4), pytest.approx(4.4931, abs=1e-4))
    x, _ = con.execute("SELECT ST_X(g), ST_Y(g) FROM (SELECT to_rd(ST_Point(4.4931, 52.0575)) g)"
                       ).fetchone()
    assert x == pytest.approx(93_680, abs=2)
