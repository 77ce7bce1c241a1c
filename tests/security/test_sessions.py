"""A login ends after inactivity (default 15 minutes) and after a maximum lifetime (default 8
hours), both set on Beheer; a tab left open shows the login again (real server, Chromium)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from cases import sessions
from cases.model import GeenToegang, OngeldigeInvoer
from cases.store import open_store
from tests.security.conftest import KEY, app_page, login
from tests.ui import test_cases_support as support
from tests.ui.test_cases_support import app, run, texts

expect.set_options(timeout=30_000)
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
LOGIN = "Inloggen met een Zicht-account"
T0 = datetime(2026, 12, 3, 9, 0)
case_env, store, team = support.case_env, support.store, support.team


def test_the_defaults_are_15_minutes_idle_and_8_hours_in_all(store):
    duur = sessions.limits(store)
    assert (duur.inactief, duur.maximaal) == (timedelta(minutes=15), timedelta(hours=8))
    assert sessions.ended(duur, T0, T0 + timedelta(minutes=14), T0 + timedelta(minutes=28)) is None
    idle = sessions.ended(duur, T0, T0, T0 + timedelta(minutes=15))
    assert idle and "15 minuten zonder activiteit" in idle
    busy = sessions.ended(duur, T0, T0 + timedelta(hours=8), T0 + timedelta(hours=8, seconds=1))
    assert busy and "hoogstens 8 uur" in busy


def test_only_a_beheerder_sets_the_limits_within_bounds_and_it_is_audited(store, team):
    with pytest.raises(GeenToegang):
        sessions.set_limits(store, team.coordinator, timedelta(minutes=5), timedelta(hours=2))
    with pytest.raises(OngeldigeInvoer):
        sessions.set_limits(store, team.beheerder, timedelta(seconds=10), timedelta(hours=2))
    with pytest.raises(OngeldigeInvoer):
        sessions.set_limits(store, team.beheerder, timedelta(minutes=30), timedelta(hours=48))
    sessions.set_limits(store, team.beheerder, timedelta(minutes=5), timedelta(hours=2))
    assert sessions.limits(store) == sessions.Sessieduur(timedelta(minutes=5), timedelta(hours=2))
    last = store.audit.read_rows()[-1]
    assert (last["actie"], last["gebruiker"]) == ("instelling", "beheer") and "sessieduur" in last["details"]


def test_the_beheerder_sets_the_limits_on_the_beheer_page(store, team):
    at = run(app("beheer", "beheer"))
    assert "Sessies" in [t.label for t in at.tabs]
    assert "15 minuten" in texts(at)
    at.number_input(key="sessie_inactief_minuten").set_value(10)
    at.number_input(key="sessie_maximaal_uren").set_value(4)
    at.button(key="FormSubmitter:sessieduur-Sessieduur opslaan").click()
    at = run(at)
    assert sessions.limits(store) == sessions.Sessieduur(timedelta(minutes=10), timedelta(hours=4))
    assert "10 minuten" in texts(at)


def _limits(data, inactief_s: int, maximaal_s: int) -> None:
    """Set up short limits directly in the store (the UI's minimum is one minute)."""
    with open_store(data / "cases.duckdb", KEY, mode="productie") as s, s.cursor() as cur:
        s.run(cur, "meta_zet", sleutel=sessions.INACTIEF, waarde=str(inactief_s))
        s.run(cur, "meta_zet", sleutel=sessions.MAXIMAAL, waarde=str(maximaal_s))


@pytest.mark.browser
def test_a_tab_left_alone_shows_the_login_again(productie_data, monkeypatch):
    _limits(productie_data, 8, 3600)
    with app_page(productie_data, monkeypatch, ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY) as page:
        login(page, "ana")
        started = time.monotonic()
        expect(page.get_by_role("link", name="Casussen")).to_be_visible()  # logged in
        expect(page.get_by_role("heading", name=LOGIN)).to_have_count(0)
        expect(page.get_by_role("heading", name=LOGIN)).to_be_visible()  # nobody touched the tab
        assert time.monotonic() - started >= 6
        expect(page.get_by_text("zonder activiteit", exact=False)).to_be_visible()
        expect(page.locator(MAP_FRAME)).to_have_count(0)


@pytest.mark.browser
def test_a_busy_session_still_ends_at_its_maximum_lifetime(productie_data, monkeypatch):
    _limits(productie_data, 3600, 12)
    with app_page(productie_data, monkeypatch, ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY) as page:
        login(page, "ana")
        expect(page.get_by_role("link", name="Casussen")).to_be_visible()
        expect(page.get_by_role("heading", name=LOGIN)).to_have_count(0)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and page.get_by_role("heading", name=LOGIN).count() == 0:
            for name in ("Casussen", "Kaart"):  # keep working
                link = page.get_by_role("link", name=name)
                if link.count():
                    link.click()
            time.sleep(1)
        expect(page.get_by_role("heading", name=LOGIN)).to_be_visible()
        expect(page.get_by_text("een sessie duurt hoogstens", exact=False)).to_be_visible()
