"""Data is text, never markup: the hostile data set in a real browser, every page.

The hostile snapshot (markup_hostile: payloads in names, streets, activities, legal forms, area
and source names, the gemeentenaam, case texts and a user's display name) is served by a real
Streamlit server in productie mode. Headless Chromium logs in as a beheerder-coördinator, opens
a hostile vestiging's card from a link, its pand, the linked case with every tab, and walks
Signalen (every signal), Inventarisatie, Bedrijventerreinen (the hostile terrain), Veranderingen,
Gegevens (every tab) and Beheer (every tab), pressing every download button on the way.
It fails on any dialog, any request to anything but the app, any element whose src or href
carries a payload host or a javascript: URL (in the page and in every frame: maps, tooltips),
and any CSV or XLSX cell a spreadsheet would run as a formula.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from geo import indicators
from tests.security import markup_hostile as h
from tests.ui import browser as b
from tests.ui.conftest import running_server

pytestmark = pytest.mark.browser
expect.set_options(timeout=b.TIMEOUT_MS)

INJECTED = """() => {
  const found = [];
  const attrs = ['src', 'href', 'action', 'formaction', 'srcset', 'poster', 'data', 'background'];
  for (const el of document.querySelectorAll('*')) {
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (v && (v.includes('HOST') || /^\\s*javascript:/i.test(v)))
        found.push(`${el.tagName.toLowerCase()} ${a}=${v.slice(0, 80)}`);
    }
  }
  return found;
}""".replace("HOST", h.HOST)
LINKS = """() => [...document.querySelectorAll('a[href], area[href]')]
  .map(a => a.href).filter(h => !h.startsWith(location.origin) && !h.startsWith('about:'))"""
# Links to another host that Zicht itself makes: the BAG viewer for a valid BAG id, and the
# attribution of the map library in the map's corner.
ZICHT_LINKS = re.compile(r"https://bagviewer\.kadaster\.nl/lvbag/bag-viewer/\?objectId=\d{16}"
                         r"|https://leafletjs\.com/?")
INVISIBLE = "() => /[\\u0000\\u202a-\\u202e\\u2066-\\u2069]/.test(document.body.innerText)"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = h.built(tmp_path_factory)
    env = {"ZICHT_MODE": "productie", "ZICHT_CASES_KEY": h.KEY}
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        with running_server(Path(data["folder"]), tmp_path_factory.mktemp("markup-log")) as url:
            yield url, data


class Walk:
    """One browser session through the app; what it found, per page."""

    def __init__(self, page, url: str, tmp: Path):
        self.page, self.url, self.tmp = page, url, tmp
        self.problems: list[str] = []
        self.injected: dict[str, list[str]] = {}
        self.invisible: list[str] = []
        self.downloads: dict[str, bytes] = {}
        self.texts: dict[str, str] = {}
        self.links: dict[str, list[str]] = {}

    def inspect(self, where: str) -> None:
        b.wait_idle(self.page, 600)
        found = list(self.page.evaluate(INJECTED))
        for frame in self.page.frames[1:]:
            try:
                found += frame.evaluate(INJECTED)
            except Exception:  # a frame Streamlit replaced meanwhile
                continue
        self.injected[where] = found
        self.links[where] = [link for f in self.page.frames for link in _links(f)]
        self.texts[where] = self.page.evaluate("document.body.innerText").replace("\u2060", "")
        if self.page.evaluate(INVISIBLE):
            self.invisible.append(where)

    def download_all(self, where: str) -> None:
        """Press every download button in view; keep what arrives."""
        knoppen = self.page.locator('[data-testid="stDownloadButton"] button')
        for i in range(knoppen.count()):
            knop = knoppen.nth(i)
            if not knop.is_visible() or not knop.is_enabled():
                continue
            with self.page.expect_download(timeout=b.TIMEOUT_MS) as info:
                knop.click()
            bestand = info.value
            self.downloads[f"{where}: {bestand.suggested_filename}"] = Path(bestand.path()).read_bytes()
        b.wait_idle(self.page)

    def go(self, naam: str) -> None:
        self.page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=naam,
                                                                       exact=True).click()
        b.wait_idle(self.page, 1000)

    def tabs(self, where: str) -> None:
        tabs = self.page.get_by_role("tab")
        for i in range(tabs.count()):
            tabs.nth(i).click()
            self.inspect(f"{where}, tab {i + 1}")
            self.download_all(f"{where}, tab {i + 1}")

    def choose(self, label: str, option_text: str) -> None:
        box = self.page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
        box.get_by_role("combobox").click()
        self.page.keyboard.type(option_text[:40])  # the list shows only its first options
        self.page.get_by_role("option").filter(has_text=option_text[:40]).first.click()
        b.wait_idle(self.page, 800)


def _links(frame) -> list[str]:
    try:
        return frame.evaluate(LINKS)
    except Exception:  # a frame Streamlit replaced meanwhile
        return []


@pytest.fixture(scope="module")
def walk(server, tmp_path_factory):
    url, data = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=b.CHROMIUM, args=b.ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        w = Walk(page, url, tmp_path_factory.mktemp("markup-export"))
        b.watch(page, w.problems, app=url)
        page.goto(f"{url}/?vestiging={data['vestiging']}", wait_until="domcontentloaded")
        page.get_by_label("Gebruikersnaam").fill(h.BEHEERDER)
        page.get_by_label("Wachtwoord").fill(h.PASSWORD)
        page.get_by_role("button", name="Inloggen", exact=True).click()
        _kaart(w)
        for naam, stap in [("Signalen", _signalen), ("Inventarisatie", _eenvoudig),
                           ("Bedrijventerreinen", _terreinen), ("Veranderingen", _eenvoudig),
                           ("Gegevens", _met_tabs), ("Beheer", _met_tabs)]:
            w.go(naam)
            stap(w, naam)
        page.wait_for_timeout(500)
        browser.close()
    return w


def _kaart(w: Walk) -> None:
    """The hostile vestiging's card (opened by a link), its case with every tab and the case
    overview; back on the map its pand, then the selection with its downloads."""
    b.wait_for_map(w.page)
    expect(w.page.get_by_text("Kapper", exact=False).first).to_be_visible()
    w.inspect("Kaart, vestiging")
    w.page.locator('[data-testid="stPageLink"]').filter(has_text="Casus").first.click()
    expect(w.page.get_by_role("tab").first).to_be_visible()
    w.tabs("Casussen, casus")
    w.page.get_by_role("button", name="Terug naar het overzicht").click()
    _eenvoudig(w, "Casussen")
    w.go("Kaart")
    b.wait_for_map(w.page)
    w.page.get_by_role("button", name="Pand openen").click()  # the vestiging is still open
    expect(w.page.get_by_text(re.compile(r"\d+ verblijfsobject")).first).to_be_visible()
    w.inspect("Kaart, pand")
    w.page.get_by_role("button", name="Sluiten").click()
    b.wait_idle(w.page, 800)
    w.inspect("Kaart, selectie")
    w.download_all("Kaart, selectie")
    _kaartbeeld(w)


def _kaartbeeld(w: Walk) -> None:
    """The map exports with names and addresses: PNG, PDF, GeoPackage and the HTML map, which
    is then opened on its own (it must fetch nothing and inject nothing either)."""
    w.page.get_by_text("Kaartbeeld en export").click()
    w.page.get_by_text("Zonder namen en adressen").click()
    b.wait_idle(w.page, 800)
    for knop in ("Maak PNG", "Maak GeoPackage", "Maak HTML-kaart"):
        w.page.get_by_role("button", name=knop).click()
        b.wait_idle(w.page, 800)
    expect(w.page.get_by_role("button", name="HTML-kaart downloaden")).to_be_visible()
    w.inspect("Kaart, kaartbeeld")
    w.download_all("Kaart, kaartbeeld")
    html = next(n for n in w.downloads if n.endswith(".html"))
    bestand = Path(w.tmp) / "kaartbeeld.html"
    bestand.write_bytes(w.downloads[html])
    los = w.page.context.new_page()
    b.watch(los, w.problems, allowed=(bestand.as_uri(),))
    los.goto(bestand.as_uri())
    los.wait_for_function("window.zicht !== undefined", timeout=b.TIMEOUT_MS)
    w.injected["Kaart, HTML-kaart los"] = los.evaluate(INJECTED)
    w.texts["Kaart, HTML-kaart los"] = los.evaluate("document.body.innerText")
    los.close()


def _signalen(w: Walk, naam: str) -> None:
    w.inspect(naam)
    for indicator in indicators.load_indicators():
        w.choose("Bekijk een signaal", indicator.naam)
        w.inspect(f"{naam}: {indicator.naam}")
        w.download_all(f"{naam}: {indicator.naam}")


def _eenvoudig(w: Walk, naam: str) -> None:
    """A page whose exports are at hand: wait until they are, look, download them all."""
    expect(w.page.locator('[data-testid="stDownloadButton"] button').first).to_be_visible()
    w.inspect(naam)
    w.download_all(naam)


def _terreinen(w: Walk, naam: str) -> None:
    w.choose("Bekijk één bedrijventerrein", "Terrein")
    _eenvoudig(w, naam)


def _met_tabs(w: Walk, naam: str) -> None:
    w.inspect(naam)
    w.tabs(naam)


def test_no_dialog_console_error_or_request_outside_the_app(walk):
    assert walk.problems == []


def test_no_element_carries_a_payload_link_or_source(walk):
    gezien = set(walk.injected)
    assert {"Kaart, vestiging", "Kaart, pand", "Kaart, selectie", "Kaart, kaartbeeld",
            "Kaart, HTML-kaart los", "Casussen", "Inventarisatie", "Bedrijventerreinen",
            "Veranderingen", "Gegevens", "Beheer"} <= gezien
    assert sum(k.startswith("Casussen, casus, tab") for k in gezien) >= 6
    assert sum(k.startswith("Signalen: ") for k in gezien) == len(indicators.load_indicators())
    assert {k: v for k, v in walk.injected.items() if v} == {}


def test_links_to_other_hosts_are_only_the_ones_zicht_makes(walk):
    vreemd = {where: [link for link in links if not ZICHT_LINKS.fullmatch(link)]
              for where, links in walk.links.items()}
    assert {k: v for k, v in vreemd.items() if v} == {}


def test_bidi_overrides_and_nul_never_reach_the_screen(walk):
    assert walk.invisible == []


def test_every_export_of_every_page_holds_no_formula(walk):
    pages = {naam.split(",")[0].split(":")[0] for naam in walk.downloads}
    assert {"Kaart", "Casussen", "Signalen", "Inventarisatie", "Bedrijventerreinen",
            "Veranderingen", "Gegevens", "Beheer"} <= pages
    problems, defused = [], 0
    for naam, inhoud in walk.downloads.items():
        if naam.endswith(".csv"):
            fout, n = h.csv_problems(naam, inhoud)
        elif naam.endswith(".xlsx"):
            fout, n = h.xlsx_problems(naam, inhoud)
        else:
            continue
        problems += fout
        defused += n
    assert problems == []
    assert defused > 20  # the payloads did reach the exports, as text


def test_hostile_strings_are_shown_literally(walk):
    """Cards, headers and the case show the data as it is (an invisible word joiner keeps an
    address from becoming a link), as text."""
    for verwacht in [h.names()[0], h.GEMEENTE, h.CASE_TITEL, h.WEERGAVENAAM, h.TERREIN.split(" \u202e")[0]]:
        assert any(verwacht in tekst for tekst in walk.texts.values()), verwacht
