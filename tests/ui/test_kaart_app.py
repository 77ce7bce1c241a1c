"""The Kaart page without a browser (streamlit.testing AppTest): texts, states, map layers, and
what clicks, searches, drawings and shared links do. The map component's return value is set
in session_state the way streamlit-folium sets it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import db, snapshots
from ui import state
from ui.components import leaflet_map, thema_lagen
from ui.format import datum
from ui.pages import kaart

APP = Path(__file__).resolve().parents[2] / "app.py"
SNAPSHOT_NAME = "zicht-2026-11-01-abcdef12.duckdb"


@pytest.fixture(scope="module")
def facts(demo_data_dir) -> dict:
    """Figures read straight from the small Demostad, to compare the page with."""
    con = db.connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    q = lambda sql, *p: con.execute(sql, list(p)).fetchone()  # noqa: E731
    try:
        peildatum = q("SELECT waarde FROM meta WHERE sleutel = 'peildatum'")[0]
        pand, lon, lat = q(
            "SELECT b.pand_identificatie, ST_X(p), ST_Y(p) FROM vestiging v JOIN verblijfsobject b "
            "ON b.identificatie = v.verblijfsobject_id, LATERAL (SELECT to_wgs84(ST_PointOnSurface("
            "geom)) AS p FROM pand WHERE identificatie = b.pand_identificatie) GROUP BY ALL "
            "ORDER BY count(*) DESC, 1 LIMIT 1")
        vbo, postcode, nr, suffix = q(
            "SELECT identificatie, postcode, huisnummer, concat(huisletter, toevoeging) "
            "FROM verblijfsobject WHERE pand_identificatie = ? ORDER BY 1 LIMIT 1", pand)
        actief = q("SELECT count(*) FROM vestiging WHERE is_actief(datum_aanvang, datum_einde, ?)",
                   peildatum)[0]
        box = json.loads(q("SELECT ST_AsGeoJSON(to_wgs84(ST_Envelope(geom))) FROM gebied "
                           "WHERE soort = 'buurt' ORDER BY code LIMIT 1")[0])
        vbo_in_box = q("SELECT count(*) FROM verblijfsobject WHERE ST_Contains("
                       "to_rd(ST_GeomFromGeoJSON(?)), geom)", json.dumps(box))[0]
    finally:
        con.close()
    adres = f"{postcode} {nr}" + (f"-{suffix}" if suffix else "")
    return {"peildatum": peildatum, "pand": pand, "lon": lon, "lat": lat, "vbo": vbo,
            "adres": adres, "actief": actief, "box": box,
            "vbo_in_box": vbo_in_box}


def run_app(data_dir: Path, monkeypatch, session: dict | None = None,
            params: dict | None = None) -> AppTest:
    monkeypatch.setenv("ZICHT_DATA_DIR", str(data_dir))
    at = AppTest.from_file(str(APP), default_timeout=90)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def all_text(at: AppTest) -> str:
    parts = [e.value for kind in ("header", "markdown", "caption", "info", "error", "warning")
             for e in getattr(at, kind)]
    parts += [e.value for e in at.sidebar.markdown]
    return "\n".join(str(p) for p in parts)


def map_args(at: AppTest) -> str:
    """Everything the map component receives, decoded: the base map script, its assets, and
    the layers (feature groups) that change with the view."""
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    return "\n".join(str(args.get(k)) for k in ("script", "js_links", "css_links",
                                                  "feature_group"))


def view(lat: float, lon: float, zoom: int, d: float = 0.002, **extra) -> dict:
    return {"zoom": zoom, "bounds": {"_southWest": {"lat": lat - d, "lng": lon - 2 * d},
                                     "_northEast": {"lat": lat + d, "lng": lon + 2 * d}}, **extra}


def test_demo_page_shows_notice_peildatum_counts_selection_and_sources(demo_data_dir, monkeypatch,
                                                                       facts):
    at = run_app(demo_data_dir, monkeypatch)
    text = all_text(at)
    assert kaart.DEMO_MELDING in [i.value for i in at.info]
    assert f"Peildatum {datum(facts['peildatum'])}" in text
    assert "Demostad" in [h.value for h in at.header]
    labels = [m.label for m in at.metric]
    assert labels[:4] == ["Panden", "Verblijfsobjecten", "Actieve vestigingen", "Buurten"]
    assert f"{facts['actief']:,}".replace(",", ".") + " vestigingen" in text  # the selection
    assert "Bronnen en peildata" in [e.label for e in at.sidebar.expander]
    assert "Vestigingen in de selectie" in map_args(at)  # the in-map legend


def test_initial_map_asks_nothing_of_another_host(demo_data_dir, monkeypatch):
    args = map_args(run_app(demo_data_dir, monkeypatch))
    assert "/app/static/vendor/leaflet/leaflet.js" in args
    assert "/app/static/vendor/leaflet-draw/leaflet.draw.js" in args
    assert "http://" not in args and "https://" not in args
    assert "fillColor" in args  # the small demo fits in points; a real town in buurten


def test_zoomed_in_view_sends_points_coloured_by_group(demo_data_dir, monkeypatch, facts):
    at = run_app(demo_data_dir, monkeypatch, {leaflet_map.KEY: view(facts["lat"], facts["lon"], 17)})
    args = map_args(at)
    assert "new L.CircleMarker(latlng, opts)" in args
    assert "in en rond dit kaartbeeld" in args


def test_too_many_points_fall_back_to_grid_cells(demo_data_dir, monkeypatch, facts):
    monkeypatch.setattr(thema_lagen, "MAX_PUNTEN", 0)
    at = run_app(demo_data_dir, monkeypatch, {leaflet_map.KEY: view(facts["lat"], facts["lon"], 16)})
    assert "CircleMarker" not in map_args(at)
    assert "Selectie per vak van 50" in map_args(at)


def test_a_shared_link_restores_the_selection_and_the_theme(demo_data_dir, monkeypatch):
    at = run_app(demo_data_dir, monkeypatch,
                 params={"groep": "beauty", "thema": "concentratie", "maat": "lq"})
    assert at.multiselect(key=state.K_GROEP).value == ["beauty"]
    assert "branchegroepen Beauty en persoonlijke verzorging" in all_text(at)
    args = map_args(at)
    assert "locatiequoti" in args and "LQ = (selectie in gebied" in args


def test_bag_theme_colours_addresses_when_zoomed_in(demo_data_dir, monkeypatch, facts):
    at = run_app(demo_data_dir, monkeypatch, {leaflet_map.KEY: view(facts["lat"], facts["lon"], 17)},
                 params={"thema": "woonfunctie"})
    args = map_args(at)
    assert "Verblijfsobjecten naar woonfunctie" in args and "Alleen woonfunctie" in args


def test_signal_layer_carries_the_reason(demo_data_dir, monkeypatch):
    at = run_app(demo_data_dir, monkeypatch, params={"thema": "signalen",
                                                     "signaal": "veel_inschrijvingen"})
    args = map_args(at)
    assert "Signaal: Veel bedrijven op" in args and "actieve inschrijvingen op dit adres" in args


def test_click_on_a_building_opens_its_card(demo_data_dir, monkeypatch, facts):
    klik = {"lat": facts["lat"], "lng": facts["lon"]}
    at = run_app(demo_data_dir, monkeypatch,
                 {leaflet_map.KEY: view(facts["lat"], facts["lon"], 18, last_clicked=klik)})
    text = all_text(at)
    assert f"Pand {facts['pand']}" in text
    assert f"Peildatum {datum(facts['peildatum'])}" in text
    assert "bagviewer.kadaster.nl" in text
    assert '"weight": 4' in map_args(at)  # the pand outlined on the map


def test_search_for_a_postcode_opens_the_pand_and_moves_the_map(demo_data_dir, monkeypatch, facts):
    at = run_app(demo_data_dir, monkeypatch)
    at.text_input(key="zoek").input(facts["adres"]).run()
    assert not at.exception
    assert f"Pand {facts['pand']}" in all_text(at)
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    assert args["zoom"] and abs(args["center"][0] - facts["lat"]) < 0.01


def test_a_link_from_a_case_opens_the_object(demo_data_dir, monkeypatch, facts):
    at = run_app(demo_data_dir, monkeypatch, params={"adres": facts["vbo"]})
    assert f"Pand {facts['pand']}" in all_text(at)


def test_drawn_area_is_analysed(demo_data_dir, monkeypatch, facts):
    tekening = {"type": "Feature", "properties": {}, "geometry": facts["box"]}
    at = run_app(demo_data_dir, monkeypatch,
                 {leaflet_map.KEY: {"all_drawings": [tekening], "last_active_drawing": tekening}})
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Verblijfsobjecten"] == f"{facts['vbo_in_box']:,}".replace(",", ".")
    assert any(b.label == "CSV" for b in at.get("download_button"))


def test_a_configured_tile_server_is_offered_but_demo_starts_without(demo_data_dir, tmp_path,
                                                                     monkeypatch):
    folder = tmp_path / "data"
    (folder / "snapshots").mkdir(parents=True)
    snapshot = snapshots.current_snapshot(demo_data_dir)
    (folder / "snapshots" / snapshot.name).symlink_to(snapshot)
    (folder / "current").write_text(snapshot.name + "\n")
    (folder / "kaart.toml").write_text(
        '[achtergrond.eigen]\nnaam = "Eigen tegels"\naan = true\n'
        'url = "http://127.0.0.1:9/{z}/{x}/{y}.png"\nattributie = "Gemeente"\n')
    at = run_app(folder, monkeypatch)
    assert at.selectbox(key=state.K_ACHTERGROND).value == "geen"
    assert "127.0.0.1:9" in map_args(at)


def test_empty_state_says_what_to_do(tmp_path, monkeypatch):
    at = run_app(tmp_path, monkeypatch)
    assert kaart.GEEN_DATA in [i.value for i in at.info]
    assert not at.get("component_instance")


def test_unreadable_snapshot_gives_a_plain_dutch_error(tmp_path, monkeypatch):
    folder = tmp_path / "snapshots"
    folder.mkdir()
    (folder / SNAPSHOT_NAME).write_bytes(b"dit is geen database" * 100)
    (tmp_path / "current").write_text(SNAPSHOT_NAME + "\n")
    at = run_app(tmp_path, monkeypatch)
    assert kaart.LEESFOUT in [e.value for e in at.error]


@pytest.mark.parametrize("tables", ["", "CREATE TABLE meta (sleutel VARCHAR, waarde VARCHAR);"])
def test_incomplete_snapshot_gives_a_plain_dutch_error(tmp_path, monkeypatch, tables):
    folder = tmp_path / "snapshots"
    folder.mkdir()
    con = db.connect(folder / SNAPSHOT_NAME)
    if tables:
        con.execute(tables)
    con.close()
    (tmp_path / "current").write_text(SNAPSHOT_NAME + "\n")
    at = run_app(tmp_path, monkeypatch)
    assert kaart.LEESFOUT in [e.value for e in at.error]


def test_bag_theme_classes_in_sql():
    """Classes of the BAG themes as kaart_bag_punten.sql and kaart_bag_raster.sql compute them."""
    from geo.sqlfiles import run_script, sql_text

    con = db.connect()
    run_script(con, "schema")
    rows = [("1", ["woonfunctie"], 50, 1940), ("2", ["woonfunctie", "kantoorfunctie"], 51, 1945),
            ("3", ["winkelfunctie"], 101, 2010), ("4", None, None, None)]
    for nr, doelen, opp, jaar in rows:
        con.execute("INSERT INTO verblijfsobject (identificatie, gebruiksdoelen, oppervlakte, "
                    "bouwjaar, status, geom) VALUES (?, ?, ?, ?, 'Verblijfsobject in gebruik', "
                    "ST_Point(150010 + ?, 450010))", [nr, doelen, opp, jaar, int(nr)])
    box = {"xmin": 150000, "ymin": 450000, "xmax": 150100, "ymax": 450100}

    def klassen(thema, grenzen):
        cur = con.execute(sql_text("kaart_bag_punten"),
                          {**box, "thema": thema, "grenzen": grenzen, "limiet": 10})
        return [r[-3] for r in cur.fetchall()]

    assert klassen("woonfunctie", []) == [0, 1, 2, None]
    assert klassen("oppervlakte", [50, 100]) == [0, 1, 2, None]
    assert klassen("bouwjaar", [1944]) == [0, 1, 1, None]
    cel = con.execute(sql_text("kaart_bag_raster"), {**box, "thema": "woonfunctie",
                                                     "grenzen": [], "cel": 100.0}).fetchone()
    assert cel[2:5] == (4, 1, [{"klasse": 0, "aantal": 1}, {"klasse": 1, "aantal": 1},
                               {"klasse": 2, "aantal": 1}])


def test_activity_search_suggests_codes_and_adds_them(demo_data_dir, monkeypatch):
    at = run_app(demo_data_dir, monkeypatch)
    at.text_input(key="activiteit_zoek").input("kapper").run()
    knoppen = [b for b in at.sidebar.button if b.key and b.key.startswith("sug_")]
    assert knoppen, "no suggestions for 'kapper'"
    assert any("2008:96021" in b.key for b in knoppen)
    next(b for b in knoppen if "2008:96021" in b.key).click().run()
    assert "2008:96021" in at.multiselect(key=state.K_SBI).value
    assert "SBI 2008 96021" in all_text(at)  # the selection in words beside the map


def test_an_empty_selection_says_what_to_do(demo_data_dir, monkeypatch):
    at = run_app(demo_data_dir, monkeypatch, params={"van": "2030-01-01"})
    assert any("Geen enkele vestiging voldoet" in w.value for w in at.warning)


def test_click_on_a_single_vestiging_opens_the_company_card(demo_data_dir, monkeypatch, facts):
    start = view(facts["lat"], facts["lon"], 17, d=0.01)
    at = run_app(demo_data_dir, monkeypatch, {leaflet_map.KEY: start})
    index = at.session_state[leaflet_map.PUNT_INDEX]
    sleutel, objecten = next((k, v) for k, v in index.items() if len(v) == 1)
    lat, lon = (float(x) for x in sleutel.split(","))
    punt = {"lat": lat, "lng": lon}
    at.session_state[leaflet_map.KEY] = {**start, "last_clicked": punt,
                                         "last_object_clicked": punt}
    at.run()
    nummer = objecten[0][1]
    text = all_text(at)
    assert "Vestigingsnummer" in text and nummer in text
    assert "Onderneming" in text or "geen andere vestigingen" in text
    assert "Vestigingen van deze onderneming" in map_args(at)  # the rings' legend
