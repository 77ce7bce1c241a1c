"""Every screen tells the truth, end to end in headless Chromium against a real Streamlit server
(demo mode) on Demostad plus a 4-row KVK upload dated 01-12-2026, built through the real CLI.

Each test fails on the behaviour reported in issue 18: the peildatum moved by a small upload, a
hit/no-hit "Nee" for an address whose pand and vestiging are linked, a card opened by finishing a
drawing, "gekoppeld" and "Niet gekoppeld" on one card, /kaart answered with an English "Page not
found", a street name without number finding nothing, case times in UTC, and Streamlit's own
English ("Upload", "Select all", "Choose an option").
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect, sync_playwright

from cases import accounts, workflow
from cases.store import open_store
from geo import db, snapshots
from geo.nlformat import datumtijd
from tests.loaders.test_peildata import write_small_upload
from tests.loaders.test_pipeline import zicht
from tests.ui import browser as b
from tests.ui.conftest import running_server
from ui.components.cases.hit import GEEN_NAAM
from ui.pages.kaart import GEEN_PAND

pytestmark = pytest.mark.browser
SLOW_MS = 120_000  # the first run of a fresh server computes its caches; a busy machine is slow
expect.set_options(timeout=SLOW_MS)
CASE_TITLE = "Loods met wietlucht"


@pytest.fixture(scope="module")
def truth_data(tmp_path_factory):
    """Demostad + a 4-row KVK upload dated 01-12-2026, and one open case of the demo user."""
    from demo.sources import generate_and_register

    data = tmp_path_factory.mktemp("waarheid")
    generate_and_register(data, 0.05, 7, vervang=False, vorige=False)
    loaded = zicht(data, "load", "kvk-file", str(write_small_upload(data)), "--naam", "kvk-upload",
                   "--peildatum", "2026-12-01")
    assert loaded.returncode == 0, loaded.stderr
    built = zicht(data, "build")
    assert built.returncode == 0, built.stderr
    with open_store(data / "cases.duckdb", None, mode="demo") as store:
        case = workflow.register_signal(store, accounts.demo_user(store), thema="drugs", bron="mma",
                                        signaal_datum=date(2026, 11, 20), omschrijving="Signaal",
                                        titel=CASE_TITLE)
    return {"data": data, "case": case}


@pytest.fixture(scope="module")
def place(truth_data) -> dict:
    con = db.connect(snapshots.current_snapshot(truth_data["data"]), read_only=True)
    try:
        row = con.execute("""
            SELECT v.vestigingsnummer, v.naam, a.postcode, a.huisnummer, a.openbare_ruimte,
                   a.pand_identificatie
            FROM vestiging v JOIN verblijfsobject a ON a.identificatie = v.verblijfsobject_id
            WHERE a.huisletter IS NULL AND a.toevoeging IS NULL AND v.geom IS NOT NULL
              AND (SELECT count(*) FROM vestiging w WHERE contains(lower(w.naam), lower(v.naam))) = 1
              AND (SELECT count(*) FROM verblijfsobject b WHERE b.openbare_ruimte = a.openbare_ruimte
                   AND b.huisnummer = a.huisnummer) = 1
            ORDER BY v.vestigingsnummer LIMIT 1""").fetchone()
        zlat, zlon = con.execute("SELECT ST_Y(p), ST_X(p) FROM (SELECT to_wgs84(ST_Centroid(geom)) AS p "
                                 "FROM gebied WHERE soort = 'gemeente')").fetchone()
    finally:
        con.close()
    vestiging, naam, pc, nr, straat, pand = row
    return {"vestiging": vestiging, "naam": naam, "adres": f"{pc[:4]} {pc[4:]} {nr}",
            "straat_nr": f"{straat} {nr}", "straat": straat, "pand": pand, "zlat": zlat, "zlon": zlon}


@pytest.fixture(scope="module")
def server(truth_data, tmp_path_factory):
    with running_server(truth_data["data"], tmp_path_factory.mktemp("waarheid-log")) as url:
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
    # Opened directly at /<page>, Streamlit's frontend first probes /<page>/_stcore/… (404), then
    # finds the server at the root: that probe is Streamlit's, not an error a user sees.
    probes = [f"{server}/{pad}/_stcore/" for pad in ("kaart", "casussen", "bestaatniet", "gegevens")]
    b.watch(page, problems, allowed=probes)
    yield page
    page.wait_for_timeout(300)
    seen = list(problems)
    page.close()
    assert seen == []


def open_map(page, url: str):
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(b.MAP_FRAME, timeout=SLOW_MS)
    return b.wait_for_map(page)


def search(page, text: str) -> None:
    box = page.get_by_placeholder("Zoek op postcode en huisnummer", exact=False)
    box.fill(text)
    box.press("Enter")


def link_open_card_to_case(page) -> None:
    page.get_by_role("button", name=re.compile("Koppel aan casus")).last.click()
    page.get_by_role("button", name="Koppelen").last.click()
    expect(page.get_by_text(re.compile("gekoppeld aan casus")).first).to_be_visible()


def ask(page, text: str) -> str:
    box = page.get_by_label(re.compile("^Adres \\(postcode"))
    box.fill(text)
    page.get_by_role("button", name=re.compile("Controleren")).click()
    b.wait_idle(page, 1000)
    answers = re.compile(r"(Ja|Nee)\. |Geen vestiging")
    answer = page.locator('[data-testid="stAlert"]').filter(has_text=answers)
    expect(answer.first).to_be_visible()
    return answer.first.inner_text()


def test_a_small_later_upload_does_not_move_the_peildatum(page, server):
    open_map(page, server)
    expect(page.get_by_text("Peildatum 01-11-2026", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile("kvk-upload: 01-12-2026, 4 rijen"))).to_be_visible()


def test_hit_no_hit_finds_the_pand_and_vestiging_linked_from_the_map_card(page, server, place):
    open_map(page, server)
    search(page, place["adres"])
    expect(page.get_by_text(f"Pand {place['pand']}")).to_be_visible()
    link_open_card_to_case(page)
    # right after linking the card lists the case, and does not also say it has none
    expect(page.get_by_text(re.compile(CASE_TITLE)).first).to_be_visible()
    expect(page.get_by_text("Niet gekoppeld aan een casus", exact=False)).to_have_count(0)
    search(page, place["vestiging"])
    expect(page.get_by_text(place["naam"]).first).to_be_visible()
    link_open_card_to_case(page)

    page.goto(f"{server}/casussen", wait_until="domcontentloaded")
    page.get_by_role("tab", name="Treffervraag").click()
    for vraag in (place["adres"], place["straat_nr"], place["naam"], place["pand"]):
        antwoord = ask(page, vraag)
        assert "Ja. " in antwoord and "Nee. " not in antwoord, (vraag, antwoord)
    assert GEEN_NAAM[:30] in ask(page, place["straat"])


def test_finishing_a_drawing_opens_no_card(page, server, place):
    frame = open_map(page, server)
    b.fly(frame, place["zlat"], place["zlon"], 16)
    b.wait_idle(page, 1200)
    frame = b.map_frame(page)
    frame.locator(".leaflet-draw-draw-rectangle").click()
    x, y = b.screen_point(page, frame, place["zlat"], place["zlon"])
    page.mouse.move(x - 100, y - 80)
    page.mouse.down()
    page.mouse.move(x + 100, y + 80, steps=8)
    page.mouse.up()
    expect(page.get_by_text("Vestigingen van de selectie in dit gebied")).to_be_visible()
    b.wait_idle(page, 1500)
    expect(page.get_by_text(GEEN_PAND)).to_have_count(0)
    expect(page.get_by_text(re.compile(r"^Pand \d{16}$"))).to_have_count(0)


def test_kaart_path_opens_the_map_and_an_unknown_path_says_so_in_dutch(page, server):
    open_map(page, f"{server}/kaart")
    expect(page.get_by_text("Page not found")).to_have_count(0)
    page.goto(f"{server}/bestaatniet", wait_until="domcontentloaded")
    expect(page.get_by_text("Deze pagina bestaat niet in Zicht")).to_be_visible()
    expect(page.get_by_text("Page not found")).to_have_count(0)


def test_a_street_name_without_number_is_found(page, server, place):
    open_map(page, server)
    search(page, place["straat"].lower())
    expect(page.get_by_text(re.compile(f"Gevonden: {re.escape(place['straat'])}"))).to_be_visible()


def test_a_case_shows_its_times_in_dutch_time(page, server, truth_data):
    case = truth_data["case"]
    page.goto(f"{server}/casussen?casus={case.id}", wait_until="domcontentloaded")
    expect(page.get_by_text(f"geregistreerd {datumtijd(case.aangemaakt_op)}", exact=False)).to_be_visible()


def test_streamlit_own_english_is_dutch(page, server):
    """The uploader's button and the multiselect's bulk action and placeholder speak Dutch."""
    page.goto(f"{server}/gegevens", wait_until="domcontentloaded")
    page.get_by_role("tab", name="Bestand toevoegen").click()
    zone = page.locator('[data-testid="stFileUploaderDropzone"]').first
    expect(zone.get_by_role("button", name=re.compile("Bestand kiezen"))).to_be_visible()
    assert "Upload" not in zone.inner_text()
    open_map(page, f"{server}/kaart")
    veld = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Branchegroepen").first
    expect(veld.locator("input[placeholder]")).not_to_have_attribute("placeholder", re.compile("Choose"))
    veld.locator("input").first.click()
    lijst = page.locator('[role="listbox"]').first
    expect(lijst.get_by_text("Alles selecteren")).to_be_visible()
    assert "Select all" not in lijst.inner_text()
