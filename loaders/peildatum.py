"""The peildatum of a source as the source itself states it; never today's date by default.

Each source kind reads its own date (`SourceKind.peildatum`): the Leveringsdocument of an LVBAG
extract (loaders/bag/leveringsdocument.py), the year of a CBS areas file (loaders/gebieden.py), the
export date column of a KVK selection (loaders/kvk/exportdatum.py). `--peildatum` overrides;
without either, `zicht load` refuses and asks for it, because a wrong date on a figure looks
exactly like a right one.
"""

from __future__ import annotations

import csv
import json
import zipfile
from datetime import date
from pathlib import Path

from loaders.errors import InvoerFout
from loaders.registry import REGISTRY

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
    lezer = REGISTRY[soort].peildatum if soort in REGISTRY else None
    try:
        return lezer(path) if lezer else None
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError, csv.Error,
            InvoerFout):
        return None  # unreadable here; the loader itself says what is wrong with the file
