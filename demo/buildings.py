"""Panden on the blocks: row houses, flats, shops, offices, facilities, halls, sheds.

Each block has two strips: the south strip faces the street south of it (even huisnummers),
the north strip the street north of it (odd huisnummers). Buildings are packed along a strip as
rectangles in the zone's local frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demo.city import BVG, FLAT, HAL, KANTOOR, RIJ, VOORZIENING, WINKEL, Blocks

SCHUUR = 8  # a shed behind a house: a pand without verblijfsobject


@dataclass
class Panden:
    """Columnar pand table; rectangle [xs, xe] x [ys, ye] in the block's local frame."""

    block: np.ndarray
    side: np.ndarray
    xs: np.ndarray
    xe: np.ndarray
    ys: np.ndarray
    ye: np.ndarray
    kind: np.ndarray
    n_units: np.ndarray
    sub: np.ndarray  # kind-specific variant (flat: tower; voorziening: subtype; hal: big)

    def __len__(self) -> int:
        return len(self.block)

    def take(self, idx: np.ndarray) -> Panden:
        return Panden(**{k: v[idx] for k, v in vars(self).items()})

    @staticmethod
    def concat(parts: list[Panden]) -> Panden:
        parts = [p for p in parts if len(p)]
        return Panden(**{k: np.concatenate([vars(p)[k] for p in parts]) for k in vars(parts[0])})


@dataclass
class Strips:
    block: np.ndarray
    side: np.ndarray
    length: np.ndarray
    x0: np.ndarray
    front: np.ndarray  # local y of the facade line
    direction: np.ndarray  # +1 builds northwards into the block, -1 southwards
    room: np.ndarray  # depth available behind the facade


def strips(blocks: Blocks, idx: np.ndarray, setback: np.ndarray, both: np.ndarray) -> Strips:
    """Strips of the blocks `idx` (south always, north where `both`)."""
    half = (blocks.y1[idx] - blocks.y0[idx]) / 2
    south = Strips(idx, np.zeros(len(idx), np.int8), blocks.x1[idx] - blocks.x0[idx],
                   blocks.x0[idx], blocks.y0[idx] + setback, np.ones(len(idx)), half - setback - 1)
    n = both
    north = Strips(idx[n], np.ones(n.sum(), np.int8), south.length[n], south.x0[n],
                   blocks.y1[idx][n] - setback[n], -np.ones(n.sum()), south.room[n])
    return Strips(**{k: np.concatenate([vars(south)[k], vars(north)[k]]) for k in vars(south)})


def pack(length: np.ndarray, widths: np.ndarray, gaps: np.ndarray, margin: np.ndarray):
    """Pack rectangles of the given widths along each strip; returns (strip, start, end, pos)."""
    pitch = widths + gaps
    starts = margin[:, None] + np.concatenate(
        [np.zeros((len(length), 1)), np.cumsum(pitch, axis=1)[:, :-1]], axis=1)
    ends = starts + widths
    ok = ends <= (length - margin)[:, None]
    strip, pos = np.nonzero(ok)
    return strip, starts[ok], ends[ok], pos


def _panden(st: Strips, strip, start, end, depth, kind, n_units, sub=None) -> Panden:
    front = st.front[strip]
    back = front + st.direction[strip] * np.minimum(depth, st.room[strip])
    n = len(strip)
    return Panden(st.block[strip], st.side[strip], st.x0[strip] + start, st.x0[strip] + end,
                  np.minimum(front, back), np.maximum(front, back), np.full(n, kind, np.int8),
                  n_units.astype(np.int32), np.zeros(n, np.int8) if sub is None else sub)


def build_panden(blocks: Blocks, profile: str, rng: np.random.Generator) -> Panden:
    makers = {RIJ: _rij, FLAT: _flat, WINKEL: _winkel, KANTOOR: _kantoor,
              VOORZIENING: _voorziening, HAL: _hal, BVG: _bvg}
    parts = []
    for kind, make in makers.items():
        idx = np.flatnonzero(blocks.kind == kind)
        if len(idx):
            parts.append(make(blocks, idx, profile, rng))
    panden = Panden.concat([p for group in parts for p in
                            (group if isinstance(group, list) else [group])])
    order = np.lexsort((panden.xs, panden.side, panden.block))
    return panden.take(order)


