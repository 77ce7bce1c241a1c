"""Load saved BAG OGC API pages (see loaders/bag_api.py) into the snapshot, offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pyarrow as pa

from geo.crs import sql_to_rd
from geo.sqlfiles import run_script
from loaders.bag_api_pages import STATE, features_of, parse_page, read_state, saved_pages
from loaders.bag_values import check_value
from loaders.engine_errors import detail
from loaders.errors import InvoerFout

SQL = Path(__file__).parent / "sql"
COLLECTIONS = ("verblijfsobject", "pand")
_BAG_ID = re.compile(r"^\d{16}$")

VBO_SCHEMA = pa.schema([
    ("identificatie", pa.string()), ("status", pa.string()),
    ("gebruiksdoelen", pa.list_(pa.string())), ("oppervlakte", pa.int32()),
    ("openbare_ruimte_naam", pa.string()), ("huisnummer", pa.int32()), ("huisletter", pa.string()),
    ("toevoeging", pa.string()), ("postcode", pa.string()), ("woonplaats_naam", pa.string()),
    ("hoofdadres_identificatie", pa.string()), ("bronhouder_identificatie", pa.string()),
    ("bouwjaar", pa.int32()), ("pand_refs", pa.list_(pa.string())), ("x", pa.float64()),
    ("y", pa.float64()),
])
PAND_SCHEMA = pa.schema([
    ("feature_id", pa.string()), ("identificatie", pa.string()), ("bouwjaar", pa.int32()),
    ("status", pa.string()), ("geojson", pa.string()),
])


def load(con, folder: Path) -> int:
    """Insert the saved pages into verblijfsobject and pand. Returns verblijfsobject rows."""
    folder = Path(folder)
    state = read_state(folder)
    if state is None:
        raise InvoerFout(str(folder / STATE), "ontbreekt: is dit een map van een BAG API-download?")
    for collection in COLLECTIONS:
        st = (state.get("collecties") or {}).get(collection) or {}
        if not st.get("klaar"):
            raise InvoerFout(str(folder / STATE), f"de download van {collection} is niet af; "
                             "start de download opnieuw om verder te gaan")
    bron_crs = _crs_code(state.get("crs"), folder)
    for collection, table, schema, rows_of in (
            ("verblijfsobject", "bag_api_vbo_ruw", VBO_SCHEMA, _vbo_rows),
            ("pand", "bag_api_pand_ruw", PAND_SCHEMA, _pand_rows)):
        exclude = "x, y" if "x" in schema.names else "geojson"
        con.register("bag_api_pagina", schema.empty_table())
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * EXCLUDE ({exclude}), "
                    "NULL::GEOMETRY AS geom FROM bag_api_pagina")
        con.unregister("bag_api_pagina")
        pages = saved_pages(folder, collection)
        expected = state["collecties"][collection]["paginas"]
        if len(pages) != expected or (pages and pages[-1].name != f"{collection}-{expected}.json"):
            raise InvoerFout(str(folder), f"er horen {expected} pagina's {collection} te zijn, "
                             f"gevonden {len(pages)}; download opnieuw")
        for page in pages:
            features = features_of(parse_page(page.read_bytes(), page.name), page.name)
            _stage(con, table, pa.Table.from_pylist(rows_of(features, page.name), schema=schema),
                   bron_crs, page.name)
    before = con.execute("SELECT count(*) FROM verblijfsobject").fetchone()[0]
    run_script(con, "bag_api", SQL, gemeente=state.get("gemeente"))
    return con.execute("SELECT count(*) FROM verblijfsobject").fetchone()[0] - before


def _crs_code(crs: str | None, folder: Path) -> str:
    if crs is None or "28992" in crs:
        return "EPSG:28992"
    if crs.endswith("CRS84") or "4326" in crs:
        return "EPSG:4326"  # x = lon, y = lat: sql_to_rd uses always_xy
    raise InvoerFout(str(folder / STATE), f"onbekend coördinatenstelsel {crs}", veld="crs")


def _stage(con, table: str, rows: pa.Table, bron_crs: str, page: str) -> None:
    if rows.num_rows == 0:
        return
    points = "x" in rows.column_names
    geom = "ST_Point(x, y)" if points else "ST_GeomFromGeoJSON(geojson)"
    if bron_crs != "EPSG:28992":
        geom = sql_to_rd(geom, f"'{bron_crs}'")
    exclude = "x, y" if points else "geojson"
    con.register("bag_api_pagina", rows)
    try:
        con.execute(f"INSERT INTO {table} SELECT * EXCLUDE ({exclude}), {geom} AS geom "
                    "FROM bag_api_pagina")
    except duckdb.Error as exc:
        raise InvoerFout(page, f"ongeldige geometrie ({detail(exc)})", veld="geometry") from exc
    finally:
        con.unregister("bag_api_pagina")


def _vbo_rows(features: list[dict], page: str) -> list[dict]:
    rows = []
    for i, feature in enumerate(features, start=1):
        p = feature["properties"]
        rows.append({
            "identificatie": _bag_id(p.get("identificatie"), page, i),
            "status": _text(p.get("status")),
            "gebruiksdoelen": _list(p.get("gebruiksdoel")),
            "oppervlakte": check_value("oppervlakte", _int(p.get("oppervlakte"), page, i,
                                                           "oppervlakte"), page, i),
            "openbare_ruimte_naam": _text(p.get("openbare_ruimte_naam")),
            "huisnummer": check_value("huisnummer", _int(p.get("huisnummer"), page, i, "huisnummer"),
                                      page, i),
            "huisletter": _text(p.get("huisletter")),
            "toevoeging": _text(p.get("toevoeging", p.get("huisnummertoevoeging"))),
            "postcode": _text(p.get("postcode")),
            "woonplaats_naam": _text(p.get("woonplaats_naam")),
            "hoofdadres_identificatie": _text(p.get("hoofdadres_identificatie",
                                                    p.get("nummeraanduiding_hoofdadres_identificatie"))),
            "bronhouder_identificatie": _code(p.get("bronhouder_identificatie")),
            "bouwjaar": _int(p.get("bouwjaar"), page, i, "bouwjaar"),
            "pand_refs": _pand_refs(p),
            **_point(feature, page, i),
        })
    return rows


def _pand_rows(features: list[dict], page: str) -> list[dict]:
    return [{
        "feature_id": _text(feature.get("id")),
        "identificatie": _bag_id(feature["properties"].get("identificatie"), page, i),
        "bouwjaar": _int(feature["properties"].get("bouwjaar"), page, i, "bouwjaar"),
        "status": _text(feature["properties"].get("status")),
        "geojson": _geometry(feature, page, i, ("Polygon", "MultiPolygon")),
    } for i, feature in enumerate(features, start=1)]


def _pand_refs(props: dict) -> list[str]:
    """Last path segments of the vbo's pand links (a 16-digit BAG id or a pand feature id)."""
    refs = props.get("pand.href", props.get("pand"))
    if refs is None:
        return []
    if not isinstance(refs, list):
        refs = [refs]
    hrefs = [r.get("href") if isinstance(r, dict) else r for r in refs]
    return [str(h).split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
            for h in hrefs if h]


