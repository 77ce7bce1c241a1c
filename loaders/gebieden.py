"""Areas: CBS gemeente/wijken/buurten and bedrijventerreinen or own areas from GeoJSON/GPKG/SHP.

Any CRS is accepted and reprojected to RD New. Several sources of bedrijventerreinen are kept side
by side (each row carries its bron), because no single definition exists.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow as pa
import pyogrio

from geo.crs import sql_to_rd
from geo.sqlfiles import set_variables
from loaders import gebied_guard
from loaders.base import SourceKind, Upload
from loaders.engine_errors import detail
from loaders.errors import InvoerFout
from loaders.gebieden_crs import check_coordinates

SOORTEN = ("gemeente", "wijk", "buurt", "postcode", "bedrijventerrein", "eigen")
EXTENSIONS = (".geojson", ".json", ".gpkg", ".shp")
CODE_FIELDS = ("buurtcode", "wijkcode", "gemeentecode", "statcode", "RIN_NUMMER", "code", "CODE",
               "postcode", "id", "ID")
NAME_FIELDS = ("buurtnaam", "wijknaam", "gemeentenaam", "statnaam", "PLAN_NAAM", "naam", "NAAM",
               "name")
CBS_FIELDS = {"buurtcode", "wijkcode", "gemeentecode", "statcode"}
# statcode prefix (CBS wijk- en buurtkaart before 2016: statcode/statnaam) -> soort
STAT_SOORT = {"BU": "buurt", "WK": "wijk", "GM": "gemeente"}
INWONERS_FIELDS = ("aantal_inwoners", "inwoners")
_JAAR = re.compile(r"(?<![0-9A-Za-z])(19[89]\d|20[0-4]\d)(?![0-9A-Za-z])")


def load(con, path: Path, bron: str, soort: str | None = None) -> int:
    """Load one area file, or the CBS files (gemeente, wijken, buurten) in a folder; the soort of
    a CBS file follows from its fields. Other area files are registered one by one (--soort)."""
    if not path.is_dir():
        return _load_file(con, path, bron, soort)
    files = [p for p in sorted(path.iterdir())
             if p.suffix.lower() in EXTENSIONS and is_cbs_bestand(p)]
    if not files:
        raise InvoerFout(path.name, "geen CBS-gebiedenbestanden (met buurtcode, wijkcode, "
                                    "gemeentecode, statcode of postcode) in deze map")
    return sum(_load_file(con, file, bron, soort) for file in files)


def is_cbs_bestand(path: Path) -> bool:
    """Whether an area file has the fields of a CBS file (codes, or PC4 postcodes)."""
    try:
        fields = set(pyogrio.read_info(path)["fields"])
    except Exception:
        return False
    return bool(fields & (CBS_FIELDS | {"postcode"}))


def _load_file(con, path: Path, bron: str, soort: str | None) -> int:
    try:
        meta, table = gebied_guard.read(path)
    except Exception as exc:
        raise InvoerFout(path.name, f"niet te lezen als gebiedenbestand ({detail(exc)})") from exc
    if table.num_rows == 0:
        raise InvoerFout(path.name, "het bestand bevat geen gebieden")
    if not meta.get("crs"):
        raise InvoerFout(path.name, "het coördinatenstelsel (CRS) ontbreekt in het bestand")
    check_coordinates(path, meta["crs"])
    soort = soort or _cbs_soort(table, path)
    if soort not in SOORTEN:
        raise InvoerFout(path.name, f"onbekende soort '{soort}' (kies uit {', '.join(SOORTEN)})")
    rows = _standard_columns(table, meta, soort, path)
    repaired = gebied_guard.check(rows["wkb"], meta["crs"], path.name)
    set_variables(con, bron=bron, soort=soort, bron_crs=meta["crs"])
    _insert(con, rows, path)
    if repaired:
        con.executemany(
            "INSERT INTO waarschuwing VALUES (?, 'geometrie_hersteld', ?, ?, 'geometry', NULL, ?)",
            [[bron, f"{path.name}#{rij}", rij, f"{reden}; hersteld (oppervlakte gelijk gebleven)"]
             for rij, reden in repaired])
    return rows.num_rows


def _cbs_soort(table: pa.Table, path: Path) -> str:
    fields = set(table.column_names)
    for field, soort in (("buurtcode", "buurt"), ("wijkcode", "wijk"), ("gemeentecode", "gemeente")):
        if field in fields:
            return soort
    if "statcode" in fields:
        prefixes = {str(c)[:2] for c in table["statcode"].to_pylist() if c}
        if len(prefixes) == 1 and (soort := STAT_SOORT.get(prefixes.pop())):
            return soort
        raise InvoerFout(path.name, "statcode hoort niet bij één soort (BU…, WK… of GM…): geef "
                                    "--soort mee", veld="statcode")
    if "postcode" in fields:
        return "postcode"
    raise InvoerFout(path.name, "soort gebied onbekend: geef --soort mee", veld="buurtcode")


def _standard_columns(table: pa.Table, meta: dict, soort: str, path: Path) -> pa.Table:
    fields = table.column_names
    code = _pick(fields, CODE_FIELDS if soort != "wijk" else ("wijkcode",) + CODE_FIELDS)
    naam = _pick(fields, NAME_FIELDS if soort != "wijk" else ("wijknaam",) + NAME_FIELDS)
    if soort == "postcode":
        code, naam = _pick(fields, ("postcode",) + CODE_FIELDS), None  # named 'Postcode 2711' below
    ouder = {"buurt": "wijkcode", "wijk": "gemeentecode"}.get(soort)
    inwoners = _pick(fields, INWONERS_FIELDS)
    n = table.num_rows
    geom = meta.get("geometry_name") or "wkb_geometry"
    return pa.table({
        "rij": pa.array(range(1, n + 1)),
        "code": _text(table, code, n),
        "naam": _text(table, naam, n),
        "ouder_code": _text(table, ouder if ouder in fields else None, n),
        "inwoners": table[inwoners] if inwoners else pa.nulls(n),
        "wkb": table[geom],
    })


def _pick(fields: list[str], candidates: tuple[str, ...]) -> str | None:
    return next((c for c in candidates if c in fields), None)


def _text(table: pa.Table, column: str | None, n: int) -> pa.Array:
    if column is None:
        return pa.nulls(n, pa.string())
    return table[column].cast(pa.string())


def _insert(con, rows: pa.Table, path: Path) -> None:
    empty = con.execute("SELECT min(rij) FROM rows WHERE wkb IS NULL").fetchone()[0]
    if empty is not None:
        raise InvoerFout(path.name, "gebied zonder geometrie", rij=empty, veld="geometry")
    geom = sql_to_rd("ST_MakeValid(ST_GeomFromWKB(wkb))", "getvariable('bron_crs')")
    con.execute(f"""
        INSERT INTO gebied BY NAME
        SELECT getvariable('soort') || ':' || getvariable('bron') || ':'
                   || coalesce(code, rij::VARCHAR) AS gebied_id,
               getvariable('soort') AS soort, coalesce(code, rij::VARCHAR) AS code,
               coalesce(naam, CASE WHEN getvariable('soort') = 'postcode' THEN 'Postcode ' || code END,
                        code, 'gebied ' || rij) AS naam, getvariable('bron') AS bron,
               ouder_code, CASE WHEN inwoners >= 0 THEN inwoners::INTEGER END AS inwoners,
               ST_Area(g) / 10000 AS oppervlakte_ha, g AS geom
        FROM (SELECT *, {geom} AS g FROM rows)
    """)


def cbs_jaar(path: Path) -> tuple[str, str] | None:
    """A CBS file's year: metadata.year (CBS/PDOK exports), else a year in the name of the layer
    or of a file with CBS fields (wijkenbuurten_2024.gpkg); CBS describes 1 January."""
    if not (path.is_file() and is_cbs_bestand(path)):
        return None
    if path.suffix.lower() in (".geojson", ".json"):
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
        jaar = (doc.get("metadata") or {}).get("year") if isinstance(doc, dict) else None
        if isinstance(jaar, int) or (isinstance(jaar, str) and jaar.isdigit()):
            return f"{int(jaar)}-01-01", f"CBS-jaar {jaar} in de metadata"
        naam = doc.get("name") if isinstance(doc, dict) else None
        if isinstance(naam, str) and (m := _JAAR.search(naam)):
            return f"{m.group(1)}-01-01", f"CBS-jaar {m.group(1)} in de naam van de laag"
    if m := _JAAR.search(path.stem):
        return f"{m.group(1)}-01-01", f"CBS-jaar {m.group(1)} in de bestandsnaam"
    return None


def _argumenten(p) -> None:
    p.add_argument("--soort", dest="gebied_soort",
                   choices=["gemeente", "wijk", "buurt", "bedrijventerrein", "eigen"])


SOORT = SourceKind(
    naam="gebieden", omschrijving="Gebieden", rol="gebied",
    load=lambda con, bron: load(con, bron.path, bron.bron, bron.opties.get("soort")),
    hulp="gebieden: CBS wijken/buurten, bedrijventerreinen of eigen (GeoJSON/GPKG/SHP)",
    argumenten=_argumenten, opties=lambda args: {"soort": args.gebied_soort}, peildatum=cbs_jaar,
    tabellen={"gebied": "Gebieden"},
    upload=Upload(
        label="Gebieden (GeoJSON, GeoPackage of gezipte Shapefile)",
        uitleg="Vlakken met een naam en bij voorkeur een code, in elk coördinatenstelsel (RD, WGS84, "
               "…). Een Shapefile uploadt u als één zip met daarin .shp, .shx, .dbf en .prj.",
        extensies=(".geojson", ".json", ".gpkg", ".zip"), controle="gebied", naam_prefix="gebieden"))
