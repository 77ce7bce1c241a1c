"""Which SBI version each delivered code is in, decided per code from KVK's official lists.

A KVK file does not say its SBI version, and the registration date does not tell either: KVK
converted the whole register on 5–7 September 2025, so an export made after that carries SBI 2025
codes on vestigingen registered years ago, and a saved API answer from before carries SBI 2008
codes of five digits. The loaders stage every code as delivered, with the field it came from
(kvk_invoer.sbi_ruw); `decide` looks each one up in the lists (geo/sbi_lijst.py) and fills
sbi_codes, sbi_hoofd, sbi_versie and sbi_onbekend. The rules are in loaders/sql/sbi_versie.sql.
Whatever it noticed (unknown codes, codes read in one of two meanings) is one row per record in
waarschuwing.
"""

from __future__ import annotations

from pathlib import Path

from geo import sbi_lijst
from geo.nlformat import getal
from geo.sqlfiles import run_script

SQL = Path(__file__).parent / "sql"
SOORTEN = ("sbi_onbekend", "sbi_andere_versie", "sbi_dubbelzinnig")
TOON_CODES = 12  # codes named in a one-line summary; the rest are counted


def decide(con, bron: str, hint: str | None = None) -> None:
    """Decide the SBI version of every staged record of `bron` not decided yet. `hint`: the
    version given at loading, used only where no code of a record tells."""
    sbi_lijst.register(con)
    run_script(con, "sbi_versie", SQL, sbi_bron=bron, sbi_hint=hint)


def summary(con, bron: str) -> list[str]:
    """Dutch lines for the load summary: records per version, and what was noticed."""
    versies = con.execute(
        "SELECT sbi_versie, count(*) FROM kvk_invoer WHERE bron = ? GROUP BY ALL ORDER BY 1",
        [bron]).fetchall()
    regels = ["SBI-versie per vestiging (uit de officiële lijsten): " + ", ".join(
        f"SBI {v}: {getal(n)}" for v, n in versies)] if versies else []
    rows = con.execute(
        "SELECT soort, count(DISTINCT sleutel), list(DISTINCT waarde ORDER BY waarde) "
        "FROM waarschuwing WHERE bron = ? AND soort IN ? GROUP BY soort ORDER BY soort",
        [bron, list(SOORTEN)]).fetchall()
    for soort, aantal, codes in rows:
        wat = "vestiging" if aantal == 1 else "vestigingen"
        regels.append(f"{KOP[soort]}: {getal(aantal)} {wat}, codes {_codes(codes)}")
    return regels


KOP = {"sbi_onbekend": "SBI onbekend (code in geen van beide lijsten)",
       "sbi_andere_versie": "SBI onbekend (code alleen in de andere versie)",
       "sbi_dubbelzinnig": "Code in beide versies met een andere omschrijving (versie gekozen, "
                           "reden in de waarschuwingenlijst)"}


def _codes(codes: list[str]) -> str:
    shown = ", ".join(codes[:TOON_CODES])
    return shown + (f" en {getal(len(codes) - TOON_CODES)} andere" if len(codes) > TOON_CODES
                    else "")
