"""All st.cache_* wrappers: the UI's only way to the snapshot.

Everything is keyed on the snapshot path (a string): a rebuild switches the `current` pointer
to a new file name, so new data means new cache keys and nothing stale is served. The one
read-only connection per snapshot is shared by all sessions; each query runs on its own cursor
because a DuckDB connection object must not be used by two threads at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from geo import db, snapshots
from geo.sqlfiles import sql_text

RASTER_TTL = 3600  # seconds; viewport answers are cheap to recompute


def snapshot_path() -> str | None:
    """The current snapshot, read from the pointer on every run (so a rebuild shows up)."""
    path = snapshots.current_snapshot(db.data_dir())
    return None if path is None else str(path)


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(snapshot: str):
    return db.connect(snapshot, read_only=True)


@contextmanager
def cursor(snapshot: str) -> Iterator:
    """A cursor on the shared connection, for one thread; pass it to geo functions.

    Snapshots carry the shared macros (to_wgs84, is_actief, …); a cursor does not see the
    TEMP copies geo.db.connect made, so for snapshots built before that it gets its own (~0.5 ms).
    """
    with _connection(snapshot).cursor() as cur:
        cur.execute(db.macro_sql(temp=True))
        yield cur


def _rows(snapshot: str, name: str, params: dict | None = None) -> list[dict]:
    with cursor(snapshot) as cur:
        cur.execute(sql_text(name), params or {})
        columns = [d[0] for d in cur.description]
        return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


@st.cache_data(max_entries=4, show_spinner=False)
def meta(snapshot: str) -> dict[str, str]:
    return {r["sleutel"]: r["waarde"] for r in _rows(snapshot, "kaart_meta")}


@st.cache_data(max_entries=4, show_spinner=False)
def bronnen(snapshot: str) -> list[dict]:
    return _rows(snapshot, "kaart_bronnen")


@st.cache_data(max_entries=4, show_spinner=False)
def kerncijfers(snapshot: str, peildatum: str) -> dict:
    return _rows(snapshot, "kaart_kerncijfers", {"peildatum": peildatum})[0]


@st.cache_data(max_entries=4, show_spinner=False)
def bereik(snapshot: str) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) in degrees of the whole municipality, None if empty."""
    rows = _rows(snapshot, "kaart_bereik")
    if not rows or rows[0]["west"] is None:
        return None
    r = rows[0]
    return (r["west"], r["zuid"], r["oost"], r["noord"])


@st.cache_data(max_entries=4, show_spinner=False)
def gebieden(snapshot: str, peildatum: str) -> list[dict]:
    """Gemeente, buurten and bedrijventerreinen with geometry (GeoJSON dict) and counts."""
    params = {"peildatum": peildatum, "tolerantie": 1.0}
    rows = _rows(snapshot, "kaart_gebieden", params)
    for row in rows:
        row["geometrie"] = json.loads(row["geometrie"])
    return rows


@st.cache_data(max_entries=128, ttl=RASTER_TTL, show_spinner=False)
def punten(snapshot: str, peildatum: str, box: tuple, limiet: int) -> list[dict]:
    """Active vestigingen inside an RD box, at most `limiet`."""
    xmin, ymin, xmax, ymax = box
    params = {"peildatum": peildatum, "limiet": limiet,
              "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}
    return _rows(snapshot, "kaart_punten", params)


@st.cache_data(max_entries=64, ttl=RASTER_TTL, show_spinner=False)
def panden(snapshot: str, box: tuple, limiet: int) -> list[dict]:
    """Building footprints (GeoJSON dicts) inside an RD box, at most `limiet`."""
    xmin, ymin, xmax, ymax = box
    params = {"limiet": limiet, "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}
    rows = _rows(snapshot, "kaart_panden", params)
    for row in rows:
        row["geometrie"] = json.loads(row["geometrie"])
    return rows


@st.cache_data(max_entries=128, ttl=RASTER_TTL, show_spinner=False)
def raster(snapshot: str, peildatum: str, box: tuple, cel: float) -> list[dict]:
    """Counts of active vestigingen per square cell of `cel` metres inside an RD box."""
    xmin, ymin, xmax, ymax = box
    params = {"peildatum": peildatum, "cel": cel,
              "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}
    rows = _rows(snapshot, "kaart_raster", params)
    for row in rows:
        row["geometrie"] = json.loads(row["geometrie"])
    return rows
