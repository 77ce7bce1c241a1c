"""Values in a staged KVK file that no real register holds: refused with file, row and field.

A huisnummer starts with a whole number from 1 to 99999 (BAG; what follows, as in '12a' or
'12-14', is read as huisletter or toevoeging by adres_norm.sql); identifiers are digits only (the lead
zeros are put back later) and a vestigingsnummer occurs once per file: two rows for the same
vestiging would silently decide which one counts.
"""

from __future__ import annotations

from pathlib import Path

from loaders.errors import InvoerFout
from loaders.kvk.mapping import DOOK

MAX_HUISNUMMER = 99_999
ID_LENGTH = {"vestigingsnummer": 12, "kvk_nummer": 8}


def check(con, table: str, path: Path) -> None:
    _check_huisnummer(con, table, path)
    for field, length in ID_LENGTH.items():
        _check_identifier(con, table, path, DOOK[field], length)
    _check_unique(con, table, path, DOOK["vestigingsnummer"])


def _first(con, sql: str):
    return con.execute(sql).fetchone()


def _check_huisnummer(con, table: str, path: Path) -> None:
    column = DOOK["huisnummer"]
    getal = f'try_cast(regexp_extract(trim("{column}"), \'^(\\d+)\', 1) AS BIGINT)'
    bad = _first(con, f'SELECT rij, "{column}" FROM {table} WHERE nullif(trim("{column}"), \'\') '
                      f'IS NOT NULL AND NOT coalesce({getal} BETWEEN 1 AND {MAX_HUISNUMMER}, false) '
                      'ORDER BY rij LIMIT 1')
    if bad:
        raise InvoerFout(path.name, f"'{bad[1][:40]}' is geen huisnummer (begint met een getal van 1 "
                                    f"tot en met {MAX_HUISNUMMER})", rij=bad[0], veld=column)


def _check_identifier(con, table: str, path: Path, column: str, length: int) -> None:
    bad = _first(con, f'SELECT rij, "{column}" FROM {table} WHERE NOT coalesce(regexp_full_match('
                      f'trim("{column}"), \'[0-9]{{1,{length}}}\'), false) ORDER BY rij LIMIT 1')
    if bad:
        shown = "leeg" if not (bad[1] or "").strip() else f"'{bad[1][:40]}'"
        raise InvoerFout(path.name, f"{shown} is geen geldig nummer (alleen cijfers, hoogstens "
                                    f"{length})", rij=bad[0], veld=column)


def _check_unique(con, table: str, path: Path, column: str) -> None:
    dup = _first(con, f'SELECT max(rij), min(rij), lpad(trim("{column}"), 12, \'0\') AS nr '
                      f'FROM {table} GROUP BY nr HAVING count(*) > 1 ORDER BY 1 LIMIT 1')
    if dup:
        raise InvoerFout(path.name, f"vestigingsnummer {dup[2]} staat ook in rij {dup[1]}; één rij "
                                    "per vestiging", rij=dup[0], veld=column)
