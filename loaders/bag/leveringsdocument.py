"""The peildatum an LVBAG extract states: StandTechnischeDatum in its Leveringsdocument."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_STAND = re.compile(rb"<[^>]*StandTechnischeDatum>\s*(\d{4}-\d{2}-\d{2})\s*<")


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
