"""What `zicht status` reports: the current snapshot, its sources, counts, match quality and
the warnings per source and kind (see loaders.waarschuwingen)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from geo import snapshots
from geo.sqlfiles import fetch_rows, sql_text
from loaders import waarschuwingen
from loaders.registry import REGISTRY

SQL = Path(__file__).parent / "sql"


def status(data_dir: Path) -> dict:
    """The status as a plain dict (the --json form); `snapshot` is None when none exists."""
    con = snapshots.open_current(data_dir)
    if con is None:
        return {"snapshot": None, "bronnen": [], "counts": {}, "match": {}, "waarschuwingen": {}}
    try:
        meta = dict(con.execute("SELECT sleutel, waarde FROM meta").fetchall())
        return {
            "snapshot": {"bestand": snapshots.current_snapshot(data_dir).name, **meta},
            "bronnen": fetch_rows(con, "SELECT bron, soort, peildatum::VARCHAR AS peildatum, rijen, "
                                  "bestand, geladen_op::VARCHAR AS geladen_op FROM bron ORDER BY bron"),
            "counts": aantallen(con),
            "match": _match(con),
            "waarschuwingen": waarschuwingen.per_bron(waarschuwingen.tellingen(con)),
        }
    finally:
        con.close()


def aantallen(con) -> dict:
    """Rows of the snapshot's main tables (status_counts.sql), then of each further table a
    source kind fills (its `tabellen`), when the snapshot has it."""
    counts = fetch_rows(con, sql_text("status_counts", SQL))[0]
    for tabel in tabellen():
        if tabel in counts:
            continue
        try:
            counts[tabel] = con.execute(sql_text("status_tabel", SQL), {"tabel": tabel}).fetchone()[0]
        except duckdb.CatalogException:  # a snapshot built before this kind existed
            continue
    return counts


def tabellen() -> dict[str, str]:
    """table -> Dutch label of its count, for every table a source kind fills (registry order)."""
    return {t: label for k in REGISTRY.values() for t, label in k.tabellen.items()}


def _match(con) -> dict:
    methods = fetch_rows(con, sql_text("status_match", SQL))
    total = sum(m["aantal"] for m in methods)
    matched = sum(m["aantal"] for m in methods if m["methode"] != "geen")
    return {"rate": round(matched / total, 4) if total else None, "totaal": total,
            "gekoppeld": matched, "methods": methods}
