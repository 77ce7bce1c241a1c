"""Does an area file's coordinate system match its numbers? Refuse when it plainly does not.

GeoJSON without a `crs` member is WGS84 by definition (RFC 7946), and GDAL reports it as such;
yet Dutch files often hold RD metres without saying so, or latitude and longitude swapped. Both
would put every area in the wrong place (or nowhere), so they are refused with the reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyogrio

from loaders.errors import InvoerFout

# RD New's domain (EPSG:28992, with a margin) and the Netherlands in degrees.
RD_BOX = (-7_000.0, 289_000.0, 300_000.0, 629_000.0)
NL_LON, NL_LAT = (3.0, 7.6), (50.5, 53.8)


def check_coordinates(path: Path, crs: str) -> None:
    """InvoerFout when a file said to be WGS84 holds RD metres or swapped lat/lon."""
    if not _is_wgs84(crs):
        return
    xmin, ymin, xmax, ymax = _bounds(path)
    waar = (f"noemt {crs} (WGS84)" if _declares_crs(path)
            else "noemt geen coördinatenstelsel (dus WGS84)")
    if _inside((xmin, ymin, xmax, ymax), RD_BOX) and max(abs(xmax), abs(ymax)) > 180:
        raise InvoerFout(path.name, f"het bestand {waar}, maar de coördinaten zijn RD-meters "
                                    f"(x {xmin:.0f}–{xmax:.0f}); zet het CRS (EPSG:28992) in "
                                    "het bestand", veld="crs")
    if NL_LAT[0] <= xmin and xmax <= NL_LAT[1] and NL_LON[0] <= ymin and ymax <= NL_LON[1]:
        raise InvoerFout(path.name, f"het bestand {waar}, maar lengte- en breedtegraad zijn "
                                    f"verwisseld (x {xmin:.2f}–{xmax:.2f} is een breedtegraad); "
                                    "verwacht lengtegraad eerst", veld="crs")
    if max(abs(xmin), abs(xmax)) > 180 or max(abs(ymin), abs(ymax)) > 90:
        raise InvoerFout(path.name, f"het bestand {waar}, maar de coördinaten zijn geen graden",
                         veld="crs")


def _bounds(path: Path) -> tuple[float, float, float, float]:
    try:
        bounds = pyogrio.read_info(path, force_total_bounds=True).get("total_bounds")
    except Exception as exc:
        raise InvoerFout(path.name, f"niet te lezen als gebiedenbestand ({exc})") from exc
    return tuple(float(v) for v in bounds)


def _inside(b: tuple, box: tuple) -> bool:
    return box[0] <= b[0] and box[1] <= b[1] and b[2] <= box[2] and b[3] <= box[3]


def _is_wgs84(crs: str) -> bool:
    return crs.upper().replace("OGC:", "").replace("EPSG:", "") in ("4326", "CRS84")


def _declares_crs(path: Path) -> bool:
    """Whether a GeoJSON file names its CRS itself (other formats always carry one)."""
    if path.suffix.lower() not in (".geojson", ".json"):
        return True
    try:
        with open(path, encoding="utf-8-sig") as f:
            doc = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return True
    return isinstance(doc, dict) and "crs" in doc
