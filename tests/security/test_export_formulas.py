"""Exports without formula injection: every CSV and XLSX cell from data or metadata is data.

The cell rules (exports.cells) on the payloads themselves, then the writers every page uses
(DOOK layout, indicator tables, the beauty inventory workbook, the Verantwoording sheet) on the
hostile snapshot built through the real loaders. The browser test (test_markup_browser.py)
downloads every export button of every page and runs the same checks on what it receives.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from exports import dook_csv, inventory_xlsx
from exports.cells import csv_cell, sheet_title, xlsx_cell
from geo import db, indicators, inventory, parks, snapshots
from tests.security import markup_hostile as h

HOSTILE = ['=HYPERLINK("http://evil.example/x","klik")', "+cmd|' /C calc'!A0", "-2+3",
           "@SUM(1+1)", "\t=1+1", "\r=1+1", " =1+1", "\n=1+1"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    return h.built(tmp_path_factory)


@pytest.fixture(scope="module")
def con(hostile):
    con = db.connect(snapshots.current_snapshot(Path(hostile["folder"])), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("value", HOSTILE)
def test_a_csv_cell_that_could_start_a_formula_gets_an_apostrophe(value):
    assert csv_cell(value) == "'" + value


def test_csv_cells_keep_numbers_and_ordinary_text_and_write_dates_in_dutch():
    assert csv_cell(-2) == -2 and csv_cell(3.5) == 3.5 and csv_cell(Decimal("1.5")) == Decimal("1.5")
    assert csv_cell("Kapper Jansen") == "Kapper Jansen"
    assert csv_cell("a=b+c") == "a=b+c"  # only the start makes a formula
    assert csv_cell(date(2026, 11, 28)) == "28-11-2026"
    assert csv_cell(None) == ""
    assert csv_cell("nul\x00teken") == "nulteken"


@pytest.mark.parametrize("value", HOSTILE + ["nul\x00teken", "A" * 40_000])
def test_an_xlsx_text_cell_is_a_typed_string_never_a_formula(value):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Blad")
    sheet.append([xlsx_cell(sheet, value), xlsx_cell(sheet, 42), xlsx_cell(sheet, date(2026, 1, 2))])
    out = io.BytesIO()
    book.save(out)
    tekst, getal, datum = next(load_workbook(io.BytesIO(out.getvalue())).active.iter_rows())
    verwacht = value.replace("\x00", "")[:32_767]
    assert tekst.data_type == "s"
    assert tekst.value.replace("\r", "\n") == verwacht.replace("\r", "\n")  # XML reads CR as LF
    assert (getal.data_type, getal.value) == ("n", 42)
    assert (datum.data_type, datum.value) == ("s", "02-01-2026")


def test_sheet_names_from_data_are_made_valid():
    assert sheet_title("Signaal: [a]/b*c?") == "Signaal   a  b c"
    assert len(sheet_title("x" * 80)) == 31
    assert sheet_title("[]") == "Blad"


def test_dook_export_of_hostile_vestigingen_holds_no_formula(con, hostile):
    nummers = [r[0] for r in con.execute(
        "SELECT vestigingsnummer FROM vestiging WHERE kvk_nummer LIKE '990000%'").fetchall()]
    columns, rows = dook_csv.rows(con, nummers)
    problems, defused = h.csv_problems("dook.csv", dook_csv.to_csv(columns, rows))
    assert problems == [] and defused >= len(nummers)  # every name starts like a formula
    lines = dook_csv.accountability(con, h.FORMULAS[0], h.WEERGAVENAAM)
    xlsx = dook_csv.to_xlsx(columns, rows, lines, sheet=h.TERREIN)
    problems, texts = h.xlsx_problems("dook.xlsx", xlsx)
    assert problems == [] and texts >= len(nummers)
    verantwoording = dict(load_workbook(io.BytesIO(xlsx))["Verantwoording"].iter_rows(values_only=True))
    assert verantwoording["Gemeente"] == h.GEMEENTE  # the gemeentenaam, as text
    assert verantwoording["Selectie"] == h.FORMULAS[0]


def test_indicator_and_inventory_exports_hold_no_formula(con):
    cur = con.cursor()
    indicators.prepare(cur)
    lines = dook_csv.accountability(cur, "Signaal", h.WEERGAVENAAM)
    gevonden = 0
    for indicator in indicators.load_indicators():
        rijen = indicators.run(cur, indicator)
        kolommen, tabel = indicators.table(indicator, rijen)
        assert h.csv_problems(indicator.id, dook_csv.to_csv(kolommen, tabel))[0] == []
        assert h.xlsx_problems(indicator.id, dook_csv.to_xlsx(
            kolommen, tabel, lines, sheet=indicator.naam))[0] == []
        gevonden += sum(str(v).startswith(tuple(h.FORMULAS)) for r in tabel for v in r)
    rijen = inventory.vestigingen(cur, prepared=True)
    kolommen, tabel = inventory.table(rijen)
    problems, defused = h.csv_problems("inventaris.csv", dook_csv.to_csv(kolommen, tabel))
    assert problems == [] and defused >= 5
    problems, texts = h.xlsx_problems("inventaris.xlsx", inventory_xlsx.workbook(rijen, lines))
    assert problems == [] and texts >= 5


def test_park_names_as_column_headers_are_text(con):
    """Bedrijventerreinen exports put park names in the header row."""
    cur = con.cursor()
    indicators.prepare(cur)
    parks.prepare(cur, prepared=True)
    namen = [p["naam"] for p in parks.parken(parks.profielen(cur, {}))]
    assert any(n.startswith("=HYPERLINK") for n in namen)
    kolommen, rijen = ["", *namen], [("Panden", *[1] * len(namen))]
    assert h.csv_problems("terreinen.csv", dook_csv.to_csv(kolommen, rijen))[0] == []
    assert h.xlsx_problems("terreinen.xlsx", dook_csv.to_xlsx(kolommen, rijen, []))[0] == []
    header = next(csv.reader(io.StringIO(dook_csv.to_csv(kolommen, rijen).decode("utf-8-sig")),
                             delimiter=";"))
    assert all(c.startswith("'=HYPERLINK") for c in header[1:] if "HYPERLINK" in c)
