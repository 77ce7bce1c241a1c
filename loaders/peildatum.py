"""The peildatum of a source as the source itself states it; never today's date by default.

Read from: the Leveringsdocument of an LVBAG extract (StandTechnischeDatum), the year of a CBS
areas file (its metadata, its name; CBS describes the situation on 1 January), and the export
date column of a KVK selection. `--peildatum` overrides; without either, `zicht load` refuses
and asks for it, because a wrong date on a figure looks exactly like a right one.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

from loaders.errors import InvoerFout
from loaders.kvk.file_detect import detect_delimiter, detect_encoding, first_line

_STAND = re.compile(rb"<[^>]*StandTechnischeDatum>\s*(\d{4}-\d{2}-\d{2})\s*<")
EXPORT_KOLOMMEN = {"peildatum", "exportdatum", "export datum", "datum export", "datum_export",
                   "selectiedatum", "datum selectie"}
VRAAG = ("de peildatum (de datum waarop de gegevens betrekking hebben) staat niet in het bestand; "
         "geef hem met --peildatum JJJJ-MM-DD")


def bepaal(soort: str, paden: list[Path], opgegeven: str | None) -> tuple[str, str | None]:
    """(peildatum, what the file states or None): the given one wins, else the file's own."""
    gevonden = uit_bestand(soort, paden[0]) if len(paden) == 1 else None
    if opgegeven:
        check(opgegeven)
        return opgegeven, gevonden[1] if gevonden else None
    if gevonden is None:
        raise InvoerFout(paden[0].name, VRAAG, veld="peildatum")
    return gevonden[0], gevonden[1]


def check(value: str) -> None:
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise InvoerFout("--peildatum", f"'{value}' is geen datum (JJJJ-MM-DD)") from exc


def uit_bestand(soort: str, path: Path) -> tuple[str, str] | None:
    """(YYYY-MM-DD, where it is stated) or None when the file does not say."""
    from loaders.registry import REGISTRY  # the kinds' modules use this module's readers

    lezer = REGISTRY[soort].peildatum if soort in REGISTRY else None
    try:
        return lezer(path) if lezer else None
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError, csv.Error,
            InvoerFout):
        return None  # unreadable here; the loader itself says what is wrong with the file


def leveringsdocument(path: Path) -> tuple[str, str] | None:
    if path.is_dir():
        docs = sorted(path.rglob("Leveringsdocument*.xml"))
        tekst = docs[0].read_bytes() if docs else b""
    elif zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            naam = next((n for n in z.namelist() if "Leveringsdocument" in n.rsplit("/", 1)[-1]), None)
            tekst = z.read(naam) if naam else b""
    else:
        return None
    m = _STAND.search(tekst)
    return (m.group(1).decode(), "StandTechnischeDatum in het Leveringsdocument") if m else None


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
