"""Cache wrappers for the Gegevens page, on the shared read-only snapshot connection of ui.data.

Keyed on the snapshot path like everything in ui.data: a rebuild gives a new path, so new keys.
The register (bronnen.json) and the build status are small files read fresh on every run.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from geo.sqlfiles import fetch_rows, sql_text
from loaders import admin
from ui.data import cursor
from ui.kaartrechten import per_rechten


def _rows(snapshot: str, query: str, params: dict | None = None) -> list[dict]:
    with cursor(snapshot) as cur:
        return fetch_rows(cur, query, params)


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def bronnen(snapshot: str) -> list[dict]:
    """The snapshot's `bron` table: peildatum, geladen op, rijen, bestand, checksum per source."""
    return _rows(snapshot, sql_text("gegevens_bronnen"))


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def aantallen(snapshot: str) -> dict:
    """The counts `zicht status` reports (the same function)."""
    with cursor(snapshot) as cur:
        return admin.aantallen(cur)


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def koppeling(snapshot: str, peildatum: str) -> list[dict]:
    """KVK -> BAG match counts and average score per source and method."""
    return _rows(snapshot, sql_text("gegevens_koppeling"), {"peildatum": peildatum})


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def koppel_zekerheid(snapshot: str) -> list[dict]:
    """Per source: certain, uncertain, several candidates, and unknown BAG ids."""
    return _rows(snapshot, sql_text("gegevens_koppel_zekerheid"))


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def ongekoppeld(snapshot: str, peildatum: str) -> list[dict]:
    """Vestigingen without a certain BAG object: address as delivered, reason and candidates."""
    return _rows(snapshot, sql_text("gegevens_ongekoppeld"), {"peildatum": peildatum})


def snapshot_name(snapshot: str | None) -> str | None:
    return None if snapshot is None else Path(snapshot).name


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def waarschuwing_tellingen(snapshot: str) -> list[dict]:
    """Warnings per source and kind, as `zicht status` counts them."""
    with cursor(snapshot) as cur:
        return admin.waarschuwing_tellingen(cur)


@per_rechten(st.cache_data(max_entries=8, show_spinner=False))
def waarschuwing_lijst(snapshot: str, bron: str | None, soort: str | None) -> list[tuple]:
    """Every warning of one source and/or kind (None: all), in loaders.waarschuwingen.KOLOMMEN order."""
    with cursor(snapshot) as cur:
        return admin.waarschuwing_lijst(cur, bron, soort)
