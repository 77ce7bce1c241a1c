"""KVK vestigingen of one municipality: branch, legal form, dates, chains, names and numbers.

Rows are kept column-wise in a dict of numpy arrays (a "frame"); `vbo` (the address) is filled in
by placement.py, planted situations are added by planted.py.
"""

from __future__ import annotations

import numpy as np

from demo import names, sbi

PEILDATUM = np.datetime64("2026-11-01")
SBI2025_START = np.datetime64("2025-09-07")
NAT = np.datetime64("NaT", "D")
DAY = np.timedelta64(1, "D")
POOL_OF_PLEK = {"home": 0, "centre": 1, "office": 2, "industry": 3, "facility": 4}
TEXT = ("sbi08", "sbi25", "n1_08", "n1_25", "n2_08", "n2_25", "activiteit", "kind", "naam",
        "rechtsvorm", "channel", "tag")


def empty(n: int) -> dict[str, np.ndarray]:
    frame = {k: np.full(n, None, dtype=object) for k in TEXT}
    frame.update(vbo=np.full(n, -1, np.int64), pool=np.zeros(n, np.int8),
                 ond=np.full(n, -1, np.int64), hoofd=np.ones(n, bool),
                 start=np.full(n, NAT), end=np.full(n, NAT), ond_start=np.full(n, NAT),
                 ond_end=np.full(n, NAT), werkzame=np.ones(n, np.int32),
                 afgeschermd=np.zeros(n, bool), coord_only=np.zeros(n, bool),
                 special=np.zeros(n, np.int8))
    frame["channel"][:] = "csv"
    return frame


