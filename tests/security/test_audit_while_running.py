"""`zicht audit verify` checks the anchor while a real Streamlit server holds the case store, and a
broken log puts a red banner on every page a coordinator opens (headless Chromium)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.security.conftest import KEY, app_page, login, zicht

pytestmark = pytest.mark.browser
expect.set_options(timeout=30_000)
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
BANNER = "Het auditlog is niet in orde."


def verify(data):
    return zicht(data, "audit", "verify", ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY)


def test_verify_checks_the_anchor_while_the_app_holds_the_store(productie_data, monkeypatch):
    with app_page(productie_data, monkeypatch, ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY) as page:
        login(page, "coord")
        expect(page.locator(MAP_FRAME)).to_be_visible()  # the app has the store open now
        ok = verify(productie_data)
        assert ok.returncode == 0, ok.stderr
        assert "in gebruik" in ok.stdout and "klopt met het anker" in ok.stdout
        expect(page.get_by_text(BANNER)).to_have_count(0)

        log = productie_data / "audit.log"
        lines = log.read_text().splitlines(keepends=True)
        log.write_text("".join(lines[:-1]))  # the coordinator's login line is cut off
        cut = verify(productie_data)
        assert cut.returncode == 1 and "ingekort" in cut.stderr

        page.get_by_role("link", name="Casussen").click()
        expect(page.get_by_text(BANNER)).to_be_visible()
        page.get_by_role("link", name="Beheer").click()
        expect(page.get_by_text(BANNER)).to_be_visible()
        expect(page.get_by_text("Keten verbroken", exact=False)).to_be_visible()
        assert log.read_text().splitlines(keepends=True) == lines[:-1]  # nothing appended since


def test_an_analist_acting_on_a_broken_log_is_refused_not_logged(productie_data, monkeypatch):
    log = productie_data / "audit.log"
    lines = log.read_text().splitlines(keepends=True)
    first = json.loads(lines[0])
    first["seq"] = 99
    log.write_text("".join([json.dumps(first) + "\n", *lines[1:]]))
    before = log.read_bytes()
    with app_page(productie_data, monkeypatch, ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY) as page:
        login(page, "ana")
        expect(page.get_by_text("niet in orde", exact=False).first).to_be_visible()
        expect(page.locator(MAP_FRAME)).to_have_count(0)
    assert log.read_bytes() == before
