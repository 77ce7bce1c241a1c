"""The map of one fictional municipality: outline, wijken, buurten, bedrijventerreinen, zones.

A zone is a piece of land with one street grid (its own rotation and block size): one per
residential wijk, one for the centre and one per bedrijventerrein. Roads without addresses (a ring
road and radial roads) and a city park are cut out of the residential zones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import MultiPoint, Point, Polygon

from demo import names

R_FULL = 2650.0  # outline radius in metres of a municipality of size 1 (about 60,000 vbo)
MIN_RADIUS = 650.0  # a tiny demo still needs room for three bedrijventerreinen


@dataclass(frozen=True)
class Gemeente:
    """One fictional municipality. index 0 is Demostad, the one with planted situations."""

    index: int
    code: str
    naam: str
    woonplaats_id: str
    centre: tuple[float, float]
    size: float
    profile: str  # "stad" (Demostad) or "dorp" (extra municipalities: more houses, sheds)
    pc4: tuple[int, ...]

    @property
    def planted(self) -> bool:
        return self.index == 0


@dataclass
class Zone:
    geom: object
    kind: str  # "woon", "centrum" or "bedrijf"
    wijk: int
    park: int  # index into Layout.parks, -1 when not a bedrijventerrein
    theme: int
    angle: float
    era: tuple[int, int]


@dataclass
class Layout:
    outline: Polygon
    wijken: list = field(default_factory=list)
    wijk_names: list[str] = field(default_factory=list)
    buurten: list = field(default_factory=list)
    buurt_wijk: list[int] = field(default_factory=list)
    buurt_names: list[str] = field(default_factory=list)
    buurt_park: list[int] = field(default_factory=list)
    parks: list = field(default_factory=list)
    park_names: list[str] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)


def build_layout(gem: Gemeente, rng: np.random.Generator, stretch: float = 1.0) -> Layout:
    """The areas and zones of `gem`; `stretch` enlarges the radius when too few addresses fit."""
    cx, cy = gem.centre
    radius = R_FULL * np.sqrt(gem.size) * (1.0 if gem.profile == "stad" else 1.12)
    radius = max(radius, MIN_RADIUS) * stretch
    layout = Layout(outline=_outline(cx, cy, radius, rng))
    n_parks = 3 if gem.planted else (1 if gem.size < 0.4 else 2)
    _place_parks(layout, gem, radius, n_parks, rng)
    n_wijken = 9 if gem.planted else int(rng.integers(6, 10))
    _make_wijken(layout, cx, cy, radius, n_wijken, rng)
    _make_buurten(layout, rng)
    _make_zones(layout, gem, cx, cy, radius, rng)
    return layout


def _outline(cx: float, cy: float, radius: float, rng: np.random.Generator) -> Polygon:
    theta = np.linspace(0, 2 * np.pi, 73)[:-1]
    phase = rng.uniform(0, 2 * np.pi, 3)
    r = radius * (1 + 0.12 * np.sin(2 * theta + phase[0]) + 0.07 * np.sin(3 * theta + phase[1])
                  + 0.04 * np.sin(5 * theta + phase[2]))
    return Polygon(np.column_stack([cx + r * np.cos(theta), cy + r * np.sin(theta)]))


def _place_parks(layout: Layout, gem: Gemeente, radius: float, n: int,
                 rng: np.random.Generator) -> None:
    city_area = layout.outline.area
    start = rng.uniform(0, 2 * np.pi)
    for k in range(n):
        minimum = (12e4 if k == 0 else 9e4) if gem.planted else 4e4
        area = max(city_area * 0.055, minimum)
        aspect = rng.uniform(1.4, 1.9)
        w, h = np.sqrt(area * aspect), np.sqrt(area / aspect)
        phi = start + k * 2 * np.pi / n + rng.uniform(-0.3, 0.3)
        apart = 1.25 * np.hypot(w, h) / np.sqrt(3)  # three parks never overlap
        dist = max(radius * 0.95 - h / 2, radius * 0.45, apart)
        px, py = gem.centre[0] + dist * np.cos(phi), gem.centre[1] + dist * np.sin(phi)
        rect = shapely.box(-w / 2, -h / 2, w / 2, h / 2)
        rect = shapely.affinity.rotate(rect, np.degrees(phi) + 90, origin=(0, 0))
        park = shapely.affinity.translate(rect, px, py)
        layout.outline = _largest(layout.outline.union(park))
        layout.parks.append(park)
        layout.park_names.append(names.PARK_NAMES[k % len(names.PARK_NAMES)])
    layout.outline = shapely.simplify(layout.outline, 1.0)


def _largest(geom) -> Polygon:
    parts = list(shapely.get_parts(geom))
    return max(parts, key=lambda g: g.area)


def _make_wijken(layout: Layout, cx: float, cy: float, radius: float, n: int,
                 rng: np.random.Generator) -> None:
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False) + rng.uniform(0, 2 * np.pi)
    angles += rng.uniform(-0.2, 0.2, n)
    dist = radius * rng.uniform(0.5, 0.65, n)
    seeds = [(cx + rng.uniform(-50, 50), cy + rng.uniform(-50, 50))]
    seeds += [(cx + d * np.cos(a), cy + d * np.sin(a)) for a, d in zip(angles[:-1], dist[:-1],
                                                                       strict=True)]
    cells = _voronoi(seeds, layout.outline)
    parks = shapely.union_all(layout.parks)
    wijken = [cell.difference(parks) for cell in cells]
    for park in layout.parks:
        host = int(np.argmax([c.intersection(park).area for c in cells]))
        wijken[host] = wijken[host].union(park)
    layout.wijken = wijken
    pool = list(names.WIJK_NAMES[1:])
    rng.shuffle(pool)
    layout.wijk_names = ["Centrum"] + pool[: len(wijken) - 1]


def _voronoi(seeds: list[tuple[float, float]], clip: Polygon) -> list:
    """Voronoi cells of the seeds (in seed order) clipped to `clip`."""
    if not seeds:
        return []
    regions = shapely.voronoi_polygons(MultiPoint(seeds), extend_to=clip, ordered=True)
    cells = list(shapely.get_parts(regions))
    out = []
    for sx, sy in seeds:
        cell = next(c for c in cells if c.contains(Point(sx, sy)))
        out.append(shapely.make_valid(cell.intersection(clip)))
    return out


def _make_buurten(layout: Layout, rng: np.random.Generator) -> None:
    parks = shapely.union_all(layout.parks)
    for w, wijk in enumerate(layout.wijken):
        land = wijk.difference(parks)
        seeds = _random_points(land, 3, rng) if land.area > 5e3 else []
        for k, cell in enumerate(_voronoi(seeds, land)):
            part = _polygonal(cell)
            if part.is_empty:
                continue
            layout.buurten.append(part)
            layout.buurt_wijk.append(w)
            layout.buurt_park.append(-1)
            layout.buurt_names.append(_buurt_name(layout.wijk_names[w], k))
        for p, park in enumerate(layout.parks):
            if wijk.contains(park.representative_point()):
                layout.buurten.append(park)
                layout.buurt_wijk.append(w)
                layout.buurt_park.append(p)
                layout.buurt_names.append("Bedrijventerrein " + layout.park_names[p])


def _buurt_name(wijk: str, k: int) -> str:
    base = wijk if wijk != "Centrum" else "Binnenstad"
    return f"{base}-{names.BUURT_PARTS[k % len(names.BUURT_PARTS)]}" if k else base


def _polygonal(geom):
    parts = [g for g in shapely.get_parts(geom) if g.geom_type == "Polygon" and g.area > 1]
    if not parts:
        return Polygon()
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def _random_points(poly, n: int, rng: np.random.Generator) -> list[tuple[float, float]]:
    x0, y0, x1, y1 = poly.bounds
    shapely.prepare(poly)
    pts: list[tuple[float, float]] = []
    while len(pts) < n:
        xs, ys = rng.uniform(x0, x1, 64), rng.uniform(y0, y1, 64)
        inside = shapely.contains_xy(poly, xs, ys)
        pts += list(zip(xs[inside], ys[inside], strict=True))
    return pts[:n]


def _make_zones(layout: Layout, gem: Gemeente, cx: float, cy: float, radius: float,
                rng: np.random.Generator) -> None:
    centre = Point(cx, cy).buffer(max(radius * 0.11, 130.0), 32)
    roads = _roads(cx, cy, radius, rng)
    parks = shapely.union_all(layout.parks)
    blocked = shapely.union_all([centre, parks, roads])
    eras = _eras(len(layout.wijken), rng)
    themes = _themes(len(layout.wijken), rng)
    for w, wijk in enumerate(layout.wijken):
        land = shapely.make_valid(wijk.difference(blocked))
        layout.zones.append(Zone(land, "woon", w, -1, themes[w], rng.uniform(0, np.pi / 2),
                                 eras[w]))
    core = shapely.make_valid(centre.intersection(layout.outline).difference(parks))
    layout.zones.append(Zone(core, "centrum", 0, -1, -1, rng.uniform(0, np.pi / 2), (1890, 1975)))
    for p, park in enumerate(layout.parks):
        host = int(np.argmax([wk.intersection(park).area for wk in layout.wijken]))
        layout.zones.append(Zone(park, "bedrijf", host, p, -1, _park_angle(park, rng),
                                 (1968, 2020)))


def _park_angle(park: Polygon, rng: np.random.Generator) -> float:
    rect = shapely.minimum_rotated_rectangle(park)
    xy = np.asarray(rect.exterior.coords)
    dx, dy = xy[1] - xy[0]
    return float(np.arctan2(dy, dx)) + rng.uniform(-0.01, 0.01)


def _roads(cx: float, cy: float, radius: float, rng: np.random.Generator):
    """Roads without addresses: a ring road and radials (larger towns only) and a city park."""
    ring = Point(cx, cy).buffer(radius * 0.6, 64).exterior.buffer(18)
    if radius < 1200:
        ring = Polygon()
    radials = []
    n_radials = 5 if radius >= 1500 else 3
    for a in np.linspace(0, 2 * np.pi, n_radials, endpoint=False) + rng.uniform(0, 2 * np.pi):
        end = (cx + 1.3 * radius * np.cos(a), cy + 1.3 * radius * np.sin(a))
        radials.append(shapely.LineString([(cx, cy), end]).buffer(12))
    park_at = rng.uniform(0, 2 * np.pi)
    stadspark = Point(cx + 0.4 * radius * np.cos(park_at),
                      cy + 0.4 * radius * np.sin(park_at)).buffer(radius * 0.09, 24)
    return shapely.union_all([ring, stadspark] + radials)


def _themes(n: int, rng: np.random.Generator) -> list[int]:
    """A street-name theme per wijk; the long "Burgemeester …" names always take part (they
    are the ones whose openbare_ruimte_naam_kort differs)."""
    order = [int(t) for t in rng.permutation(len(names.THEMES))]
    titles = len(names.THEMES) - 1
    if titles not in order[:n]:
        order[min(n, len(order)) - 1] = titles
    return [order[k % len(order)] for k in range(n)]


def _eras(n: int, rng: np.random.Generator) -> list[tuple[int, int]]:
    pool = [(1950, 1966), (1964, 1976), (1970, 1984), (1980, 1994), (1990, 2004), (1996, 2008),
            (2004, 2016), (2010, 2025), (1930, 1960), (1975, 1990), (2000, 2012)]
    order = rng.permutation(len(pool))
    return [pool[order[k % len(pool)]] for k in range(n)]


def locate(polys: list, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Index of the polygon that contains each point (-1 when none)."""
    out = np.full(len(x), -1, dtype=np.int32)
    for k, poly in enumerate(polys):
        shapely.prepare(poly)
        todo = out < 0
        hit = shapely.contains_xy(poly, x[todo], y[todo])
        idx = np.flatnonzero(todo)[hit]
        out[idx] = k
    return out
