"""The address columns of a KVK bulk file, with the mess real data has.

BAG numid is filled on ~88 % of rows; the rest must be matched on address. Variants: huisletter
written lowercase, glued to the number ("12a", "12 A") or put in the toevoeging; toevoeging as
"-2", "hs" for BAG "H", lowercase "bis"; an extra toevoeging BAG does not know ("rd", "bg");
postcodes lowercase or with a space; a typo in the street name; a range "12-14". Special rows:
an address in another town (special 1) or a huisnummer that does not exist (special 2).
Planted rows (tag set) always keep a clean address and their numid.
"""

from __future__ import annotations

import numpy as np

OUTSIDE = (("Stationsweg", "1999", "Buitenveld"), ("Kanaalkade", "2999", "Overmeer"),
           ("Dorpsstraat", "4999", "Kleindorp"), ("Handelskade", "3999", "Verweghe"))
EXTRA_TOEV = np.array(["rd", "bg", "hs"], dtype=object)


def address_columns(frame: dict, town, rng: np.random.Generator) -> dict[str, np.ndarray]:
    v = town.vbo
    idx = np.maximum(frame["vbo"], 0)
    n = len(idx)
    clean = frame["tag"] != None  # noqa: E711 (object array comparison)
    cols = {
        "numid": np.where(clean | (rng.random(n) < 0.88), v["nummeraanduiding"][idx], None),
        "straat": np.array(town.street_names, dtype=object)[v["street"][idx]],
        "huisnummer": v["huisnummer"][idx].astype(str).astype(object),
        "huisletter": v["huisletter"][idx].copy(),
        "toevoeging": v["toevoeging"][idx].copy(),
        "postcode": v["postcode"][idx].copy(),
        "gemeentenaam": np.full(n, town.gem.naam, dtype=object),
    }
    messy = ~clean
    _letters(cols, messy, rng)
    _toevoegingen(cols, messy, rng)
    _postcodes(cols, messy, rng)
    _typos(cols, messy & (rng.random(n) < 0.01), rng)
    _ranges(cols, messy & (rng.random(n) < 0.002) & (cols["huisletter"] == None)  # noqa: E711
            & (cols["toevoeging"] == None))  # noqa: E711
    _special(cols, frame["special"], v["huisnummer"][idx], rng)
    has_id = cols["numid"] != None  # noqa: E711
    cols["gebruiksdoelen"] = np.where(has_id, v["gebruiksdoel"][idx], None)
    cols["oppervlakte"] = np.where(has_id, v["oppervlakte"][idx].astype(str), None)
    cols["pand_bouwjaar"] = np.where(has_id, v["bouwjaar"][idx].astype(str), None)
    return cols


def _letters(cols: dict, messy: np.ndarray, rng) -> None:
    """KVK "12a", "12 A", huisletter "a", or the letter in the toevoeging, where BAG has "A"."""
    has = messy & (cols["huisletter"] != None)  # noqa: E711
    rows = np.flatnonzero(has & (rng.random(len(has)) < 0.35))
    pick = rng.integers(0, 4, len(rows))
    for i, k in zip(rows.tolist(), pick.tolist(), strict=True):
        letter, nr = cols["huisletter"][i], cols["huisnummer"][i]
        if k == 0:
            cols["huisletter"][i] = letter.lower()
            continue
        cols["huisletter"][i] = None
        if k == 1 and cols["toevoeging"][i] is None:
            cols["toevoeging"][i] = letter
        else:
            cols["huisnummer"][i] = nr + letter.lower() if k == 2 else f"{nr} {letter}"


def _toevoegingen(cols: dict, messy: np.ndarray, rng) -> None:
    toev = cols["toevoeging"]
    has = messy & (toev != None)  # noqa: E711
    change = has & (rng.random(len(has)) < 0.35)
    variant = np.array([_toev_variant(t, r) for t, r in
                        zip(toev[change], rng.random(change.sum()), strict=True)], dtype=object)
    toev = toev.copy()
    toev[change] = variant
    extra = messy & (toev == None) & (rng.random(len(has)) < 0.005)  # noqa: E711
    toev[extra] = EXTRA_TOEV[rng.integers(0, len(EXTRA_TOEV), extra.sum())]
    cols["toevoeging"] = toev


def _toev_variant(toev: str, r: float) -> str:
    if toev == "H":
        return "hs" if r < 0.6 else "huis"
    if toev == "BIS":
        return "bis"
    if toev.isdigit():
        return "-" + toev if r < 0.5 else (" " + toev if r < 0.7 else toev.zfill(2))
    return toev.lower()


def _postcodes(cols: dict, messy: np.ndarray, rng) -> None:
    r = np.where(messy, rng.random(len(messy)), 1.0)
    pc = cols["postcode"]
    lower = np.array([p.lower() for p in pc], dtype=object)
    spaced = np.array([p[:4] + " " + p[4:] for p in pc], dtype=object)
    both = np.array([p.lower() for p in spaced], dtype=object)
    cols["postcode"] = np.select([r < 0.03, r < 0.05, r < 0.06], [lower, spaced, both], pc)


def _typos(cols: dict, rows: np.ndarray, rng) -> None:
    straat = cols["straat"].copy()
    for i in np.flatnonzero(rows):
        name = straat[i]
        k = int(rng.integers(1, max(len(name) - 2, 2)))
        straat[i] = name[:k] + name[k + 1] + name[k] + name[k + 2:] if rng.random() < 0.5 \
            else name[:k] + name[k + 1:]
    cols["straat"] = straat


def _ranges(cols: dict, rows: np.ndarray) -> None:
    nr = cols["huisnummer"]
    cols["huisnummer"] = np.where(rows, [f"{h}-{int(h) + 2}" if h.isdigit() else h for h in nr],
                                  nr)


def _special(cols: dict, special: np.ndarray, bag_nr: np.ndarray, rng) -> None:
    for i in np.flatnonzero(special == 1):
        straat, pc4, plaats = OUTSIDE[int(rng.integers(0, len(OUTSIDE)))]
        cols["straat"][i], cols["gemeentenaam"][i] = straat, plaats
        cols["postcode"][i] = pc4 + "AB"
        cols["huisnummer"][i] = str(int(rng.integers(1, 200)))
    garbage = special == 2
    cols["huisnummer"][garbage] = (bag_nr[garbage] + 5000).astype(str)
    for key in ("huisletter", "toevoeging"):
        cols[key][garbage | (special == 1)] = None
    cols["numid"][special > 0] = None
