"""CBS gemeente, wijken and buurten from PDOK's wijken-en-buurten OGC API, saved for gebieden.load.

`download` asks each collection for one gemeente (`?gemeentecode=GM0637`) in RD New, follows the
rel "next" links, and writes one GeoJSON FeatureCollection per collection (`gemeente.geojson`,
`wijken.geojson`, `buurten.geojson`) that carries its CRS, so `loaders.gebieden.load(con, folder,
bron)` reads the folder as it is. A collection whose file is already there is not fetched again.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from loaders.bag.api_pages import features_of, next_url, write_atomic
from loaders.engine_errors import detail
from loaders.errors import InvoerFout
from loaders.gemeente import cbs_gemeentecode
from loaders.http_client import HttpClient

BASE_URL = "https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1"
RD_CRS = "http://www.opengis.net/def/crs/EPSG/0/28992"
RD_GEOJSON_CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
FILES = {"gemeenten": "gemeente.geojson", "wijken": "wijken.geojson", "buurten": "buurten.geojson"}
MAX_RPS = 4.0


def download(base_url: str, gemeentecode: str, out_dir: Path, *, limit: int = 1000,
             max_rps: float = MAX_RPS, client: HttpClient | None = None,
             report: Callable[[str], None] | None = None) -> int:
    """Save gemeente, wijken and buurten of `gemeentecode` ("GM0637" or "0637"). Returns areas saved."""
    code = cbs_gemeentecode(gemeentecode)
    base_url = base_url.rstrip("/")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    client = client or HttpClient(max_rps=max_rps)
    say = report or (lambda _msg: None)
    total = 0
    for collection, name in FILES.items():
        target = out_dir / name
        if target.exists():
            total += len(features_of(_read(target), name))
            continue
        features = _fetch_all(client, base_url, collection, code, limit)
        if not features:
            raise InvoerFout(f"{base_url}/collections/{collection}",
                             f"geen {collection} gevonden voor {code}")
        doc = {"type": "FeatureCollection", "name": collection, "crs": RD_GEOJSON_CRS,
               "features": features}
        write_atomic(target, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        say(f"CBS {collection}: {len(features)} gebieden")
        total += len(features)
    return total



def bbox(out_dir: Path, margin: float = 0.0) -> tuple[float, float, float, float]:
    """RD bounding box of the saved gemeente (e.g. to download BAG by area)."""
    path = Path(out_dir) / FILES["gemeenten"]
    xs, ys = [], []
    for feature in features_of(_read(path), path.name):
        _coords((feature.get("geometry") or {}).get("coordinates"), xs, ys)
    if not xs:
        raise InvoerFout(path.name, "de gemeente heeft geen geometrie", veld="geometry")
    return (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)


def _fetch_all(client: HttpClient, base_url: str, collection: str, code: str,
               limit: int) -> list[dict]:
    query = urllib.parse.urlencode({"f": "json", "limit": limit, "crs": RD_CRS, "gemeentecode": code})
    url: str | None = f"{base_url}/collections/{collection}/items?{query}"
    features: list[dict] = []
    while url:
        antwoord = client.get(url, accept="application/geo+json, application/json")
        crs = antwoord.headers.get("content-crs", "")
        if crs and "28992" not in crs:
            raise InvoerFout(url, f"de server leverde coördinaten in {crs}, gevraagd was RD (28992)")
        try:
            doc = json.loads(antwoord.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InvoerFout(url, f"geen geldige JSON ({detail(exc)})") from exc
        page = features_of(doc, url)
        for i, feature in enumerate(page, start=1):
            other = feature["properties"].get("gemeentecode")
            if other is not None and other != code:
                raise InvoerFout(url, f"de server negeerde het filter gemeentecode={code} "
                                 f"(gebied hoort bij {other})", rij=i, veld="gemeentecode")
        features.extend(page)
        url = next_url(doc, url, base_url)
    return features


def _read(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvoerFout(path.name, f"geen geldige JSON ({detail(exc)})") from exc


def _coords(value, xs: list, ys: list) -> None:
    if isinstance(value, list) and len(value) >= 2 and all(isinstance(v, int | float) for v in value[:2]):
        xs.append(value[0])
        ys.append(value[1])
    elif isinstance(value, list):
        for item in value:
            _coords(item, xs, ys)
