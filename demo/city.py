"""Street grids and blocks: every zone gets its own rotated, jittered grid of blocks.

Blocks are rectangles in the zone's local frame (x along the streets that carry the addresses, y
across them). The street south of block row j is grid line j, the one north of it line j + 1; a
line is cut into named street segments of a few blocks each.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from demo.areas import Gemeente, Layout, Zone

RIJ, FLAT, WINKEL, KANTOOR, VOORZIENING, HAL, BVG, GROEN = range(8)
BLOCK_MIX = {
    ("woon", "stad"): {RIJ: .655, FLAT: .18, WINKEL: .015, KANTOOR: .035, VOORZIENING: .045,
                       GROEN: .07},
    ("woon", "dorp"): {RIJ: .81, FLAT: .06, WINKEL: .02, KANTOOR: .02, VOORZIENING: .04,
                       GROEN: .05},
    ("centrum", "stad"): {WINKEL: .72, KANTOOR: .1, VOORZIENING: .06, FLAT: .06, GROEN: .06},
    ("centrum", "dorp"): {WINKEL: .72, KANTOOR: .08, VOORZIENING: .06, FLAT: .06, GROEN: .08},
    ("bedrijf", "stad"): {HAL: .64, BVG: .14, KANTOOR: .16, GROEN: .06},
    ("bedrijf", "dorp"): {HAL: .72, BVG: .06, KANTOOR: .14, GROEN: .08},
}
# (block length range, block depth range, street width range) per zone kind
BLOCK_SIZE = {
    "woon": ((90, 140), (52, 68), (12, 16)),
    "centrum": ((50, 85), (38, 52), (8, 12)),
    "bedrijf": ((100, 170), (75, 105), (16, 22)),
}


@dataclass
class Blocks:
    """Columnar table of blocks; local rectangle [x0, x1] x [y0, y1] in the zone frame."""

    zone: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    y0: np.ndarray
    y1: np.ndarray
    ox: np.ndarray
    oy: np.ndarray
    angle: np.ndarray
    street_s: np.ndarray
    street_n: np.ndarray
    kind: np.ndarray
    year: np.ndarray

    def __len__(self) -> int:
        return len(self.zone)

    def take(self, idx: np.ndarray) -> Blocks:
        return Blocks(**{k: v[idx] for k, v in vars(self).items()})


def build_blocks(layout: Layout, gem: Gemeente, rng: np.random.Generator) -> Blocks:
    parts = [_zone_blocks(k, zone, gem, rng) for k, zone in enumerate(layout.zones)]
    parts = [p for p in parts if p is not None]
    merged = {k: np.concatenate([vars(p)[k] for p in parts]) for k in vars(parts[0])}
    return Blocks(**merged)


def _zone_blocks(z: int, zone: Zone, gem: Gemeente,
                 rng: np.random.Generator) -> Blocks | None:
    if zone.geom.is_empty:
        return None
    lengths, depths, streets = BLOCK_SIZE[zone.kind]
    if gem.profile == "dorp" and zone.kind == "woon":
        lengths, depths = (80, 130), (55, 70)
    origin = zone.geom.centroid
    ox, oy = origin.x, origin.y
    lx, ly = _local_bounds(zone.geom, ox, oy, zone.angle)
    xs = _axis(lx, lengths, streets, rng)
    ys = _axis(ly, depths, streets, rng)
    col, row = np.meshgrid(np.arange(len(xs[0])), np.arange(len(ys[0])), indexing="ij")
    col, row = col.ravel(), row.ravel()
    x0, x1, y0, y1 = xs[0][col], xs[1][col], ys[0][row], ys[1][row]
    keep = _inside(zone.geom, x0, x1, y0, y1, ox, oy, zone.angle)
    col, row, x0, x1, y0, y1 = (a[keep] for a in (col, row, x0, x1, y0, y1))
    n = len(col)
    if n == 0:
        return None
    seg_len = rng.integers(3, 7, len(ys[0]) + 1)
    seg_off = rng.integers(0, 6, len(ys[0]) + 1)
    south = _street_key(z, row, (col + seg_off[row]) // seg_len[row])
    north = _street_key(z, row + 1, (col + seg_off[row + 1]) // seg_len[row + 1])
    kind = _kinds(zone.kind, gem.profile, n, rng)
    year = _years(zone, n, rng)
    full = np.full
    return Blocks(full(n, z), x0, x1, y0, y1, full(n, ox), full(n, oy), full(n, zone.angle),
                  south, north, kind, year)


def _local_bounds(geom, ox: float, oy: float, angle: float):
    xy = shapely.get_coordinates(geom)
    c, s = np.cos(angle), np.sin(angle)
    dx, dy = xy[:, 0] - ox, xy[:, 1] - oy
    lx, ly = dx * c + dy * s, -dx * s + dy * c
    return (lx.min(), lx.max()), (ly.min(), ly.max())


def _axis(bounds, size, street, rng: np.random.Generator):
    """Block intervals [start, end] covering bounds, separated by streets of jittered width."""
    lo, hi = bounds
    n = int((hi - lo) / (size[0] + street[0])) + 2
    sizes = rng.uniform(size[0], size[1], n)
    gaps = rng.uniform(street[0], street[1], n)
    starts = lo + np.concatenate([[0.0], np.cumsum(sizes + gaps)[:-1]])
    return starts, starts + sizes


def _inside(geom, x0, x1, y0, y1, ox, oy, angle) -> np.ndarray:
    corners = np.stack([np.stack([x0, y0], -1), np.stack([x1, y0], -1),
                        np.stack([x1, y1], -1), np.stack([x0, y1], -1)], axis=1)
    world = to_world(corners, ox, oy, angle)
    polys = shapely.polygons(world)
    shapely.prepare(geom)
    return shapely.contains(geom, polys)


def to_world(local: np.ndarray, ox, oy, angle) -> np.ndarray:
    """Local (..., 2) coordinates to RD; ox/oy/angle scalars or arrays broadcastable to (...)."""
    c, s = np.cos(angle), np.sin(angle)
    x, y = local[..., 0], local[..., 1]
    if np.ndim(c):
        c, s, ox, oy = (np.expand_dims(a, -1) if np.ndim(x) > np.ndim(a) else a
                        for a in (c, s, ox, oy))
    return np.stack([ox + x * c - y * s, oy + x * s + y * c], axis=-1)


def _street_key(zone: int, line: np.ndarray, seg: np.ndarray) -> np.ndarray:
    return (np.int64(zone) * 4096 + line.astype(np.int64)) * 4096 + seg.astype(np.int64)


def _kinds(zone_kind: str, profile: str, n: int, rng: np.random.Generator) -> np.ndarray:
    mix = BLOCK_MIX[(zone_kind, profile)]
    kinds = np.array(list(mix), dtype=np.int8)
    p = np.array(list(mix.values()))
    return rng.choice(kinds, size=n, p=p / p.sum())


def _years(zone: Zone, n: int, rng: np.random.Generator) -> np.ndarray:
    lo, hi = zone.era
    return rng.integers(lo, hi + 1, n).astype(np.int32)
