"""Area files: CBS gemeente/wijken/buurten (CRS84, as PDOK's OGC API returns them), the
bedrijventerreinen as IBIS has them (EPSG:28992) and as the municipality drew them itself (CRS84).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import shapely
import shapely.affinity
from pyproj import Transformer
from shapely.geometry import mapping

from demo.units import WOON

SECRET = -99997
TIMESTAMP = "2026-11-01T00:00:00Z"
WLOC_TYPES = ("Gemengd terrein", "Distributiepark", "Zwaar industrieterrein",
              "Hoogwaardig bedrijvenpark")
_TO_CRS84 = Transformer.from_crs("EPSG:28992", "OGC:CRS84", always_xy=True)
IBIS_CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}


def to_crs84(geom) -> dict:
    def project(xy: np.ndarray) -> np.ndarray:
        lon, lat = _TO_CRS84.transform(xy[:, 0], xy[:, 1])
        return np.round(np.column_stack([lon, lat]), 7)
    return _plain(mapping(shapely.transform(geom, project)))


def to_rd(geom) -> dict:
    return _plain(mapping(shapely.transform(geom, lambda xy: np.round(xy, 3))))


def _plain(obj):
    """Tuples to lists, numpy floats to float: stable JSON."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    return float(obj) if isinstance(obj, np.floating) else obj


def inhabitants(town, rng: np.random.Generator) -> np.ndarray:
    """Inhabitants per buurt: about 2.1 per dwelling in use (true counts, no secrecy)."""
    v = town.vbo
    dwelling = v["active"] & ((v["gd"] & WOON) > 0)
    n = np.bincount(v["buurt"][dwelling], minlength=len(town.layout.buurten))
    return np.round(n * rng.uniform(2.0, 2.3, len(n))).astype(int)


def cbs_features(town, rng: np.random.Generator) -> tuple[dict, list[dict], list[dict]]:
    lay, gem = town.layout, town.gem
    people = inhabitants(town, rng)
    gm = f"GM{gem.code}"
    wijk_codes = [f"WK{gem.code}{k + 1:02d}" for k in range(len(lay.wijken))]
    buurten = []
    seq = np.zeros(len(lay.wijken), int)
    for b, geom in enumerate(lay.buurten):
        w = lay.buurt_wijk[b]
        seq[w] += 1
        secret = lay.buurt_park[b] in (0, 1) and people[b] < 50
        props = {"buurtcode": f"BU{gem.code}{w + 1:02d}{seq[w]:02d}", "buurtnaam": lay.buurt_names[b],
                 "wijkcode": wijk_codes[w], "gemeentecode": gm, "gemeentenaam": gem.naam,
                 "water": "NEE", "aantal_inwoners": SECRET if secret else int(people[b])}
        buurten.append(_feature(props, to_crs84(geom)))
    per_wijk = np.bincount(lay.buurt_wijk, weights=people, minlength=len(lay.wijken))
    wijken = [_feature({"wijkcode": wijk_codes[w], "wijknaam": lay.wijk_names[w],
                        "gemeentecode": gm, "gemeentenaam": gem.naam, "water": "NEE",
                        "aantal_inwoners": int(per_wijk[w])}, to_crs84(geom))
              for w, geom in enumerate(lay.wijken)]
    gemeente = _feature({"gemeentecode": gm, "gemeentenaam": gem.naam, "water": "NEE",
                         "aantal_inwoners": int(people.sum())}, to_crs84(lay.outline))
    return gemeente, wijken, buurten


def _feature(props: dict, geometry: dict) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": props}


def ibis_features(town) -> list[dict]:
    gem, lay = town.gem, town.layout
    out = []
    for k, park in enumerate(lay.parks):
        bruto = park.area / 1e4
        out.append(_feature({
            "RIN_NUMMER": int(gem.code) * 100 + k + 1, "JAAR": 2024,
            "PLAN_NAAM": lay.park_names[k], "GEM_CODES": f"GM{gem.code}",
            "HA_BRUTO": round(bruto, 1), "HA_NETTO": round(bruto * 0.78, 1),
            "HA_TOTTUIT": 0.0, "WLOC_TYPE": WLOC_TYPES[(k + int(gem.code)) % len(WLOC_TYPES)],
        }, to_rd(park)))
    return out


def eigen_features(town) -> list[dict]:
    """The municipality's own outlines: a little wider, rotated; the second park split in two."""
    out = []
    for k, park in enumerate(town.layout.parks):
        name = town.layout.park_names[k]
        own = shapely.affinity.rotate(park.buffer(12, join_style="mitre"), 0.8)
        parts = _halves(own) if k == 1 else [own]
        suffixes = ("-Noord", "-Zuid") if len(parts) == 2 else ("",)
        for part, suffix in zip(parts, suffixes, strict=True):
            out.append(_feature({"naam": name + suffix}, to_crs84(part)))
    return out


def _halves(poly) -> list:
    c = poly.centroid
    x0, y0, x1, y1 = poly.bounds
    north = shapely.box(x0 - 1, c.y, x1 + 1, y1 + 1)
    south = shapely.box(x0 - 1, y0 - 1, x1 + 1, c.y)
    return [poly.intersection(north), poly.intersection(south)]


def collection(features: list[dict], crs: dict | None = None, name: str | None = None) -> dict:
    doc: dict = {"type": "FeatureCollection"}
    if name:
        doc["name"] = name
    if crs:
        doc["crs"] = crs
    else:
        doc.update(numberReturned=len(features), timeStamp=TIMESTAMP, links=[])
    for k, feature in enumerate(features):
        feature["id"] = k + 1
    doc["features"] = features
    return doc


def write(path: Path, doc: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")
