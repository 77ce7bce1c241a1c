"""Do an area file's coordinates fit its coordinate system and lie in the Netherlands?

GeoJSON without a `crs` member is WGS84 by definition (RFC 7946), so RD metres in such a file
read as degrees far outside the earth; a file with latitude and longitude swapped lands in the
Indian Ocean. Both would give areas that silently contain nothing: refused, naming the row.
"""

from __future__ import annotations

import numpy as np
from pyproj import CRS, Transformer

from geo.crs import RD
from loaders.errors import InvoerFout

# The Netherlands with its territorial waters, generously: in RD metres and in degrees.
NL_RD = (-10_000, 280_000, 310_000, 630_000)
NL_LONLAT = (2.5, 50.5, 7.5, 54.0)


def check(bounds: np.ndarray, crs: str, bestand: str) -> None:
    """`bounds`: one (minx, miny, maxx, maxy) per row (NaN for an empty geometry)."""
    if _geographic(crs):
        _check_degrees(bounds, bestand)
        corners = _to_rd(bounds, crs)
    else:
        corners = _to_rd(bounds, crs) if not _is_rd(crs) else bounds
    outside = _outside(corners, NL_RD)
    if outside is not None:
        raise InvoerFout(bestand, f"het gebied ligt niet in Nederland (coördinatenstelsel {crs}); "
                                  "klopt het opgegeven stelsel?", rij=outside, veld="geometry")


def _check_degrees(bounds: np.ndarray, bestand: str) -> None:
    beyond = _first(np.any((np.abs(bounds[:, [0, 2]]) > 180) | (np.abs(bounds[:, [1, 3]]) > 90),
                           axis=1))
    if beyond is not None:
        raise InvoerFout(bestand, "de coördinaten zijn geen graden (WGS84) maar lijken meters (RD); "
                                  "zet het coördinatenstelsel in het bestand (bij GeoJSON: \"crs\" "
                                  "EPSG:28992)", rij=beyond, veld="geometry")
    swapped = _outside(bounds[:, [1, 0, 3, 2]], NL_LONLAT)
    if swapped is None and _outside(bounds, NL_LONLAT) is not None:
        row = _outside(bounds, NL_LONLAT)
        raise InvoerFout(bestand, "lengte- en breedtegraad zijn verwisseld (eerst de lengtegraad, "
                                  "rond 4-7, dan de breedtegraad, rond 51-53)", rij=row,
                         veld="geometry")


def _outside(bounds: np.ndarray, box: tuple) -> int | None:
    minx, miny, maxx, maxy = box
    bad = ((bounds[:, 0] < minx) | (bounds[:, 1] < miny) | (bounds[:, 2] > maxx)
           | (bounds[:, 3] > maxy))
    return _first(bad & ~np.isnan(bounds).any(axis=1))


def _first(mask: np.ndarray) -> int | None:
    hits = np.flatnonzero(mask)
    return int(hits[0]) + 1 if hits.size else None


def _to_rd(bounds: np.ndarray, crs: str) -> np.ndarray:
    transformer = Transformer.from_crs(crs, RD, always_xy=True)
    x1, y1 = transformer.transform(bounds[:, 0], bounds[:, 1])
    x2, y2 = transformer.transform(bounds[:, 2], bounds[:, 3])
    return np.column_stack([np.minimum(x1, x2), np.minimum(y1, y2), np.maximum(x1, x2),
                            np.maximum(y1, y2)])


def _geographic(crs: str) -> bool:
    try:
        return CRS.from_user_input(crs).is_geographic
    except Exception:
        return False


def _is_rd(crs: str) -> bool:
    try:
        return CRS.from_user_input(crs).to_epsg() == 28992
    except Exception:
        return False
