"""Ligplaatsen, standplaatsen and nevenadressen in the small Demostad snapshot: matched
vestigingen, area membership, the click, the cards and the map layer's query."""

from __future__ import annotations

import pytest

from geo import cards
from geo.sqlfiles import sql_text


@pytest.fixture(scope="module")
def con(demo_con):
    return demo_con


def peildatum(con) -> str:
    return con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]


@pytest.fixture(scope="module")
def boot(con) -> tuple[str, float, float]:
    """The ligplaats Woonbootverhuur Het Anker is registered on, and a point on it (lon/lat)."""
    return con.execute(
        "SELECT l.identificatie, ST_X(to_wgs84(l.punt)), ST_Y(to_wgs84(l.punt)) FROM ligplaats l "
        "JOIN vestiging v ON v.verblijfsobject_id = l.identificatie "
        "WHERE v.naam = 'Woonbootverhuur Het Anker'").fetchone()


def test_demo_vestigingen_on_a_ligplaats_standplaats_and_nevenadres_are_matched(con):
    rows = con.execute("SELECT naam, object_soort, match_methode FROM vestiging WHERE naam IN "
                       "('Woonbootverhuur Het Anker', 'Restaurant De Steiger', "
                       "'Kermisexploitatie De Vlier', 'Hoekwinkel Verhuur') ORDER BY naam"
                       ).fetchall()
    assert rows == [("Hoekwinkel Verhuur", "verblijfsobject", "adres"),
                    ("Kermisexploitatie De Vlier", "standplaats", "adres"),
                    ("Restaurant De Steiger", "ligplaats", "adres"),
                    ("Woonbootverhuur Het Anker", "ligplaats", "adres")]
    (op_neven,), = con.execute(
        "SELECT count(*) FROM vestiging v JOIN nevenadres n "
        "ON n.adresseerbaar_id = v.verblijfsobject_id WHERE v.naam = 'Hoekwinkel Verhuur' "
        "AND n.postcode = v.postcode AND n.huisnummer::VARCHAR = v.huisnummer").fetchall()
    assert op_neven == 1


def test_ligplaatsen_and_standplaatsen_are_members_of_their_buurt(con):
    (zonder,), = con.execute(
        "SELECT count(*) FROM (SELECT identificatie FROM ligplaats UNION ALL "
        "SELECT identificatie FROM standplaats) p WHERE p.identificatie NOT IN "
        "(SELECT l.verblijfsobject_id FROM gebied_lid l JOIN gebied g USING (gebied_id) "
        "WHERE g.soort = 'buurt')").fetchall()
    assert zonder == 0


def test_click_on_a_house_boat_finds_its_ligplaats_and_not_a_pand(con, boot):
    ident, lon, lat = boot
    assert cards.plaats_at(con, lon, lat) == ident
    assert cards.plaats_at(con, 5.0, 52.0) is None


def test_plaats_card_has_address_status_and_vestigingen(con, boot):
    card = cards.plaats_card(con, boot[0], peildatum(con))
    assert card["soort"] == "ligplaats" and card["status"] == "Plaats aangewezen"
    assert card["adres"].startswith("Havenkade ") and card["woonplaats"] == "Demostad"
    assert [v["naam"] for v in card["vestigingen"]] == ["Woonbootverhuur Het Anker"]
    assert card["vestigingen"][0]["actief"] is True
    assert card["buurtnaam"] and card["geojson"].startswith('{"type":"Polygon"')
    assert cards.plaats_card(con, "0000020000000000", peildatum(con)) is None


def test_pand_card_lists_the_nevenadressen_of_a_verblijfsobject(con):
    vbo, pand, adres = con.execute(
        "SELECT n.adresseerbaar_id, v.pand_identificatie, concat(n.openbare_ruimte, ' ', "
        "n.huisnummer) FROM nevenadres n JOIN verblijfsobject v ON v.identificatie = "
        "n.adresseerbaar_id ORDER BY 1 LIMIT 1").fetchone()
    card = cards.pand_card(con, pand, peildatum(con))
    (gevonden,) = [v for v in card["verblijfsobjecten"] if v["identificatie"] == vbo]
    assert [n["adres"] for n in gevonden["nevenadressen"]] == [adres]


def test_map_layer_query_returns_plots_in_the_box_with_active_vestigingen(con, boot):
    x, y = con.execute("SELECT ST_X(punt), ST_Y(punt) FROM ligplaats WHERE identificatie = ?",
                       [boot[0]]).fetchone()
    rows = con.execute(sql_text("kaart_plaatsen"), {
        "xmin": x - 500, "ymin": y - 500, "xmax": x + 500, "ymax": y + 500, "limiet": 100,
        "peildatum": peildatum(con)}).fetchall()
    per_id = {r[1]: r for r in rows}
    assert per_id[boot[0]][0] == "ligplaats" and per_id[boot[0]][6] == 1


def test_search_finds_a_ligplaats_and_a_nevenadres_by_their_address(con, boot):
    from geo import search

    postcode, nr = con.execute("SELECT postcode, huisnummer FROM ligplaats WHERE identificatie = ?",
                               [boot[0]]).fetchone()
    (hit,) = search.search(con, f"{postcode} {nr}")
    assert (hit["id"], hit["pand"], hit["detail"].endswith("(ligplaats)")) == (boot[0], None, True)
    straat, nr, vbo, pand = con.execute(
        "SELECT n.openbare_ruimte, n.huisnummer, v.identificatie, v.pand_identificatie "
        "FROM nevenadres n JOIN verblijfsobject v ON v.identificatie = n.adresseerbaar_id "
        "ORDER BY 1, 2 LIMIT 1").fetchone()
    hits = search.search(con, f"{straat} {nr}")
    assert any(h["id"] == vbo and h["pand"] == pand and h["detail"].endswith("(nevenadres)")
               for h in hits)


def test_dook_export_gives_the_address_a_vestiging_is_registered_on(con):
    from exports import dook_csv

    nummers = dict(con.execute(
        "SELECT naam, vestigingsnummer FROM vestiging WHERE naam IN "
        "('Hoekwinkel Verhuur', 'Woonbootverhuur Het Anker')").fetchall())
    kolommen, rijen = dook_csv.rows(con, list(nummers.values()))
    per_naam = {r[kolommen.index("KVK_Handelsnaam")]: dict(zip(kolommen, r, strict=True))
                for r in rijen}
    assert len(rijen) == 2
    neven = con.execute(
        "SELECT n.nummeraanduiding_id, n.openbare_ruimte, n.huisnummer FROM nevenadres n JOIN "
        "vestiging v ON v.verblijfsobject_id = n.adresseerbaar_id AND n.postcode = v.postcode "
        "WHERE v.naam = 'Hoekwinkel Verhuur'").fetchone()
    hoek = per_naam["Hoekwinkel Verhuur"]
    assert (hoek["BAG numid"], hoek["straat"], hoek["huisnummer"]) == (
        neven[0], neven[1], str(neven[2]))  # the nevenadres, not the hoofdadres
    boot = per_naam["Woonbootverhuur Het Anker"]
    assert boot["BAG numid"] == con.execute(
        "SELECT l.nummeraanduiding_id FROM ligplaats l JOIN vestiging v "
        "ON v.verblijfsobject_id = l.identificatie "
        "WHERE v.naam = 'Woonbootverhuur Het Anker'").fetchone()[0]
    assert boot["gebruiksdoelen"] is None and boot["pand_bouwjaar"] is None
