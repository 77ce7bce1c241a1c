"""The beauty inventory (geo.inventory) as an XLSX workbook: a summary, a sheet per type and the
sheet 'Verantwoording'. Every cell passes exports.cells, so no value from data is ever a formula.
"""

from __future__ import annotations

import io

from exports.dook_csv import add_accountability, write_sheet
from geo import inventory


def workbook(rows: list[dict], verantwoording: list[tuple[str, str]]) -> bytes:
    """XLSX: a summary sheet, one sheet per type, and the sheet 'Verantwoording'."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    summary = [(s["naam"], s["totaal"], s["woonadres"], s["bedrijfsadres"], s["onbekend"],
                s["nieuw"], s["seksbranche"]) for s in inventory.per_soort(rows)]
    write_sheet(book, "Overzicht", ["Soort", "Totaal", "Op woonadres", "Op bedrijfsadres",
                                    "Adres niet gekoppeld", "Nieuw (12 maanden)",
                                    "Met trefwoord mogelijke seksbranche"], summary)
    for s in inventory.SOORTEN:
        columns, data = inventory.table([r for r in rows if r["type"] == s.id])
        write_sheet(book, s.naam, columns, data)
    add_accountability(book, verantwoording + inventory.uitleg_regels())
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
