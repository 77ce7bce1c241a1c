"""What the analyst opened (a pand or a vestiging) and where the map should fly: plain values in
st.session_state, set by search results, clicks and buttons on cards."""

from __future__ import annotations

import math

import streamlit as st

OBJECT, VLIEG, OPENING = "kaart_object", "kaart_vlieg", "kaart_object_opening"
ZOOM = 18


def geopend() -> dict | None:
    """{"soort": "pand" | "plaats" | "vestiging", "id": ..., "adres": vbo id or None}, or None.
    A plaats is a ligplaats or standplaats."""
    value = st.session_state.get(OBJECT)
    return value if isinstance(value, dict) else None


def open_pand(pand_id: str, adres: str | None = None) -> None:
    st.session_state[OBJECT] = {"soort": "pand", "id": pand_id, "adres": adres}
    st.session_state[OPENING] = opening() + 1


def open_plaats(plaats_id: str) -> None:
    st.session_state[OBJECT] = {"soort": "plaats", "id": plaats_id, "adres": plaats_id}


def open_vestiging(vestigingsnummer: str) -> None:
    st.session_state[OBJECT] = {"soort": "vestiging", "id": vestigingsnummer, "adres": None}
    st.session_state[OPENING] = opening() + 1


def opening() -> int:
    """How many times a card was opened in this session (the audit logs each opening once)."""
    return int(st.session_state.get(OPENING, 0))


def sluit() -> None:
    st.session_state.pop(OBJECT, None)


def vlieg(lat: float, lon: float, zoom: int = ZOOM) -> None:
    """Ask the map to move once. The map only moves when centre or zoom differ from what it was
    last asked, so each request differs a hair (n): flying to the same place twice works."""
    n = (st.session_state.get(VLIEG) or {}).get("n", 0) + 1
    st.session_state[VLIEG] = {"lat": lat + n * 1e-9, "lon": lon, "zoom": zoom + (n % 2) * 1e-6,
                               "n": n}


def toon_alles(punten: list[tuple[float, float]], breedte_px: int = 550,
               hoogte_px: int = 550) -> None:
    """Fly so that all (lat, lon) points are in view (Web Mercator zoom for their extent)."""
    if not punten:
        return
    lats, lons = [p[0] for p in punten], [p[1] for p in punten]
    lat_span = max(max(lats) - min(lats), 1e-4) * 1.4  # a margin around them
    lon_span = max(max(lons) - min(lons), 1e-4) * 1.4
    schaal = math.cos(math.radians(sum(lats) / len(lats)))
    zoom_lon = math.log2(360 * breedte_px / (256 * lon_span))
    zoom_lat = math.log2(360 * schaal * hoogte_px / (256 * lat_span))
    zoom = max(8, min(ZOOM, math.floor(min(zoom_lon, zoom_lat))))
    vlieg((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2, zoom)


def vliegdoel() -> dict | None:
    value = st.session_state.get(VLIEG)
    return value if isinstance(value, dict) else None


def open_uit_link(snapshot: str, soort: str, waarde: str) -> None:
    """Open what a link from a case page names, and fly there when it has a location."""
    from ui import data

    peildatum = data.meta(snapshot).get("peildatum", "")
    plek = None
    plaats = data.plaats_card(snapshot, waarde, peildatum) if soort == "adres" else None
    if plaats:  # an address link may name a ligplaats or standplaats
        open_plaats(waarde)
        plek = (plaats["lat"], plaats["lon"], ZOOM)
    elif soort in ("pand", "adres"):
        pand = waarde if soort == "pand" else data.vbo_pand(snapshot, waarde)
        card = data.pand_card(snapshot, pand, peildatum) if pand else None
        if card:
            open_pand(pand, adres=waarde if soort == "adres" else None)
            plek = (card["lat"], card["lon"], ZOOM)
    elif soort in ("vestiging", "maatschappelijke_activiteit"):
        nummer = waarde if soort == "vestiging" else _eerste_vestiging(snapshot, waarde)
        card = data.vestiging_card(snapshot, nummer, peildatum) if nummer else None
        if card:
            open_vestiging(nummer)
            plek = (card["lat"], card["lon"], ZOOM) if card["lat"] is not None else None
    else:
        plek = _gebied_plek(data.gebieden(snapshot), soort, waarde)
    if plek is not None:
        vlieg(*plek)


def _eerste_vestiging(snapshot: str, kvk_nummer: str) -> str | None:
    from ui import data

    rows = [r for r in data.zoek(snapshot, kvk_nummer) if r["soort"] == "vestiging"]
    return rows[0]["id"] if rows else None


def _gebied_plek(gebieden: list[dict], soort: str, code: str) -> tuple | None:
    """Centre of a buurt or wijk (its bounding box) at a zoom that shows all of it."""
    for g in gebieden:
        if g["soort"] == soort and g["code"] == code:
            ring = g["geometrie"]["coordinates"]
            while isinstance(ring[0][0], list):
                ring = [p for part in ring for p in part]
            lons, lats = [p[0] for p in ring], [p[1] for p in ring]
            return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2, 15)
    return None
