"""Load saved BAG OGC API pages (see loaders/bag/api.py) into the snapshot, offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pyarrow as pa

from geo.crs import sql_to_rd
from geo.sqlfiles import run_script
from loaders.bag import TABELLEN, values
from loaders.bag.api_pages import STATE, features_of, parse_page, read_state, saved_pages
from loaders.bag.objecten import bag_objecten
from loaders.bag.values import check_value
from loaders.base import SourceKind
from loaders.engine_errors import detail
from loaders.errors import InvoerFout
from loaders.gemeente import bronhouder_code

SQL = Path(__file__).parents[1] / "sql"
COLLECTIONS = ("verblijfsobject", "pand", "ligplaats", "standplaats", "adres")
# Collections a download made before Zicht asked for them lacks: loaded as empty.
LATER_TOEGEVOEGD = ("ligplaats", "standplaats", "adres")
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
_ADRES_VELDEN = [("openbare_ruimte_naam", pa.string()), ("huisnummer", pa.int32()),
                 ("huisletter", pa.string()), ("toevoeging", pa.string()),
                 ("postcode", pa.string()), ("woonplaats_naam", pa.string())]
PLAATS_SCHEMA = pa.schema([
    ("identificatie", pa.string()), ("status", pa.string()), *_ADRES_VELDEN,
    ("hoofdadres_identificatie", pa.string()), ("bronhouder_identificatie", pa.string()),
    ("geojson", pa.string()),
])
ADRES_SCHEMA = pa.schema([
    ("identificatie", pa.string()), ("adresseerbaar_object_identificatie", pa.string()),
    ("adresseerbaar_object_type", pa.string()), *_ADRES_VELDEN,
])


def load(con, folder: Path) -> int:
    """Insert the saved pages into verblijfsobject, pand, ligplaats, standplaats and nevenadres.
    Returns the number of BAG objects loaded (bag_objecten)."""
    folder = Path(folder)
    state = read_state(folder)
    if state is None:
        raise InvoerFout(str(folder / STATE), "ontbreekt: is dit een map van een BAG API-download?")
    collecties = state.get("collecties") or {}
    for collection in COLLECTIONS:
        st = collecties.get(collection)
        if st is None and collection in LATER_TOEGEVOEGD:
            continue
        if not (st or {}).get("klaar"):
            raise InvoerFout(str(folder / STATE), f"de download van {collection} is niet af; "
                             "start de download opnieuw om verder te gaan")
    bron_crs = _crs_code(state.get("crs"), folder)
    for collection, table, schema, rows_of in (
            ("verblijfsobject", "bag_api_vbo_ruw", VBO_SCHEMA, _vbo_rows),
            ("pand", "bag_api_pand_ruw", PAND_SCHEMA, _pand_rows),
            ("ligplaats", "bag_api_lig_ruw", PLAATS_SCHEMA, _plaats_rows),
            ("standplaats", "bag_api_sta_ruw", PLAATS_SCHEMA, _plaats_rows),
            ("adres", "bag_api_adres_ruw", ADRES_SCHEMA, _adres_rows)):
        _create_staging(con, table, schema)
        st = collecties.get(collection)
        if st is None:
            continue
        pages = saved_pages(folder, collection)
        expected = st["paginas"]
        if len(pages) != expected or (pages and pages[-1].name != f"{collection}-{expected}.json"):
            raise InvoerFout(str(folder), f"er horen {expected} pagina's {collection} te zijn, "
                             f"gevonden {len(pages)}; download opnieuw")
        for page in pages:
            features = features_of(parse_page(page.read_bytes(), page.name), page.name)
            _stage(con, table, pa.Table.from_pylist(rows_of(features, page.name), schema=schema),
                   bron_crs, page.name)
    before = bag_objecten(con)
    run_script(con, "bag_api", SQL, gemeente=state.get("gemeente"))
    return bag_objecten(con) - before


def _create_staging(con, table: str, schema: pa.Schema) -> None:
    geometrie = [n for n in ("x", "y", "geojson") if n in schema.names]
    uit = f"EXCLUDE ({', '.join(geometrie)})" if geometrie else ""
    con.register("bag_api_pagina", schema.empty_table())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * {uit}, "
                "NULL::GEOMETRY AS geom FROM bag_api_pagina")
    con.unregister("bag_api_pagina")


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
    if points or "geojson" in rows.column_names:
        geom = "ST_Point(x, y)" if points else "ST_GeomFromGeoJSON(geojson)"
        if bron_crs != "EPSG:28992":
            geom = sql_to_rd(geom, f"'{bron_crs}'")
        select = f"* EXCLUDE ({'x, y' if points else 'geojson'}), {geom} AS geom"
    else:  # adressen: their point is their object's
        select = "*, NULL::GEOMETRY AS geom"
    con.register("bag_api_pagina", rows)
    try:
        con.execute(f"INSERT INTO {table} SELECT {select} FROM bag_api_pagina")
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
            **_adres_velden(p, page, i),
            "hoofdadres_identificatie": _text(p.get("hoofdadres_identificatie",
                                                    p.get("nummeraanduiding_hoofdadres_identificatie"))),
            "bronhouder_identificatie": bronhouder_code(p.get("bronhouder_identificatie")),
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


def _adres_velden(p: dict, page: str, rij: int) -> dict:
    return {
        "openbare_ruimte_naam": _text(p.get("openbare_ruimte_naam")),
        "huisnummer": check_value("huisnummer", _int(p.get("huisnummer"), page, rij, "huisnummer"),
                                  page, rij),
        "huisletter": _text(p.get("huisletter")),
        "toevoeging": _text(p.get("toevoeging", p.get("huisnummertoevoeging"))),
        "postcode": _text(p.get("postcode")),
        "woonplaats_naam": _text(p.get("woonplaats_naam")),
    }


def _plaats_rows(features: list[dict], page: str) -> list[dict]:
    """Ligplaatsen or standplaatsen: a plot (polygon) with its hoofdadres."""
    return [{
        "identificatie": _bag_id(f["properties"].get("identificatie"), page, i),
        "status": _text(f["properties"].get("status")),
        **_adres_velden(f["properties"], page, i),
        "hoofdadres_identificatie": _text(f["properties"].get(
            "hoofdadres_identificatie",
            f["properties"].get("nummeraanduiding_hoofdadres_identificatie"))),
        "bronhouder_identificatie": bronhouder_code(f["properties"].get("bronhouder_identificatie")),
        "geojson": _geometry(f, page, i, ("Polygon", "MultiPolygon")),
    } for i, f in enumerate(features, start=1)]


def _adres_rows(features: list[dict], page: str) -> list[dict]:
    """Every address (nummeraanduiding) with the object it belongs to."""
    rows = []
    for i, feature in enumerate(features, start=1):
        p = feature["properties"]
        rows.append({
            "identificatie": _bag_id(p.get("identificatie", p.get("nummeraanduiding_identificatie")),
                                     page, i),
            "adresseerbaar_object_identificatie": _bag_id(
                p.get("adresseerbaar_object_identificatie"), page, i,
                veld="adresseerbaar_object_identificatie"),
            "adresseerbaar_object_type": _text(p.get("adresseerbaar_object_type")),
            **_adres_velden(p, page, i),
        })
    return rows


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


def _bag_id(value, page: str, rij: int, veld: str = "identificatie") -> str:
    text = str(value).strip() if value is not None else ""
    if text.isdigit() and len(text) < 16:
        text = text.zfill(16)
    if not _BAG_ID.match(text):
        raise InvoerFout(page, f"'{value}' is geen BAG-identificatie (16 cijfers)", rij=rij,
                         veld=veld)
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




def _list(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [str(v).strip() for v in items if str(v).strip()]


def _load(con, bron) -> int:
    rijen = load(con, bron.path)
    values.check(con, bron.path.name)
    return rijen


# Registered by `zicht load bag-api` (loaders.registration_net), which downloads first.
SOORT = SourceKind(naam="bag-api", omschrijving="BAG (PDOK OGC API)", rol="bag", load=_load,
                   tabellen=TABELLEN)
