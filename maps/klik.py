"""What the browser reports back from the map, as typed events: a click on drawn point
objects, a click elsewhere on the map, a drawn area. Pure functions over the dict that
streamlit-folium returns; no Streamlit here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Klik:
    """A click the analyst made: on drawn point objects (objecten) or elsewhere on the map."""

    lat: float
    lon: float
    objecten: tuple[tuple[str, str], ...] = ()


def punt_sleutel(lat: float, lon: float) -> str:
    """The key a drawn point is found back by when it is clicked."""
    return f"{lat:.6f},{lon:.6f}"


def nieuwe_klik(value: object, gezien: dict, punten: dict) -> Klik | None:
    """The click this rerun reports that was not handled before, if any. A click on a drawn
    point reports that point's own position (Leaflet), which the index maps to its objects."""
    if not isinstance(value, dict):
        return None
    kaart, obj = value.get("last_clicked"), value.get("last_object_clicked")
    tekening = _tekeningen(value)
    getekend = tekening != gezien.get("tekening", [])
    nieuw_obj = _punt(obj) and obj != gezien.get("last_object_clicked")
    nieuw_kaart = _punt(kaart) and kaart != gezien.get("last_clicked")
    gezien.update(last_clicked=kaart, last_object_clicked=obj, tekening=tekening)
    if getekend or _op_hoekpunt(kaart, tekening):
        return None  # a drawing is a drawing: its corners are no clicks on the map
    if nieuw_obj:
        objecten = punten.get(punt_sleutel(obj["lat"], obj["lng"]))
        if objecten:
            return Klik(obj["lat"], obj["lng"], tuple(objecten))
    if nieuw_kaart:
        return Klik(kaart["lat"], kaart["lng"])
    if nieuw_obj:
        return Klik(obj["lat"], obj["lng"])
    return None


def _tekeningen(value: dict) -> list:
    tekeningen = value.get("all_drawings")
    if tekeningen is None:
        laatste = value.get("last_active_drawing")
        tekeningen = [laatste] if laatste else []
    return [t.get("geometry") for t in tekeningen if isinstance(t, dict)]


def _op_hoekpunt(p, geometrieen: list, tolerantie: float = 1e-9) -> bool:
    """Whether the click lies on a corner of a drawn shape (the click that ended the drawing)."""
    if not _punt(p):
        return False
    for g in geometrieen:
        ringen = (g or {}).get("coordinates") if (g or {}).get("type") == "Polygon" else []
        for lon, lat, *_ in (c for ring in ringen or [] for c in ring):
            if abs(lon - p["lng"]) <= tolerantie and abs(lat - p["lat"]) <= tolerantie:
                return True
    return False


def _punt(p) -> bool:
    return isinstance(p, dict) and p.get("lat") is not None and p.get("lng") is not None


def getekend_gebied(value: object) -> str | None:
    """The area the analyst drew (GeoJSON geometry text, lon/lat), or None."""
    if not isinstance(value, dict):
        return None
    vlakken = [v for v in _tekeningen(value) if isinstance(v, dict) and v.get("type") == "Polygon"]
    return json.dumps(vlakken[-1], sort_keys=True) if vlakken else None
