"""The peildatum a KVK selection states: an export-date column with one date for every row."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from loaders.kvk.file_detect import detect_delimiter, detect_encoding, first_line

EXPORT_KOLOMMEN = {"peildatum", "exportdatum", "export datum", "datum export", "datum_export",
                   "selectiedatum", "datum selectie"}


def exportdatum(path: Path) -> tuple[str, str] | None:
    """A KVK selection with an export-date column that holds one date for every row."""
    if not path.is_file() or path.suffix.lower() not in (".csv", ".txt"):
        return None
    delimiter = detect_delimiter(first_line(path, path), path)
    with open(path, encoding=detect_encoding(path), newline="") as f:
        reader = csv.reader(f, delimiter=delimiter)
        kop = [k.strip().lower() for k in next(reader, [])]
        kolom = next((i for i, k in enumerate(kop) if k in EXPORT_KOLOMMEN), None)
        if kolom is None:
            return None
        waarden = {r[kolom].strip() for r in reader if len(r) > kolom and r[kolom].strip()}
    if len(waarden) != 1:
        return None
    return _als_datum(waarden.pop(), kop[kolom])


def _als_datum(tekst: str, kolom: str) -> tuple[str, str] | None:
    for vorm in ("%Y-%m-%d", "%d-%m-%Y", "%Y%m%d"):
        try:
            return datetime.strptime(tekst, vorm).date().isoformat(), f"kolom {kolom}"
        except ValueError:
            continue
    return None
