"""Put vestigingen on addresses: capacity slots per verblijfsobject, spill-over between pools.

Every eligible verblijfsobject gets a random capacity (how many active vestigingen it may hold)
and an attractiveness; slots are filled in order of (rank + 1) / attractiveness, so most business
addresses get one or two vestigingen, a few up to six, and some stay empty (vacancy). Ended
vestigingen use a separate, smaller capacity, so no ordinary address reaches the thresholds of
the planted situations.
"""

from __future__ import annotations

import numpy as np

from demo.companies import DAY, PEILDATUM
from demo.units import CENTRE, FACILITY, HOME, INDUSTRY, OFFICE

MAX_ACTIVE = 6
ORDER = (FACILITY, INDUSTRY, OFFICE, CENTRE, HOME)
FALLBACK = {FACILITY: OFFICE, INDUSTRY: OFFICE, OFFICE: CENTRE, CENTRE: HOME, HOME: HOME}
ACTIVE_CAPS = {HOME: ([1, 2], [.85, .15]),
               None: ([1, 2, 3, 4, 5, 6], [.35, .25, .17, .11, .07, .05])}
ENDED_CAPS = {HOME: ([1], [1.0]), None: ([1, 2], [.6, .4])}


def place(frame: dict, vbo: dict, reserved: np.ndarray, rng: np.random.Generator) -> None:
    """Fill frame["vbo"] for every row with vbo == -1 (active and ended separately)."""
    eligible = vbo["active"] & ~reserved
    todo = frame["vbo"] < 0
    active = np.isnat(frame["end"])
    for rows, caps in ((np.flatnonzero(todo & active), ACTIVE_CAPS),
                       (np.flatnonzero(todo & ~active), ENDED_CAPS)):
        _place_rows(frame, rows, vbo["pool"], eligible, caps, rng)


def _place_rows(frame, rows, pool, eligible, caps, rng) -> None:
    slots = {p: _slots(np.flatnonzero(eligible & (pool == p)), caps.get(p, caps[None]), rng)
             for p in ORDER}
    demand = {p: list(rows[frame["pool"][rows] == p]) for p in ORDER}
    for p in ORDER:
        want = np.array(demand[p], dtype=np.int64)
        have = slots[p]
        n = min(len(want), len(have))
        want = want[rng.permutation(len(want))]
        frame["vbo"][want[:n]] = have[:n]
        slots[p] = have[n:]
        if len(want) > n and FALLBACK[p] != p:
            demand[FALLBACK[p]].extend(want[n:].tolist())
        elif len(want) > n and len(have):
            frame["vbo"][want[n:]] = rng.choice(have, len(want) - n)


def _slots(candidates: np.ndarray, cap_spec, rng) -> np.ndarray:
    """Verblijfsobjecten repeated by capacity, ordered by (rank + 1) / attractiveness."""
    values, p = cap_spec
    cap = rng.choice(values, len(candidates), p=p)
    vbo = np.repeat(candidates, cap)
    rank = np.arange(len(vbo)) - np.repeat(np.cumsum(cap) - cap, cap)
    appeal = np.repeat(rng.lognormal(0.0, 0.6, len(candidates)), cap)
    return vbo[np.argsort((rank + 1) / appeal, kind="stable")]


def defuse(frame: dict, ordinary: np.ndarray, rng: np.random.Generator) -> None:
    """Keep ordinary addresses below the planted thresholds.

    Turnover: fewer than 6 registrations plus deregistrations in the 24 months before the
    peildatum (start dates of the active ones move back). Stichtingen: at most 2 active per
    address (the others become verenigingen).
    """
    window = PEILDATUM - 730 * DAY
    rows = np.flatnonzero(ordinary & (frame["vbo"] >= 0))
    events = (frame["start"][rows] >= window).astype(int) + (frame["end"][rows] >= window)
    per = np.bincount(frame["vbo"][rows], weights=events)
    hot = per[frame["vbo"][rows]] >= 6
    move = rows[hot & (frame["start"][rows] >= window) & np.isnat(frame["end"][rows])]
    frame["start"][move] = window - rng.integers(30, 3000, len(move)) * DAY
    frame["ond_start"][move] = np.minimum(frame["ond_start"][move], frame["start"][move])
    stichting = rows[(frame["rechtsvorm"][rows] == "Stichting") & np.isnat(frame["end"][rows])]
    order = stichting[np.argsort(frame["vbo"][stichting], kind="stable")]
    vbo = frame["vbo"][order]
    first = np.ones(len(vbo), bool)
    first[1:] = vbo[1:] != vbo[:-1]
    start = np.maximum.accumulate(np.where(first, np.arange(len(vbo)), 0))
    extra = order[(np.arange(len(vbo)) - start) >= 2]
    frame["rechtsvorm"][extra] = "Vereniging"
