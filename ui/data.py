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

import duckdb
import streamlit as st

from exports import dook_csv
from geo import area, cards, concentration, db, indicators, sbi, search, snapshots
from geo import kaartrechten as geo_rechten
from geo.concentration import Filter
from geo.sqlfiles import fetch_rows, sql_text
from geo.stored import membership_to_register
from geo.stored import results as stored_results
from maps import config
from ui import kaartrechten as rechten
from ui.kaartrechten import per_rechten

VIEW_TTL = 3600  # seconds; viewport answers are cheap to recompute


def snapshot_path() -> str | None:
    """The current snapshot, read from the pointer on every run (so a rebuild shows up)."""
    path = snapshots.current_snapshot(db.data_dir())
    return None if path is None else str(path)


def kaart_config() -> config.KaartConfig:
    """data/kaart.toml, or the data directory's own kaart.toml (re-read when it changes)."""
    path = config.config_path(db.data_dir())
    return _kaart_config(str(path), path.stat().st_mtime)


@st.cache_data(max_entries=4, show_spinner=False)
def _kaart_config(path: str, mtime: float) -> config.KaartConfig:  # noqa: ARG001 (cache key)
    from pathlib import Path

    return config.load(Path(path))


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(snapshot: str):
    return db.connect(snapshot, read_only=True)


@st.cache_resource(max_entries=2, show_spinner="Branchegroepen bepalen…")
def _membership(snapshot: str):
    """Who belongs to which branch group: the snapshot's table `branche_lid` (stored by the
    build, None here), or computed once per snapshot (an Arrow table) when the branch groups
    changed after the build or the snapshot predates the stored table."""
    with _connection(snapshot).cursor() as cur:
        cur.execute(db.macro_sql(temp=True))
        return membership_to_register(cur)


@contextmanager
def cursor(snapshot: str) -> Iterator:
    """A cursor on the shared connection, for one thread; pass it to geo functions. It has
    the shared macros and `branche_lid` (branch-group membership) registered, and sees only what
    the user's map rights allow (ui.kaartrechten; geo.kaartrechten.beperk shadows the tables).

    Snapshots carry the shared macros (to_wgs84, is_actief, …); a cursor does not see the
    TEMP copies geo.db.connect made, so for snapshots built before that it gets its own (~0.5 ms).
    """
    membership = _membership(snapshot)
    kaartrecht = rechten.actief()
    with _connection(snapshot).cursor() as cur:
        cur.execute(db.macro_sql(temp=True))
        if kaartrecht is None:
            if membership is not None:
                concentration.register_membership(cur, membership)
        else:
            geo_rechten.beperk(cur, kaartrecht, membership, _zichtbaar(snapshot, kaartrecht))
        yield cur


@st.cache_resource(max_entries=8, show_spinner=False)
def _zichtbaar(snapshot: str, kaartrecht: geo_rechten.Kaartrechten):
    """Which vestigingen these map rights show: computed once per snapshot and rights."""
    with _connection(snapshot).cursor() as cur:
        cur.execute(db.macro_sql(temp=True))
        return geo_rechten.zichtbare_vestigingen(cur, kaartrecht, _membership(snapshot))


def _rows(snapshot: str, name: str, params: dict | None = None) -> list[dict]:
    with cursor(snapshot) as cur:
        return fetch_rows(cur, sql_text(name), params)


