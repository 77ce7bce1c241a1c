"""geo.cards: the pand under a click and the cards of a pand and a vestiging (small Demostad)."""

from __future__ import annotations

import json

import pytest

from geo import cards


@pytest.fixture(scope="module")
def con(demo_con):
    return demo_con


@pytest.fixture(scope="module")
def busy_pand(con) -> str:
    """The pand with the most vestigingen registered in it."""
    return con.execute(
        "SELECT b.pand_identificatie FROM vestiging v JOIN verblijfsobject b "
        "ON b.identificatie = v.verblijfsobject_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
    ).fetchone()[0]


def peildatum(con) -> str:
    return con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]


def test_click_inside_a_pand_finds_it(con, busy_pand):
    lon, lat = con.execute("SELECT ST_X(p), ST_Y(p) FROM (SELECT to_wgs84(ST_PointOnSurface(geom)) "
                           "AS p FROM pand WHERE identificatie = ?)", [busy_pand]).fetchone()
    assert cards.pand_at(con, lon, lat) == busy_pand


def test_click_in_open_water_finds_nothing(con):
    assert cards.pand_at(con, 5.0, 52.0) is None


def test_pand_card_has_every_address_and_registration(con, busy_pand):
    card = cards.pand_card(con, busy_pand, peildatum(con))
    n_vbo, n_vest = con.execute(
        "SELECT count(DISTINCT b.identificatie), count(v.vestigingsnummer) FROM verblijfsobject b "
        "LEFT JOIN vestiging v ON v.verblijfsobject_id = b.identificatie "
        "WHERE b.pand_identificatie = ?", [busy_pand]).fetchone()
    assert len(card["verblijfsobjecten"]) == n_vbo
    assert sum(len(v["vestigingen"]) for v in card["verblijfsobjecten"]) == n_vest
    assert card["peildatum"] == peildatum(con)
    assert card["bag_viewer"].endswith(busy_pand)
    assert card["buurtcode"].startswith("BU")
    assert json.loads(card["geojson"])["type"] in ("Polygon", "MultiPolygon")
    ended = [v for vbo in card["verblijfsobjecten"] for v in vbo["vestigingen"] if v["datum_einde"]]
    assert all(not v["actief"] for v in ended if str(v["datum_einde"]) <= peildatum(con))


def test_signals_are_attached_where_they_fire(con, busy_pand):
    vbo = con.execute("SELECT identificatie FROM verblijfsobject WHERE pand_identificatie = ? "
                      "LIMIT 1", [busy_pand]).fetchone()[0]
    hits = {("adres", vbo): [{"naam": "Test", "reden": "omdat"}]}
    card = cards.pand_card(con, busy_pand, peildatum(con), hits)
    found = [v for v in card["verblijfsobjecten"] if v["identificatie"] == vbo][0]
    assert found["signalen"] == hits[("adres", vbo)]


def test_vestiging_card_lists_the_whole_company(con):
    kvk, nummer = con.execute(
        "SELECT kvk_nummer, min(vestigingsnummer) FROM vestiging GROUP BY 1 "
        "HAVING count(*) > 1 ORDER BY 1 LIMIT 1").fetchone()
    card = cards.vestiging_card(con, nummer, peildatum(con))
    alle = {r[0] for r in con.execute("SELECT vestigingsnummer FROM vestiging WHERE kvk_nummer = ?",
                                      [kvk]).fetchall()}
    assert {v["vestigingsnummer"] for v in card["onderneming"]} == alle
    assert card["peildatum"] == peildatum(con)


def test_unknown_objects_give_no_card(con):
    assert cards.pand_card(con, "0000100000000000", "2026-01-01") is None
    assert cards.vestiging_card(con, "000000000000", "2026-01-01") is None
