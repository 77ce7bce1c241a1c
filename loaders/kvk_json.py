"""Saved KVK API responses: Vestigingsprofiel, and the hoofdvestiging embedded in a Basisprofiel.

Both the HAL form (`_links`/`_embedded`) and the plain form (`links`) are read. The location comes
from the bezoekadres' geoData: addresseerbaarObjectId is the BAG verblijfsobject id (note the
double d), rijksdriehoekX/Y the coordinates. A shielded address (indAfgeschermd "Ja") has none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from loaders.engine_errors import detail
from loaders.errors import InvoerFout

MAX_BYTES = 10 << 20
COLUMNS = [
    "vestigingsnummer", "kvk_nummer", "naam", "handelsnamen", "rechtsvorm", "is_hoofdvestiging",
    "datum_aanvang", "datum_einde", "werkzame_personen", "sbi_codes", "sbi_hoofd", "sbi_versie",
    "sbi_omschrijving",
    "adres_afgeschermd", "straat", "huisnummer", "huisletter", "toevoeging", "postcode", "plaats",
    "bag_id", "rd_x", "rd_y", "bron", "rij", "voorrang",
]


def load(con, path: Path, bron: str) -> int:
    """Stage every response file under `path` (a file or a folder) into kvk_invoer."""
    files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
    if not files:
        raise InvoerFout(path.name, "geen .json-bestanden gevonden")
    rows = [row for file in files for row in vestigingen_in(file, bron)]
    if rows:
        table = pa.Table.from_pylist([{c: r.get(c) for c in COLUMNS} for r in rows])
        con.register("kvk_json_rijen", table)
        con.execute(
            "INSERT INTO kvk_invoer BY NAME SELECT * REPLACE ("
            " kvk_datum(datum_aanvang) AS datum_aanvang, kvk_datum(datum_einde) AS datum_einde)"
            " FROM kvk_json_rijen"
        )
        con.unregister("kvk_json_rijen")
        _stage_descriptions(con, rows)
    return len(rows)


def _stage_descriptions(con, rows: list[dict]) -> None:
    pairs = {(r["sbi_versie"], code, text) for r in rows for code, text in r["_sbi"] if text}
    if pairs:
        con.executemany("INSERT INTO sbi_invoer VALUES (?, ?, ?)", sorted(pairs))


def vestigingen_in(file: Path, bron: str) -> list[dict]:
    """The vestigingen a response describes, as kvk_invoer rows (dates still as text)."""
    if file.stat().st_size > MAX_BYTES:  # one API response is a few KB; never read a giant whole
        raise InvoerFout(file.name, f"groter dan {MAX_BYTES >> 20} MB: dit is geen KVK API-antwoord")
    try:
        doc = json.loads(file.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvoerFout(file.name, f"geen geldige JSON ({detail(exc)})") from exc
    if not isinstance(doc, dict):
        raise InvoerFout(file.name, "verwacht een JSON-object (een KVK API-antwoord)")
    if "vestigingsnummer" in doc:
        return [_row(doc, file, bron, rechtsvorm=None)]
    embedded = doc.get("_embedded") or {}
    if "hoofdvestiging" in embedded:
        rechtsvorm = (embedded.get("eigenaar") or {}).get("rechtsvorm")
        return [_row(embedded["hoofdvestiging"], file, bron, rechtsvorm)]
    raise InvoerFout(file.name, "geen Vestigingsprofiel of Basisprofiel met hoofdvestiging; "
                                "andere KVK-antwoorden bevatten geen adres om te koppelen")


def _row(v: dict, file: Path, bron: str, rechtsvorm: str | None) -> dict:
    for field in ("vestigingsnummer", "kvkNummer"):
        if not v.get(field):
            raise InvoerFout(file.name, "verplicht veld ontbreekt", veld=field)
    sbi = v.get("sbiActiviteiten") or []
    codes = [str(a.get("sbiCode", "")).strip() for a in sbi if a.get("sbiCode")]
    hoofd = next((str(a["sbiCode"]) for a in sbi if a.get("indHoofdactiviteit") == "Ja"), None)
    registratie = v.get("materieleRegistratie") or {}
    namen = sorted(v.get("handelsnamen") or [], key=lambda h: h.get("volgorde", 0))
    return {
        "vestigingsnummer": str(v["vestigingsnummer"]).zfill(12),
        "kvk_nummer": str(v["kvkNummer"]).zfill(8),
        "naam": v.get("eersteHandelsnaam") or (namen[0]["naam"] if namen else None),
        "handelsnamen": [h["naam"] for h in namen if h.get("naam")],
        "rechtsvorm": rechtsvorm or v.get("rechtsvorm"),
        "is_hoofdvestiging": v.get("indHoofdvestiging") == "Ja",
        "datum_aanvang": registratie.get("datumAanvang") or v.get("formeleRegistratiedatum"),
        "datum_einde": registratie.get("datumEinde"),
        "werkzame_personen": v.get("totaalWerkzamePersonen"),
        "sbi_codes": codes,
        "sbi_hoofd": hoofd or (codes[0] if codes else None),
        "sbi_versie": "2008" if any(len(c) < 5 for c in codes) else "2025",
        "sbi_omschrijving": next((a.get("sbiOmschrijving") for a in sbi
                                  if str(a.get("sbiCode")) == hoofd), None),
        "_sbi": [(str(a["sbiCode"]), a.get("sbiOmschrijving")) for a in sbi if a.get("sbiCode")],
        **_address(v.get("adressen") or []),
        "bron": bron,
        "rij": None,
        "voorrang": 1,
    }


def _address(adressen: list[dict]) -> dict:
    """The bezoekadres (else the first address), with its BAG id and RD coordinates."""
    adres = next((a for a in adressen if a.get("type") == "bezoekadres"),
                 adressen[0] if adressen else {})
    geo = adres.get("geoData") or {}
    toevoeging = adres.get("huisnummerToevoeging") or adres.get("toevoegingAdres")
    return {
        "adres_afgeschermd": adres.get("indAfgeschermd") == "Ja",
        "straat": adres.get("straatnaam"),
        "huisnummer": None if adres.get("huisnummer") is None else str(adres["huisnummer"]),
        "huisletter": adres.get("huisletter") or None,
        "toevoeging": toevoeging or None,
        "postcode": adres.get("postcode"),
        "plaats": adres.get("plaats"),
        "bag_id": geo.get("addresseerbaarObjectId") or geo.get("nummerAanduidingId"),
        "rd_x": geo.get("rijksdriehoekX"),
        "rd_y": geo.get("rijksdriehoekY"),
    }
