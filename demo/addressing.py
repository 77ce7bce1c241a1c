"""Addresses: street names, huisnummers (odd/even by side), huisletters, toevoegingen, postcodes.

Everything is vectorised over entrances and units; the only Python loops run per street name.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from demo import names
from demo.areas import Layout
from demo.units import (
    BIS,
    LETTER,
    LETTER_ABOVE,
    TOEV,
    TOEV_ABOVE,
    TOEV_FLOOR,
    TOEV_H,
    Entrances,
    Units,
)

LETTERS = np.array([None] + list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), dtype=object)
NUMBERS = np.array([str(i) for i in range(10000)], dtype=object)
_GOOD = "ABCDEGHJKLMNPRSTVWXZ"
_PAIRS = [a + b for a in _GOOD for b in _GOOD if a + b not in ("SA", "SD", "SS")]
PAIRS = np.array(_PAIRS + sorted({a + b for a in map(chr, range(65, 91))
                                  for b in map(chr, range(65, 91))} - set(_PAIRS)), dtype=object)


@dataclass
class Addresses:
    street: np.ndarray  # street index per unit (into `street_names`)
    huisnummer: np.ndarray
    huisletter: np.ndarray  # object, None when absent
    toevoeging: np.ndarray  # object, None when absent
    postcode: np.ndarray  # object "9991AB"
    street_names: list[str]


def number_entrances(key: np.ndarray, side: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Huisnummer per entrance: 2, 4, 6 … on side 0 and 1, 3, 5 … on side 1, along the street."""
    order = np.lexsort((pos, side, key))
    k, s = key[order], side[order]
    new_group = np.ones(len(order), bool)
    new_group[1:] = (k[1:] != k[:-1]) | (s[1:] != s[:-1])
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(len(order)), 0))
    rank = np.arange(len(order)) - group_start
    number = np.empty(len(order), np.int32)
    number[order] = 2 * rank + np.where(s == 0, 2, 1)
    return number


def street_names(keys: np.ndarray, layout: Layout, rng: np.random.Generator) -> list[str]:
    """A unique fictional name for every street key (zone-themed)."""
    zone_of = keys // (4096 * 4096)
    pools: dict[str, list[str]] = {}
    used: set[str] = set()
    out = []
    for key, z in zip(keys.tolist(), zone_of.tolist(), strict=True):
        zone = layout.zones[z]
        pool_key = zone.kind if zone.kind != "woon" else f"woon{zone.theme}"
        if pool_key not in pools:
            pools[pool_key] = _shuffled_pool(zone, rng)
        pool = pools[pool_key]
        name = pool.pop() if pool else f"Straat {key % 100000}"
        while name in used and pool:
            name = pool.pop()
        used.add(name)
        out.append(name)
    return out


def _shuffled_pool(zone, rng: np.random.Generator) -> list[str]:
    """Names in reverse order of preference (pop() gives the next): plain names before names
    with a prefix such as "Korte" or "Nieuwe"; in the centre the classic names first."""
    if zone.kind == "centrum":
        base = names.fixed_pool(names.CENTRE_STREETS)
    elif zone.kind == "bedrijf":
        base = names.fixed_pool(names.INDUSTRY_STREETS)
    else:
        base = names.street_pool(zone.theme)
    plain = [b for b in base if not b.startswith(names.PREFIXES[1:])]
    prefixed = [b for b in base if b.startswith(names.PREFIXES[1:])]
    ordered = [plain[i] for i in rng.permutation(len(plain))]
    ordered += [prefixed[i] for i in rng.permutation(len(prefixed))]
    return ordered[::-1]


def suffixes(entr: Entrances, units: Units) -> tuple[np.ndarray, np.ndarray]:
    """(huisletter, toevoeging) per unit from its entrance style and slot."""
    style = entr.style[units.entrance]
    slot = units.slot
    letter = np.full(len(slot), 0)
    letter = np.where(style == LETTER, slot + 1, letter)
    letter = np.where(style == LETTER_ABOVE, slot, letter)
    huisletter = LETTERS[np.minimum(letter, 26)]
    code = np.full(len(slot), -1)
    code = np.where(style == TOEV, slot + 1, code)
    code = np.where((style == TOEV_ABOVE) | (style == TOEV_H), np.where(slot > 0, slot, -1), code)
    per = entr.per_floor[units.entrance]
    floor_code = (slot // per + 1) * 100 + slot % per + 1
    code = np.where(style == TOEV_FLOOR, floor_code, code)
    toev = np.where(code >= 0, NUMBERS[np.clip(code, 0, 9999)], None)
    toev = np.where((style == TOEV_H) & (slot == 0), "H", toev)
    toev = np.where((style == BIS) & (slot == 1), "BIS", toev)
    return huisletter, toev


def postcodes(street: np.ndarray, side: np.ndarray, number: np.ndarray, zone: np.ndarray,
              pc4: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
    """PC6 per unit: one per ~15-25 addresses along one side of a street, PC4 by region."""
    order = np.lexsort((number, side, street, zone))
    st, sd, nr = street[order], side[order], number[order]
    new_group = np.ones(len(order), bool)
    new_group[1:] = (st[1:] != st[:-1]) | (sd[1:] != sd[:-1])
    group_id = np.cumsum(new_group) - 1
    group_start = np.flatnonzero(new_group)[group_id]
    target = rng.integers(15, 26, group_id[-1] + 1 if len(order) else 0)[group_id]
    same_nr = np.zeros(len(order), bool)
    same_nr[1:] = ~new_group[1:] & (nr[1:] == nr[:-1])
    chunk = (np.arange(len(order)) - group_start) // target
    chunk = np.where(same_nr, -1, chunk)
    chunk = _carry(chunk)
    new_pc = new_group.copy()
    new_pc[1:] |= chunk[1:] != chunk[:-1]
    pc_index = np.cumsum(new_pc) - 1
    n_pc = int(pc_index[-1]) + 1 if len(order) else 0
    per_pc4 = max(1, -(-n_pc // len(pc4)))
    pc4_idx = pc_index // per_pc4
    letters = pc_index - pc4_idx * per_pc4
    codes = np.array([str(p) for p in pc4], dtype=object)[pc4_idx] + PAIRS[letters]
    out = np.empty(len(order), dtype=object)
    out[order] = codes
    return out


def _carry(chunk: np.ndarray) -> np.ndarray:
    """Replace -1 (same huisnummer as the previous unit) by the previous unit's chunk."""
    idx = np.where(chunk >= 0, np.arange(len(chunk)), 0)
    idx = np.maximum.accumulate(idx)
    return chunk[idx]
