"""One municipality's BAG: panden and verblijfsobjecten with geometry, addresses, status, ids."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from demo import addressing, areas, statuses
from demo.areas import Gemeente, Layout
from demo.buildings import Panden, build_panden
from demo.city import BVG, FLAT, GROEN, HAL, RIJ, Blocks, build_blocks, to_world
from demo.units import GEBRUIKSDOELEN, Units, build_units

VBO_PER_SIZE = 60000


@dataclass
class Town:
    gem: Gemeente
    layout: Layout
    pand: dict[str, np.ndarray]
    vbo: dict[str, np.ndarray]
    street_names: list[str]


def build_town(gem: Gemeente, seed: int) -> Town:
    target = int(round(VBO_PER_SIZE * gem.size))
    stretch = 1.0
    for attempt in range(10):
        rng = np.random.default_rng([seed, gem.index, attempt])
        layout = areas.build_layout(gem, rng, stretch)
        blocks = build_blocks(layout, gem, rng)
        if gem.planted:
            _ensure_bvg(blocks, layout)
        panden = build_panden(blocks, gem.profile, rng)
        enough = panden.n_units.sum() >= target and (not gem.planted or _parks_ok(
            blocks, panden, layout))
        if enough:
            break
        stretch *= float(np.sqrt(max(target / max(panden.n_units.sum(), 1), 1.05))) * 1.05
    panden = _trim(blocks, panden, target, gem.profile, rng)
    units, entr = build_units(panden, rng)
    return _assemble(gem, layout, blocks, panden, units, entr, rng)


def _ensure_bvg(blocks: Blocks, layout: Layout) -> None:
    """Each bedrijventerrein of Demostad gets a bedrijfsverzamelgebouw and at least 4 hal blocks
    (the planted situations need them, also at small scale)."""
    for z, zone in enumerate(layout.zones):
        if zone.park < 0:
            continue
        mine = np.flatnonzero(blocks.zone == z)
        other = mine[(blocks.kind[mine] != BVG) & (blocks.kind[mine] != HAL)]
        if not np.any(blocks.kind[mine] == BVG):
            pick = other[:1] if len(other) else mine[:1]
            blocks.kind[pick] = BVG
            other = other[1:] if len(other) else other
        missing = 4 - np.count_nonzero(blocks.kind[mine] == HAL)
        if missing > 0:
            blocks.kind[other[:missing]] = HAL


def _parks_ok(blocks: Blocks, panden: Panden, layout: Layout) -> bool:
    park_of_block = np.array([z.park for z in layout.zones])[blocks.zone]
    park = park_of_block[panden.block]
    halls = [np.count_nonzero((park == p) & (panden.kind == HAL)) for p in range(3)]
    units_a = panden.n_units[(park == 0) & np.isin(panden.kind, (HAL, BVG))].sum()
    return units_a >= 40 and min(halls) >= 6


FLAT_SHARE = {"stad": 0.47, "dorp": 0.25}  # share of the dwellings that are in flats


def _trim(blocks: Blocks, panden: Panden, target: int, profile: str, rng) -> Panden:
    """Turn random residential blocks into green space until about `target` units remain,
    keeping the town's mix of flats and row houses (so panden scale with the addresses)."""
    per_block = np.bincount(panden.block, weights=panden.n_units, minlength=len(blocks))
    residential = np.isin(blocks.kind, (RIJ, FLAT))
    room = target - per_block[~residential].sum()
    keep_units = 0.0
    drop = []
    for kind, share in ((FLAT, FLAT_SHARE[profile]), (RIJ, 1.0)):
        want = (room * share) if kind == FLAT else room - keep_units
        mine = np.flatnonzero(blocks.kind == kind)
        mine = mine[rng.permutation(len(mine))]
        cum = np.cumsum(per_block[mine])
        keep = int(np.searchsorted(cum, max(want, 0), side="right"))
        keep_units += cum[keep - 1] if keep else 0.0
        drop.append(mine[keep:])
    dropped = np.concatenate(drop)
    blocks.kind[dropped] = GROEN
    return panden.take(np.flatnonzero(~np.isin(panden.block, dropped)))


def _assemble(gem, layout, blocks, panden, units, entr, rng) -> Town:
    side = panden.side[entr.pand]
    eb = panden.block[entr.pand]
    key = np.where(side == 0, blocks.street_s[eb], blocks.street_n[eb])
    entr_number = addressing.number_entrances(key, side, entr.pos)
    street_keys, street_of_entr = np.unique(key, return_inverse=True)
    names = addressing.street_names(street_keys, layout, rng)
    street = street_of_entr[units.entrance]
    huisnummer = entr_number[units.entrance]
    letter, toev = addressing.suffixes(entr, units)
    zone = blocks.zone[panden.block[units.pand]]
    postcode = addressing.postcodes(street, side[units.entrance], huisnummer, zone, gem.pc4, rng)
    pand = _pand_table(gem, layout, blocks, panden, units, rng)
    vbo = _vbo_table(gem, layout, blocks, panden, units, pand, rng)
    vbo.update(street=street, huisnummer=huisnummer, huisletter=letter, toevoeging=toev,
               postcode=postcode)
    statuses.assign(pand, vbo, blocks, panden, rng)
    town = Town(gem, layout, pand, vbo, names)
    refresh_pand_area(town)
    return town


