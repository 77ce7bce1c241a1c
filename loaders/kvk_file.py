"""KVK selections as municipalities receive them: CSV or XLSX, DOOK layout or a user's mapping.

Format, delimiter and encoding (UTF-8 with or without BOM, cp1252) are detected; every value is
read as text so codes keep their leading zeros; dates are checked row by row so a bad one is
reported with its row and field instead of silently becoming empty.
"""

from __future__ import annotations

from pathlib import Path

from geo.sqlfiles import run_script, set_variables
from loaders import file_guard, kvk_values
from loaders.engine_errors import translate
from loaders.errors import InvoerFout
from loaders.kvk_file_detect import Utf8Csv, detect_delimiter, first_line
from loaders.kvk_mapping import DATES, DOOK, REQUIRED, read_mapping, rename_to_dook

SQL = Path(__file__).parent / "sql"
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
    kvk_values.check(con, STAGE, path)
    _check_dates(con, path)
    versie = sbi_versie or opties.get("sbi_versie") or _detect_sbi_version(con)
    set_variables(con, bron=bron, sbi_versie=str(versie))
    run_script(con, "kvk_file_dook", SQL)
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
    for field in REQUIRED:
        if DOOK[field] not in present:
            raise InvoerFout(path.name, "kolom ontbreekt (DOOK-indeling verwacht, of geef een "
                                        "kolomindeling met --kolommen)", rij=1, veld=DOOK[field])
    for column in DOOK.values():  # optional columns read as empty, so one SQL fits every file
        if column not in present:
            con.execute(f'ALTER TABLE {STAGE} ADD COLUMN "{column}" VARCHAR')


def _check_dates(con, path: Path) -> None:
    for column in (DOOK[f] for f in DATES):
        bad = con.execute(
            f'SELECT rij, "{column}" FROM {STAGE} WHERE nullif(trim("{column}"), \'\') '
            f'IS NOT NULL AND kvk_datum("{column}") IS NULL ORDER BY rij LIMIT 1'
        ).fetchone()
        if bad:
            raise InvoerFout(path.name, f"'{bad[1]}' is geen geldige datum", rij=bad[0],
                             veld=column)


def _detect_sbi_version(con) -> str:
    """4-digit codes exist only in SBI 2008; a file of 5-digit codes from after the conversion
    (7 September 2025) is SBI 2025. Override with --sbi-versie when a file says otherwise."""
    short, recent, total = con.execute(
        f"SELECT count(*) FILTER (WHERE length(trim(\"KVK_SBI_code_hoofdactiviteit\")) = 4),"
        f" count(*) FILTER (WHERE kvk_datum(\"KVK_Datum_inschrijving_vestiging\") >= '2025-09-07'),"
        f" count(*) FROM {STAGE}"
    ).fetchone()
    return "2008" if short or recent < total else "2025"