def _with_geometry(rows: list[dict]) -> list[dict]:
    for row in rows:
        row["geometrie"] = json.loads(row["geometrie"])
    return rows


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def meta(snapshot: str) -> dict[str, str]:
    return {r["sleutel"]: r["waarde"] for r in _rows(snapshot, "kaart_meta")}


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def bronnen(snapshot: str) -> list[dict]:
    return _rows(snapshot, "kaart_bronnen")


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def kerncijfers(snapshot: str, peildatum: str) -> dict:
    return _rows(snapshot, "kaart_kerncijfers", {"peildatum": peildatum})[0]


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def bereik(snapshot: str) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) in degrees of the whole municipality, None if empty."""
    rows = _rows(snapshot, "kaart_bereik")
    if not rows or rows[0]["west"] is None:
        return None
    r = rows[0]
    return (r["west"], r["zuid"], r["oost"], r["noord"])


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def gebieden(snapshot: str) -> list[dict]:
    """Gemeente, wijken, buurten and bedrijventerreinen with geometry (GeoJSON dict)."""
    return _with_geometry(_rows(snapshot, "kaart_gebieden", {"tolerantie": 1.0}))


@per_rechten(st.cache_data(max_entries=128, ttl=VIEW_TTL, show_spinner=False))
def punten(snapshot: str, filt: Filter, box: tuple, limiet: int) -> list[dict]:
    """Vestigingen of the selection inside an RD box, at most `limiet`."""
    xmin, ymin, xmax, ymax = box
    params = {**filt.params(), "limiet": limiet,
              "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}
    with cursor(snapshot) as cur:
        cur.execute(concentration.selection_sql("kaart_punten"), params)
        columns = [d[0] for d in cur.description]
        return [dict(zip(columns, row, strict=True)) for row in cur.fetchall()]


@per_rechten(st.cache_data(max_entries=64, ttl=VIEW_TTL, show_spinner=False))
def panden(snapshot: str, box: tuple, limiet: int) -> list[dict]:
    """Building footprints (GeoJSON dicts) inside an RD box, at most `limiet`."""
    xmin, ymin, xmax, ymax = box
    params = {"limiet": limiet, "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}
    return _with_geometry(_rows(snapshot, "kaart_panden", params))


@per_rechten(st.cache_data(max_entries=64, ttl=VIEW_TTL, show_spinner=False))
def plaatsen(snapshot: str, box: tuple, limiet: int, peildatum: str) -> list[dict]:
    """Ligplaatsen and standplaatsen (GeoJSON dicts) inside an RD box, at most `limiet`."""
    xmin, ymin, xmax, ymax = box
    params = {"limiet": limiet, "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax,
              "peildatum": peildatum}
    return _with_geometry(_rows(snapshot, "kaart_plaatsen", params))


@per_rechten(st.cache_data(max_entries=64, ttl=VIEW_TTL, show_spinner=False))
def concentratie_gebied(snapshot: str, filt: Filter, soort: str, bron: str | None) -> list[dict]:
    with cursor(snapshot) as cur:
        return _with_geometry(concentration.per_area(cur, filt, soort, bron))


@per_rechten(st.cache_data(max_entries=64, ttl=VIEW_TTL, show_spinner=False))
def concentratie_raster(snapshot: str, filt: Filter, cel: float, box: tuple) -> list[dict]:
    with cursor(snapshot) as cur:
        return _with_geometry(concentration.per_cell(cur, filt, cel, box))


@per_rechten(st.cache_data(max_entries=64, show_spinner=False))
def totalen(snapshot: str, filt: Filter) -> dict:
    with cursor(snapshot) as cur:
        return concentration.totals(cur, filt)


@per_rechten(st.cache_data(max_entries=64, show_spinner=False))
def per_groep(snapshot: str, filt: Filter) -> list[dict]:
    with cursor(snapshot) as cur:
        return concentration.per_groep(cur, filt)


@per_rechten(st.cache_data(max_entries=64, ttl=VIEW_TTL, show_spinner=False))
def bag_punten(snapshot: str, thema: str, grenzen: tuple, box: tuple, limiet: int) -> list[dict]:
    xmin, ymin, xmax, ymax = box
    params = {"thema": thema, "grenzen": list(grenzen), "limiet": limiet,
              "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}
    return _rows(snapshot, "kaart_bag_punten", params)


@per_rechten(st.cache_data(max_entries=64, ttl=VIEW_TTL, show_spinner=False))
def bag_raster(snapshot: str, thema: str, grenzen: tuple, box: tuple, cel: float) -> list[dict]:
    xmin, ymin, xmax, ymax = box
    params = {"thema": thema, "grenzen": list(grenzen), "cel": cel,
              "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}
    return _with_geometry(_rows(snapshot, "kaart_bag_raster", params))


@per_rechten(st.cache_data(max_entries=4, show_spinner=False))
def sbi_boom(snapshot: str, peildatum: str) -> list[sbi.Knoop]:
    with cursor(snapshot) as cur:
        return sbi.tree(cur, peildatum)


@per_rechten(st.cache_data(max_entries=64, show_spinner=False))
def sbi_suggesties(snapshot: str, tekst: str) -> list[sbi.Suggestie]:
    with cursor(snapshot) as cur:
        return sbi.suggest(cur, tekst)


@per_rechten(st.cache_data(max_entries=64, show_spinner=False))
def zoek(snapshot: str, tekst: str) -> list[dict]:
    with cursor(snapshot) as cur:
        return search.search(cur, tekst)


@per_rechten(st.cache_data(max_entries=256, show_spinner=False))
def pand_op_punt(snapshot: str, lon: float, lat: float) -> str | None:
    with cursor(snapshot) as cur:
        return cards.pand_at(cur, lon, lat)


@per_rechten(st.cache_data(max_entries=256, show_spinner=False))
def plaats_op_punt(snapshot: str, lon: float, lat: float) -> str | None:
    with cursor(snapshot) as cur:
        return cards.plaats_at(cur, lon, lat)


@per_rechten(st.cache_data(max_entries=64, show_spinner=False))
def plaats_card(snapshot: str, plaats_id: str, peildatum: str) -> dict | None:
    with cursor(snapshot) as cur:
        return cards.plaats_card(cur, plaats_id, peildatum, signalen_index(snapshot))


@per_rechten(st.cache_data(max_entries=64, show_spinner=False))
def pand_card(snapshot: str, pand_id: str, peildatum: str) -> dict | None:
    with cursor(snapshot) as cur:
        return cards.pand_card(cur, pand_id, peildatum, signalen_index(snapshot))


@per_rechten(st.cache_data(max_entries=64, show_spinner=False))
def vestiging_card(snapshot: str, vestigingsnummer: str, peildatum: str) -> dict | None:
    with cursor(snapshot) as cur:
        return cards.vestiging_card(cur, vestigingsnummer, peildatum, signalen_index(snapshot))


@per_rechten(st.cache_data(max_entries=32, show_spinner=False))
def vbo_pand(snapshot: str, vbo_id: str) -> str | None:
    """The pand a verblijfsobject lies in (for a search result that is an address)."""
    rows = _rows(snapshot, "object_vbo_pand", {"vbo": vbo_id})
    return rows[0]["pand_identificatie"] if rows else None


def zichtbare_indicatoren() -> tuple[indicators.Indicator, ...]:
    """The indicators the user's map rights show (all while the setting is off), in file order."""
    kaartrecht = rechten.actief()
    return tuple(i for i in indicators.load_indicators() if geo_rechten.ziet_signaal(kaartrecht, i.id))


