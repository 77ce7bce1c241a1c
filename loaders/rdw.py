"""RDW erkende bedrijven from the open-data CSV exports, matched to BAG addresses."""

from __future__ import annotations

from pathlib import Path

from geo.sqlfiles import run_script
from loaders.base import Koppeling, SourceKind
from loaders.errors import InvoerFout

SQL = Path(__file__).parent / "sql"
BEDRIJVEN = "erkende-bedrijven.csv"
ERKENNINGEN = "erkenningen.csv"
REQUIRED = {BEDRIJVEN: {"volgnummer", "naam_bedrijf", "huisnummer", "postcode_numeriek"},
            ERKENNINGEN: {"volgnummer", "erkenning"}}


def load(con, path: Path) -> int:
    """Stage the two exports found in folder `path` (rdw_bedrijven_ruw, rdw_erkenningen_ruw)."""
    for name, table in ((BEDRIJVEN, "rdw_bedrijven_ruw"), (ERKENNINGEN, "rdw_erkenningen_ruw")):
        file = path / name
        if not file.exists():
            raise InvoerFout(str(path), f"{name} ontbreekt in de RDW-map")
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM read_csv(?, "
                    "header = true, all_varchar = true)", [str(file)])
        present = {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}
        missing = sorted(REQUIRED[name] - present)
        if missing:
            raise InvoerFout(name, "kolom ontbreekt", rij=1, veld=missing[0])
    return con.execute("SELECT count(*) FROM rdw_bedrijven_ruw").fetchone()[0]


def match(con) -> None:
    """Match the staged RDW rows to BAG (needs adres_norm.sql to have run)."""
    run_script(con, "rdw_match", SQL)


def _argumenten(p) -> None:
    p.add_argument("--api", action="store_true", help="haal de gegevens op bij RDW open data")
    p.add_argument("--plaats", help="met --api: alleen bedrijven in deze plaats")


SOORT = SourceKind(
    naam="rdw", omschrijving="RDW erkende bedrijven", rol="aanvulling",
    load=lambda con, bron: load(con, bron.path),
    hulp="RDW erkende bedrijven (map met erkende-bedrijven.csv en erkenningen.csv)",
    pad="dir", pad_nargs="?", argumenten=_argumenten,
    koppeling=Koppeling("RDW koppelen aan BAG", match), tabellen={"rdw_bedrijf": "RDW-bedrijven"})
