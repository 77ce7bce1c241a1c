"""geo.search: what the one search box understands, on the small Demostad."""

from __future__ import annotations

import pytest

from geo import db, search, snapshots


@pytest.fixture(scope="module")
def con(demo_data_dir):
    con = db.connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("text, soort, params", [
    ("9999 PA 2", "postcode", {"postcode": "9999PA", "huisnummer": 2, "suffix": ""}),
    ("9999pa2", "postcode", {"postcode": "9999PA", "huisnummer": 2, "suffix": ""}),
    ("9999 PA 2-1", "postcode", {"postcode": "9999PA", "huisnummer": 2, "suffix": "1"}),
    ("9999PA", "postcode", {"postcode": "9999PA", "huisnummer": None, "suffix": ""}),
    ("Leeghwaterstraat 2", "straat", {"straat": "Leeghwaterstraat", "huisnummer": 2, "suffix": ""}),
    ("60027276", "kvk_nummer", {"nummer": "60027276"}),
    ("0004 0050 6181", "vestigingsnummer", {"nummer": "000400506181"}),
    ("Garagebedrijf", "naam", {"tekst": "Garagebedrijf"}),
])
def test_parse(text, soort, params):
    vraag = search.parse(text)
    assert vraag.soort == soort and vraag.params == params


def test_too_short_is_no_search():
    assert search.parse(" a ") is None


def test_postcode_and_number_find_the_address(con):
    pc, nr, vbo = con.execute(
        "SELECT postcode, huisnummer, identificatie FROM verblijfsobject "
        "WHERE huisletter IS NULL AND toevoeging IS NULL ORDER BY identificatie LIMIT 1").fetchone()
    results = search.search(con, f"{pc[:4]} {pc[4:].lower()} {nr}")
    assert results[0]["soort"] == "adres" and results[0]["id"] == vbo
    assert results[0]["lat"] is not None and results[0]["lon"] is not None


def test_street_with_a_typo(con):
    straat, nr, vbo = con.execute(
        "SELECT openbare_ruimte, huisnummer, identificatie FROM verblijfsobject "
        "WHERE length(openbare_ruimte) > 10 AND huisletter IS NULL AND toevoeging IS NULL "
        "ORDER BY identificatie LIMIT 1").fetchone()
    typo = straat[:-2] + straat[-1] + straat[-2]
    assert vbo in [r["id"] for r in search.search(con, f"{typo} {nr}")]


def test_kvk_number_finds_every_vestiging(con):
    kvk, n = con.execute("SELECT kvk_nummer, count(*) FROM vestiging GROUP BY 1 "
                         "ORDER BY 2 DESC, 1 LIMIT 1").fetchone()
    results = search.search(con, kvk)
    assert len(results) == min(n, search.MAX_RESULTS)
    assert {r["soort"] for r in results} == {"vestiging"}


def test_part_of_a_trade_name(con):
    naam, nummer = con.execute("SELECT naam, vestigingsnummer FROM vestiging "
                               "WHERE length(naam) > 12 ORDER BY 2 LIMIT 1").fetchone()
    assert nummer in [r["id"] for r in search.search(con, naam[2:12].lower(), limit=500)]


def test_a_street_name_without_number_finds_the_street(con):
    straat, n = con.execute(
        "SELECT openbare_ruimte, count(*) FROM verblijfsobject WHERE openbare_ruimte IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1").fetchone()
    results = search.search(con, straat.lower())
    assert results[0]["soort"] == "straat" and results[0]["label"] == straat
    assert f"{n} adressen" in results[0]["detail"] and results[0]["lat"] is not None
    assert all(r["soort"] != "straat" for r in search.search(con, "Qwxzstraat"))
