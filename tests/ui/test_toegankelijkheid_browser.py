"""WCAG 2.1 AA (required of Dutch municipalities by the Besluit digitale toegankelijkheid
overheid), checked with axe-core in headless Chromium on every page, on the map itself (its
iframe: zoom buttons, drawing tools, legend), on the object card, on a case's detail and on the
check of an upload: no serious or critical violation anywhere. Also: every control of the map
can be reached with the keyboard and shows where the focus is."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from playwright.sync_api import expect, sync_playwright

from cases import accounts, workflow
from cases.store import open_store
from geo import db, snapshots
from tests.loaders.test_peildata import write_small_upload
from tests.ui import axe
from tests.ui import browser as b
from tests.ui.conftest import running_server

pytestmark = pytest.mark.browser
SLOW_MS = 120_000
expect.set_options(timeout=SLOW_MS)
PAGINAS = ["", "signalen", "inventarisatie", "bedrijventerreinen", "veranderingen", "casussen",
           "gegevens", "beheer"]


@pytest.fixture(scope="module")
def a11y_data(demo_data_dir, tmp_path_factory):
    """A copy of the demo with one open case of the demo user (the case store is the copy's)."""
    if not axe.AXE_BESTAND.exists():
        pytest.fail(f"{axe.AXE_BESTAND} ontbreekt: run `make static/vendor/.stamp` (axe-core)")
    data = tmp_path_factory.mktemp("toegankelijk") / "data"
    shutil.copytree(demo_data_dir, data)
    with open_store(data / "cases.duckdb", None, mode="demo") as store:
        case = workflow.register_signal(store, accounts.demo_user(store), thema="drugs", bron="mma",
                                        signaal_datum=date(2026, 11, 20), omschrijving="Signaal",
                                        titel="Toegankelijke casus")
    con = db.connect(snapshots.current_snapshot(data), read_only=True)
    try:
        pand = con.execute("SELECT pand_identificatie FROM verblijfsobject v JOIN vestiging w ON "
                           "w.verblijfsobject_id = v.identificatie ORDER BY 1 LIMIT 1").fetchone()[0]
    finally:
        con.close()
    return {"data": data, "case": case.id, "pand": pand}


@pytest.fixture(scope="module")
def server(a11y_data, tmp_path_factory):
    with running_server(a11y_data["data"], tmp_path_factory.mktemp("toegankelijk-log")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=b.CHROMIUM, args=b.ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    problems: list[str] = []
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    # Opened directly at /<page>, Streamlit's frontend first probes /<page>/_stcore/… (404).
    probes = [f"{server}/{pad}/_stcore/" for pad in [*PAGINAS, "kaart"] if pad]
    b.watch(page, problems, allowed=probes)
    yield page
    page.wait_for_timeout(300)
    seen = list(problems)
    page.close()
    assert seen == []


def _klaar(page) -> None:
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1, '
                           '[data-testid="stMainBlockContainer"] h2', timeout=SLOW_MS)
    b.wait_idle(page)


def _controleer(page, server: str, naam: str) -> None:
    gevonden = axe.overtredingen(page, server)
    print(axe.rapport(naam, gevonden))
    assert gevonden == [], axe.rapport(naam, gevonden)


@pytest.mark.parametrize("pad", PAGINAS, ids=[p or "kaart" for p in PAGINAS])
def test_every_page_has_no_serious_wcag_violations(page, server, pad):
    page.goto(f"{server}/{pad}", wait_until="domcontentloaded")
    _klaar(page)
    if pad in ("", "signalen", "bedrijventerreinen", "veranderingen"):
        page.wait_for_selector(b.MAP_FRAME, timeout=SLOW_MS)
        frame = b.map_frame(page)
        frame.wait_for_function("window.map && document.querySelector('.leaflet-control-zoom-in')",
                                timeout=SLOW_MS)
        b.wait_idle(page)
        gevonden = axe.overtredingen(frame, server)
        print(axe.rapport(f"{pad or 'kaart'} (kaart)", gevonden))
        assert gevonden == [], axe.rapport(f"{pad or 'kaart'} (kaart)", gevonden)
    _controleer(page, server, pad or "kaart")


def test_the_object_card_has_no_serious_wcag_violations(page, server, a11y_data):
    page.goto(f"{server}/kaart?pand={a11y_data['pand']}", wait_until="domcontentloaded")
    _klaar(page)
    expect(page.get_by_role("button", name="Sluiten")).to_be_visible()
    _controleer(page, server, "objectkaart")


def test_a_case_detail_has_no_serious_wcag_violations(page, server, a11y_data):
    page.goto(f"{server}/casussen?casus={a11y_data['case']}", wait_until="domcontentloaded")
    expect(page.get_by_text("Toegankelijke casus").first).to_be_visible()
    b.wait_idle(page)
    _controleer(page, server, "casus")


def test_the_upload_check_has_no_serious_wcag_violations(page, server, a11y_data, tmp_path):
    page.goto(f"{server}/gegevens", wait_until="domcontentloaded")
    _klaar(page)
    page.get_by_role("tab", name="Bestand toevoegen").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(write_small_upload(tmp_path)))
    dag = page.get_by_role("group", name="Peildatum").get_by_role("spinbutton").first
    dag.wait_for(timeout=SLOW_MS)
    dag.click()
    page.keyboard.type("01122026")
    page.keyboard.press("Enter")
    page.get_by_label("Omschrijving (optioneel)").click()  # leaving the date commits it
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("button", name="Registreren")).to_be_visible()
    b.wait_idle(page)
    _controleer(page, server, "uploadcontrole")


def test_every_map_control_is_reached_by_keyboard_with_a_visible_focus(page, server):
    page.goto(server, wait_until="domcontentloaded")
    frame = b.wait_for_map(page)
    b.wait_idle(page)
    bereikt = []
    page.locator(b.MAP_FRAME).focus()
    frame.locator(".leaflet-control-zoom-in").focus()
    for _ in range(12):
        naam = frame.evaluate(
            "(() => { const e = document.activeElement; if (!e || e === document.body) return '';"
            " const s = getComputedStyle(e); const zichtbaar = s.outlineStyle !== 'none' &&"
            " parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none';"
            " return (e.getAttribute('aria-label') || e.title || e.textContent || e.className)"
            ".trim() + (zichtbaar ? '' : ' [GEEN FOCUS]'); })()")
        bereikt.append(naam)
        page.keyboard.press("Tab")
    print("tab order in the map:", bereikt)
    for label in ("Inzoomen", "Uitzoomen", "Gebied tekenen (vlak)", "Gebied tekenen (rechthoek)",
                  "Legenda verbergen"):
        assert label in bereikt, f"{label} not reached by Tab: {bereikt}"
    assert not [n for n in bereikt if "[GEEN FOCUS]" in n], bereikt
