"""Every area is a polygon. A ring that is not closed or has too few points is refused with its
row. A self-intersecting one is repaired (ST_MakeValid at insert) only when the repair keeps the
area within 1 % (real CBS files hold such slivers) and then reported as a `waarschuwing`; a
bow-tie, whose repair changes what the area is, is refused.
"""

from __future__ import annotations

import warnings

import numpy as np
import pyarrow as pa
import pyogrio
import shapely

from loaders import crs_guard
from loaders.engine_errors import geos_reason
from loaders.errors import InvoerFout

VLAKKEN = ("Polygon", "MultiPolygon")


def read(path) -> tuple[dict, pa.Table]:
    """pyogrio.read_arrow without GDAL's English warnings on the console (an unclosed ring is
    reported by `check` with its row instead)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pyogrio.read_arrow(path)


MAX_REPAIR = 0.01


def check(wkb: pa.ChunkedArray, crs: str, bestand: str) -> list[tuple[int, str]]:
    """Refuse what cannot be an area; returns (row, reason) of each area repaired."""
    values = np.array(wkb.to_pylist(), dtype=object)
    present = np.array([v is not None for v in values])
    geoms = np.full(len(values), None, dtype=object)
    geoms[present] = shapely.from_wkb(values[present], on_invalid="ignore")
    repaired = [(i, reden) for i, (given, geom) in enumerate(zip(present, geoms, strict=True),
                                                             start=1)
                if given and (reden := _check_one(geom, bestand, i))]
    bounds = shapely.bounds(geoms.astype(object))
    crs_guard.check(np.asarray(bounds, dtype=float), crs, bestand)
    return repaired


def _check_one(geom, bestand: str, rij: int) -> str | None:
    if geom is None:
        raise InvoerFout(bestand, "ongeldige rand: de ring is niet gesloten of heeft te weinig "
                                  "punten", rij=rij, veld="geometry")
    if geom.geom_type not in VLAKKEN:
        raise InvoerFout(bestand, f"geometrie {geom.geom_type}, verwacht een vlak (Polygon of "
                                  "MultiPolygon)", rij=rij, veld="geometry")
    if shapely.is_valid(geom):
        return None
    reden = geos_reason(shapely.is_valid_reason(geom))
    area = shapely.area(shapely.make_valid(geom))
    if area <= 0:
        raise InvoerFout(bestand, f"ongeldig vlak zonder oppervlakte: {reden}", rij=rij,
                         veld="geometry")
    if abs(area - geom.area) > MAX_REPAIR * max(abs(geom.area), area):
        raise InvoerFout(bestand, f"ongeldig vlak: {reden}; herstellen zou de oppervlakte "
                                  "veranderen", rij=rij, veld="geometry")
    return reden
