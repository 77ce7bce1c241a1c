"""The analysis pages without a browser (streamlit.testing AppTest): Signalen, Inventarisatie,
Bedrijventerreinen and Veranderingen on the demo. The numbers on screen are checked against
DuckDB directly; the empty states say in Dutch why there is nothing to show."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import indicators, snapshots
from geo.db import connect
from ui import data_analyse
from ui.pages import signalen, veranderingen

PAGES = ("signalen", "inventarisatie", "bedrijventerreinen", "veranderingen")


def _page(name: str) -> None:
    import importlib

    importlib.import_module(f"ui.pages.{name}").render()


def run_page(name: str, data_dir: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("ZICHT_DATA_DIR", str(data_dir))
    monkeypatch.setenv("ZICHT_MODE", "demo")
    at = AppTest.from_function(_page, args=(name,), default_timeout=120)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    kinds = ("title", "markdown", "caption", "info", "error", "subheader")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def scalar(data_dir: Path, sql: str) -> int:
    con = connect(snapshots.current_snapshot(data_dir), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def found(demo_data_dir) -> dict[str, list[dict]]:
    con = connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    try:
        indicators.prepare(con)
        return indicators.run_all(con)
    finally:
        con.close()


def test_signalen_lists_every_indicator_with_the_count_duckdb_gives(demo_data_dir, monkeypatch,
                                                                    found):
    at = run_page("signalen", demo_data_dir, monkeypatch)
    overzicht = at.dataframe[0].value
    alle = indicators.load_indicators()
    assert list(overzicht["Signaal"]) == [i.naam for i in alle]
    assert list(overzicht["Gevonden"]) == [len(found[i.id]) for i in alle]
    assert signalen.GEEN_OORDEEL in texts(at)
    at.selectbox(key="signaal_keuze").set_value(indicators.by_id("verloop")).run()
    tabel = at.dataframe[1].value
    assert sorted(tabel["Reden"]) == sorted(r["reden"] for r in found["verloop"])
    assert "venster_maanden = 24" in texts(at)


def test_signalen_says_so_when_an_indicator_finds_nothing(monkeypatch, demo_data_dir):
    echt = data_analyse.analyse

    def zonder_verloop(snapshot: str) -> dict:
        uitkomst = echt(snapshot)
        return {**uitkomst, "resultaten": {**uitkomst["resultaten"], "verloop": []}}

    monkeypatch.setattr(data_analyse, "analyse", zonder_verloop)
    at = run_page("signalen", demo_data_dir, monkeypatch)
    at.selectbox(key="signaal_keuze").set_value(indicators.by_id("verloop")).run()
    assert signalen.NIETS_GEVONDEN in [i.value for i in at.info]


def test_inventarisatie_shows_the_counts_duckdb_gives(demo_data_dir, monkeypatch):
    at = run_page("inventarisatie", demo_data_dir, monkeypatch)
    sbi = scalar(demo_data_dir, """
        SELECT count(*) FROM vestiging v WHERE is_actief(v.datum_aanvang, v.datum_einde,
        '2026-11-01') AND ((v.sbi_versie = '2008' AND (v.sbi_hoofd IN ('96021', '96022')
        OR v.sbi_hoofd LIKE '9604%' OR v.sbi_hoofd LIKE '9609%')) OR (v.sbi_versie = '2025'
        AND v.sbi_hoofd IN ('96210', '96220', '96230', '96990')))""")
    shown = metrics(at)
    assert shown["Beautybedrijven (SBI)"] == str(sbi)
    assert shown["Alleen trefwoord in de naam"] == "2"
    per_soort = at.dataframe[0].value
    assert per_soort["Aantal"].iloc[-1] == sbi and per_soort["Soort"].iloc[-1] == "Totaal"
    assert "Per wijk en buurt" in texts(at)


def test_inventarisatie_filters_the_list(demo_data_dir, monkeypatch):
    at = run_page("inventarisatie", demo_data_dir, monkeypatch)
    at.checkbox(key="inventaris_seks").check().run()
    lijst = at.dataframe[-1].value
    assert len(lijst) > 0 and set(lijst["Trefwoord"]) - {""}


def test_bedrijventerreinen_puts_each_park_per_source_side_by_side(demo_data_dir, monkeypatch):
    at = run_page("bedrijventerreinen", demo_data_dir, monkeypatch)
    tabel = at.dataframe[0].value.set_index("")
    assert "De Hoge Dijk (IBIS)" in tabel.columns and "De Hoge Dijk (eigen intekening)" in tabel
    assert "Hele gemeente" in tabel.columns
    actief = scalar(demo_data_dir, """
        SELECT count(*) FROM vestiging v JOIN gebied_lid l USING (verblijfsobject_id)
        JOIN gebied g USING (gebied_id) WHERE g.naam = 'De Hoge Dijk' AND g.bron LIKE '%ibis'
        AND is_actief(v.datum_aanvang, v.datum_einde, '2026-11-01')""")
    assert tabel.loc["Actieve vestigingen", "De Hoge Dijk (IBIS)"] == str(actief)
    assert len(at.get("component_instance")) == 1  # the map of the chosen park


def test_veranderingen_shows_what_happened_in_october(demo_data_dir, monkeypatch):
    at = run_page("veranderingen", demo_data_dir, monkeypatch)
    nieuw = scalar(demo_data_dir, "SELECT count(*) FROM vestiging WHERE datum_aanvang > "
                                  "DATE '2026-10-01' AND is_actief(datum_aanvang, datum_einde, "
                                  "'2026-11-01')")
    shown = metrics(at)
    assert shown["Nieuw ingeschreven"] == str(nieuw)
    assert (shown["Nieuwe signalen"], shown["Vervallen signalen"]) == ("1", "1")
    assert "01-10-2026" in texts(at)


def test_veranderingen_without_a_previous_snapshot_says_what_to_do(demo_data_dir, tmp_path,
                                                                   monkeypatch):
    data = tmp_path / "data"
    current = snapshots.current_snapshot(demo_data_dir)
    (data / "snapshots").mkdir(parents=True)
    shutil.copy(current, data / "snapshots" / current.name)
    snapshots.switch_to(data, data / "snapshots" / current.name)
    at = run_page("veranderingen", data, monkeypatch)
    assert veranderingen.GEEN_VORIGE in [i.value for i in at.info]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_so_when_there_is_no_data(page, tmp_path, monkeypatch):
    at = run_page(page, tmp_path, monkeypatch)
    assert signalen.GEEN_DATA in [i.value for i in at.info]


def test_the_analysis_pages_open_in_a_browser_without_errors(streamlit_server):
    from playwright.sync_api import sync_playwright

    from tests.ui.browser import ARGS, CHROMIUM, TIMEOUT_MS, wait_idle, watch

    koppen = {"Signalen": "Signalen", "Inventarisatie": "Inventarisatie beautybranche",
              "Bedrijventerreinen": "Bedrijventerreinen", "Veranderingen": "Wat is er veranderd"}
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            watch(page, problems)
            page.goto(streamlit_server, wait_until="networkidle", timeout=TIMEOUT_MS)
            for link, kop in koppen.items():
                page.get_by_role("link", name=link, exact=True).click()
                page.get_by_role("heading", name=kop, exact=True).wait_for(timeout=TIMEOUT_MS)
                wait_idle(page)
                # every map iframe has fetched its Leaflet before the next page is opened
                page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
                for frame in page.frames[1:]:
                    frame.wait_for_load_state("load", timeout=TIMEOUT_MS)
                assert not page.get_by_text("Traceback").count(), link
        finally:
            browser.close()
    assert problems == []