def _rij(blocks: Blocks, idx, profile: str, rng) -> list[Panden]:
    n = len(idx)
    dorp = profile == "dorp"
    st = strips(blocks, idx, rng.uniform(3, 6, n), np.ones(n, bool))
    m = len(st.block)
    w = rng.uniform(6.5, 10.0, m) if dorp else rng.uniform(5.0, 6.0, m)
    k = rng.choice([1, 2, 2, 3, 4, 6], m) if dorp else rng.integers(4, 10, m)
    gap = rng.uniform(3, 6, m)
    maxn = int(np.ceil(st.length.max() / w.min())) + 1
    pos = np.arange(maxn)[None, :]
    widths = np.repeat(w[:, None], maxn, axis=1)
    gaps = np.where((pos + 1) % k[:, None] == 0, gap[:, None], 0.0)
    strip, start, end, _ = pack(st.length, widths, gaps, rng.uniform(2, 8, m))
    depth = rng.uniform(8, 11, m)[strip] if dorp else rng.uniform(9, 11, m)[strip]
    houses = _panden(st, strip, start, end, depth, RIJ, np.ones(len(strip)))
    if not dorp:
        return [houses]
    return [houses, _sheds(st, strip, start, end, depth, rng)]


def _sheds(st: Strips, strip, start, end, depth, rng) -> Panden:
    has = rng.random(len(strip)) < 0.6
    strip, start, end, depth = strip[has], start[has], end[has], depth[has]
    w = np.minimum(rng.uniform(2.5, 4.0, len(strip)), end - start - 0.5)
    offset = start + rng.uniform(0, 1, len(strip)) * (end - start - w)
    behind = depth + rng.uniform(4, 8, len(strip))
    sd = rng.uniform(3, 5, len(strip))
    ok = behind + sd < st.room[strip]
    strip, offset, w, behind, sd = (a[ok] for a in (strip, offset, w, behind, sd))
    front = st.front[strip] + st.direction[strip] * behind
    back = front + st.direction[strip] * sd
    n = len(strip)
    return Panden(st.block[strip], st.side[strip], st.x0[strip] + offset,
                  st.x0[strip] + offset + w, np.minimum(front, back), np.maximum(front, back),
                  np.full(n, SCHUUR, np.int8), np.zeros(n, np.int32), np.zeros(n, np.int8))


