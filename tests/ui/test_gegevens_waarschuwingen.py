"""The Waarschuwingen tab of the Gegevens page (AppTest on a real build): counts per source and
kind, the list, and CSV/XLSX files that are made only on request, logged, and formula-safe."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from cases import accounts
from loaders.pipeline import build
from loaders.sources import Bron, register
from tests.loaders.test_pipeline import query
from tests.ui.test_cases_support import KEY, PASSWORD, audit_lines
from ui import cases_data
from ui.components import gegevens_waarschuwingen as tab

HOSTILE = "=HYPERLINK(1).json"  # a skipped file whose name a spreadsheet would run


@pytest.fixture(scope="module")
def gebouwd(demo_data_dir, tmp_path_factory) -> tuple[Path, str]:
    """The demo plus a KVK answer that repeats a DOOK vestiging, and a file with nothing in it."""
    data = tmp_path_factory.mktemp("waarschuwingen") / "data"
    # no case store or audit log: another test may have made them in the shared demo dir
    shutil.copytree(demo_data_dir, data, ignore=shutil.ignore_patterns("demo-bronnen", "bouw",
                                                                       "cases.duckdb*", "audit.log*"))
    ((nummer, kvk),) = query(data, "SELECT vestigingsnummer, kvk_nummer FROM vestiging "
                                   "WHERE bron = 'kvk-dook' ORDER BY 1 LIMIT 1")
    folder = data / "antwoorden"
    folder.mkdir()
    (folder / "profiel.json").write_text(json.dumps(
        {"vestigingsnummer": nummer, "kvkNummer": kvk, "eersteHandelsnaam": "Nieuw"}))
    (folder / HOSTILE).write_text(json.dumps({"resultaten": []}))
    register(data, Bron(bron="kvk-nieuw", soort="kvk-json", pad=str(folder),
                        peildatum="2026-12-01"))
    build(data)
    return data, nummer


@pytest.fixture
def data_dir(gebouwd, tmp_path, monkeypatch) -> Path:
    data = tmp_path / "data"
    shutil.copytree(gebouwd[0], data)
    monkeypatch.setenv("ZICHT_DATA_DIR", str(data))
    monkeypatch.setenv("ZICHT_MODE", "demo")
    return data


def _page() -> None:
    from ui.pages import gegevens as page

    page.render()


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def counts(at: AppTest) -> list[dict]:
    frame = next(t.value for t in at.table if "Aantal" in t.value.columns)
    frame = frame.replace(r"\\(.)", r"\1", regex=True)
    return frame.to_dict("records")


def test_gegevens_shows_warning_counts_per_source_and_kind(data_dir):
    at = run(AppTest.from_function(_page, default_timeout=60))
    assert "Waarschuwingen" in [t.label for t in at.tabs]
    rows = counts(at)  # the match also reports (onzekere koppeling, …): those rows may be there
    assert {"Bron": "kvk-dook", "Soort": "dubbel geleverd", "Aantal": "1"} in rows
    assert {"Bron": "kvk-nieuw", "Soort": "bestand overgeslagen", "Aantal": "1"} in rows
    assert not any(r["Bron"] == "kvk-nieuw" and r["Soort"] != "bestand overgeslagen" for r in rows)
    lijst = next(d.value for d in at.dataframe if "Toelichting" in d.value.columns)
    assert {"dubbel geleverd", "bestand overgeslagen"} <= set(lijst["Soort"])
    assert "kvk-nieuw (peildatum 01-12-2026)" in " ".join(lijst["Toelichting"])


def test_filter_narrows_the_list_to_one_kind(data_dir, gebouwd):
    at = run(AppTest.from_function(_page, default_timeout=60))
    at.selectbox(key="gegevens_waarschuwingen_soort").set_value("dubbel")
    run(at)
    lijst = next(d.value for d in at.dataframe if "Toelichting" in d.value.columns)
    assert list(lijst["Sleutel"]) == [gebouwd[1]]


def test_warning_list_download_is_made_on_request_logged_and_formula_safe(data_dir, monkeypatch):
    monkeypatch.setenv("ZICHT_MODE", "productie")
    monkeypatch.setenv("ZICHT_CASES_KEY", KEY)
    store = cases_data.store()
    accounts.register_user(store, "test", "beheer", "Bea Beheer", ["beheerder"], wachtwoord=PASSWORD)
    at = AppTest.from_function(_page, default_timeout=60)
    at.session_state[cases_data.SESSION_USER] = "beheer"
    at.session_state[cases_data.SESSION_METHOD] = "wachtwoord"
    run(at)
    assert not any("waarschuwingen" in str(d.proto.id) for d in at.get("download_button"))
    voor = len(audit_lines(store))
    for ext in ("csv", "xlsx"):
        at.button(key=f"gegevens_waarschuwingen_maak_{ext}").click()
        run(at)
    bestanden = at.session_state[tab.BESTAND]
    assert sum("gegevens_waarschuwingen" in str(d.proto.id)
               for d in at.get("download_button")) == 2
    regels = [r for r in audit_lines(store)[voor:] if r["actie"] == "export"]
    assert {r["gebruiker"] for r in regels} == {"beheer"}
    assert [json.loads(r["details"])["soort"] for r in regels] == [
        "waarschuwingen CSV", "waarschuwingen XLSX"]
    rows = list(csv.reader(io.StringIO(bestanden["csv"].decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Bron", "Soort", "Sleutel", "Rij", "Veld", "Waarde", "Toelichting"]
    assert ["kvk-nieuw", "bestand overgeslagen", "'" + HOSTILE] in [r[:3] for r in rows]
    assert not any(cel.startswith("=") for r in rows for cel in r)
    sheet = load_workbook(io.BytesIO(bestanden["xlsx"]))["Waarschuwingen"]
    cel = next(c for row in sheet.iter_rows() for c in row if c.value == HOSTILE)
    assert cel.data_type == "s"
    assert "Verantwoording" in load_workbook(io.BytesIO(bestanden["xlsx"])).sheetnames
