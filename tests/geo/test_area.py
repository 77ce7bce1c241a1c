"""geo.area: what lies inside a drawn shape, compared with direct DuckDB counts."""

from __future__ import annotations

import json

import pytest

from geo import area, concentration
from geo.concentration import Filter


@pytest.fixture(scope="module")
def con(demo_con):
    return demo_con


@pytest.fixture(scope="module")
def shape(con) -> dict:
    """A rectangle (lon/lat) around the busiest buurt's bounding box."""
    geojson = con.execute(
        "SELECT ST_AsGeoJSON(to_wgs84(ST_Envelope(g.geom))) FROM gebied g "
        "JOIN vestiging v ON ST_Contains(g.geom, v.geom) WHERE g.soort = 'buurt' "
        "GROUP BY g.geom ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    return json.loads(geojson)


def peildatum(con) -> str:
    return con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]


def test_counts_match_duckdb(con, shape):
    result = area.analyse(con, shape, Filter(peildatum(con)))
    vorm = json.dumps(shape)
    vbo, actief = con.execute(
        "WITH s AS (SELECT to_rd(ST_GeomFromGeoJSON(?)) AS g) SELECT "
        "(SELECT count(*) FROM verblijfsobject, s WHERE ST_Contains(s.g, geom)), "
        "(SELECT count(*) FROM vestiging, s WHERE geom IS NOT NULL AND ST_Contains(s.g, geom) "
        " AND is_actief(datum_aanvang, datum_einde, ?))", [vorm, peildatum(con)]).fetchone()
    assert result["verblijfsobjecten"] == vbo > 0
    assert result["vestigingen"] == actief
    assert len(result["lijst"]) == actief  # no branch chosen: every active one is listed
    assert sum(r["aantal"] for r in result["gebruiksdoelen"]) >= vbo


def test_the_list_follows_the_selection(con, shape):
    filt = Filter(peildatum(con), groepen=("beauty",))
    result = area.analyse(con, shape, filt)
    expected = concentration.vestigingsnummers(con, filt, json.dumps(shape))
    assert [v["vestigingsnummer"] for v in sorted(result["lijst"],
                                                  key=lambda v: v["vestigingsnummer"])] == expected
    assert all(v["groep"] == "beauty" for v in result["lijst"])
    beauty = [g for g in result["groepen"] if g["groep"] == "beauty"]
    assert beauty and beauty[0]["naam"] == "Beauty en persoonlijke verzorging"