def _pand_table(gem, layout, blocks, panden, units, rng) -> dict[str, np.ndarray]:
    b = panden.block
    local = np.stack([np.stack([panden.xs, panden.ys], -1), np.stack([panden.xe, panden.ys], -1),
                      np.stack([panden.xe, panden.ye], -1), np.stack([panden.xs, panden.ye], -1)],
                     axis=1)
    world = np.round(to_world(local, blocks.ox[b], blocks.oy[b], blocks.angle[b]), 3)
    n = len(panden)
    year = blocks.year[b] + np.where(panden.kind == RIJ, 0, rng.integers(-2, 3, n))
    park_of_zone = np.array([z.park for z in layout.zones])
    gd = np.zeros(n, np.int16)
    np.bitwise_or.at(gd, units.pand, units.gd)
    count = np.bincount(units.pand, minlength=n)
    return {
        "identificatie": _ids(gem.code, "10", n, rng),
        "bouwjaar": np.minimum(year, 2025).astype(np.int32),
        "gd": gd, "gebruiksdoel": gebruiksdoel_text(gd),
        "aantal_verblijfsobjecten": count.astype(np.int32),
        "geom": shapely.to_wkb(shapely.polygons(world)),
        "kind": panden.kind, "park": park_of_zone[blocks.zone[b]], "block": b,
    }


def _vbo_table(gem, layout, blocks, panden, units, pand, rng) -> dict[str, np.ndarray]:
    p = units.pand
    w, d = panden.xe[p] - panden.xs[p], panden.ye[p] - panden.ys[p]
    tight = panden.kind[p] == RIJ
    mx = np.where(tight, w * 0.3, np.minimum(1.0, w * 0.25))
    my = np.where(tight, d * 0.3, np.minimum(1.0, d * 0.25))
    n = len(p)
    lx = panden.xs[p] + mx + rng.random(n) * (w - 2 * mx)
    ly = panden.ys[p] + my + rng.random(n) * (d - 2 * my)
    b = panden.block[p]
    xy = np.round(to_world(np.stack([lx, ly], -1), blocks.ox[b], blocks.oy[b],
                           blocks.angle[b]), 3)
    buurt = areas.locate(layout.buurten, xy[:, 0], xy[:, 1])
    return {
        "identificatie": _ids(gem.code, "01", n, rng),
        "nummeraanduiding": _ids(gem.code, "20", n, rng),
        "oppervlakte": units.opp.astype(np.int32), "gd": units.gd,
        "gebruiksdoel": gebruiksdoel_text(units.gd), "pand": p,
        "x": xy[:, 0], "y": xy[:, 1], "pool": units.pool, "buurt": buurt,
        "park": pand["park"][p], "kind": panden.kind[p],
        "geom": shapely.to_wkb(shapely.points(xy)),
    }


def refresh_pand_area(town: Town) -> None:
    """Recompute oppervlakte_min/max of every pand (after planted units got a new size)."""
    v, p = town.vbo, town.pand
    n = len(p["identificatie"])
    low = np.full(n, np.iinfo(np.int32).max)
    np.minimum.at(low, v["pand"], v["oppervlakte"])
    high = np.zeros(n, np.int64)
    np.maximum.at(high, v["pand"], v["oppervlakte"])
    has = p["aantal_verblijfsobjecten"] > 0
    p["oppervlakte_min"] = np.where(has, low, -1)
    p["oppervlakte_max"] = np.where(has, high, -1)


def _ids(code: str, kind: str, n: int, rng) -> np.ndarray:
    start = int(rng.integers(100_000, 900_000)) * 1000
    numbers = (start + np.arange(n)).astype("U10")
    return np.char.add(code + kind, np.char.zfill(numbers, 10)).astype(object)


def gebruiksdoel_text(mask: np.ndarray) -> np.ndarray:
    """Comma-separated gebruiksdoel string (no spaces) per bit mask; None for 0."""
    uniq, inverse = np.unique(mask, return_inverse=True)
    texts = np.array([",".join(g for k, g in enumerate(GEBRUIKSDOELEN) if m >> k & 1) or None
                      for m in uniq.tolist()], dtype=object)
    return texts[inverse]


__all__ = ["Town", "Units", "build_town", "gebruiksdoel_text"]
