"""All KVK vestigingen of one town: ordinary mix, planted situations (Demostad), channels.

The channel says where a row is delivered: the bulk CSV (SBI 2008 before 7 Sept 2025, SBI 2025
from then on) or, in Demostad, a saved API response. `special` marks the few rows no rule can
match: an address in another town (1) or a huisnummer that does not exist (2).
"""

from __future__ import annotations

import numpy as np

from demo import companies as co
from demo import names, placement, planted
from demo.units import WOON

PER_SIZE = 15000


def build(town, seed: int) -> tuple[dict, dict | None]:
    gem = town.gem
    rng = np.random.default_rng([seed, gem.index, 7])
    total = int(round(PER_SIZE * gem.size))
    reserved = np.zeros(len(town.vbo["identificatie"]), bool)
    planted_frame, spec = None, None
    if gem.planted:
        planted_frame, reserved, spec = planted.plant(town, rng)
    n = max(total - (len(planted_frame["vbo"]) if planted_frame else 0), 0)
    frame = co.ordinary(n, rng)
    placement.place(frame, town.vbo, reserved, rng)
    co.make_chains(frame, rng)
    if planted_frame:
        frame = co.concat([frame, planted_frame])
        spec = planted.shift(spec, n)
    ordinary = frame["tag"] == None  # noqa: E711 (object array comparison)
    co.fill_onderneming_dates(frame)
    placement.defuse(frame, ordinary, rng)
    co.assign_names(frame, gem.naam, rng)
    _keywords_off_home(frame, town, ordinary, rng)
    _channels(frame, ordinary, total, gem.planted, rng)
    co.assign_numbers(frame, gem.index, rng)
    return frame, spec


def _keywords_off_home(frame: dict, town, ordinary: np.ndarray, rng) -> None:
    """Ordinary businesses on a dwelling never carry massage/wellness words (background low)."""
    home = (town.vbo["gd"][np.maximum(frame["vbo"], 0)] & WOON) > 0
    lower = np.char.lower(frame["naam"].astype(str))
    hit = np.zeros(len(lower), bool)
    for word in names.MASSAGE_KEYWORDS:
        hit |= np.char.find(lower, word) >= 0
    rows = np.flatnonzero(hit & home & ordinary)
    frame["naam"][rows] = names.trade_names(np.full(len(rows), "beauty", dtype=object),
                                            town.gem.naam, rng)


def _channels(frame: dict, ordinary: np.ndarray, total: int, with_api: bool, rng) -> None:
    usable = np.flatnonzero(ordinary & (frame["vbo"] >= 0) & (frame["ond"] < np.int64(1e7)))
    usable = usable[rng.permutation(len(usable))]
    single = np.bincount(frame["ond"][usable]) [frame["ond"][usable]] == 1
    usable = usable[single]
    n_api = max(20, round(total * 0.01)) if with_api else 0
    api = usable[:n_api]
    frame["channel"][api] = "api"
    frame["afgeschermd"][api[: max(1, round(n_api * 0.05))]] = with_api
    frame["coord_only"][api[-max(2, round(n_api * 0.035)):]] = with_api
    n_out, n_bad = max(2, round(total * 0.0012)), max(1, round(total * 0.001))
    rest = usable[n_api:]
    frame["special"][rest[:n_out]] = 1
    frame["special"][rest[n_out:n_out + n_bad]] = 2
