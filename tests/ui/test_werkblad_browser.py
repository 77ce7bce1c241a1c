"""The Kaart page as a workspace, in headless Chromium on the demo at the screen sizes the team
uses (1280 × 800 projector of the KernCluster room, 1400 × 900 laptop, 1920 × 1080 monitor): the
map is whole above the fold and fills the window's height, the legend never covers more than a
quarter of it, folding the side panel away keeps the map's view, and the presentation view
for the KernCluster meeting shows the map full screen with the confidentiality mark."""

from __future__ import annotations

import pytest
from playwright.sync_api import Frame, Page, sync_playwright

from exports.mapshot.view import DEFAULT_MARK as VERTROUWELIJK
from geo import db, snapshots
from tests.ui import browser as b
from ui.components.zoekbalk import PLAATSHOUDER

pytestmark = pytest.mark.browser

SIZES = [(1280, 800), (1400, 900), (1920, 1080)]
MIN_HOOGTE_AANDEEL = 0.70  # the map takes at least this share of the window's height
MIN_BREEDTE_AANDEEL = 0.45  # ... and of its width, with the side panel and the sidebar open
MAX_LEGENDA_AANDEEL = 0.25


@pytest.fixture(scope="module")
def centrum(demo_data_dir) -> tuple[float, float]:
    """The middle of Demostad's busiest postcode area: zoomed in there, points per branch group."""
    con = db.connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    try:
        return con.execute(
            "SELECT ST_Y(p), ST_X(p) FROM (SELECT to_wgs84(ST_Centroid(ST_Collect(list(geom)))) "
            "AS p, left(postcode, 4) AS pc4 FROM vestiging WHERE geom IS NOT NULL AND postcode IS "
            "NOT NULL GROUP BY pc4 ORDER BY count(*) DESC, pc4 LIMIT 1)").fetchone()
    finally:
        con.close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=b.CHROMIUM, args=b.ARGS)
        yield browser
        browser.close()


def _open(browser, url: str, width: int, height: int) -> tuple[Page, Frame, list[str]]:
    problems: list[str] = []
    page = browser.new_page(viewport={"width": width, "height": height})
    b.watch(page, problems)
    page.goto(url, wait_until="domcontentloaded")
    frame = b.wait_for_map(page)
    b.wait_idle(page)
    wait_sized(page)
    return page, frame, problems


def wait_sized(page: Page) -> None:
    """Until the workspace script has given the map its height and the map reports no resize."""
    page.wait_for_function(
        "() => { const f = document.querySelector('[class*=\"st-key-zicht_kaart\"] iframe');"
        " if (!f) { return false; } const h = f.getBoundingClientRect().height;"
        " const ok = window.__zichtH === h; window.__zichtH = h; return ok; }",
        polling=300, timeout=b.TIMEOUT_MS)


def map_box(page: Page) -> dict:
    return page.locator(b.MAP_FRAME).bounding_box()


def legend_share(frame: Frame) -> float:
    """The share of the map the legend covers (its box over the map container's box)."""
    return frame.evaluate(
        "(() => { const l = document.querySelector('.zicht-legenda').getBoundingClientRect();"
        " const m = map.getContainer().getBoundingClientRect();"
        " return (l.width * l.height) / (m.width * m.height); })()")


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_map_is_whole_above_the_fold_and_fills_the_window(browser, streamlit_server, width,
                                                          height):
    page, frame, problems = _open(browser, streamlit_server, width, height)
    box = map_box(page)
    aandeel = box["width"] * box["height"] / (width * height)
    print(f"{width}x{height}: map {box['width']:.0f} x {box['height']:.0f} px at "
          f"({box['x']:.0f}, {box['y']:.0f}) = {aandeel:.1%} of the window")
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= height, "the map runs below the fold"
    assert box["height"] >= MIN_HOOGTE_AANDEEL * height
    assert box["width"] >= MIN_BREEDTE_AANDEEL * width
    # The Leaflet map inside fills its iframe: nothing of it is cut off below.
    binnen = frame.evaluate("map.getContainer().getBoundingClientRect().height")
    assert abs(binnen - box["height"]) <= 2
    assert page.evaluate("document.scrollingElement.scrollTop") == 0
    page.close()
    assert problems == []


