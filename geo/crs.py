"""The one place that decides coordinate reference systems and axis order.

Everything in a snapshot is stored in RD New (EPSG:28992) as x (east), y (north).
Leaflet speaks WGS84 as (lat, lon). DuckDB's ST_Transform takes latitude first for EPSG:4326
unless always_xy is set, so every transform in Zicht goes through these helpers and always
uses x/y = lon/lat order.
"""

from __future__ import annotations

from functools import lru_cache

from pyproj import Transformer

RD = "EPSG:28992"
WGS84 = "EPSG:4326"


def sql_to_rd(expr: str, source_crs_sql: str = f"'{WGS84}'") -> str:
    """SQL fragment that transforms a geometry in x/y (lon/lat) order to RD New.

    `source_crs_sql` is an SQL expression for the source CRS (a literal or a getvariable()).
    """
    return f"ST_Transform({expr}, {source_crs_sql}, '{RD}', always_xy := true)"


def sql_to_wgs84(expr: str) -> str:
    """SQL fragment that transforms an RD geometry to WGS84 with x = lon, y = lat."""
    return f"ST_Transform({expr}, '{RD}', '{WGS84}', always_xy := true)"


@lru_cache(maxsize=8)
def _transformer(src: str, dst: str) -> Transformer:
    return Transformer.from_crs(src, dst, always_xy=True)


def rd_to_lonlat(x, y):
    """RD x/y (scalars or arrays) to lon/lat."""
    return _transformer(RD, WGS84).transform(x, y)


def lonlat_to_rd(lon, lat):
    """lon/lat (scalars or arrays) to RD x/y."""
    return _transformer(WGS84, RD).transform(lon, lat)


def rd_to_latlon(x, y):
    """RD x/y to (lat, lon): the order Leaflet wants."""
    lon, lat = rd_to_lonlat(x, y)
    return lat, lon


def sql_macros(temp: bool = True) -> str:
    """SQL macros so .sql files can say to_wgs84(geom) and to_rd(geom) without spelling out the
    axis order. The pipeline stores them in every snapshot (temp=False), so every connection
    and cursor on a snapshot has them; geo.db.connect adds temporary ones elsewhere."""
    kind = "TEMP MACRO" if temp else "MACRO"
    return (f"CREATE OR REPLACE {kind} to_wgs84(g) AS {sql_to_wgs84('g')};\n"
            f"CREATE OR REPLACE {kind} to_rd(g) AS {sql_to_rd('g')};")
