"""Vestigingen in the DOOK export layout, as CSV or XLSX, with their accountability.

The CSV is exactly DOOK's layout (';', UTF-8 with BOM, DD-MM-YYYY dates) so existing sheets and
macros keep working; every cell passes exports.cells (no value from data is ever a formula).
The XLSX adds a sheet 'Verantwoording' with the peildatum of every source,
the filters used and when and by whom it was made.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from exports import EXPORTS_SQL
from exports.cells import csv_cell, sheet_title, xlsx_row
from geo.nlformat import datum, datumtijd
from geo.sqlfiles import execute_checked, set_variables, sql_text


def rows(con, vestigingsnummers: list[str]) -> tuple[list[str], list[tuple]]:
    """(column names, rows) in the DOOK layout for these vestigingen."""
    naam = con.execute("SELECT waarde FROM meta WHERE sleutel = 'gemeentenaam'").fetchone()
    set_variables(con, gemeentenaam=naam[0] if naam else None)
    cur = execute_checked(con, sql_text("export_dook", EXPORTS_SQL), {"nummers": list(vestigingsnummers)})
    return [d[0] for d in cur.description], cur.fetchall()


def to_csv(columns: list[str], data: list[tuple]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in columns])
    writer.writerows([[csv_cell(v) for v in row] for row in data])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(columns: list[str], data: list[tuple], verantwoording: list[tuple[str, str]],
            sheet: str = "Vestigingen") -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    write_sheet(book, sheet, columns, data)
    add_accountability(book, verantwoording)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_sheet(book, name: str, columns: list[str], data: list[tuple]) -> None:
    """A sheet in a write-only workbook; text from data is stored as text, never a formula."""
    sheet = book.create_sheet(sheet_title(name))
    sheet.append(xlsx_row(sheet, columns))
    for row in data:
        sheet.append(xlsx_row(sheet, row))


def add_accountability(book, verantwoording: list[tuple[str, str]]) -> None:
    """The sheet every Zicht workbook carries: what the figures rest on."""
    info = book.create_sheet("Verantwoording")
    for key, value in verantwoording:
        info.append(xlsx_row(info, (key, value)))


def accountability(con, filters: str, gebruiker: str) -> list[tuple[str, str]]:
    """(label, value) lines: gemeente, peildatum per source, filters, made by/on."""
    meta = dict(con.execute("SELECT sleutel, waarde FROM meta").fetchall())
    lines = [("Gemeente", meta.get("gemeentenaam", "")),
             ("Peildatum gegevens", datum(meta.get("peildatum")))]
    for bron, peildatum in con.execute("SELECT bron, peildatum FROM bron ORDER BY bron").fetchall():
        lines.append((f"Bron {bron}", f"peildatum {datum(peildatum)}"))
    lines += [("Selectie", filters), ("Gemaakt door", gebruiker),
              ("Gemaakt op", datumtijd(datetime.now(UTC))),
              ("Let op", "Vertrouwelijk: bevat gegevens uit het Handelsregister en de BAG.")]
    if meta.get("is_demo") == "1":
        lines.append(("Demo", "Demostad is fictief; alle namen en adressen zijn verzonnen."))
    return lines
