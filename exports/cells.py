"""Cells of every spreadsheet Zicht writes (CSV and XLSX): data is data, never a formula.

A company name, a street, an area or a source name comes from files Zicht does not control. In
a spreadsheet a value starting with = + - @ (or a tab or CR before one) is run as a formula:
=HYPERLINK(…) sends whatever it is given to another host, DDE formulas start programs. So in
CSV such a value gets a leading apostrophe (OWASP's advice; Excel and LibreOffice show it as
text), and in XLSX every text is a typed string cell, which no spreadsheet evaluates. Numbers
stay numbers; dates become Dutch text (28-11-2026). Characters XML cannot hold (NUL and other
control characters) are dropped, and an XLSX cell holds at most what Excel accepts.
"""

from __future__ import annotations

import numbers
import re
from datetime import date, datetime

from geo.nlformat import datum, datumtijd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
XLSX_MAX_CHARS = 32_767  # Excel's limit for one cell
SHEET_MAX_CHARS = 31
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def csv_cell(value) -> str | int | float:
    """A CSV cell: text that a spreadsheet could read as a formula starts with an apostrophe."""
    value = _value(value)
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_START):
        return "'" + value
    return value


def xlsx_cell(sheet, value):
    """An XLSX cell for a write-only sheet: text as a typed string cell (never a formula)."""
    value = _value(value)
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value[:XLSX_MAX_CHARS])
    cell.data_type = "s"  # openpyxl would store a text starting with '=' as a formula
    return cell


def xlsx_row(sheet, values) -> list:
    return [xlsx_cell(sheet, v) for v in values]


def sheet_title(name: str) -> str:
    """A valid sheet name (Excel forbids [ ] : * ? / \\ and more than 31 characters)."""
    return _NOT_IN_SHEET_NAME.sub(" ", str(name)).strip(" '")[:SHEET_MAX_CHARS] or "Blad"


def _value(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return datumtijd(value)  # Dutch time, like every time a user sees
    if isinstance(value, date):
        return datum(value)
    if isinstance(value, numbers.Number):
        return value
    return _NOT_IN_XML.sub("", str(value))
