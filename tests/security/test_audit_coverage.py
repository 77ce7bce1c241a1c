"""Every search, every object card (every role), every hit/no-hit question and every export writes
one audit line with who, when and what. The cards per role run through the real app.py (AppTest);
the searches and every download button on every page are walked in headless Chromium."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from cases import accounts
from cases.audit import AuditLog
from cases.store import open_store
from tests.security.conftest import KEY, app_page, login
from tests.ui import test_cases_support as support
from tests.ui.test_cases_support import app, run

expect.set_options(timeout=60_000)
case_env, store, team = support.case_env, support.store, support.team
ROLES = ["beheer", "coord", "ana.drugs", "kern"]
WITH_DOWNLOADS = ("Kaart", "Signalen", "Inventarisatie", "Bedrijventerreinen", "Casussen", "Beheer")
PAGES = ["Kaart", "Signalen", "Inventarisatie", "Bedrijventerreinen", "Gegevens", "Casussen", "Beheer"]


@pytest.fixture(scope="module")
def objects(demo_con) -> dict:
    pand, vbo = demo_con.execute("SELECT pand_identificatie, identificatie FROM verblijfsobject "
                                 "WHERE pand_identificatie IS NOT NULL ORDER BY 2 LIMIT 1").fetchone()
    nummer, kvk = demo_con.execute("SELECT vestigingsnummer, kvk_nummer FROM vestiging "
                                   "WHERE geom IS NOT NULL ORDER BY 1 LIMIT 1").fetchone()
    return {"pand": pand, "vbo": vbo, "vestiging": nummer, "kvk": kvk}


def _open(at, soort: str, ident: str, adres: str | None = None, n: int = 1):
    at.session_state["kaart_object"] = {"soort": soort, "id": ident, "adres": adres}
    at.session_state["kaart_object_opening"] = n
    return at


def _views(store, user: str) -> list[dict]:
    return [r for r in store.audit.read_rows()
            if r["actie"] == "objectkaart_bekeken" and r["gebruiker"] == user]


@pytest.mark.parametrize("user", ROLES)
def test_every_role_opening_a_card_writes_one_line_per_opening(user, store, team, objects):
    at = run(_open(app("kaart", user), "pand", objects["pand"]))
    at.run()  # a rerun of the same opening (any click on the page) is no new view
    views = _views(store, user)
    assert [(r["object_type"], r["object_id"]) for r in views] == [("pand", objects["pand"])]
    assert views[0]["tijd"]
    at = run(_open(at, "pand", objects["pand"], adres=objects["vbo"], n=2))
    at = run(_open(at, "vestiging", objects["vestiging"], n=3))
    views = _views(store, user)
    assert [(r["object_type"], r["object_id"]) for r in views][1:] == [
        ("verblijfsobject", objects["vbo"]), ("vestiging", objects["vestiging"])]
    assert json.loads(views[1]["details"]) == {"pand": objects["pand"]}
    assert json.loads(views[2]["details"]) == {"onderneming": objects["kvk"]}


def test_the_hit_no_hit_question_of_a_beheerder_is_one_line(store, team, objects):
    at = run(_open(app("kaart", "beheer"), "pand", objects["pand"]))
    knop = next(b for b in at.button if b.label.startswith("Komt dit voor in een casus"))
    knop.click()
    at = run(at)
    hits = [r for r in store.audit.read_rows() if r["actie"] == "hit_no_hit"]
    assert len(hits) == 1 and hits[0]["gebruiker"] == "beheer" and objects["pand"] in hits[0]["details"]


# --- Searches and exports in a real browser ------------------------------------------------------

def _rows(data) -> list[dict]:
    return AuditLog(data / "audit.log", KEY).read_rows()


def _new(data, before: int, actie: tuple[str, ...], timeout: float = 60, about: str = "") -> list[dict]:
    """The lines of these kinds (mentioning `about`) written since line `before`."""
    def found() -> list[dict]:
        return [r for r in _rows(data)[before:] if r["actie"] in actie and about in r["details"]]

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found():
            time.sleep(0.5)  # a second line would arrive now
            return found()
        time.sleep(0.2)
    return []


def _settled(page) -> None:
    time.sleep(2)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)


def _download_all(page, data, pagina: str) -> list[str]:
    """Click every visible download button; each must write exactly one export line."""
    made = []
    knoppen = page.get_by_test_id("stDownloadButton").locator("button")
    for i in range(knoppen.count()):
        knop = knoppen.nth(i)
        if not knop.is_visible() or not knop.is_enabled():
            continue
        label = knop.inner_text().strip()
        before = len(_rows(data))
        with page.expect_download(timeout=120_000):
            knop.click()
        lines = _new(data, before, ("export", "audit_export"))
        assert len(lines) == 1, (pagina, label, lines)
        assert lines[0]["gebruiker"] == "coord" and lines[0]["tijd"]
        made.append(f"{pagina}: {label} -> {lines[0]['details']}")
    return made


@pytest.mark.browser
def test_every_search_field_and_download_button_writes_one_line(productie_data, monkeypatch, objects):
    with open_store(productie_data / "cases.duckdb", KEY, mode="productie") as s:
        support.new_case(s, accounts.get_user(s, "coord"), "drugs", "Hennepgeur bij loods")
    with app_page(productie_data, monkeypatch, ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY) as page:
        login(page, "coord")
        expect(page.get_by_role("link", name="Casussen")).to_be_visible()
        made = {}
        for pagina in PAGES:
            page.get_by_role("link", name=pagina).click()
            if pagina in WITH_DOWNLOADS:
                expect(page.get_by_test_id("stDownloadButton").first).to_be_visible()
            else:
                expect(page.get_by_role("heading", name=pagina).first).to_be_visible()
            _settled(page)
            made[pagina] = _download_all(page, productie_data, pagina)
        print("\n".join(m for ms in made.values() for m in ms))
        assert all(made[pagina] for pagina in WITH_DOWNLOADS)

        page.get_by_role("link", name="Casussen").click()
        _settled(page)
        before = len(_rows(productie_data))
        page.get_by_label("Zoeken in titel, omschrijving en casusnummer").fill("hennep")
        page.keyboard.press("Enter")
        searched = _new(productie_data, before, ("zoekopdracht",), about="hennep")
        assert searched and searched[-1]["gebruiker"] == "coord"

        page.get_by_role("link", name="Kaart").click()
        _settled(page)
        before = len(_rows(productie_data))
        page.get_by_placeholder("bijvoorbeeld nagelstudio").fill("nagelstudio")
        page.keyboard.press("Enter")
        searched = _new(productie_data, before, ("zoekopdracht",), about='"veld":"activiteit"')
        assert len(searched) == 1 and "nagelstudio" in searched[0]["details"]

        before = len(_rows(productie_data))
        zoek = page.get_by_placeholder("Zoek op postcode en huisnummer", exact=False)
        zoek.fill(objects["vestiging"])
        zoek.press("Enter")
        # (opening the card also lists its linked cases: that read is a zoekopdracht of its own)
        searched = _new(productie_data, before, ("zoekopdracht",), about='"veld":"kaart"')
        assert len(searched) == 1 and objects["vestiging"] in searched[0]["details"]
        card = _new(productie_data, before, ("objectkaart_bekeken",))
        assert [(r["object_type"], r["object_id"]) for r in card] == [("vestiging", objects["vestiging"])]
