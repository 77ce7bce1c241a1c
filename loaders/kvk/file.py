"""KVK selections as municipalities receive them: CSV or XLSX, DOOK layout or a user's mapping.

Format, delimiter and encoding (UTF-8 with or without BOM, cp1252) are detected; every value is
read as text so codes keep their leading zeros; dates are checked row by row so a bad one is
reported with its row and field instead of silently becoming empty.
"""

from __future__ import annotations

from pathlib import Path

from geo.sqlfiles import run_script, set_variables
from loaders import file_guard
from loaders import sbi_versie as sbi
from loaders.base import SourceKind, Upload
from loaders.engine_errors import translate
from loaders.errors import InvoerFout, InvoerFouten
from loaders.kvk import values as kvk_values
from loaders.kvk.exportdatum import exportdatum
from loaders.kvk.file_detect import Utf8Csv, detect_delimiter, first_line
from loaders.kvk.ids import LENGTE, probleem
from loaders.kvk.mapping import DATES, DOOK, REQUIRED, read_mapping, rename_to_dook

SQL = Path(__file__).parents[1] / "sql"
STAGE = "kvk_csv_ruw"


def load(con, path: Path, bron: str, sbi_versie: str | None = None,
         kolommen: Path | None = None) -> int:
    """Stage one file into kvk_invoer. `kolommen`: a TOML mapping for a non-DOOK layout."""
    mapping, opties = read_mapping(kolommen) if kolommen else ({}, {})
    with Utf8Csv(path) as readable:
        delimiter = detect_delimiter(first_line(readable, path), path)
        file_guard.check_records(readable, delimiter, path.name)
        _stage(con, readable, delimiter, path)
    if mapping:
        rename_to_dook(con, STAGE, mapping, path)
    _check_columns(con, path)
    _check_identifiers(con, path)
    kvk_values.check(con, STAGE, path)
    _check_dates(con, path)
    versie = sbi_versie or opties.get("sbi_versie")
    set_variables(con, bron=bron, sbi_versie=versie)
    run_script(con, "kvk_file_dook", SQL)
    sbi.decide(con, bron, versie)
    return con.execute(f"SELECT count(*) FROM {STAGE}").fetchone()[0]


def _stage(con, path: Path, delimiter: str, original: Path) -> None:
    """All columns as text; `rij` is the line number in the file (header = 1)."""
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {STAGE} AS "
            "SELECT row_number() OVER () + 1 AS rij, * FROM read_csv(?, delim = ?, header = true,"
            " all_varchar = true, quote = '\"', escape = '\"', strict_mode = false,"
            " null_padding = true)",
            [str(path), delimiter],
        )
    except Exception as exc:
        raise translate(exc, original.name) from exc


def _check_columns(con, path: Path) -> None:
    present = {row[0] for row in con.execute(f"DESCRIBE {STAGE}").fetchall()}
    missing = [InvoerFout(path.name, "kolom ontbreekt (DOOK-indeling verwacht, of geef een kolomindeling "
                                     "met --kolommen)", rij=1, veld=DOOK[field])
               for field in REQUIRED if DOOK[field] not in present]
    if missing:
        raise InvoerFouten(missing)
    for column in DOOK.values():  # optional columns read as empty, so one SQL fits every file
        if column not in present:
            con.execute(f'ALTER TABLE {STAGE} ADD COLUMN "{column}" VARCHAR')


def _check_identifiers(con, path: Path) -> None:
    """Every row needs a valid vestigingsnummer and KVK-nummer (see loaders.kvk.ids)."""
    for soort, lengte in LENGTE.items():
        column = DOOK[soort]
        bad = con.execute(
            f'SELECT rij, "{column}" FROM {STAGE} WHERE NOT coalesce(regexp_full_match('
            f'trim("{column}"), \'[0-9]{{1,{lengte}}}\'), false) ORDER BY rij LIMIT 1'
        ).fetchone()
        if bad:
            raise InvoerFout(path.name, probleem(bad[1], soort), rij=bad[0], veld=column)


def _check_dates(con, path: Path) -> None:
    """Every unreadable date of the file (up to InvoerFouten.MAX), in row order."""
    found, totaal = [], 0
    for column in (DOOK[f] for f in DATES):
        where = (f'WHERE nullif(trim("{column}"), \'\') IS NOT NULL AND kvk_datum("{column}") IS NULL')
        totaal += con.execute(f"SELECT count(*) FROM {STAGE} {where}").fetchone()[0]
        rows = con.execute(f'SELECT rij, "{column}" FROM {STAGE} {where} ORDER BY rij LIMIT ?',
                           [InvoerFouten.MAX]).fetchall()
        found += [InvoerFout(path.name, f"'{waarde}' is geen geldige datum", rij=rij, veld=column)
                  for rij, waarde in rows]
    if found:
        found.sort(key=lambda f: f.rij)
        raise InvoerFouten(found[:InvoerFouten.MAX], totaal)



def _argumenten(p) -> None:
    p.add_argument("--preset", choices=["dook", "generic"], default="dook",
                   help="dook: kolommen van de DOOK-export; generic: geef --kolommen")
    p.add_argument("--kolommen", type=Path, help="TOML-bestand met de kolomindeling")
    p.add_argument("--sbi-versie", choices=["2008", "2025"],
                   help="voor vestigingen waarvan elke code in beide versies bestaat; "
                        "verder beslissen de officiële lijsten per code")


def _opties(args) -> dict:
    if args.preset == "generic" and not args.kolommen:
        raise InvoerFout("--preset generic", "geef ook --kolommen met een kolomindeling (TOML)")
    return {"kolommen": str(args.kolommen.resolve()) if args.kolommen else None,
            "sbi_versie": args.sbi_versie}


def _load(con, bron) -> int:
    kolommen = Path(bron.opties["kolommen"]) if bron.opties.get("kolommen") else None
    return load(con, bron.path, bron.bron, bron.opties.get("sbi_versie"), kolommen)


SOORT = SourceKind(
    naam="kvk-file", omschrijving="KVK-selectie (bestand)", rol="kvk", load=_load,
    hulp="KVK-selectie als CSV (DOOK-indeling)", pad="file", argumenten=_argumenten,
    opties=_opties, peildatum=exportdatum, tabellen={"vestiging": "Vestigingen"},
    upload=Upload(
        label="KVK-selectie (CSV of Excel)",
        uitleg="Een selectie uit het Handelsregister zoals de gemeente die van KVK krijgt: CSV (; of ,) "
               "of Excel (.xlsx, eerste werkblad). Standaard in de DOOK-indeling; een andere indeling "
               "koppelt u hieronder kolom voor kolom.",
        extensies=(".csv", ".txt", ".xlsx"), controle="kvk", naam_prefix="kvk"))
