"""Saved KVK API answers: Vestigingsprofiel, Basisprofiel (its hoofdvestiging) and Zoeken v2.

Both the HAL form (`_links`/`_embedded`) and the plain form (`links`) are read. Several files or
folders load together: an answer that holds no vestiging (a Zoeken answer with only rechtspersonen,
a mutatie-abonnement, broken JSON) is skipped with its reason, recorded as a warning 'overgeslagen';
an answer with a bad identifier or impossible coordinates is refused, because loading around it
would hide a wrong figure. Nothing loadable at all is refused with every reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from loaders import sbi_versie as sbi
from loaders.base import SourceKind
from loaders.engine_errors import detail
from loaders.errors import InvoerFout
from loaders.kvk import api_json_rij as kvk_json_rij

MAX_BYTES = 10 << 20
COLUMNS = [
    "vestigingsnummer", "kvk_nummer", "naam", "handelsnamen", "rechtsvorm", "is_hoofdvestiging",
    "datum_aanvang", "datum_einde", "werkzame_personen", "sbi_ruw", "sbi_omschrijving",
    "adres_afgeschermd", "straat", "huisnummer", "huisletter", "toevoeging", "postcode", "plaats",
    "bag_id", "rd_x", "rd_y", "bron", "rij", "voorrang",
]
NIET_GEVONDEN = "niet-gevonden.txt"  # written by kvk_api.download


class Overgeslagen(InvoerFout):
    """A file that holds no vestiging to load: skipped with this reason, not fatal by itself."""


@dataclass
class Lezing:
    rijen: list[dict] = field(default_factory=list)
    # (soort, sleutel, veld, waarde, toelichting) for the waarschuwing table
    meldingen: list[tuple] = field(default_factory=list)


def load(con, paths: Path | list[Path], bron: str) -> int:
    """Stage every answer under `paths` (files and/or folders) into kvk_invoer."""
    lezing = lees(paths if isinstance(paths, list) else [paths], bron)
    if lezing.rijen:
        table = pa.Table.from_pylist([{c: r.get(c) for c in COLUMNS} for r in lezing.rijen])
        con.register("kvk_json_rijen", table)
        con.execute(
            "INSERT INTO kvk_invoer BY NAME SELECT * REPLACE ("
            " kvk_datum(datum_aanvang) AS datum_aanvang, kvk_datum(datum_einde) AS datum_einde,"
            " sbi_ruw::STRUCT(veld VARCHAR, waarde VARCHAR, omschrijving VARCHAR,"
            " hoofd_rang INTEGER)[] AS sbi_ruw)"
            " FROM kvk_json_rijen"
        )
        con.unregister("kvk_json_rijen")
        sbi.decide(con, bron)
    if lezing.meldingen:
        con.executemany("INSERT INTO waarschuwing (bron, soort, sleutel, veld, waarde, toelichting)"
                        " VALUES (?, ?, ?, ?, ?, ?)", [(bron, *m) for m in lezing.meldingen])
    return len(lezing.rijen)


def lees(paths: list[Path], bron: str) -> Lezing:
    files = _files(paths)
    lezing = Lezing()
    for file in files:
        try:
            rijen = vestigingen_in(file, bron)
        except Overgeslagen as exc:
            lezing.meldingen.append(("overgeslagen", file.name, None, None, exc.melding))
            continue
        lezing.rijen += rijen
        lezing.meldingen += [("geen_locatie", r["vestigingsnummer"], "adressen", None,
                              r["_geen_locatie"]) for r in rijen if r.get("_geen_locatie")]
    lezing.meldingen += _niet_gevonden(paths)
    if not lezing.rijen:
        redenen = "; ".join(f"{m[1]}: {m[4]}" for m in lezing.meldingen) or "geen bestanden"
        naam = paths[0].name + (f" en {len(paths) - 1} andere" if len(paths) > 1 else "")
        raise InvoerFout(naam, f"niets te laden ({redenen})")
    return lezing


def _files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        found = sorted(path.rglob("*.json")) if path.is_dir() else [path]
        if not found:
            raise InvoerFout(path.name, "geen .json-bestanden gevonden")
        files += found
    return files


def _niet_gevonden(paths: list[Path]) -> list[tuple]:
    """Vestigingsnummers the KVK API did not know when they were downloaded (kvk_api.download)."""
    meldingen = []
    for lijst in (p / NIET_GEVONDEN for p in paths if p.is_dir()):
        if lijst.exists():
            meldingen += [("niet_gevonden", n, "vestigingsnummer", n,
                           "de KVK API kent dit vestigingsnummer niet (IPD5200)")
                          for n in lijst.read_text(encoding="utf-8").split()]
    return meldingen


def vestigingen_in(file: Path, bron: str) -> list[dict]:
    """The vestigingen an answer describes, as kvk_invoer rows (dates still as text)."""
    if file.stat().st_size > MAX_BYTES:  # one API answer is a few KB; never read a giant whole
        raise InvoerFout(file.name, f"groter dan {MAX_BYTES >> 20} MB: dit is geen KVK API-antwoord")
    try:
        doc = json.loads(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Overgeslagen(file.name, f"geen geldige JSON ({detail(exc)})") from exc
    if not isinstance(doc, dict):
        raise Overgeslagen(file.name, "verwacht een JSON-object (een KVK API-antwoord)")
    if "vestigingsnummer" in doc:
        return [kvk_json_rij.vestiging(doc, file, bron)]
    embedded = doc.get("_embedded") or {}
    if "hoofdvestiging" in embedded:
        rechtsvorm = (embedded.get("eigenaar") or {}).get("rechtsvorm")
        return [kvk_json_rij.vestiging(embedded["hoofdvestiging"], file, bron,
                                       rechtsvorm=rechtsvorm, sbi=doc.get("sbiActiviteiten"))]
    if isinstance(doc.get("resultaten"), list):
        return _zoeken(doc["resultaten"], file, bron)
    raise Overgeslagen(file.name, "geen Vestigingsprofiel of Basisprofiel met hoofdvestiging, "
                                  "en geen Zoeken-antwoord; andere KVK-antwoorden bevatten geen adres om "
                                  "te koppelen")


def _zoeken(resultaten: list, file: Path, bron: str) -> list[dict]:
    """Zoeken v2: each result with a vestigingsnummer is a vestiging (name, kind, address);
    a rechtspersoon result has none and is left out."""
    rijen = [kvk_json_rij.zoekresultaat(r, file, bron, rij=i)
             for i, r in enumerate(resultaten, start=1)
             if isinstance(r, dict) and r.get("vestigingsnummer")]
    if rijen:
        return rijen
    if not resultaten:
        raise Overgeslagen(file.name, "Zoeken-antwoord zonder resultaten")
    raise Overgeslagen(file.name, "geen Vestigingsprofiel of Basisprofiel: een Zoeken-antwoord "
                                  "met alleen rechtspersonen (zonder vestigingsnummer, dus "
                                  "zonder vestiging om te tonen)")


SOORT = SourceKind(
    naam="kvk-json", omschrijving="KVK API-antwoorden", rol="kvk",
    load=lambda con, bron: load(con, bron.paden, bron.bron),
    hulp="opgeslagen KVK API-antwoorden (map of bestand)", pad_nargs="+",
    tabellen={"vestiging": "Vestigingen"})
