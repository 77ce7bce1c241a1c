"""BAG statuses: mostly in use, about 1 % withdrawn or demolished, a few under construction."""

from __future__ import annotations

import numpy as np

from demo.city import FLAT, RIJ

IN_GEBRUIK = "Pand in gebruik"
PAND_TO_VBO = {
    "Pand in gebruik": "Verblijfsobject in gebruik",
    "Pand in gebruik (niet ingemeten)": "Verblijfsobject in gebruik (niet ingemeten)",
    "Pand gesloopt": "Verblijfsobject ingetrokken",
    "Verbouwing pand": "Verblijfsobject in gebruik",
    "Pand buiten gebruik": "Verblijfsobject buiten gebruik",
    "Sloopvergunning verleend": "Verblijfsobject in gebruik",
    "Niet gerealiseerd pand": "Niet gerealiseerd verblijfsobject",
    "Bouw gestart": "Verblijfsobject gevormd",
    "Bouwvergunning verleend": "Verblijfsobject gevormd",
}
# shares among residential panden that are not new construction
RESIDENTIAL_MIX = {
    "Pand in gebruik": 0.9775, "Pand in gebruik (niet ingemeten)": 0.006, "Pand gesloopt": 0.009,
    "Verbouwing pand": 0.003, "Pand buiten gebruik": 0.0015, "Sloopvergunning verleend": 0.001,
    "Niet gerealiseerd pand": 0.002,
}
ACTIVE_VBO = ("Verblijfsobject in gebruik", "Verblijfsobject in gebruik (niet ingemeten)",
              "Verbouwing verblijfsobject")


def assign(pand: dict, vbo: dict, blocks, panden, rng: np.random.Generator) -> None:
    """Add status columns (and bouwjaar of the vbo's) to the pand and vbo tables in place."""
    n = len(pand["identificatie"])
    status = np.full(n, IN_GEBRUIK, dtype=object)
    residential = np.isin(pand["kind"], (RIJ, FLAT))
    keys = np.array(list(RESIDENTIAL_MIX), dtype=object)
    p = np.array(list(RESIDENTIAL_MIX.values()))
    status[residential] = keys[rng.choice(len(keys), residential.sum(), p=p / p.sum())]
    new = _new_construction(pand, blocks, rng)
    status[new] = np.where(rng.random(new.sum()) < 0.7, "Bouw gestart", "Bouwvergunning verleend")
    pand["bouwjaar"] = np.where(new, 2027, pand["bouwjaar"]).astype(np.int32)
    pand["status"] = status
    kinds, inverse = np.unique(status.astype(str), return_inverse=True)
    mapped = np.array([PAND_TO_VBO[k] for k in kinds.tolist()], dtype=object)[inverse]
    vstatus = mapped[vbo["pand"]]
    in_use = vstatus == "Verblijfsobject in gebruik"
    small = rng.random(len(vstatus))
    vstatus = np.where(in_use & (small < 0.002), "Verbouwing verblijfsobject", vstatus)
    vstatus = np.where(in_use & (small > 0.999), "Verblijfsobject buiten gebruik", vstatus)
    vbo["status"] = vstatus
    vbo["pandstatus"] = status[vbo["pand"]]
    vbo["bouwjaar"] = pand["bouwjaar"][vbo["pand"]]
    vbo["active"] = np.isin(vstatus, ACTIVE_VBO)


def _new_construction(pand: dict, blocks, rng: np.random.Generator) -> np.ndarray:
    """One or two residential blocks of the youngest area are still being built."""
    rij = pand["kind"] == RIJ
    if not rij.any():
        return np.zeros(len(rij), bool)
    candidates = np.unique(pand["block"][rij])
    years = blocks.year[candidates]
    young = candidates[years >= np.quantile(years, 0.9)]
    chosen = rng.choice(young, min(2 if len(candidates) > 400 else 1, len(young)), replace=False)
    return np.isin(pand["block"], chosen) & rij
