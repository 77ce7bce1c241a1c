"""Ligplaatsen and standplaatsen on the Kaart page (AppTest): drawn with their own colour and
legend entry when zoomed in, and a click on one opens its card with address and vestigingen."""

from __future__ import annotations

import pytest

from geo import db, snapshots
from maps import layers
from tests.ui.test_kaart_app import all_text, map_args, run_app, view
from ui.components import leaflet_map


@pytest.fixture(scope="module")
def boot(demo_data_dir) -> dict:
    con = db.connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    try:
        ident, adres, lon, lat = con.execute(
            "SELECT l.identificatie, concat(l.openbare_ruimte, ' ', l.huisnummer), "
            "ST_X(to_wgs84(l.punt)), ST_Y(to_wgs84(l.punt)) FROM ligplaats l JOIN vestiging v "
            "ON v.verblijfsobject_id = l.identificatie "
            "WHERE v.naam = 'Woonbootverhuur Het Anker'").fetchone()
    finally:
        con.close()
    return {"id": ident, "adres": adres, "lon": lon, "lat": lat}


def test_zoomed_in_map_draws_ligplaatsen_with_their_own_colour_and_legend(demo_data_dir,
                                                                          monkeypatch, boot):
    at = run_app(demo_data_dir, monkeypatch, {leaflet_map.KEY: view(boot["lat"], boot["lon"], 17)})
    args = map_args(at)
    assert layers.PLAATS_KLEUR["ligplaats"] in args
    assert "Ligplaats (woonboot e.d.)" in args and "Standplaats (woonwagen, markt e.d.)" in args
    assert boot["adres"] in args  # the tooltip names the address


def test_zoomed_out_map_says_plaatsen_appear_when_zooming_in(demo_data_dir, monkeypatch, boot):
    at = run_app(demo_data_dir, monkeypatch, {leaflet_map.KEY: view(boot["lat"], boot["lon"], 12)})
    assert "Lig- en standplaatsen verschijnen als u verder inzoomt." in map_args(at)


def test_click_on_a_ligplaats_opens_its_card_with_address_and_vestigingen(demo_data_dir,
                                                                          monkeypatch, boot):
    klik = {"lat": boot["lat"], "lng": boot["lon"]}
    at = run_app(demo_data_dir, monkeypatch,
                 {leaflet_map.KEY: view(boot["lat"], boot["lon"], 18, last_clicked=klik)})
    text = all_text(at)
    assert f"Ligplaats {boot['adres']}" in text
    assert "Plaats aangewezen" in text and boot["id"] in text
    assert "Woonbootverhuur Het Anker" in text
    assert "Geopende ligplaats (dikke rand)" in map_args(at)


def test_a_case_link_to_a_ligplaats_address_opens_its_card(demo_data_dir, monkeypatch, boot):
    at = run_app(demo_data_dir, monkeypatch, params={"adres": boot["id"]})
    assert f"Ligplaats {boot['adres']}" in all_text(at)


def test_a_vestiging_on_a_ligplaats_offers_to_open_the_ligplaats(demo_data_dir, monkeypatch):
    con = db.connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    try:
        (nummer,) = con.execute("SELECT vestigingsnummer FROM vestiging "
                                "WHERE naam = 'Woonbootverhuur Het Anker'").fetchone()
    finally:
        con.close()
    at = run_app(demo_data_dir, monkeypatch, params={"vestiging": nummer})
    assert "Woonbootverhuur Het Anker" in all_text(at)
    knop = next(k for k in at.button if k.label == "Ligplaats openen")
    knop.click().run()
    assert not at.exception
    assert "Ligplaats Havenkade" in all_text(at)
