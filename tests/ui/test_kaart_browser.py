"""End to end: the Kaart page in headless Debian Chromium against a real Streamlit server.

Fails on any page error, any console error, any failed request and any request to a host other
than this machine: the app must work on a closed network and must not tell a third party what
an analyst looks at.
"""

from __future__ import annotations

import time
import urllib.parse

import pytest
from playwright.sync_api import expect, sync_playwright

from geo import db, snapshots
from geo.sqlfiles import sql_text
from ui.format import datum
from ui.pages.kaart import DEMO_MELDING

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT_MS = 20_000

pytestmark = pytest.mark.browser


def demo_facts(data_dir, monkeypatch) -> dict:
    """Peildatum and the position of one active vestiging, read from the snapshot."""
    monkeypatch.setenv("ZICHT_DATA_DIR", str(data_dir))
    con = db.connect(snapshots.current_snapshot(data_dir), read_only=True)
    try:
        peildatum = con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]
        params = {"peildatum": peildatum, "limiet": 1,
                  "xmin": 0, "ymin": 300000, "xmax": 300000, "ymax": 625000}
        lat, lon = con.execute(sql_text("kaart_punten"), params).fetchone()[-2:]
    finally:
        con.close()
    return {"peildatum": peildatum, "lat": lat, "lon": lon}


def watch(page, problems: list[str]) -> None:
    def on_request(request):
        host = urllib.parse.urlparse(request.url).hostname
        if host and host not in LOCAL_HOSTS:
            problems.append(f"request to another host: {request.url}")

    page.on("request", on_request)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} ({r.failure})"))


def map_frame(page):
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def test_kaart_shows_the_demo_offline(streamlit_server, demo_data_dir, monkeypatch):
    facts = demo_facts(demo_data_dir, monkeypatch)
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            watch(page, problems)
            started = time.perf_counter()
            page.goto(streamlit_server, wait_until="domcontentloaded")
            check_page_and_map(page, facts)
            print(f"time to visible map: {time.perf_counter() - started:.1f} s")
            check_zoom_in_shows_points(page, facts)
            page.wait_for_timeout(500)  # let late errors arrive
            seen = list(problems)  # before closing, which aborts the page's open connections
        finally:
            browser.close()
    assert seen == []


def check_page_and_map(page, facts: dict) -> None:
    expect(page.get_by_text(f"Peildatum {datum(facts['peildatum'])}", exact=True)).to_be_visible(
        timeout=TIMEOUT_MS)
    expect(page.get_by_text(DEMO_MELDING)).to_be_visible()
    expect(page.get_by_text("Bronnen", exact=True)).to_be_visible()
    expect(page.get_by_text("Actieve vestigingen per buurt")).to_be_visible()  # the legend
    canvas = page.frame_locator(MAP_FRAME).locator(".leaflet-overlay-pane canvas")
    expect(canvas.first).to_be_visible(timeout=TIMEOUT_MS)
    frame = map_frame(page)
    assert frame.evaluate("typeof L") == "object"
    # Buurt outlines in the base map plus the choropleth swapped in by streamlit-folium.
    frame.wait_for_function("Object.values(map._layers).filter(l => l.feature).length > 2",
                            timeout=TIMEOUT_MS)
    frame.wait_for_function("(window.feature_group || []).length === 1", timeout=TIMEOUT_MS)


def check_zoom_in_shows_points(page, facts: dict) -> None:
    frame = map_frame(page)
    frame.evaluate("void (window.__zicht_probe = 1)")
    frame.evaluate(f"void map.setView([{facts['lat']}, {facts['lon']}], 17)")
    expect(page.get_by_text("in en rond dit kaartbeeld")).to_be_visible(timeout=TIMEOUT_MS)
    frame.wait_for_function(
        "Object.values(map._layers).some(l => l instanceof L.CircleMarker)", timeout=TIMEOUT_MS)
    # The detail layer was swapped into the same map: the iframe was not reloaded.
    assert frame.evaluate("window.__zicht_probe") == 1
