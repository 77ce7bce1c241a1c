"""Map rights per datarol end to end: a real Streamlit server in productie mode, headless Chromium.

An analyst whose only datarol shows Beauty sees automotive while the setting is off (as before);
after the beheerder turns it on in Beheer, the same analyst sees no automotive point on Kaart, no
automotive signal on Signalen, and the GeoPackage and HTML map he exports hold no automotive
vestiging. An analyst cannot open the setting."""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import pyogrio
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect, sync_playwright

from cases import accounts, kaartrollen
from cases.store import open_store
from exports.html import json_for_script
from geo import concentration, db, snapshots
from tests.ui import browser as b
from tests.ui.conftest import running_server
from tests.ui.test_cases_support import KEY, PASSWORD, link_demo_snapshot
from ui.pages.beheer import GEEN_TOEGANG

pytestmark = pytest.mark.browser
AUTOMOTIVE_SIGNAAL = "Autobedrijf zonder RDW-erkenning"
BEAUTY_SIGNAAL = "Veel bedrijven op één adres"


@pytest.fixture(scope="module")
def facts(demo_data_dir) -> SimpleNamespace:
    """An active automotive-only vestiging (A) and the nearest active beauty-only one (B)."""
    con = db.connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    try:
        con.register("lid", concentration.membership(con))
        row = con.execute("""
            WITH g AS (SELECT vestigingsnummer, list(DISTINCT groep) AS groepen FROM lid GROUP BY 1),
            v AS (SELECT v.vestigingsnummer, v.naam, v.geom, g.groepen
                  FROM vestiging v JOIN g USING (vestigingsnummer)
                  WHERE v.geom IS NOT NULL AND is_actief(v.datum_aanvang, v.datum_einde,
                        (SELECT waarde FROM meta WHERE sleutel = 'peildatum')))
            SELECT a.vestigingsnummer, a.naam, b.vestigingsnummer, b.naam,
                   ST_Y(to_wgs84(ST_Centroid(ST_Collect([a.geom, b.geom])))),
                   ST_X(to_wgs84(ST_Centroid(ST_Collect([a.geom, b.geom]))))
            FROM v a JOIN v b ON a.groepen = ['automotive'] AND b.groepen = ['beauty']
            ORDER BY ST_Distance(a.geom, b.geom), a.vestigingsnummer, b.vestigingsnummer LIMIT 1
        """).fetchone()
        automotive = {n for (n,) in con.execute(
            "SELECT DISTINCT vestigingsnummer FROM lid WHERE groep = 'automotive' EXCEPT "
            "SELECT vestigingsnummer FROM lid WHERE groep = 'beauty'").fetchall()}
    finally:
        con.close()
    return SimpleNamespace(a=row[0], a_naam=row[1], b=row[2], b_naam=row[3], lat=row[4], lon=row[5],
                           automotive=automotive)


@pytest.fixture(scope="module")
def server(demo_data_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("kaartrechten")
    data = folder / "data"
    link_demo_snapshot(demo_data_dir, data)
    with open_store(data / "cases.duckdb", KEY, mode="productie") as store:
        add = accounts.register_user
        bea = add(store, "test", "bea", "Bea Beheer", ["beheerder"], wachtwoord=PASSWORD)
        add(store, "test", "bianca", "Bianca Beauty", ["analist"], ["prostitutie"], wachtwoord=PASSWORD)
        kaartrollen.zet_rechten(store, bea, "prostitutie", groepen=["beauty"],
                                signalen=["veel_inschrijvingen"])
    env = {"ZICHT_MODE": "productie", "ZICHT_CASES_KEY": KEY}
    with running_server(data, folder, env=env) as url:
        yield SimpleNamespace(url=url, data=data)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=b.CHROMIUM, args=b.ARGS)
        yield browser
        browser.close()


def open_as(browser, server, naam: str):
    page = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True).new_page()
    page.set_default_timeout(b.TIMEOUT_MS)
    page.goto(server.url, wait_until="domcontentloaded")
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    return page


def points_near_b(page, facts) -> set[str]:
    """The vestigingen drawn as points around A and B (waits until B is drawn)."""
    frame = b.wait_for_map(page)
    b.fly(frame, facts.lat, facts.lon, 17)
    b.map_frame(page).wait_for_function(
        f"Object.values(map._layers).some(l => l.feature && l.feature.id === '{facts.b}')",
        timeout=b.TIMEOUT_MS)
    return set(b.map_frame(page).evaluate(
        "Object.values(map._layers).filter(l => l.feature && l.feature.id).map(l => String(l.feature.id))"))