def test_legend_never_covers_more_than_a_quarter_of_the_map(browser, streamlit_server, centrum):
    """On the smallest screen, with the legend at its longest: points per branch group, the
    boundaries and the notes."""
    page, frame, problems = _open(browser, streamlit_server, *SIZES[0])
    overzicht = legend_share(frame)
    b.fly(frame, *centrum, 17)
    frame.wait_for_function(
        "document.querySelectorAll('.zicht-legenda .rij').length >= 10", timeout=b.TIMEOUT_MS)
    b.wait_idle(page)
    rijen = frame.evaluate("document.querySelectorAll('.zicht-legenda .rij').length")
    lang = legend_share(frame)
    print(f"legend share: overview {overzicht:.1%}, zoomed in ({rijen} rows) {lang:.1%}")
    assert 0 < overzicht <= MAX_LEGENDA_AANDEEL
    assert 0 < lang <= MAX_LEGENDA_AANDEEL
    # Its content scrolls inside it rather than growing over the map.
    assert frame.evaluate("(() => { const l = document.querySelector('.zicht-legenda');"
                          " return l.scrollHeight > l.clientHeight; })()")
    # Folded, it is only its button.
    frame.locator(".zicht-legenda-knop").click()
    assert frame.locator(".zicht-legenda-inhoud").is_hidden()
    assert legend_share(frame) < 0.02
    page.close()
    assert problems == []


def test_folding_the_panel_widens_the_map_and_keeps_its_view(browser, streamlit_server,
                                                             centrum):
    page, frame, problems = _open(browser, streamlit_server, *SIZES[0])
    b.fly(frame, *centrum, 15)
    b.wait_idle(page)
    frame.evaluate("window.zichtMerk = 'zelfde kaart'")
    voor = frame.evaluate("[map.getCenter().lat, map.getCenter().lng, map.getZoom()]")
    breed = map_box(page)["width"]
    page.get_by_role("button", name="Paneel verbergen").click()
    page.get_by_role("button", name="Paneel tonen").wait_for(timeout=b.TIMEOUT_MS)
    b.wait_idle(page)
    wait_sized(page)
    assert map_box(page)["width"] >= 0.7 * SIZES[0][0]
    assert map_box(page)["width"] > breed + 200
    assert b.map_frame(page).evaluate("window.zichtMerk") == "zelfde kaart", "map rebuilt"
    na = frame.evaluate("[map.getCenter().lat, map.getCenter().lng, map.getZoom()]")
    assert na[2] == voor[2]
    assert abs(na[0] - voor[0]) < 1e-4 and abs(na[1] - voor[1]) < 1e-4
    assert page.locator(".st-key-zicht_paneel").is_hidden()
    page.get_by_role("button", name="Paneel tonen").click()
    page.get_by_role("button", name="Paneel verbergen").wait_for(timeout=b.TIMEOUT_MS)
    b.wait_idle(page)
    wait_sized(page)
    terug = frame.evaluate("[map.getCenter().lat, map.getCenter().lng, map.getZoom()]")
    assert terug[2] == voor[2]
    assert abs(terug[0] - voor[0]) < 1e-4 and abs(terug[1] - voor[1]) < 1e-4
    page.close()
    assert problems == []


def test_presentation_view_shows_the_map_full_screen_with_mark_and_no_editing(
        browser, streamlit_server):
    width, height = SIZES[0]  # the KernCluster room's projector
    page, frame, problems = _open(browser, f"{streamlit_server}/?weergave=presentatie", width,
                                  height)
    box = map_box(page)
    print(f"presentation {width}x{height}: map {box['width']:.0f} x {box['height']:.0f} px = "
          f"{box['width'] * box['height'] / (width * height):.1%} of the window")
    assert box["y"] + box["height"] <= height
    assert box["width"] >= 0.95 * width - 40 and box["height"] >= 0.7 * height
    assert page.get_by_text(VERTROUWELIJK).is_visible()
    assert page.get_by_role("button", name="Presentatie sluiten").is_visible()
    # No editing controls: no sidebar (selection, layers), no search, no panel, no drawing tools.
    assert page.locator('section[data-testid="stSidebar"]').is_hidden()
    assert page.get_by_placeholder(PLAATSHOUDER).count() == 0
    assert page.locator(".st-key-zicht_paneel").is_hidden()
    assert frame.locator(".leaflet-draw").count() == 0
    # Large text, and the legend still covers at most a quarter of the map.
    grootte = frame.evaluate("parseFloat(getComputedStyle(document.querySelector("
                             "'.zicht-legenda')).fontSize)")
    assert grootte >= 16
    assert legend_share(frame) <= MAX_LEGENDA_AANDEEL
    page.get_by_role("button", name="Presentatie sluiten").click()
    page.get_by_placeholder(PLAATSHOUDER).wait_for(timeout=b.TIMEOUT_MS)
    assert "weergave" not in page.url
    page.close()
    assert problems == []
