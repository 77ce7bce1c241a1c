"""KVK selections as municipalities receive them: CSV in the DOOK-export layout.

Delimiter and encoding (UTF-8 with or without BOM, cp1252) are detected; every value is read as
text so codes keep their leading zeros; dates are checked row by row so a bad one is reported
with its row and field instead of silently becoming empty.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from geo.sqlfiles import run_script, set_variables
from loaders.errors import InvoerFout

SQL = Path(__file__).parent / "sql"
DOOK_REQUIRED = ["KVK_Vestigingsnummer", "KVK_Nummer", "KVK_Handelsnaam", "postcode", "huisnummer"]
DOOK_OPTIONAL = ["BAG numid", "straat", "huisletter", "huisnummertoevoeging", "gemeentenaam",
                 "KVK_Bedrijfsactiviteit", "KVK_SBI_code", "KVK_SBI_code_hoofdactiviteit",
                 "KVK_Rechtsvorm", "KVK_Datum_inschrijving_vestiging",
                 "KVK_Datum_uitschrijving_vestiging", "KVK_Indicatiehoofdvestiging"]
DOOK_DATES = ["KVK_Datum_inschrijving_vestiging", "KVK_Datum_uitschrijving_vestiging"]
DELIMITERS = [";", ",", "\t", "|"]


def load(con, path: Path, bron: str, sbi_versie: str | None = None) -> int:
    """Stage one CSV file into kvk_invoer. Returns the number of rows."""
    encoding = detect_encoding(path)
    with _as_utf8(path, encoding) as readable:
        header = _first_line(readable, path)
        delimiter = detect_delimiter(header, path)
        _stage(con, readable, delimiter, path)
    _check_columns(con, path)
    _check_dates(con, path)
    versie = sbi_versie or _detect_sbi_version(con)
    set_variables(con, bron=bron, sbi_versie=versie)
    run_script(con, "kvk_file_dook", SQL)
    return con.execute("SELECT count(*) FROM kvk_csv_ruw").fetchone()[0]


def detect_encoding(path: Path) -> str:
    """'utf-8-sig' when the whole file decodes as UTF-8, else 'cp1252' (Excel on Windows)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as f:
        try:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def detect_delimiter(header: str, path: Path) -> str:
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        raise InvoerFout(path.name, "scheidingsteken niet herkend (verwacht ; of , of tab)", rij=1)
    return best


def _first_line(path: Path, original: Path) -> str:
    with open(path, encoding="utf-8-sig") as f:
        line = f.readline().strip()
    if not line:
        raise InvoerFout(original.name, "het bestand is leeg")
    return line


class _as_utf8:
    """Context manager: the path itself when UTF-8, else a temporary UTF-8 copy."""

    def __init__(self, path: Path, encoding: str):
        self.path, self.encoding, self.tmp = path, encoding, None

    def __enter__(self) -> Path:
        if self.encoding.startswith("utf-8"):
            return self.path
        self.tmp = tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", delete=False)
        with open(self.path, encoding=self.encoding, errors="replace") as src:
            while chunk := src.read(1 << 20):
                self.tmp.write(chunk)
        self.tmp.close()
        return Path(self.tmp.name)

    def __exit__(self, *exc):
        if self.tmp:
            Path(self.tmp.name).unlink(missing_ok=True)


def _stage(con, path: Path, delimiter: str, original: Path) -> None:
    """All columns as text; `rij` is the line number in the file (header = 1)."""
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE kvk_csv_ruw AS "
            "SELECT row_number() OVER () + 1 AS rij, * FROM read_csv(?, delim = ?, header = true,"
            " all_varchar = true, quote = '\"', escape = '\"', strict_mode = false,"
            " null_padding = true)",
            [str(path), delimiter],
        )
    except Exception as exc:
        raise InvoerFout(original.name, f"niet te lezen als CSV ({exc})") from exc


def _check_columns(con, path: Path) -> None:
    present = {row[0] for row in con.execute("DESCRIBE kvk_csv_ruw").fetchall()}
    for column in DOOK_REQUIRED:
        if column not in present:
            raise InvoerFout(path.name, "kolom ontbreekt (DOOK-indeling verwacht)", rij=1,
                             veld=column)
    for column in DOOK_OPTIONAL:  # optional columns read as empty, so one SQL fits every file
        if column not in present:
            con.execute(f'ALTER TABLE kvk_csv_ruw ADD COLUMN "{column}" VARCHAR')


def _check_dates(con, path: Path) -> None:
    for column in DOOK_DATES:
        bad = con.execute(
            f'SELECT rij, "{column}" FROM kvk_csv_ruw WHERE nullif(trim("{column}"), \'\') '
            f'IS NOT NULL AND kvk_datum("{column}") IS NULL ORDER BY rij LIMIT 1'
        ).fetchone()
        if bad:
            raise InvoerFout(path.name, f"'{bad[1]}' is geen geldige datum", rij=bad[0],
                             veld=column)


def _detect_sbi_version(con) -> str:
    """4-digit codes exist only in SBI 2008; a file of 5-digit codes from after the conversion
    (7 September 2025) is SBI 2025. Override with --sbi-versie when a file says otherwise."""
    short, recent, total = con.execute(
        "SELECT count(*) FILTER (WHERE length(trim(\"KVK_SBI_code_hoofdactiviteit\")) = 4),"
        " count(*) FILTER (WHERE kvk_datum(\"KVK_Datum_inschrijving_vestiging\") >= '2025-09-07'),"
        " count(*) FROM kvk_csv_ruw"
    ).fetchone()
    return "2008" if short or recent < total else "2025"