def signal_options(page) -> list[str]:
    """The signals the Signalen page offers, each as 'naam (aantal)'."""
    page.get_by_role("link", name="Signalen").click()
    # Wait for the signal choice itself: a heading of the page just left can still be visible
    # while Signalen computes on its first use (a loaded machine takes more than 30 s). The
    # small signal map's first value makes Streamlit run the page once more, and on a loaded
    # machine the choice can be redrawn then; so try again until the list opens.
    kies = page.get_by_role("combobox", name="Bekijk een signaal")
    opties = page.get_by_role("option")
    einde = time.monotonic() + 240
    while True:
        expect(kies).to_be_visible(timeout=120_000)
        b.wait_idle(page, 1000)
        try:
            kies.click(timeout=15_000)
            expect(opties.first).to_be_visible(timeout=15_000)
            break
        except (PlaywrightTimeoutError, AssertionError):
            if time.monotonic() > einde:
                raise
            page.keyboard.press("Escape")
    texts = opties.all_inner_texts()
    page.keyboard.press("Escape")
    return texts


def turn_on(browser, server) -> None:
    page = open_as(browser, server, "bea")
    page.get_by_role("link", name="Beheer").click()
    page.get_by_role("tab", name="Kaartrechten").click()
    page.get_by_text("Kaartrechten per datarol aan").click()
    page.get_by_role("button", name="Kaartrechten opslaan").click()
    expect(page.get_by_text("Kaartrechten opgeslagen")).to_be_visible()
    page.get_by_role("tab", name="Kaartrechten").click()
    expect(page.get_by_text("kaartrechten per datarol staan aan")).to_be_visible()
    page.context.close()


def download(page, maak: str, label: str, target: Path) -> Path:
    page.get_by_role("button", name=maak).click()
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name=label).click(timeout=120_000)
    info.value.save_as(target)
    return target


def test_a_beauty_role_sees_no_automotive_once_the_beheerder_turns_it_on(browser, server, facts, tmp_path):
    assert facts.a in facts.automotive
    page = open_as(browser, server, "bianca")
    assert facts.a in points_near_b(page, facts)  # off: as before, automotive shows
    assert any(o.startswith(AUTOMOTIVE_SIGNAAL) for o in signal_options(page))
    page.context.close()

    turn_on(browser, server)

    page = open_as(browser, server, "bianca")
    shown = points_near_b(page, facts)
    assert facts.b in shown and not shown & facts.automotive
    legenda = b.map_frame(page).locator(".zicht-legenda")
    expect(legenda).to_contain_text("Beauty")
    expect(legenda).not_to_contain_text("Automotive")

    page.get_by_text("Kaartbeeld en export").click()
    page.get_by_text("Zonder namen en adressen").click()  # names and vestigingen in the files
    gpkg = download(page, "Maak GeoPackage", "GeoPackage downloaden", tmp_path / "kaart.gpkg")
    nummers = set(pyogrio.read_dataframe(gpkg, layer="vestiging")["vestigingsnummer"])
    assert facts.b in nummers and not nummers & facts.automotive
    html = download(page, "Maak HTML-kaart", "HTML-kaart downloaden", tmp_path / "kaart.html").read_text()
    def in_html(naam: str) -> bool:  # names sit in the page's JSON, escaped for a <script>
        return json_for_script(naam)[1:-1] in html

    assert in_html(facts.b_naam) and not in_html(facts.a_naam) and "Automotive" not in html

    opties = signal_options(page)
    assert [o.split(" (")[0] for o in opties] == [BEAUTY_SIGNAAL]
    page.context.close()


def test_an_analyst_cannot_open_the_setting(browser, server):
    page = open_as(browser, server, "bianca")
    page.get_by_role("link", name="Beheer").click()
    expect(page.get_by_text(GEEN_TOEGANG)).to_be_visible()
    expect(page.get_by_role("tab", name="Kaartrechten")).to_have_count(0)
    expect(page.get_by_text("Kaartrechten per datarol aan")).to_have_count(0)
    page.context.close()
