"""The Kaart page without a browser (streamlit.testing AppTest): texts, states and map layers."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import db, snapshots
from ui import data
from ui.components import leaflet_map
from ui.format import datum
from ui.pages import kaart

APP = Path(__file__).resolve().parents[2] / "app.py"
SNAPSHOT_NAME = "zicht-2026-11-01-abcdef12.duckdb"


@pytest.fixture
def demo(demo_data_dir, monkeypatch) -> Path:
    # Set before anything opens the snapshot: DuckDB refuses a second connection to the same
    # file with another configuration, and the extension directory follows ZICHT_DATA_DIR.
    monkeypatch.setenv("ZICHT_DATA_DIR", str(demo_data_dir))
    return demo_data_dir


def run_app(data_dir: Path, monkeypatch, view: dict | None = None) -> AppTest:
    monkeypatch.setenv("ZICHT_DATA_DIR", str(data_dir))
    at = AppTest.from_file(str(APP), default_timeout=60)
    if view is not None:
        at.session_state[leaflet_map.KEY] = view
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def all_text(at: AppTest) -> str:
    parts = [e.value for kind in ("header", "markdown", "caption", "info", "error") for e in
             getattr(at, kind)]
    parts += [e.value for e in at.sidebar.markdown]
    return "\n".join(str(p) for p in parts)


def map_args(at: AppTest) -> str:
    return at.get("component_instance")[0].proto.json_args


def snapshot_facts(data_dir: Path) -> dict:
    """Peildatum and the lon/lat of one active vestiging, read with the page's own queries."""
    snapshot = str(snapshots.current_snapshot(data_dir))
    peildatum = data.meta(snapshot)["peildatum"]
    rd = (0, 300000, 300000, 625000)  # all of the Netherlands in RD
    first = data.punten(snapshot, peildatum, rd, 1)[0]
    return {"peildatum": peildatum, "lat": first["lat"], "lon": first["lon"]}


def zoomed_view(facts: dict, zoom: int) -> dict:
    d = 0.002
    return {"zoom": zoom, "bounds": {
        "_southWest": {"lat": facts["lat"] - d, "lng": facts["lon"] - 2 * d},
        "_northEast": {"lat": facts["lat"] + d, "lng": facts["lon"] + 2 * d}}}


def test_demo_page_shows_notice_peildatum_counts_and_sources(demo, monkeypatch):
    at = run_app(demo, monkeypatch)
    text = all_text(at)
    facts = snapshot_facts(demo)
    assert kaart.DEMO_MELDING in [i.value for i in at.info]
    assert f"Peildatum {datum(facts['peildatum'])}" in text
    assert "Demostad" in [h.value for h in at.header]
    labels = [m.label for m in at.metric]
    assert labels[:4] == ["Panden", "Verblijfsobjecten", "Actieve vestigingen", "Buurten"]
    assert all(m.value.replace(".", "").isdigit() for m in at.metric)
    sources = "\n".join(m.value for m in at.sidebar.markdown)
    assert "Peildatum" in sources and "rijen" in sources
    assert "Actieve vestigingen per buurt" in text  # legend of the zoomed-out view


def test_initial_map_sends_the_buurt_choropleth_and_only_local_assets(demo, monkeypatch):
    args = map_args(run_app(demo, monkeypatch))
    assert "/app/static/vendor/leaflet/leaflet.js" in args
    assert "http://" not in args and "https://" not in args
    assert "L.geoJson(" in args and "fillColor" in args
    assert "CircleMarker" not in args


def test_zoomed_in_view_sends_points(demo, monkeypatch):
    view = zoomed_view(snapshot_facts(demo), 17)
    at = run_app(demo, monkeypatch, view)
    assert "new L.CircleMarker(latlng, opts)" in map_args(at)
    assert "in en rond dit kaartbeeld" in all_text(at)


def test_too_many_points_fall_back_to_grid_cells(demo, monkeypatch):
    monkeypatch.setattr(leaflet_map, "MAX_PUNTEN", 0)
    view = zoomed_view(snapshot_facts(demo), 16)
    at = run_app(demo, monkeypatch, view)
    assert "CircleMarker" not in map_args(at)
    assert "per vak van 50 × 50 m" in all_text(at)


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
    assert [e.value for e in at.error] == [kaart.LEESFOUT]


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
    assert [e.value for e in at.error] == [kaart.LEESFOUT]
