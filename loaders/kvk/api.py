"""KVK APIs (Zoeken v2, Basisprofiel, Vestigingsprofiel) with an on-disk cache.

KVK charges per profile, so every response is cached as received under
`cache_dir/<endpoint>/<key>.json` and a cached response is never fetched again (a "not found",
404 with fout code IPD5200, is cached too). `download` writes the Vestigingsprofielen as
`vestigingsprofiel_<n>.json` into a folder that `loaders.kvk.api_json.load` reads.

The API key (header `apikey`) comes from the caller or ZICHT_KVK_API_KEY. It never appears in
logs, exceptions, reprs or saved files: it is held in a wrapper that prints as ***, the HTTP client
redacts it, and it is only needed when something is not in the cache yet.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from loaders.bag.api_pages import write_atomic
from loaders.engine_errors import detail
from loaders.errors import InvoerFout
from loaders.http_client import HttpClient, HttpFout

API_KEY_ENV = "ZICHT_KVK_API_KEY"
BASE_URL = "https://api.kvk.nl/api"
TEST_BASE_URL = "https://api.kvk.nl/test/api"
NIET_GEVONDEN = "IPD5200"
MAX_PER_PAGINA = 100
MAX_RESULTATEN = 1000
MAX_RPS = 2.0
NIET_GEVONDEN_BESTAND = "niet-gevonden.txt"


class _Geheim:
    """A secret that prints as *** (repr, str, f-strings, tracebacks)."""

    __slots__ = ("_waarde",)

    def __init__(self, waarde: str):
        self._waarde = waarde

    def __repr__(self) -> str:
        return "***"

    __str__ = __repr__

    def onthul(self) -> str:
        return self._waarde


class KvkClient:
    """The KVK APIs behind a cache; `opgehaald` counts paid-for fetches, `uit_cache` cache hits."""

    def __init__(self, api_key: str | None = None, base_url: str = BASE_URL,
                 cache_dir: Path | None = None, max_rps: float = MAX_RPS, *, retries: int = 5,
                 backoff: float = 1.0, timeout: float = 60.0):
        key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        self._key = _Geheim(key.strip()) if key and key.strip() else None
        self.base_url = base_url.rstrip("/")
        if cache_dir is None:
            from geo.db import data_dir
            cache_dir = data_dir() / "kvk-api" / "cache"
        self.cache_dir = Path(cache_dir)
        headers = {"apikey": self._key.onthul()} if self._key else {}
        self._http = HttpClient(max_rps=max_rps, retries=retries, backoff=backoff, timeout=timeout,
                                headers=headers, secret_headers={"apikey"})
        self.opgehaald = 0
        self.uit_cache = 0

    def __repr__(self) -> str:
        return (f"KvkClient(base_url={self.base_url!r}, cache_dir={str(self.cache_dir)!r}, "
                f"api_key={'***' if self._key else None})")

    def vestigingsprofiel(self, vestigingsnummer: str | int) -> dict | None:
        """GET /v1/vestigingsprofielen/{n}?geoData=true; None when KVK does not know it."""
        n = _nummer(vestigingsnummer, 12, "vestigingsnummer")
        return self._get("vestigingsprofielen", n, f"/v1/vestigingsprofielen/{n}", {"geoData": "true"})

    def basisprofiel(self, kvk_nummer: str | int) -> dict | None:
        """GET /v1/basisprofielen/{kvkNummer}?geoData=true; None when KVK does not know it."""
        n = _nummer(kvk_nummer, 8, "kvkNummer")
        return self._get("basisprofielen", n, f"/v1/basisprofielen/{n}", {"geoData": "true"})

    def zoeken(self, *, resultaten_per_pagina: int = MAX_PER_PAGINA,
               max_resultaten: int = MAX_RESULTATEN, **criteria) -> list[dict]:
        """GET /v2/zoeken with the given criteria (API names: postcode, huisnummer, kvkNummer,
        vestigingsnummer, naam, straatnaam, plaats, huisletter, type, …), every page up to KVK's
        cap of 1000 results. Nothing found → []."""
        per_pagina = min(max(int(resultaten_per_pagina), 1), MAX_PER_PAGINA)
        cap = min(int(max_resultaten), MAX_RESULTATEN)
        criteria = {k: v for k, v in criteria.items() if v is not None}
        if not criteria:
            raise InvoerFout("zoeken", "geef minstens één zoekcriterium (bv. postcode en huisnummer)")
        resultaten: list[dict] = []
        pagina = 1
        while True:
            params = {**criteria, "pagina": pagina, "resultatenPerPagina": per_pagina}
            doc = self._get("zoeken", _zoek_sleutel(params), "/v2/zoeken", params)
            if doc is None:
                break
            page = doc.get("resultaten") or []
            if not isinstance(page, list):
                raise InvoerFout(self._cache_file("zoeken", _zoek_sleutel(params)).name,
                                 "'resultaten' is geen lijst", veld="resultaten")
            resultaten.extend(page)
            totaal = doc.get("totaal") or 0
            if not page or len(resultaten) >= min(totaal, cap) or pagina * per_pagina >= cap:
                break
            pagina += 1
        return resultaten[:cap]

    def cached_bytes(self, endpoint: str, key: str) -> bytes:
        """The cached response body of `endpoint`/`key` exactly as KVK sent it."""
        return self._cache_file(endpoint, key).read_bytes()

    # -- internals ------------------------------------------------------------------------------

    def _cache_file(self, endpoint: str, key: str) -> Path:
        return self.cache_dir / endpoint / f"{key}.json"

    def _get(self, endpoint: str, key: str, path: str, params: dict) -> dict | None:
        file = self._cache_file(endpoint, key)
        if file.exists():
            self.uit_cache += 1
            doc = _read_json(file.read_bytes(), str(file))
            return None if _niet_gevonden(doc) else doc
        if self._key is None:
            raise InvoerFout(API_KEY_ENV, "geen KVK API-sleutel: zet de omgevingsvariabele "
                             f"{API_KEY_ENV} (of de Streamlit-secret) en probeer opnieuw")
        antwoord = self._http.get(self.base_url + path, params, allow=(200, 404))
        self.opgehaald += 1
        doc = _read_json(antwoord.body, antwoord.url, missing_ok=antwoord.status == 404)
        if antwoord.status == 404 and not _niet_gevonden(doc):
            raise HttpFout(self._http.redact(antwoord.url), "niet gevonden (HTTP 404) zonder KVK-foutcode "
                           f"{NIET_GEVONDEN}: klopt het basisadres van de API?", 404)
        if not isinstance(doc, dict):
            raise InvoerFout(antwoord.url, "verwacht een JSON-object van de KVK API")
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, antwoord.body)
        return None if _niet_gevonden(doc) else doc


def download(client: KvkClient, vestigingsnummers: Iterable[str | int], out_dir: Path,
             report: Callable[[str], None] | None = None) -> int:
    """Save the Vestigingsprofiel of each number as `vestigingsprofiel_<n>.json` in `out_dir`.

    Numbers KVK does not know are listed in `niet-gevonden.txt`. Returns the profiles in the folder.
    """
    out_dir = Path(out_dir)
    if out_dir.resolve() in (client.cache_dir.resolve(), *client.cache_dir.resolve().parents):
        raise InvoerFout(str(out_dir), "de cachemap mag niet in de uitvoermap liggen "
                         "(de bouw leest elk .json-bestand in de uitvoermap)")
    out_dir.mkdir(parents=True, exist_ok=True)
    say = report or (lambda _msg: None)
    nummers = list(dict.fromkeys(_nummer(n, 12, "vestigingsnummer") for n in vestigingsnummers))
    saved, missing = 0, []
    for i, n in enumerate(nummers, start=1):
        target = out_dir / f"vestigingsprofiel_{n}.json"
        if not target.exists():
            if client.vestigingsprofiel(n) is None:
                missing.append(n)
                continue
            write_atomic(target, client.cached_bytes("vestigingsprofielen", n))
        saved += 1
        if i % 100 == 0:
            say(f"KVK: {i} van {len(nummers)} vestigingen")
    lijst = out_dir / NIET_GEVONDEN_BESTAND
    if missing:
        write_atomic(lijst, ("\n".join(missing) + "\n").encode("utf-8"))
    else:
        lijst.unlink(missing_ok=True)
    say(f"KVK: {saved} vestigingsprofielen, {len(missing)} niet gevonden, "
        f"{client.opgehaald} opgehaald, {client.uit_cache} uit de cache")
    return saved


def _nummer(value: str | int, lengte: int, veld: str) -> str:
    text = str(value).strip()
    if not (text.isdigit() and len(text) <= lengte):
        raise InvoerFout(veld, f"'{value}' is geen {veld} (tot {lengte} cijfers)", veld=veld)
    return text.zfill(lengte)


def _zoek_sleutel(params: dict) -> str:
    """A file-name-safe, collision-free key for one Zoeken request."""
    exact = "&".join(f"{k}={params[k]}" for k in sorted(params))
    leesbaar = re.sub(r"[^A-Za-z0-9=.-]+", "_", exact)[:120]
    return f"{leesbaar}-{hashlib.sha256(exact.encode('utf-8')).hexdigest()[:10]}"


def _read_json(body: bytes, bron: str, missing_ok: bool = False):
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        if missing_ok:
            return None
        raise InvoerFout(bron, f"geen geldige JSON ({detail(exc)})") from exc


def _niet_gevonden(doc) -> bool:
    fouten = doc.get("fout") if isinstance(doc, dict) else None
    return isinstance(fouten, list) and any(
        isinstance(f, dict) and f.get("code") == NIET_GEVONDEN for f in fouten)
