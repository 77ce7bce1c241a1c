"""Demo mode never shows real data: the mode decision as a unit, and the real app in Chromium on a
data folder with a real (non-demo) snapshot or a real case store."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cases.mode import DEMO, DEMO_KEY, PRODUCTIE, EchteGegevens, decide
from cases.model import OpslagFout
from cases.store import open_store
from tests.security.conftest import KEY, app_page, login, seed_team
from tests.ui.test_cases_support import link_demo_snapshot

expect.set_options(timeout=30_000)
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


@pytest.fixture
def real_data(tmp_path, real_data_dir):
    data = tmp_path / "data"
    link_demo_snapshot(real_data_dir, data)  # links the real snapshot; nothing is copied
    return data


@pytest.fixture
def demo_data(tmp_path, demo_data_dir):
    data = tmp_path / "data"
    link_demo_snapshot(demo_data_dir, data)
    return data


def test_demo_data_without_zicht_mode_runs_as_demo(demo_data):
    assert decide(demo_data, None, asked="") == DEMO
    assert decide(demo_data, DEMO_KEY, asked="demo") == DEMO


def test_a_real_snapshot_without_zicht_mode_means_productie(real_data):
    assert decide(real_data, None, asked="") == PRODUCTIE


def test_demo_asked_for_on_a_real_snapshot_is_refused_with_what_to_set(real_data):
    with pytest.raises(EchteGegevens) as refused:
        decide(real_data, None, asked="demo")
    text = str(refused.value)
    assert "echte gegevens" in text and "ZICHT_MODE=productie" in text and "ZICHT_CASES_KEY" in text


def test_an_own_key_for_the_case_store_means_productie(demo_data):
    assert decide(demo_data, KEY, asked="") == PRODUCTIE
    with pytest.raises(EchteGegevens):
        decide(demo_data, KEY, asked="demo")


def test_a_typo_in_zicht_mode_never_means_demo(demo_data):
    with pytest.raises(OpslagFout, match="Onbekende modus"):
        decide(demo_data, None, asked="dmeo")


def test_a_store_with_real_cases_is_not_opened_in_demo_mode(demo_data):
    with open_store(demo_data / "cases.duckdb", KEY, mode=PRODUCTIE) as store:
        seed_team(store)
    with pytest.raises(EchteGegevens, match="eigen sleutel"):
        open_store(demo_data / "cases.duckdb", mode=DEMO)


@pytest.mark.browser
def test_real_snapshot_without_mode_or_key_shows_only_a_refusal(real_data, monkeypatch):
    with app_page(real_data, monkeypatch, ZICHT_MODE=None, ZICHT_CASES_KEY=None) as page:
        expect(page.get_by_text("Zicht kan niet starten")).to_be_visible()
        expect(page.get_by_text("ZICHT_CASES_KEY", exact=False).first).to_be_visible()
        expect(page.locator(MAP_FRAME)).to_have_count(0)
        expect(page.get_by_text("Demogebruiker")).to_have_count(0)
        expect(page.get_by_role("link", name="Casussen")).to_have_count(0)


@pytest.mark.browser
def test_real_snapshot_with_a_key_but_without_mode_asks_for_a_login(real_data, monkeypatch):
    with open_store(real_data / "cases.duckdb", KEY, mode=PRODUCTIE) as store:
        seed_team(store)
    with app_page(real_data, monkeypatch, ZICHT_MODE=None, ZICHT_CASES_KEY=KEY) as page:
        expect(page.get_by_role("heading", name="Inloggen met een Zicht-account")).to_be_visible()
        expect(page.locator(MAP_FRAME)).to_have_count(0)
        login(page, "ana")
        expect(page.locator(MAP_FRAME)).to_be_visible()


@pytest.mark.browser
def test_demo_mode_asked_for_on_real_data_refuses_to_start(real_data, monkeypatch):
    with app_page(real_data, monkeypatch, ZICHT_MODE="demo", ZICHT_CASES_KEY=None) as page:
        expect(page.get_by_text("Zicht start niet in demomodus", exact=False)).to_be_visible()
        expect(page.get_by_text("ZICHT_MODE=productie", exact=False)).to_be_visible()
        expect(page.locator(MAP_FRAME)).to_have_count(0)


@pytest.mark.browser
def test_a_store_with_real_cases_on_demo_data_is_not_shown_without_a_login(demo_data, monkeypatch):
    with open_store(demo_data / "cases.duckdb", KEY, mode=PRODUCTIE) as store:
        seed_team(store)
    with app_page(demo_data, monkeypatch, ZICHT_MODE=None, ZICHT_CASES_KEY=None) as page:
        expect(page.get_by_text("eigen sleutel versleuteld", exact=False)).to_be_visible()
        expect(page.locator(MAP_FRAME)).to_have_count(0)
        expect(page.get_by_role("link", name="Casussen")).to_have_count(0)
