"""Saved BAG OGC API pages: reading, paging links and the download state file.

Shared by the download (loaders/bag/api.py) and the offline load (loaders/bag/api_load.py).
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from pathlib import Path

from loaders.engine_errors import detail
from loaders.errors import InvoerFout

STATE = "state.json"
PAGE_NAME = re.compile(r"^(verblijfsobject|pand|ligplaats|standplaats|adres)-(\d+)\.json$")


def parse_page(body: bytes, bron: str):
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvoerFout(bron, f"geen geldige JSON ({detail(exc)})") from exc


def features_of(doc, bron: str) -> list[dict]:
    """The features of a FeatureCollection page; InvoerFout naming `bron` when it is not one."""
    if not isinstance(doc, dict):
        raise InvoerFout(bron, "verwacht een GeoJSON FeatureCollection (een JSON-object)")
    if doc.get("type") not in (None, "FeatureCollection"):
        raise InvoerFout(bron, f"verwacht een FeatureCollection, kreeg type '{doc.get('type')}'",
                         veld="type")
    features = doc.get("features")
    if not isinstance(features, list):
        raise InvoerFout(bron, "geen FeatureCollection: de lijst 'features' ontbreekt", veld="features")
    for i, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            raise InvoerFout(bron, "object zonder 'properties'", rij=i, veld="properties")
    return features


def saved_pages(folder: Path, collection: str) -> list[Path]:
    found = [(int(m.group(2)), p) for p in folder.iterdir()
             if (m := PAGE_NAME.match(p.name)) and m.group(1) == collection]
    return [p for _, p in sorted(found)]


def read_state(folder: Path) -> dict | None:
    path = folder / STATE
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvoerFout(str(path), f"geen geldige JSON ({detail(exc)})") from exc


def write_state(folder: Path, state: dict) -> None:
    write_atomic(folder / STATE, json.dumps(state, indent=2, ensure_ascii=False).encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def next_url(doc: dict, current: str, base_url: str) -> str | None:
    """The href of the links[] entry with rel 'next', or None on the last page."""
    links = doc.get("links") or []
    if not isinstance(links, list):
        raise InvoerFout(current, "'links' is geen lijst", veld="links")
    href = next((link.get("href") for link in links
                 if isinstance(link, dict) and link.get("rel") == "next" and link.get("href")), None)
    if href is None:
        return None
    href = urllib.parse.urljoin(current, href)
    if urllib.parse.urlsplit(href).netloc != urllib.parse.urlsplit(base_url).netloc:
        raise InvoerFout(current, f"de volgende pagina staat op een andere server ({href})",
                         veld="links")
    if href == current:
        raise InvoerFout(current, "de volgende pagina verwijst naar zichzelf", veld="links")
    return href
