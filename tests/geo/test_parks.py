"""Bedrijventerrein profiles: each park per source, its figures against independent queries,
the planted situations showing up as signals on the right park, and the map data."""

from __future__ import annotations

import pytest

from geo import indicators, parks, snapshots
from geo.db import connect


@pytest.fixture(scope="module")
def con(demo_data_dir):
    con = connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def profielen(con) -> list[dict]:
    indicators.prepare(con)
    resultaten = indicators.run_all(con)
    parks.prepare(con, prepared=True)
    return parks.profielen(con, resultaten)


def park(profielen: list[dict], naam: str, bron: str) -> dict:
    return next(p for p in profielen if p["naam"] == naam and bron in p["bron"])


def one(con, sql: str, params) -> int:
    return con.execute(sql, params).fetchone()[0]


def test_every_park_of_every_source_and_the_municipality_have_a_profile(con, profielen):
    expected = con.execute("SELECT gebied_id FROM gebied WHERE soort IN ('bedrijventerrein', "
                           "'gemeente')").fetchall()
    assert {p["gebied_id"] for p in profielen} == {g for (g,) in expected}
    assert {p["bron"] for p in parks.parken(profielen)} == {"bedrijventerreinen-ibis",
                                                           "bedrijventerreinen-eigen"}
    assert parks.gemeente(profielen)["naam"] == "Demostad"


def test_counts_of_a_park_match_independent_queries(con, profielen):
    p = park(profielen, "De Hoge Dijk", "ibis")
    gebied = [p["gebied_id"]]
    assert p["verblijfsobjecten"] == one(con, "SELECT count(*) FROM gebied_lid WHERE gebied_id = ?",
                                         gebied)
    assert p["vestigingen"] == one(con, """
        SELECT count(*) FROM vestiging v JOIN gebied_lid l ON l.verblijfsobject_id =
        v.verblijfsobject_id WHERE l.gebied_id = ? AND is_actief(v.datum_aanvang, v.datum_einde,
        '2026-11-01')""", gebied)
    assert p["panden"] == one(con, """
        SELECT count(*) FROM pand x, gebied g WHERE g.gebied_id = ?
        AND ST_Contains(g.geom, ST_Centroid(x.geom))""", gebied)
    assert p["oppervlakte_ha"] == pytest.approx(one(con, "SELECT ST_Area(geom) / 10000 FROM gebied "
                                                         "WHERE gebied_id = ?", gebied), rel=0.01)


def test_planted_automotive_without_rdw_shows_on_its_park(profielen, planted):
    naam = planted["automotive_cluster"]["bedrijventerrein"]
    for bron in ("ibis", "eigen"):
        p = park(profielen, naam, bron)
        assert p["signalen"]["automotive_zonder_rdw"] >= len(planted["automotive_cluster"]
                                                              ["zonder_rdw"])
        adres, pand = parks.rdw_dekking(p)
        assert adres < 100 and adres <= pand


def test_planted_vacant_halls_show_on_demopoort(profielen, planted):
    p = park(profielen, planted["leegstand"]["bedrijventerrein"], "ibis")
    assert p["signalen"]["leegstand_bedrijventerrein"] >= len(planted["leegstand"]["pand_ids"])


def test_turnover_grows_with_the_period(profielen):
    for p in profielen:
        gestart = [p["verloop"][j][0] for j in parks.JAREN]
        beeindigd = [p["verloop"][j][1] for j in parks.JAREN]
        assert gestart == sorted(gestart) and beeindigd == sorted(beeindigd)


def test_branch_mix_is_the_share_against_the_municipality(profielen):
    p, gemeente = park(profielen, "De Hoge Dijk", "ibis"), parks.gemeente(profielen)
    auto = next(m for m in parks.branche_mix(p, gemeente) if m["groep"] == "automotive")
    assert auto["aantal"] == p["automotive"]
    assert auto["aandeel"] == round(100 * p["automotive"] / p["vestigingen"], 1)
    assert auto["lq"] == round(auto["aandeel"] / auto["aandeel_gemeente"], 1) and auto["lq"] > 2


def test_map_data_has_the_outline_the_panden_and_the_addresses(con, profielen):
    p = park(profielen, "Demopoort", "eigen")
    k = parks.kaart(con, p["gebied_id"], "2026-11-01")
    assert len(k["gebied"]) == 1 and k["gebied"][0]["geometrie"]["type"] in ("Polygon",
                                                                               "MultiPolygon")
    assert len(k["panden"]) == p["panden"]
    names = sum(len(a["namen"]) for a in k["adressen"])
    assert names == p["vestigingen"]
    assert all(4 < a["lon"] < 6 for a in k["adressen"])


def test_signals_on_a_park_are_those_on_its_addresses_or_panden(con, profielen):
    p = park(profielen, "Demopoort", "ibis")
    k = parks.kaart(con, p["gebied_id"], "2026-11-01")
    indicators.prepare(con)
    resultaten = indicators.run_all(con)
    binnen = {ind: len(parks.in_park(rows, k)) for ind, rows in resultaten.items()}
    assert {ind: n for ind, n in binnen.items() if n} == p["signalen"]
