"""loaders.pipeline.area_membership: wijk and gemeente follow from the buurt by CBS code, and the
result is the same as testing every area spatially, also where the codes do not help.

A hand-made gemeente (200 × 100 m) with two wijken side by side; wijk W1 holds buurten B1 and B2,
wijk W2 holds buurt B3 only in its left half (its right half has no buurt). Buurt B4 names a wijk
that is not in the source. A second source brings an own gemeente polygon.
"""

from __future__ import annotations

import pytest

from geo.db import connect
from geo.sqlfiles import run_script
from loaders.pipeline import area_membership

X0, Y0 = 150000, 450000


def box(xmin, ymin, xmax, ymax) -> str:
    x0, y0, x1, y1 = X0 + xmin, Y0 + ymin, X0 + xmax, Y0 + ymax
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


# gebied_id, soort, code, ouder_code, bron, polygon
GEBIEDEN = [
    ("gemeente:cbs:GM0999", "gemeente", "GM0999", None, "cbs", box(0, 0, 200, 100)),
    ("wijk:cbs:WK099901", "wijk", "WK099901", "GM0999", "cbs", box(0, 0, 100, 100)),
    ("wijk:cbs:WK099902", "wijk", "WK099902", "GM0999", "cbs", box(100, 0, 200, 100)),
    ("buurt:cbs:BU09990101", "buurt", "BU09990101", "WK099901", "cbs", box(0, 0, 50, 100)),
    ("buurt:cbs:BU09990102", "buurt", "BU09990102", "WK099901", "cbs", box(50, 0, 100, 100)),
    ("buurt:cbs:BU09990201", "buurt", "BU09990201", "WK099902", "cbs", box(100, 0, 150, 50)),
    # names a wijk the source does not have: its wijk and gemeente are found spatially
    ("buurt:cbs:BU09990301", "buurt", "BU09990301", "WK099903", "cbs", box(100, 50, 150, 100)),
    ("gemeente:eigen:0999", "gemeente", "0999", None, "eigen", box(0, 0, 120, 100)),
    ("bedrijventerrein:ibis:1", "bedrijventerrein", "1", None, "ibis", box(40, 40, 60, 60)),
]
# id, x, y: in B1; in B2 and the bedrijventerrein; in B3; in B4; in W2 but no buurt; outside all
PUNTEN = [("v1", 10, 10), ("v2", 55, 50), ("v3", 110, 10), ("v4", 130, 80), ("v5", 180, 20),
          ("v6", 300, 300)]


@pytest.fixture(scope="module")
def con():
    con = connect()
    run_script(con, "schema")
    con.executemany("INSERT INTO gebied (gebied_id, soort, code, ouder_code, bron, geom) "
                    "VALUES (?, ?, ?, ?, ?, ST_GeomFromText(?::VARCHAR))", GEBIEDEN)
    for nr, x, y in PUNTEN:
        con.execute("INSERT INTO verblijfsobject (identificatie, geom) VALUES (?, ST_Point(?, ?))",
                    [nr, X0 + x, Y0 + y])
        con.execute("INSERT INTO vestiging (vestigingsnummer, verblijfsobject_id, geom) "
                    "VALUES (?, ?, ST_Point(?, ?))", [f"k{nr}", nr, X0 + x, Y0 + y])
    area_membership(con)
    yield con
    con.close()


def spatially(con, table: str) -> set[tuple[str, str]]:
    return set(con.execute(f"""
        SELECT g.gebied_id, p.id FROM gebied g JOIN (SELECT {table} AS id, geom FROM {
        'verblijfsobject' if table == 'identificatie' else 'vestiging'}) p
        ON ST_Contains(g.geom, p.geom)""").fetchall())


def test_every_address_is_in_the_same_areas_as_a_spatial_test_says(con):
    stored = set(con.execute("SELECT gebied_id, verblijfsobject_id FROM gebied_lid").fetchall())
    assert stored == spatially(con, "identificatie")
    assert con.execute("SELECT count(*) FROM gebied_lid").fetchone()[0] == len(stored)  # no doubles


def test_every_vestiging_is_in_the_same_areas_as_a_spatial_test_says(con):
    stored = set(con.execute("SELECT gebied_id, vestigingsnummer FROM vestiging_gebied").fetchall())
    assert stored == spatially(con, "vestigingsnummer")


def test_wijk_and_gemeente_follow_from_the_buurt_code(con):
    areas = {g for g, v in con.execute("SELECT gebied_id, verblijfsobject_id FROM gebied_lid")
             .fetchall() if v == "v3"}
    assert areas == {"buurt:cbs:BU09990201", "wijk:cbs:WK099902", "gemeente:cbs:GM0999",
                     "gemeente:eigen:0999"}


def test_a_point_without_buurt_or_with_an_unknown_wijk_still_gets_its_wijk_and_gemeente(con):
    rows = con.execute("SELECT verblijfsobject_id, list(gebied_id ORDER BY gebied_id) FROM gebied_lid "
                       "WHERE verblijfsobject_id IN ('v4', 'v5', 'v6') GROUP BY ALL ORDER BY ALL"
                       ).fetchall()
    assert rows == [("v4", ["buurt:cbs:BU09990301", "gemeente:cbs:GM0999", "wijk:cbs:WK099902"]),
                    ("v5", ["gemeente:cbs:GM0999", "wijk:cbs:WK099902"])]
