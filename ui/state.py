"""Typed view state of the map, read from what st_folium reports (never pickled objects)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from geo import crs

RdBox = tuple[float, float, float, float]  # (xmin, ymin, xmax, ymax) in RD metres


@dataclass(frozen=True)
class MapView:
    """What the browser shows: zoom level and the visible box in degrees."""

    zoom: int
    south: float
    west: float
    north: float
    east: float

    @classmethod
    def from_component(cls, value: object) -> MapView | None:
        """Parse st_folium's return value; None until the browser has reported a view."""
        if not isinstance(value, dict):
            return None
        try:
            sw, ne = value["bounds"]["_southWest"], value["bounds"]["_northEast"]
            numbers = [value["zoom"], sw["lat"], sw["lng"], ne["lat"], ne["lng"]]
            if any(v is None for v in numbers):
                return None
            zoom, south, west, north, east = (float(v) for v in numbers)
        except (KeyError, TypeError, ValueError):
            return None
        return cls(int(zoom), south, west, north, east)

    def rd_box(self, snap: float) -> RdBox:
        """The view as an RD box, widened outward to multiples of `snap` metres.

        Snapping makes small pans ask for the same box, so the cached query answers and the
        browser receives an identical layer, which it does not redraw.
        """
        xs, ys = crs.lonlat_to_rd(
            [self.west, self.east, self.west, self.east],
            [self.south, self.south, self.north, self.north],
        )
        return (
            math.floor(min(xs) / snap) * snap,
            math.floor(min(ys) / snap) * snap,
            math.ceil(max(xs) / snap) * snap,
            math.ceil(max(ys) / snap) * snap,
        )
