"""BAG from PDOK's OGC API Features v2 (collections verblijfsobject, pand, ligplaats,
standplaats and adres), in RD New.

`download` runs at `zicht load` time and saves every page as it arrives (`<collection>-<n>.json`,
the response exactly as received) plus `state.json` holding the next page's URL, so an
interrupted download resumes where it stopped and nothing is fetched twice. `load` reads those
saved pages offline at build time.

Paging follows the `links[]` entry with rel "next" (PDOK's cursors); page URLs are never built here.
The verblijfsobjecten are asked by gemeente (`bronhouder_identificatie=<code>`) or, when given, by
an RD bounding box; the other collections (panden carry no gemeente; for ligplaatsen, standplaatsen
and adressen the filter is not documented) are asked by the bounding box of the gemeente's
verblijfsobjecten (plus a margin) and filtered at load time. The adres collection brings the
nevenadressen: every address of an object other than its hoofdadres.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from loaders.bag.api_load import load  # noqa: F401  (the pipeline calls bag_api.load)
from loaders.bag.api_pages import (
    PAGE_NAME,
    STATE,
    features_of,
    next_url,
    parse_page,
    read_state,
    saved_pages,
    write_atomic,
    write_state,
)
from loaders.errors import InvoerFout
from loaders.gemeente import gemeentecode
from loaders.http_client import HttpClient, HttpFout

BASE_URL = "https://api.pdok.nl/kadaster/bag/ogc/v2"
RD_CRS = "http://www.opengis.net/def/crs/EPSG/0/28992"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
COLLECTIONS = ("verblijfsobject", "pand", "ligplaats", "standplaats", "adres")
GEMEENTE_FILTER = "bronhouder_identificatie"
PAND_MARGIN_M = 100.0
MAX_RPS = 4.0

# -- download -------------------------------------------------------------------------------------

def download(base_url: str, gemeente: str | None, out_dir: Path, limit: int = 1000,
             max_rps: float = MAX_RPS, *, bbox: tuple[float, float, float, float] | None = None,
             opnieuw: bool = False, client: HttpClient | None = None,
             report: Callable[[str], None] | None = None) -> int:
    """Save the verblijfsobject and pand pages of one gemeente under `out_dir`; resumes.

    `gemeente` is a gemeentecode ("0637" or "GM0637"); `bbox` (RD: xmin, ymin, xmax, ymax) asks
    both collections by area instead (the gemeente, when given, is then applied at load time).
    `opnieuw` discards what an earlier download in `out_dir` saved. Returns the number of
    objects saved in total (every collection).
    """
    if gemeente is None and bbox is None:
        raise InvoerFout("--gemeente", "geef een gemeentecode of een bbox op")
    code = gemeentecode(gemeente) if gemeente is not None else None
    base_url = base_url.rstrip("/")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    client = client or HttpClient(max_rps=max_rps)
    say = report or (lambda _msg: None)
    state = _start_state(out_dir, base_url, code, bbox, limit, opnieuw)
    for collection in COLLECTIONS:  # a download begun before a collection existed here resumes
        state["collecties"].setdefault(collection, _fresh())
        _download_collection(client, state, collection, out_dir, say)
    state["klaar_op"] = _now()
    write_state(out_dir, state)
    return sum(c["objecten"] for c in state["collecties"].values())



def _start_state(out_dir: Path, base_url: str, code: str | None, bbox, limit: int,
                 opnieuw: bool) -> dict:
    wanted = {"base_url": base_url, "gemeente": code,
              "bbox": list(bbox) if bbox is not None else None, "crs": RD_CRS}
    state = read_state(out_dir)
    if state is not None and not opnieuw:
        differs = [k for k, v in wanted.items() if state.get(k) != v]
        if differs:
            raise InvoerFout(str(out_dir / STATE),
                             f"deze map hoort bij een andere BAG-download ({', '.join(differs)} "
                             "verschilt); kies een lege map of begin opnieuw")
        return state
    for page in out_dir.iterdir():
        if PAGE_NAME.match(page.name):
            page.unlink()
    state = {**wanted, "limit": limit, "gestart_op": _now(), "klaar_op": None,
             "collecties": {c: _fresh() for c in COLLECTIONS}}
    write_state(out_dir, state)
    return state


def _fresh() -> dict:
    return {"paginas": 0, "volgende": None, "objecten": 0, "klaar": False}


def _download_collection(client: HttpClient, state: dict, collection: str, out_dir: Path,
                         say: Callable[[str], None]) -> None:
    st = state["collecties"][collection]
    if st["klaar"]:
        return
    url = st["volgende"] or _first_url(state, collection, out_dir)
    while url:
        n = st["paginas"] + 1
        try:
            antwoord = client.get(url, accept="application/geo+json, application/json")
        except HttpFout as exc:
            raise _explain(exc, state, collection, n) from exc
        doc = parse_page(antwoord.body, url)
        features = features_of(doc, url)
        if collection == "verblijfsobject" and state["bbox"] is None:
            _check_filter_respected(features, state["gemeente"], url)
        crs = antwoord.headers.get("content-crs", "")
        if crs and "28992" not in crs:
            raise InvoerFout(url, f"de server leverde coördinaten in {crs}, gevraagd was RD (28992)")
        volgende = next_url(doc, url, state["base_url"])
        write_atomic(out_dir / f"{collection}-{n}.json", antwoord.body)
        st.update(paginas=n, volgende=volgende, objecten=st["objecten"] + len(features))
        write_state(out_dir, state)
        say(f"BAG {collection}: pagina {n}, {st['objecten']:,} objecten".replace(",", "."))
        url = volgende
    if collection == "verblijfsobject" and st["objecten"] == 0:
        raise InvoerFout(state["base_url"], "geen verblijfsobjecten gevonden voor "
                         + (f"gemeente {state['gemeente']}" if state["bbox"] is None else "de bbox"))
    st["klaar"] = True
    write_state(out_dir, state)


def _first_url(state: dict, collection: str, out_dir: Path) -> str:
    params = {"f": "json", "limit": state["limit"], "crs": RD_CRS}
    bbox = state["bbox"]
    if collection != "verblijfsobject" and bbox is None:
        st = state["collecties"][collection]
        st["bbox"] = st.get("bbox") or _points_bbox(out_dir, PAND_MARGIN_M)
        bbox = st["bbox"]
    if bbox is None:
        params[GEMEENTE_FILTER] = state["gemeente"]
    else:
        params["bbox"] = ",".join(_num(v) for v in bbox)
        params["bbox-crs"] = RD_CRS
    query = urllib.parse.urlencode(params)
    return f"{state['base_url']}/collections/{collection}/items?{query}"


def _points_bbox(out_dir: Path, margin: float) -> list[float]:
    """Bounding box (RD) of the saved verblijfsobject points, widened by `margin` metres."""
    xs, ys = [], []
    for page in saved_pages(out_dir, "verblijfsobject"):
        for feature in features_of(parse_page(page.read_bytes(), page.name), page.name):
            coords = (feature.get("geometry") or {}).get("coordinates")
            if isinstance(coords, list) and len(coords) >= 2 and all(
                    isinstance(c, int | float) for c in coords[:2]):
                xs.append(coords[0])
                ys.append(coords[1])
    if not xs:
        raise InvoerFout(str(out_dir), "geen verblijfsobjecten met een punt om panden bij te zoeken")
    return [min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin]


def _check_filter_respected(features: list[dict], code: str, url: str) -> None:
    for feature in features:
        props = feature.get("properties") or {}
        other = props.get(GEMEENTE_FILTER)
        if other is not None and str(other).zfill(4) != code:
            raise InvoerFout(url, f"de server negeerde het filter {GEMEENTE_FILTER}={code} "
                             f"(object {props.get('identificatie')} hoort bij {other}); "
                             "download met een bbox van de gemeente")


def _explain(exc: HttpFout, state: dict, collection: str, n: int) -> HttpFout:
    if exc.status == 400 and n == 1 and state["bbox"] is None and collection == "verblijfsobject":
        return HttpFout(exc.url, f"de BAG-API accepteert het filter {GEMEENTE_FILTER} niet "
                        f"({exc.melding}); download met een bbox van de gemeente", exc.status)
    return HttpFout(exc.url, f"{exc.melding}; wat al binnen is blijft bewaard, "
                    "start opnieuw om verder te gaan", exc.status)


# -- reading pages (download and load) ------------------------------------------------------------


# -- load -----------------------------------------------------------------------------------------


# -- files ----------------------------------------------------------------------------------------


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
