"""Ligplaatsen (a row of house boats along a quay), standplaatsen (a caravan site) and a few
nevenadressen (corner buildings with an address on the side street) for each demo town.

Placed in open ground: points on a ring just inside the town's outline with no pand within
PAND_AFSTAND metres. A separate random stream, so the rest of the demo stays byte-identical.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import shapely

from demo import sbi

LIGPLAATSEN, STANDPLAATSEN, NEVENADRESSEN = 6, 4, 5
KADE, TERREIN = "Havenkade", "Woonwagenpark De Vlier"
PAND_AFSTAND = 18.0
STAP = 14.0
# Identifiers above every number the town's own _ids can draw (at most ~9.0e8 + 60,000).
EERSTE_NUMMER = 9_500_000_000


def tabellen(town, seed: int) -> dict[str, pa.Table]:
    """bag-light layers ligplaats and standplaats, and the nevenadres table."""
    plekken = _vrije_plekken(town)
    helft = len(plekken) // 2
    lig = plekken[:LIGPLAATSEN]
    sta = plekken[helft:helft + STANDPLAATSEN]
    return {"ligplaats": _plaatsen(town, lig, "02", KADE, 0, (9.0, 3.5), "ZZ"),
            "standplaats": _plaatsen(town, sta, "03", TERREIN, 100, (6.0, 6.0), "ZY"),
            "nevenadres": _nevenadressen(town, np.random.default_rng([seed, town.gem.index, 23]))}


def _vrije_plekken(town) -> list[tuple[float, float]]:
    """Points every STAP metres on a ring 40 m inside the outline, away from every pand."""
    ring = town.layout.outline.buffer(-40.0).exterior
    afstanden = np.arange(0.0, ring.length, STAP)
    punten = shapely.line_interpolate_point(ring, afstanden)
    panden = shapely.from_wkb(town.pand["geom"])
    boom = shapely.STRtree(panden)
    dichtbij, _ = boom.query(punten, predicate="dwithin", distance=PAND_AFSTAND)
    vrij = np.setdiff1d(np.arange(len(punten)), dichtbij)
    return [(round(float(p.x), 3), round(float(p.y), 3)) for p in punten[vrij]]


def _plaatsen(town, plekken, soort: str, straat: str, eerste_nr: int, maat,
              letters: str) -> pa.Table:
    gem, n = town.gem, len(plekken)
    nummers = EERSTE_NUMMER + eerste_nr + np.arange(n)
    w, h = maat
    vlakken = [shapely.box(x - w, y - h, x + w, y + h) for x, y in plekken]
    # the quay and the site have a postcode of their own (in the PC4 of the nearest address):
    # no postcode + huisnummer of theirs is also a verblijfsobject's
    postcodes = [_postcode_bij(town, x, y)[:4] + letters for x, y in plekken]
    return pa.table({
        "identificatie": [f"{gem.code}{soort}{k:010d}" for k in nummers],
        "status": ["Plaats aangewezen"] * n,
        "openbare_ruimte_naam": [straat] * n,
        "huisnummer": pa.array(range(1, 2 * n, 2), pa.int32()),
        "huisletter": pa.array([None] * n, pa.string()),
        "toevoeging": pa.array([None] * n, pa.string()),
        "postcode": postcodes,
        "woonplaats_naam": [gem.naam] * n,
        "nummeraanduiding_hoofdadres_identificatie": [f"{gem.code}20{k:010d}" for k in nummers],
        "bronhouder_identificatie": [gem.code] * n,
        "geom": pa.array(shapely.to_wkb(vlakken).tolist(), pa.binary()),
    })


def _postcode_bij(town, x: float, y: float) -> str:
    v = town.vbo
    i = int(np.argmin((v["x"] - x) ** 2 + (v["y"] - y) ** 2))
    return str(v["postcode"][i])


def _nevenadressen(town, rng) -> pa.Table:
    """Corner shops: a winkel verblijfsobject gets an address on the nearest other street,
    numbered past that street's last number so no existing address is repeated."""
    v, gem = town.vbo, town.gem
    winkel = np.flatnonzero(np.char.find(v["gebruiksdoel"].astype(str), "winkelfunctie") >= 0)
    gekozen = np.sort(rng.choice(winkel, size=min(NEVENADRESSEN, len(winkel)), replace=False))
    rijen = []
    laatste = {}
    for k, i in enumerate(gekozen.tolist()):
        ander = v["street"] != v["street"][i]
        afstand = np.where(ander, (v["x"] - v["x"][i]) ** 2 + (v["y"] - v["y"][i]) ** 2, np.inf)
        j = int(np.argmin(afstand))
        straat, postcode = int(v["street"][j]), v["postcode"][j]
        # past the last number of the street and of the postcode: an address of its own
        hoogste = max(int(v["huisnummer"][v["street"] == straat].max()),
                      int(v["huisnummer"][v["postcode"] == postcode].max()))
        nummer = max(laatste.get(straat, 0), hoogste) + 1
        laatste[straat] = nummer
        rijen.append({
            "nummeraanduiding_identificatie": f"{gem.code}20{EERSTE_NUMMER + 500 + k:010d}",
            "adresseerbaar_object_identificatie": str(v["identificatie"][i]),
            "adresseerbaar_object_type": "Verblijfsobject",
            "openbare_ruimte_naam": town.street_names[straat], "huisnummer": nummer,
            "huisletter": None, "toevoeging": None, "postcode": str(v["postcode"][j]),
            "woonplaats_naam": gem.naam,
        })
    return pa.Table.from_pylist(rijen, schema=NEVENADRES_SCHEMA)


NEVENADRES_SCHEMA = pa.schema([
    ("nummeraanduiding_identificatie", pa.string()),
    ("adresseerbaar_object_identificatie", pa.string()), ("adresseerbaar_object_type", pa.string()),
    ("openbare_ruimte_naam", pa.string()), ("huisnummer", pa.int32()), ("huisletter", pa.string()),
    ("toevoeging", pa.string()), ("postcode", pa.string()), ("woonplaats_naam", pa.string()),
])


# Vestigingen registered on a ligplaats, a standplaats and a nevenadres (Demostad only), so the
# demo shows them matched: (name, SBI 2008, which table, row, since). Numbers above the ranges
# companies.assign_numbers draws from, so they also sort after every other vestiging.
KVK = [("Woonbootverhuur Het Anker", "68204", "ligplaats", 0, "01-03-2019"),
       ("Restaurant De Steiger", "56101", "ligplaats", 2, "15-06-2021"),
       ("Kermisexploitatie De Vlier", "68204", "standplaats", 0, "01-01-2016"),
       ("Hoekwinkel Verhuur", "68204", "nevenadres", 0, "01-09-2022")]


def kvk_rijen(tabellen_: dict[str, pa.Table], gemeentenaam: str) -> list[tuple]:
    """DOOK-layout rows (writers.DOOK_HEADER) for the vestigingen of KVK, by address only."""
    rijen = []
    for k, (naam, code, tabel, i, sinds) in enumerate(KVK):
        t = tabellen_[tabel].to_pylist()
        if i >= len(t):
            continue
        a = t[i]
        rijen.append((
            "", a["openbare_ruimte_naam"], a["huisnummer"], a["huisletter"] or "",
            a["toevoeging"] or "", a["postcode"], gemeentenaam, "", "", "", naam,
            str(99_990_001 + k), "", code, code, sbi.omschrijving_2008(code), "", "", "", "",
            "Besloten Vennootschap", sinds, "", f"{999_990_001 + k:012d}", sinds, "", "Ja"))
    return rijen
