"""The self-contained HTML map, opened from file:// in headless Debian Chromium: it draws, it asks
nothing of any server, and a company name full of HTML stays text."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from exports.html import html_map, json_for_script, leaflet_assets, write_html
from exports.mapshot.render import MapView, SnapshotOptions, whole_municipality
from geo import crs, db, snapshots
from geo.nlformat import datum

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
XSS = "<img src=x onerror=alert(1)>"
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def xss_snapshot(demo_data_dir, tmp_path_factory) -> dict:
    """A copy of the demo snapshot where one lone active vestiging is called <img …>."""
    copy = tmp_path_factory.mktemp("xss") / "zicht-xss.duckdb"
    shutil.copy(snapshots.current_snapshot(demo_data_dir), copy)
    connection = db.connect(copy)
    peildatum = connection.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]
    nummer, x, y = connection.execute("""
        WITH a AS (SELECT vestigingsnummer, geom FROM vestiging
                   WHERE geom IS NOT NULL AND is_actief(datum_aanvang, datum_einde, ?))
        SELECT a.vestigingsnummer, ST_X(a.geom), ST_Y(a.geom) FROM a
        WHERE NOT EXISTS (SELECT 1 FROM a b WHERE b.vestigingsnummer <> a.vestigingsnummer
                          AND ST_DWithin(a.geom, b.geom, 15))
        ORDER BY a.vestigingsnummer LIMIT 1""", [peildatum]).fetchone()
    connection.execute("UPDATE vestiging SET naam = ?, handelsnamen = [?] WHERE vestigingsnummer = ?",
                       [XSS, XSS, nummer])
    connection.close()
    lat, lon = crs.rd_to_latlon(x, y)
    return {"path": copy, "x": x, "y": y, "lat": lat, "lon": lon}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium ontbreekt (make test installeert het)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


def open_page(browser, path: Path):
    """Open the file; returns (page, requests, problems) with every request and error recorded."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    requests, problems = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function("window.zicht !== undefined", timeout=TIMEOUT_MS)
    return page, requests, problems


def only_local(requests: list[str]) -> list[str]:
    return [u for u in requests if not u.startswith(("file://", "data:"))]


def test_opens_from_file_draws_features_and_asks_no_server(con, browser, tmp_path):
    view = whole_municipality(con, layers=("vestigingen", "panden", "buurten", "bedrijventerreinen",
                                           "indicatoren"), indicatoren=("veel_inschrijvingen",))
    path = tmp_path / "kaart.html"
    write_html(con, path, view, SnapshotOptions(privacy=False))
    page, requests, problems = open_page(browser, path)
    counts = page.evaluate("window.zicht.aantallen")
    assert counts["Vestigingen"] > 0 and counts["Buurtgrenzen"] > 0
    drawn = page.evaluate("""() => {
        const c = document.querySelector('#kaart canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }""")
    assert drawn > 1000
    page.screenshot(path=str(tmp_path / "kaart.png"))
    assert only_local(requests) == []
    assert problems == []


def test_a_name_full_of_html_stays_text_and_opens_no_dialog(browser, xss_snapshot, tmp_path):
    connection = db.connect(xss_snapshot["path"], read_only=True)
    try:
        x, y = xss_snapshot["x"], xss_snapshot["y"]
        view = MapView(bounds=(x - 150, y - 100, x + 150, y + 100), bounds_crs="EPSG:28992")
        text = html_map(connection, view, SnapshotOptions(privacy=False))
    finally:
        connection.close()
    assert XSS not in text and "<img" not in text
    path = tmp_path / "xss.html"
    path.write_text(text, encoding="utf-8")
    page, requests, problems = open_page(browser, path)
    point = page.evaluate("([lat, lon]) => window.zicht.kaart.latLngToContainerPoint([lat, lon])",
                          [xss_snapshot["lat"], xss_snapshot["lon"]])
    box = page.locator("#kaart").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=TIMEOUT_MS)
    assert XSS in tooltip.inner_text()
    assert page.locator("img[src='x']").count() == 0
    assert problems == [] and only_local(requests) == []


def test_privacy_on_puts_no_name_in_the_file(browser, xss_snapshot, tmp_path):
    connection = db.connect(xss_snapshot["path"], read_only=True)
    try:
        name = connection.execute("SELECT naam FROM vestiging WHERE geom IS NOT NULL AND "
                                  "length(naam) > 10 ORDER BY vestigingsnummer LIMIT 1").fetchone()[0]
        view = whole_municipality(connection)
        text = html_map(connection, view, SnapshotOptions())
    finally:
        connection.close()
    assert name not in text and html.escape(name) not in text
    assert "Vestigingen per vak" in text
    path = tmp_path / "privacy.html"
    path.write_text(text, encoding="utf-8")
    page, requests, problems = open_page(browser, path)
    counts = page.evaluate("window.zicht.aantallen")
    assert any(n > 0 for layer, n in counts.items() if layer.startswith("Vestigingen per vak"))
    assert problems == [] and only_local(requests) == []


def test_page_says_peildata_selection_author_and_mark(con):
    view = whole_municipality(con, filters=("Branche: <alle>",))
    text = html_map(con, view, SnapshotOptions(author="A. Analist", title="Kaart & overzicht"))
    for bron, peildatum in con.execute("SELECT coalesce(omschrijving, bron), peildatum FROM bron").fetchall():
        assert html.escape(f"{bron} {datum(peildatum)}") in text
    assert "Branche: &lt;alle&gt;" in text and "<alle>" not in text
    assert "<title>Kaart &amp; overzicht</title>" in text
    assert "Gemaakt door A. Analist op" in text
    assert text.count("uitsluitend voor deelnemers KernCluster Ondermijning") == 2
    assert "Demostad is fictief" in text


def test_content_security_policy_forbids_every_request(con):
    text = html_map(con, whole_municipality(con), SnapshotOptions())
    policy = html.unescape(text.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0])
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    assert "img-src data:;" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_leaflet_is_inlined_with_its_images_and_no_script_end(con):
    css, js = leaflet_assets()
    assert "url(images/" not in css and "data:image/png;base64," in css
    assert "</script" not in js.lower()
    text = html_map(con, whole_municipality(con), SnapshotOptions())
    assert "<script src" not in text and "<link" not in text


def test_json_in_a_script_block_cannot_close_it():
    encoded = json_for_script({"naam": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded


def test_missing_leaflet_says_what_to_do(monkeypatch, tmp_path):
    import exports.html as export_html

    monkeypatch.setattr(export_html, "VENDOR", tmp_path)
    with pytest.raises(RuntimeError, match="make static/vendor/.stamp"):
        leaflet_assets()
