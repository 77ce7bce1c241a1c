"""An Excel file is a zip of XML parts: check what the zip directory declares before any XML is
read, and read cells without ever evaluating a formula.

Refused: a corrupt or truncated zip, more unpacked bytes than MAX_UNPACKED or a part packed more
than MAX_RATIO times (a zip bomb: decided on the declared sizes, which Python's zipfile also
enforces while reading), macros (.xlsm, or a vbaProject part under any name), and formulas (their
value would be Excel's last calculation, or none at all when another program wrote the file).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from loaders.errors import InvoerFout

MAX_UNPACKED = 500 << 20
MAX_RATIO = 200
MAX_PARTS = 10_000
MACRO_EXTENSIONS = (".xlsm", ".xltm", ".xlsb", ".xls")


def check_zip(path: Path, shown: str | None = None) -> None:
    name = shown or path.name
    if path.suffix.lower() in MACRO_EXTENSIONS:
        raise InvoerFout(name, f"een {path.suffix.lower()}-bestand kan macro's bevatten en wordt "
                               "niet geopend; sla het op als Excel-werkmap (.xlsx)")
    try:
        with zipfile.ZipFile(path) as zf:
            parts = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InvoerFout(name, "geen geldig Excel-bestand (beschadigd of onvolledig)") from None
    if len(parts) > MAX_PARTS:
        raise InvoerFout(name, f"het Excel-bestand bestaat uit meer dan {MAX_PARTS} delen")
    if sum(p.file_size for p in parts) > MAX_UNPACKED:
        raise InvoerFout(name, f"het Excel-bestand is uitgepakt groter dan {MAX_UNPACKED >> 20} MB "
                               "(mogelijk een zip-bom); exporteer naar CSV")
    for part in parts:
        if part.file_size > (1 << 20) and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise InvoerFout(name, "het Excel-bestand is verdacht sterk gecomprimeerd (mogelijk een "
                                   "zip-bom)", veld=part.filename)
        if "vbaproject" in part.filename.lower():
            raise InvoerFout(name, "het Excel-bestand bevat macro's en wordt niet geopend; sla het "
                                   "op als .xlsx zonder macro's")
    names = {p.filename for p in parts}
    if "xl/workbook.xml" not in names:
        raise InvoerFout(name, "geen Excel-werkmap (xl/workbook.xml ontbreekt)")


def rows(path: Path, shown: str | None = None):
    """The cell values of the first sheet, row by row, each row as long as the header; refuses
    a formula and a row with more filled cells than the header, naming row and column."""
    from openpyxl import load_workbook

    name = shown or path.name
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:
        from loaders.engine_errors import translate

        raise translate(exc, name) from exc
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # the declared size can lie (XFD1048576): read what is there
        header: list = []
        for rij, cells in enumerate(sheet.iter_rows(), start=1):
            values = _values(cells, header, name, rij)
            if rij == 1:
                header = [("" if v is None else str(v)) for v in values]
                yield header
            elif any(v is not None for v in values):
                yield values + [None] * (len(header) - len(values))
    finally:
        book.close()


def _values(cells, header: list, name: str, rij: int) -> list:
    values = []
    for i, cell in enumerate(cells):
        if getattr(cell, "data_type", None) == "f":
            kolom = header[i] if i < len(header) and header[i] else getattr(cell, "coordinate", None)
            raise InvoerFout(name, "de cel bevat een formule; Zicht rekent formules niet uit: "
                                   "kopieer en plak de kolom als waarden", rij=rij, veld=kolom)
        values.append(cell.value)
    while values and values[-1] is None:
        values.pop()
    if header and len(values) > len(header):
        raise InvoerFout(name, f"de rij heeft {len(values)} gevulde kolommen, de kopregel "
                               f"{len(header)}", rij=rij)
    return values