@per_rechten(st.cache_resource(max_entries=2, show_spinner=False))
def signalen(snapshot: str) -> dict[str, dict]:
    """Every indicator's results, as the build stored them (while the user has no map rights
    and the configuration is unchanged) or else computed once per snapshot and rights:
    id -> {indicator, rijen, fout}. An indicator that fails is reported (fout), never silently
    left out; one the user's map rights do not show is not computed at all."""
    with cursor(snapshot) as cur:
        out = stored_results(cur)
        if out is not None:
            return out
        out = {}
        indicators.prepare(cur)  # uses the branche_lid the cursor has
        for indicator in zichtbare_indicatoren():
            try:
                out[indicator.id] = {"indicator": indicator, "rijen": indicators.run(cur, indicator),
                                     "fout": None}
            except duckdb.Error as exc:
                out[indicator.id] = {"indicator": indicator, "rijen": [], "fout": str(exc)}
    return out


@per_rechten(st.cache_resource(max_entries=2, show_spinner=False))
def signalen_index(snapshot: str) -> dict[tuple[str, str], list[dict]]:
    """(objectsoort, object_id) -> the indicators that fire for it, with their reasons."""
    index: dict[tuple[str, str], list[dict]] = {}
    for uitkomst in signalen(snapshot).values():
        ind = uitkomst["indicator"]
        for row in uitkomst["rijen"]:
            index.setdefault((ind.objectsoort, str(row["object_id"])), []).append(
                {"id": ind.id, "naam": ind.naam, "uitleg": ind.uitleg, "reden": row["reden"]})
    return index


@per_rechten(st.cache_data(max_entries=16, show_spinner=False))
def gebied_analyse(snapshot: str, vorm: str, filt: Filter) -> dict:
    with cursor(snapshot) as cur:
        return area.analyse(cur, json.loads(vorm), filt)


@per_rechten(st.cache_data(max_entries=16, show_spinner=False))
def selectie_nummers(snapshot: str, filt: Filter, vorm: str | None = None) -> tuple[str, ...]:
    with cursor(snapshot) as cur:
        return tuple(concentration.vestigingsnummers(cur, filt, vorm))


@per_rechten(st.cache_data(max_entries=8, show_spinner=False))
def dook_bestand(snapshot: str, nummers: tuple[str, ...], soort: str, selectie: str,
                 gebruiker: str) -> bytes:
    """The DOOK-layout export of these vestigingen as 'csv' or 'xlsx' (with accountability)."""
    with cursor(snapshot) as cur:
        columns, rows = dook_csv.rows(cur, list(nummers))
        if soort == "csv":
            return dook_csv.to_csv(columns, rows)
        verantwoording = dook_csv.accountability(cur, selectie, gebruiker)
        return dook_csv.to_xlsx(columns, rows, verantwoording)