def _flat(blocks: Blocks, idx, profile: str, rng) -> Panden:
    n = len(idx)
    st = strips(blocks, idx, rng.uniform(4, 8, n), rng.random(n) < 0.6)
    m = len(st.block)
    tower = rng.random(m) < 0.3
    slab_w = rng.uniform(40, 110, m)
    w = np.where(tower, rng.uniform(20, 26, m), np.minimum(slab_w, st.length - 8))
    widths = np.stack([w, w], axis=1)
    gaps = np.full((m, 2), 15.0)
    strip, start, end, pos = pack(st.length, widths, gaps, (st.length - w) / 2 * (1 - tower))
    keep = (pos == 0) | tower[strip]
    strip, start, end = strip[keep], start[keep], end[keep]
    t = tower[strip]
    depth = np.where(t, end - start, rng.uniform(11, 14, len(strip)))
    floors = np.where(t, rng.integers(8, 16, len(strip)), rng.integers(3, 11, len(strip)))
    per_floor = np.where(t, rng.integers(4, 7, len(strip)), np.maximum((end - start) // 8, 2))
    units = np.clip(floors * per_floor, 20, 120)
    return _panden(st, strip, start, end, depth, FLAT, units, t.astype(np.int8))


def _winkel(blocks: Blocks, idx, profile: str, rng) -> Panden:
    n = len(idx)
    st = strips(blocks, idx, rng.uniform(0, 1.5, n), np.ones(n, bool))
    m = len(st.block)
    maxn = int(np.ceil(st.length.max() / 6.0)) + 1
    widths = rng.uniform(6, 10, (m, maxn))
    strip, start, end, _ = pack(st.length, widths, np.zeros((m, maxn)), rng.uniform(0, 2, m))
    depth = rng.uniform(12, 18, len(strip))
    above = rng.choice([0, 1, 2, 3], len(strip), p=[.2, .35, .3, .15])
    return _panden(st, strip, start, end, depth, WINKEL, 1 + above)


def _kantoor(blocks: Blocks, idx, profile: str, rng) -> Panden:
    n = len(idx)
    st = strips(blocks, idx, rng.uniform(5, 10, n), rng.random(n) < 0.5)
    m = len(st.block)
    widths = rng.uniform(20, 45, (m, 4))
    gaps = rng.uniform(8, 20, (m, 4))
    strip, start, end, _ = pack(st.length, widths, gaps, rng.uniform(4, 10, m))
    depth = rng.uniform(14, 22, len(strip))
    units = np.minimum(rng.geometric(0.22, len(strip)), 12)
    return _panden(st, strip, start, end, depth, KANTOOR, units)


FACILITY_SUBTYPES = ("school", "sporthal", "gezondheidscentrum", "kerk", "kinderdagverblijf",
                     "parkeergarage", "hotel", "politiebureau")
_FACILITY_P = np.array([.34, .2, .2, .1, .1, .04, .015, .005])


def _voorziening(blocks: Blocks, idx, profile: str, rng) -> Panden:
    n = len(idx)
    st = strips(blocks, idx, rng.uniform(5, 10, n), np.zeros(n, bool))
    w = np.minimum(rng.uniform(30, 70, n), st.length - 10)
    strip = np.arange(n)
    start = (st.length - w) / 2
    sub = rng.choice(len(FACILITY_SUBTYPES), n, p=_FACILITY_P / _FACILITY_P.sum()).astype(np.int8)
    units = np.where(sub == 2, rng.integers(2, 7, n), 1)
    depth = rng.uniform(20, 40, n)
    ok = w > 15
    return _panden(st, strip[ok], start[ok], start[ok] + w[ok], depth[ok], VOORZIENING,
                   units[ok], sub[ok])


def _hal(blocks: Blocks, idx, profile: str, rng) -> list[Panden]:
    big = rng.random(len(idx)) < 0.15
    parts = []
    for sel, full in ((idx[~big], False), (idx[big], True)):
        n = len(sel)
        if not n:
            continue
        st = strips(blocks, sel, rng.uniform(4, 10, n), np.full(n, not full))
        if full:
            st.room = blocks.y1[sel] - 5 - st.front
        parts.append(_halls_on(st, rng))
    return parts


def _halls_on(st: Strips, rng) -> Panden:
    m = len(st.block)
    widths = rng.uniform(25, 80, (m, 6))
    gaps = rng.uniform(6, 15, (m, 6))
    strip, start, end, _ = pack(st.length, widths, gaps, rng.uniform(3, 10, m))
    w = end - start
    depth = np.minimum(rng.uniform(20, 100, len(strip)), 8000 / w)
    depth = np.maximum(depth, 500 / w)
    units = rng.choice([1, 2, 3], len(strip), p=[.45, .35, .2])
    return _panden(st, strip, start, end, depth, HAL, units)


def _bvg(blocks: Blocks, idx, profile: str, rng) -> Panden:
    n = len(idx)
    st = strips(blocks, idx, rng.uniform(5, 10, n), np.zeros(n, bool))
    w = np.minimum(rng.uniform(50, 110, n), st.length - 10)
    start = (st.length - w) / 2
    units = rng.integers(15, 41, n)
    depth = rng.uniform(25, 35, n)
    return _panden(st, np.arange(n), start, start + w, depth, BVG, units)
