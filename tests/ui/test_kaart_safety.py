"""Hostile data and tile servers, end to end in Chromium.

A copy of the small Demostad where a handelsnaam is `<img src=x onerror=alert(1)>` and a street
is `"><script>alert(2)</script>`: searched, opened, hovered and drawn around, the strings must be
shown literally and no dialog may open. The same server has two tile servers configured: one on
this machine (tiles load, and no other host is asked anything) and one that cannot be reached
(the map falls back to no base map and says so in Dutch)."""

from __future__ import annotations

import http.server
import shutil
import struct
import threading
import zlib

import pytest
from playwright.sync_api import expect, sync_playwright

from geo import db, snapshots
from tests.ui import browser as b
from tests.ui.conftest import running_server

pytestmark = pytest.mark.browser

NAAM = "<img src=x onerror=alert(1)>"
STRAAT = '"><script>alert(2)</script>'
SNAPSHOT = "zicht-2026-11-01-0badc0de00.duckdb"


def png() -> bytes:
    """A 256 × 256 grey PNG, written out by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\xd8" * 256 for _ in range(256))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def tile_server():
    tegel = png()

    class Tegels(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tegel)))
            self.end_headers()
            self.wfile.write(tegel)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tegels)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_address[1]}/tegels/"
    server.shutdown()


@pytest.fixture(scope="module")
def hostile(demo_data_dir, tmp_path_factory, tile_server) -> dict:
    folder = tmp_path_factory.mktemp("vijandig")
    (folder / "snapshots").mkdir()
    target = folder / "snapshots" / SNAPSHOT
    shutil.copy(snapshots.current_snapshot(demo_data_dir), target)
    con = db.connect(target)
    try:
        nummer, vbo, lat, lon = con.execute(
            "SELECT vestigingsnummer, verblijfsobject_id, ST_Y(to_wgs84(geom)), "
            "ST_X(to_wgs84(geom)) FROM vestiging WHERE verblijfsobject_id IS NOT NULL AND geom "
            "IS NOT NULL AND datum_einde IS NULL ORDER BY vestigingsnummer LIMIT 1").fetchone()
        con.execute("UPDATE vestiging SET naam = ?, handelsnamen = [?] WHERE vestigingsnummer = ?",
                    [NAAM, NAAM, nummer])
        con.execute("UPDATE verblijfsobject SET openbare_ruimte = ? WHERE identificatie = ?",
                    [STRAAT, vbo])
        con.execute("UPDATE vestiging SET straat = ? WHERE verblijfsobject_id = ?", [STRAAT, vbo])
    finally:
        con.close()
    (folder / "current").write_text(SNAPSHOT + "\n")
    (folder / "kaart.toml").write_text(
        f'[achtergrond.eigen]\nnaam = "Eigen tegels"\nurl = "{tile_server}{{z}}/{{x}}/{{y}}.png"\n'
        'attributie = "Gemeente"\naan = true\n'
        '[achtergrond.weg]\nnaam = "Onbereikbare server"\n'
        'url = "http://localhost:1/{z}/{x}/{y}.png"\nattributie = "Niemand"\naan = true\n',
        encoding="utf-8")
    return {"folder": folder, "nummer": nummer, "lat": lat, "lon": lon}


@pytest.fixture(scope="module")
def server(hostile, tmp_path_factory):
    with running_server(hostile["folder"], tmp_path_factory.mktemp("vijandig-log")) as url:
        yield url


@pytest.fixture
def page(server, tile_server):
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=b.CHROMIUM, args=b.ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        b.watch(page, problems, allowed=(tile_server, "http://localhost:1/"), app=server)
        page.goto(server, wait_until="domcontentloaded")
        yield page
        page.wait_for_timeout(300)
        seen = list(problems)
        browser.close()
    assert seen == []


def test_hostile_names_and_streets_are_shown_as_text(page, hostile):
    b.wait_for_map(page)
    box = page.get_by_placeholder("Zoek op postcode en huisnummer", exact=False)
    box.fill("onerror=alert")
    box.press("Enter")
    expect(page.get_by_text(NAAM, exact=True).first).to_be_visible(timeout=b.TIMEOUT_MS)
    expect(page.get_by_text(STRAAT, exact=False).first).to_be_visible()  # address on the card
    frame = b.map_frame(page)
    frame.wait_for_function("map.getZoom() === 18", timeout=b.TIMEOUT_MS)
    b.wait_idle(page, 1200)
    b.fly(b.map_frame(page), hostile["lat"], hostile["lon"], 18, links_px=150)
    b.wait_idle(page, 1200)
    x, y = b.screen_point(page, b.map_frame(page), hostile["lat"], hostile["lon"])
    page.mouse.move(x, y)
    tooltip = page.frame_locator(b.MAP_FRAME).locator(".leaflet-tooltip")
    expect(tooltip.first).to_contain_text(NAAM, timeout=b.TIMEOUT_MS)
    page.get_by_role("button", name="Pand openen").click()
    expect(page.get_by_text("Pand ", exact=False).first).to_be_visible(timeout=b.TIMEOUT_MS)
    expect(page.get_by_text(STRAAT, exact=False).first).to_be_visible(timeout=b.TIMEOUT_MS)
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert b.map_frame(page).evaluate("document.querySelectorAll('img[src=\"x\"]').length") == 0


def choose_background(page, naam: str) -> None:
    keuze = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(
        has_text="Achtergrond")
    keuze.scroll_into_view_if_needed()
    keuze.get_by_role("combobox").click()
    page.get_by_role("option", name=naam).click()


def test_a_configured_tile_server_is_the_only_place_asked(page):
    b.wait_for_map(page)
    choose_background(page, "Eigen tegels")
    b.map_frame(page).wait_for_function(
        "document.querySelectorAll('.leaflet-tile-loaded').length > 0", timeout=b.TIMEOUT_MS)


def test_an_unreachable_tile_server_falls_back_and_says_so(page):
    b.wait_for_map(page)
    choose_background(page, "Onbereikbare server")
    melding = page.frame_locator(b.MAP_FRAME).locator(".zicht-melding")
    expect(melding).to_contain_text("niet bereikbaar", timeout=b.TIMEOUT_MS)
    expect(melding).to_contain_text("zonder achtergrond")
