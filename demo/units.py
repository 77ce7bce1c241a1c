"""Verblijfsobjecten inside the panden: gebruiksdoel, oppervlakte, entrances and address style.

A pand has one or more entrances (each gets one huisnummer); the units behind an entrance are
told apart by huisletter or toevoeging. With the CONSEC style every unit is its own entrance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demo.buildings import Panden
from demo.city import BVG, FLAT, HAL, KANTOOR, RIJ, VOORZIENING, WINKEL

GEBRUIKSDOELEN = (
    "bijeenkomstfunctie", "celfunctie", "gezondheidszorgfunctie", "industriefunctie",
    "kantoorfunctie", "logiesfunctie", "onderwijsfunctie", "overige gebruiksfunctie",
    "sportfunctie", "winkelfunctie", "woonfunctie",
)
BIJEENKOMST, CEL, GEZONDHEID, INDUSTRIE, KANTOOR_F, LOGIES, ONDERWIJS, OVERIG, SPORT, WINKEL_F, \
    WOON = (1 << k for k in range(11))
HOME, CENTRE, OFFICE, INDUSTRY, FACILITY, NO_POOL = 0, 1, 2, 3, 4, -1
PLAIN, LETTER, LETTER_ABOVE, TOEV, TOEV_ABOVE, TOEV_H, TOEV_FLOOR, CONSEC, BIS = range(9)
LETTER_CAP = 20


@dataclass
class Units:
    pand: np.ndarray
    index: np.ndarray  # position of the unit within its pand
    gd: np.ndarray  # gebruiksdoel bit mask
    opp: np.ndarray
    pool: np.ndarray
    entrance: np.ndarray  # global entrance index
    slot: np.ndarray  # position behind the entrance (letter/toevoeging rank)

    def __len__(self) -> int:
        return len(self.pand)

    def take(self, idx: np.ndarray) -> Units:
        return Units(**{k: v[idx] for k, v in vars(self).items()})


@dataclass
class Entrances:
    pand: np.ndarray
    pos: np.ndarray  # local x along the street
    style: np.ndarray
    per_floor: np.ndarray


def ranks(counts: np.ndarray) -> np.ndarray:
    """0..count-1 for every group, concatenated (the vectorised inner loop)."""
    total = int(counts.sum())
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(total) - starts


def build_units(panden: Panden, rng: np.random.Generator) -> tuple[Units, Entrances]:
    n_units = panden.n_units
    pand = np.repeat(np.arange(len(panden)), n_units)
    index = ranks(n_units)
    gd = np.zeros(len(pand), np.int16)
    opp = np.zeros(len(pand), np.int32)
    pool = np.full(len(pand), NO_POOL, np.int8)
    style = np.zeros(len(panden), np.int8)
    area = (panden.xe - panden.xs) * (panden.ye - panden.ys)
    kind = panden.kind[pand]
    ctx = (panden, pand, index, gd, opp, pool, style, area, rng)
    for k, fill in ((RIJ, _rij), (FLAT, _flat), (WINKEL, _winkel), (KANTOOR, _kantoor),
                    (VOORZIENING, _voorziening), (HAL, _hal), (BVG, _bvg)):
        sel = np.flatnonzero(kind == k)
        if len(sel):
            fill(sel, *ctx)
    entrances, entrance, slot = _entrances(panden, style, index, pand, rng)
    units = Units(pand, index, gd, np.maximum(opp, 1), pool, entrance, slot)
    return units, entrances


def _choose(rng, n, options: dict) -> np.ndarray:
    keys = np.array(list(options))
    p = np.array(list(options.values()), float)
    return keys[rng.choice(len(keys), n, p=p / p.sum())]


def _rij(sel, panden, pand, index, gd, opp, pool, style, area, rng):
    n = len(sel)
    gd[sel] = np.where(rng.random(n) < 0.005, WOON | KANTOOR_F, WOON)
    opp[sel] = area[pand[sel]] * rng.integers(2, 4, n) * 0.8
    pool[sel] = HOME


def _flat(sel, panden, pand, index, gd, opp, pool, style, area, rng):
    n = len(sel)
    gd[sel] = WOON
    opp[sel] = rng.uniform(45, 110, n)
    pool[sel] = HOME
    flats = np.flatnonzero(panden.kind == FLAT)
    style[flats] = _choose(rng, len(flats), {LETTER: .25, TOEV: .3, TOEV_FLOOR: .2, CONSEC: .25})


def _winkel(sel, panden, pand, index, gd, opp, pool, style, area, rng):
    n = len(sel)
    ground = index[sel] == 0
    use = _choose(rng, n, {WINKEL_F: .62, BIJEENKOMST: .12, KANTOOR_F: .06, WOON: .2})
    gd[sel] = np.where(ground, use, WOON)
    opp[sel] = np.where(ground, np.minimum(rng.uniform(40, 250, n), area[pand[sel]]),
                        rng.uniform(40, 90, n))
    pool[sel] = np.select([gd[sel] == WOON, gd[sel] == KANTOOR_F], [HOME, OFFICE], CENTRE)
    shops = np.flatnonzero(panden.kind == WINKEL)
    pick = _choose(rng, len(shops), {LETTER_ABOVE: .35, TOEV_ABOVE: .3, TOEV_H: .1, CONSEC: .2,
                                     BIS: .05})
    pick = np.where((pick == BIS) & (panden.n_units[shops] != 2), TOEV_ABOVE, pick)
    style[shops] = np.where(panden.n_units[shops] == 1, PLAIN, pick)


def _kantoor(sel, panden, pand, index, gd, opp, pool, style, area, rng):
    n = len(sel)
    gd[sel] = KANTOOR_F
    floors = rng.integers(2, 7, n)
    opp[sel] = area[pand[sel]] * floors / panden.n_units[pand[sel]] * 0.85
    pool[sel] = OFFICE
    offices = np.flatnonzero(panden.kind == KANTOOR)
    pick = _choose(rng, len(offices), {LETTER: .3, TOEV: .4, CONSEC: .3})
    style[offices] = np.where(panden.n_units[offices] == 1, PLAIN, pick)


# gebruiksdoel, pool and size range per facility subtype (see buildings.FACILITY_SUBTYPES)
_FACILITY = (
    (ONDERWIJS, FACILITY, (1500, 4000)), (SPORT, FACILITY, (1200, 3000)),
    (GEZONDHEID, FACILITY, (120, 600)), (BIJEENKOMST, FACILITY, (300, 1200)),
    (BIJEENKOMST, FACILITY, (250, 800)), (OVERIG, NO_POOL, (2000, 6000)),
    (LOGIES, CENTRE, (1500, 5000)), (CEL | KANTOOR_F, NO_POOL, (1500, 4000)),
)


def _voorziening(sel, panden, pand, index, gd, opp, pool, style, area, rng):
    sub = panden.sub[pand[sel]]
    table = np.array([(g, p, lo, hi) for g, p, (lo, hi) in _FACILITY])
    gd[sel] = table[sub, 0]
    pool[sel] = table[sub, 1]
    opp[sel] = rng.uniform(table[sub, 2], table[sub, 3])
    facilities = np.flatnonzero(panden.kind == VOORZIENING)
    style[facilities] = np.where(panden.n_units[facilities] > 1, TOEV, PLAIN)


def _hal(sel, panden, pand, index, gd, opp, pool, style, area, rng):
    n = len(sel)
    gd[sel] = _choose(rng, n, {INDUSTRIE: .7, INDUSTRIE | KANTOOR_F: .2, KANTOOR_F: .05,
                               WINKEL_F: .05})
    opp[sel] = area[pand[sel]] * rng.uniform(0.9, 1.3, n) / panden.n_units[pand[sel]]
    pool[sel] = INDUSTRY
    halls = np.flatnonzero(panden.kind == HAL)
    pick = _choose(rng, len(halls), {LETTER: .5, CONSEC: .5})
    style[halls] = np.where(panden.n_units[halls] == 1, PLAIN, pick)


def _bvg(sel, panden, pand, index, gd, opp, pool, style, area, rng):
    n = len(sel)
    gd[sel] = _choose(rng, n, {KANTOOR_F: .4, INDUSTRIE: .6})
    opp[sel] = rng.uniform(25, 150, n)
    pool[sel] = INDUSTRY
    bvgs = np.flatnonzero(panden.kind == BVG)
    style[bvgs] = _choose(rng, len(bvgs), {LETTER: .4, TOEV: .35, CONSEC: .25})


def _entrances(panden: Panden, style, index, pand, rng):
    n = panden.n_units
    letter = np.isin(style, (LETTER, LETTER_ABOVE))
    count = np.where(style == CONSEC, n, np.where(letter, -(-n // LETTER_CAP), 1))
    count = np.where(n == 0, 0, count)
    per = -(-n // np.maximum(count, 1))
    e_pand = np.repeat(np.arange(len(panden)), count)
    k = ranks(count)
    width = panden.xe - panden.xs
    pos = panden.xs[e_pand] + (k + 0.5) * width[e_pand] / count[e_pand]
    per_floor = rng.integers(4, 9, len(panden))
    first = np.cumsum(count) - count
    entrance = first[pand] + index // per[pand]
    slot = index % per[pand]
    return Entrances(e_pand, pos, style[e_pand], per_floor[e_pand]), entrance, slot
