"""Demostad one month earlier: the KVK files as they stood on an earlier peildatum.

Derived from the generated files, not generated anew, so the earlier town is exactly the same
town: vestigingen registered after the earlier peildatum are left out, and a vestiging (or
onderneming) that ended after it is still open. BAG, CBS, bedrijventerreinen and RDW are the
same files; only their peildatum moves back. `zicht demo` builds a snapshot from these first,
so "Wat is er veranderd" has a previous snapshot to compare with.
"""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import Path

PEILDATUM_VORIGE = "2026-10-01"
FOLDER = "vorige"
START, EINDE = "KVK_Datum_inschrijving_vestiging", "KVK_Datum_uitschrijving_vestiging"
OND_START, OND_EINDE = "KVK_Datum_inschrijving_onderneming", "KVK_Datum_uitschrijving_onderneming"


def derive(out: Path, manifest: dict, peildatum: str = PEILDATUM_VORIGE) -> list[dict]:
    """Write out/vorige/kvk/… as on `peildatum`; return the manifest's source list for it."""
    cut = date.fromisoformat(peildatum)
    target = out / FOLDER
    shutil.rmtree(target, ignore_errors=True)
    items = []
    for item in manifest["bronnen"]:
        item = {**item, "peildatum": min(item["peildatum"], peildatum)}
        if item["soort"] == "kvk-file":
            _csv_as_of(out / item["pad"], target / item["pad"], cut)
            item["pad"] = f"{FOLDER}/{item['pad']}"
        elif item["soort"] == "kvk-json":
            _api_as_of(out / item["pad"], target / item["pad"], cut)
            item["pad"] = f"{FOLDER}/{item['pad']}"
        items.append(item)
    return items


def _dmy(text: str) -> date | None:
    """'28-11-2026' -> date; '' -> None."""
    if not text:
        return None
    day, month, year = text.split("-")
    return date(int(year), int(month), int(day))


def _csv_as_of(source: Path, target: Path, cut: date) -> None:
    """A DOOK CSV (';', UTF-8 with BOM, CRLF) without what happened after `cut`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(source, encoding="utf-8-sig", newline="") as f_in, \
            open(target, "w", encoding="utf-8-sig", newline="") as f_out:
        reader = csv.DictReader(f_in, delimiter=";")
        writer = csv.DictWriter(f_out, reader.fieldnames, delimiter=";", lineterminator="\r\n")
        writer.writeheader()
        for row in reader:
            start = _dmy(row[START])
            if start is not None and start > cut:
                continue
            for key in (EINDE, OND_EINDE):
                ended = _dmy(row[key])
                if ended is not None and ended > cut:
                    row[key] = ""
            writer.writerow(row)


def _ymd(text: str | None) -> date | None:
    """'20261128' -> date; None or '' -> None."""
    return date(int(text[:4]), int(text[4:6]), int(text[6:8])) if text else None


def _api_as_of(source: Path, target: Path, cut: date) -> None:
    """Saved Vestigingsprofiel responses without what happened after `cut`."""
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        registratie = doc.get("materieleRegistratie", {})
        start = _ymd(registratie.get("datumAanvang") or doc.get("formeleRegistratiedatum"))
        if start is not None and start > cut:
            continue
        ended = _ymd(registratie.get("datumEinde"))
        if ended is not None and ended > cut:
            del registratie["datumEinde"]
        (target / path.name).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
