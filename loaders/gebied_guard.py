"""Every area is one valid polygon: a ring that is not closed, has too few points or crosses
itself is refused with its row, never repaired in silence (ST_MakeValid turns a bow-tie into two
triangles, or a line, and the area count changes without anyone noticing).
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


def check(wkb: pa.ChunkedArray, crs: str, bestand: str) -> None:
    values = np.array(wkb.to_pylist(), dtype=object)
    present = np.array([v is not None for v in values])
    geoms = np.full(len(values), None, dtype=object)
    geoms[present] = shapely.from_wkb(values[present], on_invalid="ignore")
    for i, (given, geom) in enumerate(zip(present, geoms, strict=True), start=1):
        if given:
            _check_one(geom, bestand, i)
    bounds = shapely.bounds(geoms.astype(object))
    crs_guard.check(np.asarray(bounds, dtype=float), crs, bestand)


def _check_one(geom, bestand: str, rij: int) -> None:
    if geom is None:
        raise InvoerFout(bestand, "ongeldige rand: de ring is niet gesloten of heeft te weinig "
                                  "punten", rij=rij, veld="geometry")
    if geom.geom_type not in VLAKKEN:
        raise InvoerFout(bestand, f"geometrie {geom.geom_type}, verwacht een vlak (Polygon of "
                                  "MultiPolygon)", rij=rij, veld="geometry")
    if not shapely.is_valid(geom):
        reden = shapely.is_valid_reason(geom).split("[")[0]
        raise InvoerFout(bestand, f"ongeldig vlak: {geos_reason(reden)}",
                         rij=rij, veld="geometry")
