"""What `zicht status` reports: the current snapshot, its sources, counts, match quality and
the warnings per source and kind (see loaders.waarschuwingen)."""

from __future__ import annotations

from pathlib import Path

from geo import snapshots
from geo.sqlfiles import fetch_rows, sql_text
from loaders import waarschuwingen

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
            "counts": fetch_rows(con, sql_text("status_counts", SQL))[0],
            "match": _match(con),
            "waarschuwingen": waarschuwingen.per_bron(waarschuwingen.tellingen(con)),
        }
    finally:
        con.close()


def _match(con) -> dict:
    methods = fetch_rows(con, sql_text("status_match", SQL))
    total = sum(m["aantal"] for m in methods)
    matched = sum(m["aantal"] for m in methods if m["methode"] != "geen")
    return {"rate": round(matched / total, 4) if total else None, "totaal": total,
            "gekoppeld": matched, "methods": methods}
