"""Saved KVK API Vestigingsprofiel responses (geoData=true), as the API returns them.

Most in HAL form (`_links`), some in plain form (`links`). About 5 % have a shielded address (no
street, no geoData); a few have a typo'd street and postcode and no BAG ids, only coordinates.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from pyproj import Transformer

from demo import sbi

API = "https://api.kvk.nl/api/v1"
_TO_WGS84 = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


def write_profiles(folder: Path, frame: dict, rows: np.ndarray, town, rng) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    v = town.vbo
    idx = frame["vbo"][rows]
    lon, lat = _TO_WGS84.transform(v["x"][idx], v["y"][idx])
    hal = rng.random(len(rows)) < 0.75
    for k, (r, i) in enumerate(zip(rows.tolist(), idx.tolist(), strict=True)):
        doc = _profile(frame, r, i, town, (lat[k], lon[k]), bool(hal[k]))
        path = folder / f"vestigingsprofiel_{frame['vestnr'][r]}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(rows)


def _profile(frame: dict, r: int, i: int, town, latlon, hal: bool) -> dict:
    nr, kvk = frame["vestnr"][r], frame["kvk"][r]
    werkzaam = int(frame["werkzame"][r])
    voltijd = werkzaam // 2 + werkzaam % 2
    doc = {"vestigingsnummer": nr, "kvkNummer": kvk}
    if frame["rechtsvorm"][r] != "Eenmanszaak":
        doc["rsin"] = str(800_000_000 + int(kvk) % 100_000_000 // 10).zfill(9)
    doc |= {
        "indNonMailing": "Nee",
        "formeleRegistratiedatum": _ymd(frame["start"][r] + np.timedelta64(int(r % 9), "D")),
        "materieleRegistratie": _registratie(frame, r),
        "eersteHandelsnaam": frame["naam"][r],
        "indHoofdvestiging": "Ja" if frame["hoofd"][r] else "Nee",
        "indCommercieleVestiging": "Nee" if frame["rechtsvorm"][r] in (
            "Stichting", "Vereniging", "Kerkgenootschap") else "Ja",
        "voltijdWerkzamePersonen": voltijd,
        "totaalWerkzamePersonen": werkzaam,
        "deeltijdWerkzamePersonen": werkzaam - voltijd,
        "handelsnamen": [{"naam": frame["naam"][r], "volgorde": 0}],
        "adressen": [_bezoekadres(frame, r, i, town, latlon)],
        "sbiActiviteiten": _activiteiten(frame, r),
    }
    links = {"self": f"{API}/vestigingsprofielen/{nr}", "basisprofiel": f"{API}/basisprofielen/{kvk}"}
    if hal:
        doc["_links"] = {rel: {"href": href} for rel, href in links.items()}
    else:
        doc["links"] = [{"rel": rel, "href": href} for rel, href in links.items()]
    return doc


def _registratie(frame: dict, r: int) -> dict:
    out = {"datumAanvang": _ymd(frame["start"][r])}
    if not np.isnat(frame["end"][r]):
        out["datumEinde"] = _ymd(frame["end"][r])
    return out


def _activiteiten(frame: dict, r: int) -> list[dict]:
    out = []
    for key, hoofd in (("sbi25", "Ja"), ("n1_25", "Nee"), ("n2_25", "Nee")):
        code = frame[key][r]
        if code:
            out.append({"sbiCode": code, "sbiOmschrijving": sbi.omschrijving_2025(code),
                        "indHoofdactiviteit": hoofd})
    return out


def _bezoekadres(frame: dict, r: int, i: int, town, latlon) -> dict:
    if frame["afgeschermd"][r]:
        return {"type": "bezoekadres", "indAfgeschermd": "Ja"}
    v = town.vbo
    straat = town.street_names[v["street"][i]]
    postcode = v["postcode"][i]
    if frame["coord_only"][r]:
        straat = straat[:-2] + straat[-1] + straat[-2]
        postcode = str(int(postcode[0]) - 1) + postcode[1:]  # 9991AB -> 8991AB: no such PC4
    adres = {"type": "bezoekadres", "indAfgeschermd": "Nee",
             "volledigAdres": _volledig(straat, v, i, postcode, town.gem.naam),
             "straatnaam": straat, "huisnummer": int(v["huisnummer"][i])}
    if v["huisletter"][i]:
        adres["huisletter"] = v["huisletter"][i]
    if v["toevoeging"][i]:
        adres["huisnummerToevoeging"] = v["toevoeging"][i]
    adres.update(postcode=postcode, plaats=town.gem.naam, land="Nederland")
    coord = frame["coord_only"][r]
    adres["geoData"] = {
        "addresseerbaarObjectId": None if coord else v["identificatie"][i],
        "nummerAanduidingId": None if coord else v["nummeraanduiding"][i],
        "gpsLatitude": round(float(latlon[0]), 7), "gpsLongitude": round(float(latlon[1]), 7),
        "rijksdriehoekX": round(float(v["x"][i]), 3), "rijksdriehoekY": round(float(v["y"][i]), 3),
        "rijksdriehoekZ": 0.0,
    }
    return adres


def _volledig(straat: str, v: dict, i: int, postcode: str, plaats: str) -> str:
    nummer = f"{v['huisnummer'][i]}{v['huisletter'][i] or ''}"
    if v["toevoeging"][i]:
        nummer += f" {v['toevoeging'][i]}"
    return f"{straat} {nummer} {postcode} {plaats}"


def _ymd(day: np.datetime64) -> str:
    return str(day.astype("datetime64[D]")).replace("-", "")