def _point(feature: dict, page: str, rij: int) -> dict:
    geometry = feature.get("geometry")
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if (not isinstance(geometry, dict) or geometry.get("type") != "Point"
            or not isinstance(coords, list) or len(coords) < 2
            or not all(isinstance(c, int | float) for c in coords[:2])):
        found = geometry.get("type") if isinstance(geometry, dict) else "geen"
        raise InvoerFout(page, f"geometrie {found}, verwacht een Point met x en y", rij=rij,
                         veld="geometry")
    return {"x": float(coords[0]), "y": float(coords[1])}


def _bag_id(value, page: str, rij: int) -> str:
    text = str(value).strip() if value is not None else ""
    if text.isdigit() and len(text) < 16:
        text = text.zfill(16)
    if not _BAG_ID.match(text):
        raise InvoerFout(page, f"'{value}' is geen BAG-identificatie (16 cijfers)", rij=rij,
                         veld="identificatie")
    return text


def _geometry(feature: dict, page: str, rij: int, types: tuple[str, ...]) -> str:
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in types:
        found = geometry.get("type") if isinstance(geometry, dict) else "geen"
        raise InvoerFout(page, f"geometrie {found}, verwacht {' of '.join(types)}", rij=rij,
                         veld="geometry")
    return json.dumps(geometry)


def _int(value, page: str, rij: int, veld: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvoerFout(page, f"'{value}' is geen geheel getal", rij=rij, veld=veld) from None


def _text(value) -> str | None:
    return None if value is None else str(value)


def _code(value) -> str | None:
    return None if value in (None, "") else str(value).strip().zfill(4)


def _list(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [str(v).strip() for v in items if str(v).strip()]
