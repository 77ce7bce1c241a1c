"""Which column of a KVK file holds which field: the DOOK preset, or a user's TOML mapping.

A generic file is renamed onto the DOOK column names, so one SQL statement reads every layout.
Example mapping file (only vestigingsnummer, kvk_nummer, naam, postcode, huisnummer are required):

    [kolommen]
    vestigingsnummer = "Vestigingsnr"
    kvk_nummer = "KvK-nummer"
    naam = "Handelsnaam"
    postcode = "Postcode"
    huisnummer = "Huisnr"
    sbi_codes = "SBI-codes"

    [opties]
    sbi_versie = "2025"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from loaders.engine_errors import detail, line_of
from loaders.errors import InvoerFout

# field -> column name in the DOOK export (FORMATS.md)
DOOK = {
    "vestigingsnummer": "KVK_Vestigingsnummer", "kvk_nummer": "KVK_Nummer",
    "naam": "KVK_Handelsnaam", "postcode": "postcode", "huisnummer": "huisnummer",
    "bag_id": "BAG numid", "straat": "straat", "huisletter": "huisletter",
    "toevoeging": "huisnummertoevoeging", "plaats": "gemeentenaam",
    "activiteit": "KVK_Bedrijfsactiviteit", "sbi_codes": "KVK_SBI_code",
    "sbi_hoofd": "KVK_SBI_code_hoofdactiviteit", "rechtsvorm": "KVK_Rechtsvorm",
    "sbi_omschrijving": "KVK_SBI_omschrijving_hoofdact",
    "sbi_neven1": "KVK_SBI_code_nevenactiviteit1",
    "sbi_omschrijving_neven1": "KVK_SBI_omschrijving_nevenactiviteit1",
    "sbi_neven2": "KVK_SBI_code_nevenactiviteit2",
    "sbi_omschrijving_neven2": "KVK_SBI_omschrijving_nevenactiviteit2",
    "datum_aanvang": "KVK_Datum_inschrijving_vestiging",
    "datum_einde": "KVK_Datum_uitschrijving_vestiging",
    "is_hoofdvestiging": "KVK_Indicatiehoofdvestiging",
}
REQUIRED = ["vestigingsnummer", "kvk_nummer", "naam", "postcode", "huisnummer"]
DATES = ["datum_aanvang", "datum_einde"]


def read_mapping(path: Path) -> tuple[dict[str, str], dict]:
    """(field -> the file's column name, options) from a mapping TOML file."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InvoerFout(path.name, f"kolomindeling niet te lezen ({detail(exc)})",
                         rij=line_of(exc)) from exc
    columns = doc.get("kolommen")
    if not isinstance(columns, dict):
        raise InvoerFout(path.name, "sectie [kolommen] ontbreekt", veld="kolommen")
    unknown = sorted(set(columns) - set(DOOK))
    if unknown:
        raise InvoerFout(path.name, f"onbekend veld (kies uit {', '.join(DOOK)})", veld=unknown[0])
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        raise InvoerFout(path.name, "verplicht veld ontbreekt in [kolommen]", veld=missing[0])
    return {k: str(v) for k, v in columns.items()}, doc.get("opties", {})


def rename_to_dook(con, table: str, mapping: dict[str, str], source: Path) -> None:
    """Rename the file's columns (per the mapping) to the DOOK names used by the SQL."""
    present = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
    for field, column in mapping.items():
        if column not in present:
            raise InvoerFout(source.name, f"kolom '{column}' (voor {field}) ontbreekt", rij=1,
                             veld=column)
        if column != DOOK[field]:
            con.execute(f'ALTER TABLE {table} RENAME COLUMN "{column}" TO "{DOOK[field]}"')