def concat(frames: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    return {k: np.concatenate([f[k] for f in frames]) for k in frames[0]}


def take(frame: dict[str, np.ndarray], idx) -> dict[str, np.ndarray]:
    return {k: v[idx] for k, v in frame.items()}


def set_branch(frame: dict, rows: np.ndarray, branches: list[sbi.Branch] | tuple) -> None:
    """Copy branch fields (codes, activity, name kind, pool) into `rows` of the frame."""
    for key, attr in (("sbi08", "sbi2008"), ("sbi25", "sbi2025"), ("activiteit", "activiteit"),
                      ("kind", "naam")):
        frame[key][rows] = [getattr(b, attr) for b in branches]
    frame["pool"][rows] = [POOL_OF_PLEK[b.plek] for b in branches]


def ordinary(n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """`n` vestigingen drawn from the branch mix, with dates and legal form (no address yet)."""
    frame = empty(n)
    pick = rng.choice(len(sbi.BRANCHES), n, p=sbi.weights())
    set_branch(frame, np.arange(n), [sbi.BRANCHES[i] for i in pick])
    frame["start"], frame["end"] = sample_dates(n, rng)
    frame["rechtsvorm"] = legal_forms([sbi.BRANCHES[i].vorm for i in pick], rng)
    _nevenactiviteiten(frame, pick, rng)
    frame["werkzame"] = _werkzame(frame["rechtsvorm"], rng)
    frame["ond"] = np.arange(n)
    return frame


def sample_dates(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Start dates 1990..peildatum (most after 2012, 8 % on/after 7 Sept 2025); ~25 % ended."""
    era = rng.choice(3, n, p=[0.2, 0.72, 0.08])
    a, b = np.datetime64("1990-01-01"), np.datetime64("2012-01-01")
    span_old = (b - a) / DAY
    span_mid = (SBI2025_START - b) / DAY - 1
    span_new = (PEILDATUM - SBI2025_START) / DAY
    u = rng.random(n)
    growing = np.where(rng.random(n) < 0.4, u, np.sqrt(u))  # more registrations every year
    offset = np.select([era == 0, era == 1], [u * span_old, growing * span_mid],
                       u * span_new).astype(np.int64)
    start = np.select([era == 0, era == 1], [a, b], SBI2025_START) + offset * DAY
    ended = rng.random(n) < np.select([era == 0, era == 1], [0.36, 0.27], 0.08)
    left = (PEILDATUM - start) / DAY
    length = np.maximum(14, left * rng.beta(1.2, 1.8, n)).astype(np.int64)
    end = np.where(ended & (length < left - 1), start + length * DAY, NAT)
    return start.astype("datetime64[D]"), end.astype("datetime64[D]")


def legal_forms(profiles: list[str], rng: np.random.Generator) -> np.ndarray:
    out = np.empty(len(profiles), dtype=object)
    profiles_arr = np.array(profiles, dtype=object)
    for profile, options in sbi.RECHTSVORMEN.items():
        rows = np.flatnonzero(profiles_arr == profile)
        forms = np.array([f for f, _ in options], dtype=object)
        p = np.array([w for _, w in options])
        out[rows] = forms[rng.choice(len(forms), len(rows), p=p / p.sum())]
    return out


def _nevenactiviteiten(frame: dict, pick: np.ndarray, rng: np.random.Generator) -> None:
    plek = np.array([sbi.BRANCHES[i].plek for i in pick], dtype=object)
    for slot, share in (("n1", 0.25), ("n2", 0.08)):
        has = rng.random(len(pick)) < share
        if slot == "n2":
            has &= frame["n1_08"] != None  # noqa: E711 (object array comparison)
        for name in sbi.PLEKKEN:
            rows = np.flatnonzero(has & (plek == name))
            options = [i for i, b in enumerate(sbi.BRANCHES) if b.plek == name]
            other = np.array(options)[rng.integers(0, len(options), len(rows))]
            keep = sbi_differs(frame, rows, other)
            rows, other = rows[keep], other[keep]
            frame[f"{slot}_08"][rows] = [sbi.BRANCHES[i].sbi2008 for i in other]
            frame[f"{slot}_25"][rows] = [sbi.BRANCHES[i].sbi2025 for i in other]


def sbi_differs(frame: dict, rows: np.ndarray, other: np.ndarray) -> np.ndarray:
    codes = np.array([sbi.BRANCHES[i].sbi2008 for i in other], dtype=object)
    return (codes != frame["sbi08"][rows]) & (codes != frame["n1_08"][rows])


def _werkzame(rechtsvorm: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    small = rechtsvorm == "Eenmanszaak"
    return np.where(small, rng.integers(1, 3, len(rechtsvorm)),
                    np.minimum(rng.geometric(0.15, len(rechtsvorm)), 250)).astype(np.int32)


def make_chains(frame: dict, rng: np.random.Generator) -> None:
    """Group some shops/agencies of one branch into chains sharing kvk_nummer and name."""
    members = np.flatnonzero(np.isin(frame["kind"], sbi.CHAIN_KINDS) & (frame["tag"] == None)  # noqa: E711
                             & (rng.random(len(frame["kind"])) < 0.45))
    for kind in np.unique(frame["kind"][members]):
        rows = rng.permutation(members[frame["kind"][members] == kind])
        sizes = rng.integers(2, 6, len(rows))
        bounds = np.cumsum(sizes)
        bounds = bounds[bounds < len(rows)]
        for group in np.split(rows, bounds):
            if len(group) >= 2:
                _link_chain(frame, group, rng)


def _link_chain(frame: dict, group: np.ndarray, rng: np.random.Generator) -> None:
    frame["ond"][group] = frame["ond"][group[0]]
    frame["rechtsvorm"][group] = "Besloten Vennootschap"
    frame["hoofd"][group] = False
    elsewhere = rng.random() < 0.5
    if not elsewhere:
        frame["hoofd"][group[np.argmin(frame["start"][group])]] = True
    earliest = frame["start"][group].min()
    if elsewhere:
        earliest = earliest - int(rng.integers(0, 6000)) * DAY
    frame["ond_start"][group] = max(earliest, np.datetime64("1975-01-01"))
    frame["werkzame"][group] = rng.integers(3, 40, len(group))


def fill_onderneming_dates(frame: dict) -> None:
    """Single-vestiging ondernemingen share the vestiging's dates; chains end with their last."""
    single = np.isnat(frame["ond_start"])
    frame["ond_start"] = np.where(single, frame["start"], frame["ond_start"])
    order = np.argsort(frame["ond"], kind="stable")
    ond = frame["ond"][order]
    first = np.ones(len(ond), bool)
    first[1:] = ond[1:] != ond[:-1]
    group = np.cumsum(first) - 1
    open_ = np.isnat(frame["end"][order])
    any_open = np.zeros(group[-1] + 1 if len(group) else 0, bool)
    np.logical_or.at(any_open, group, open_)
    last_end = np.full(len(any_open), np.datetime64("1900-01-01"), "datetime64[D]")
    np.maximum.at(last_end, group, np.where(open_, last_end[0], frame["end"][order]))
    ond_end = np.where(any_open[group], NAT, last_end[group])
    frame["ond_end"][order] = np.where(single[order], frame["end"][order], ond_end)


def assign_names(frame: dict, gemeente: str, rng: np.random.Generator) -> None:
    todo = frame["naam"] == None  # noqa: E711
    rows = np.flatnonzero(todo)
    frame["naam"][rows] = names.trade_names(frame["kind"][rows], gemeente, rng)
    order = np.argsort(frame["ond"], kind="stable")
    ond = frame["ond"][order]
    first = np.ones(len(ond), bool)
    first[1:] = ond[1:] != ond[:-1]
    leader = order[np.maximum.accumulate(np.where(first, np.arange(len(ond)), 0))]
    frame["naam"][order] = frame["naam"][leader]


def assign_numbers(frame: dict, gem_index: int, rng: np.random.Generator) -> None:
    """kvk_nummer per onderneming (8 digits), vestigingsnummer per vestiging (12 digits)."""
    n = len(frame["ond"])
    uniq, inverse = np.unique(frame["ond"], return_inverse=True)
    kvk = 60_000_000 + gem_index * 100_000 + rng.permutation(100_000)[: len(uniq)]
    frame["kvk"] = kvk.astype("U8").astype(object)[inverse]
    vest = 400_000_000 + gem_index * 1_000_000 + rng.permutation(1_000_000)[:n]
    frame["vestnr"] = np.char.zfill(vest.astype("U12"), 12).astype(object)
