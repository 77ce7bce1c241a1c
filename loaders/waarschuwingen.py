"""What a build noticed but did not refuse (the snapshot table `waarschuwing`): counts and lists.

The one place that names the kinds of warning in Dutch, for `zicht status`, `zicht
waarschuwingen` and the Gegevens page alike.
"""

from __future__ import annotations

from pathlib import Path

from geo.sqlfiles import execute_checked, set_variables, sql_text

SQL = Path(__file__).parent / "sql"
SOORTEN = {
    "dubbel": "dubbel geleverd",
    "sbi_onbekend": "onbekende SBI-code",
    "koppeling_onzeker": "onzekere koppeling",
    "bag_id_onbekend": "BAG-id niet gevonden",
    "geen_locatie": "geen locatie",
    "niet_gevonden": "niet gevonden bij de KVK",
    "overgeslagen": "bestand overgeslagen",
    "andere_gemeente": "andere gemeenten niet gebruikt",
}
KOLOMMEN = ["bron", "soort", "sleutel", "rij", "veld", "waarde", "toelichting"]
KOPPEN = ["Bron", "Soort", "Sleutel", "Rij", "Veld", "Waarde", "Toelichting"]


def soort_label(soort: str) -> str:
    """Dutch label of a kind of warning; an unknown kind shows as it is."""
    return SOORTEN.get(soort, soort)


def tellingen(con) -> list[dict]:
    """[{bron, soort, aantal}] per source and kind; [] for a snapshot from before the table."""
    if not _heeft_tabel(con):
        return []
    cur = execute_checked(con, sql_text("waarschuwing_telling", SQL))
    return [dict(zip(("bron", "soort", "aantal"), r, strict=True)) for r in cur.fetchall()]


def lijst(con, bron: str | None = None, soort: str | None = None) -> list[tuple]:
    """Every warning (in KOLOMMEN order), optionally of one source and/or one kind."""
    if not _heeft_tabel(con):
        return []
    set_variables(con, w_bron=bron, w_soort=soort)
    return execute_checked(con, sql_text("waarschuwing_lijst", SQL)).fetchall()


def per_bron(telling: list[dict]) -> dict[str, dict[str, int]]:
    """{bron: {soort: aantal}}: the shape `zicht status --json` reports."""
    uit: dict[str, dict[str, int]] = {}
    for t in telling:
        uit.setdefault(t["bron"] or "", {})[t["soort"]] = t["aantal"]
    return uit


def samenvatting(soorten: dict[str, int]) -> str:
    """'12 dubbel geleverd, 3 onbekende SBI-code' (Dutch number format)."""
    return ", ".join(f"{_nl(n)} {soort_label(s)}" for s, n in soorten.items())


def _nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _heeft_tabel(con) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'waarschuwing' "
                       "AND NOT temporary").fetchone()[0] > 0
