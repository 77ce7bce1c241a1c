"""BAG from PDOK's bag-light GeoPackage (layers verblijfsobject, pand, and when present
ligplaats and standplaats).

bag-light carries only hoofdadressen. A GeoPackage that adds a non-spatial table `nevenadres`
with the columns of PDOK's OGC API adres collection (nummeraanduiding_identificatie,
adresseerbaar_object_identificatie, openbare_ruimte_naam, huisnummer, huisletter, toevoeging,
postcode, woonplaats_naam) has its nevenadressen read too; the demo writes one.

The national file is 7.5 GB: only the requested municipality is read, with GDAL filtering on
bronhouder_identificatie and the GeoPackage's R-tree (bbox), streamed in Arrow batches so memory
stays bounded. Withdrawn and demolished objects are dropped; others keep their status.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyogrio

from geo.sqlfiles import run_script
from loaders.bag import TABELLEN, gemeente_argument, values
from loaders.bag.objecten import bag_objecten
from loaders.base import SourceKind
from loaders.engine_errors import detail
from loaders.errors import InvoerFout
from loaders.file_guard import check_path
from loaders.gemeente import gemeentecode

if TYPE_CHECKING:
    from loaders.sources import Bron

SQL = Path(__file__).parents[1] / "sql"
VBO_COLUMNS = [
    "identificatie", "oppervlakte", "status", "gebruiksdoel", "openbare_ruimte_naam",
    "huisnummer", "huisletter", "toevoeging", "postcode", "woonplaats_naam", "bouwjaar",
    "pand_identificatie", "nummeraanduiding_hoofdadres_identificatie", "bronhouder_identificatie",
]
PAND_COLUMNS = ["identificatie", "bouwjaar", "status"]
# Ligplaats and standplaats layers (FORMATS.md: columns unverified): identificatie is required;
# an address column the file lacks stays empty, and without bronhouder_identificatie the
# gemeente's bounding box decides.
PLAATS_LAGEN = ("ligplaats", "standplaats")
NEVEN_COLUMNS = [
    "nummeraanduiding_identificatie", "adresseerbaar_object_identificatie",
    "openbare_ruimte_naam", "huisnummer", "huisletter", "toevoeging", "postcode",
    "woonplaats_naam",
]
PLAATS_COLUMNS = [
    "identificatie", "status", "openbare_ruimte_naam", "huisnummer", "huisletter", "toevoeging",
    "postcode", "woonplaats_naam", "nummeraanduiding_hoofdadres_identificatie",
    "bronhouder_identificatie",
]


def load(con, path: Path, gemeente: str | None = None, progress=None) -> int:
    """Load pand, verblijfsobject, ligplaats and standplaats of one gemeente (or all when None).
    Returns the number of BAG objects loaded (bag_objecten)."""
    check_layers(path)
    voor = bag_objecten(con)
    where = None if gemeente is None else f"bronhouder_identificatie = '{gemeentecode(gemeente)}'"
    _stream(con, path, "verblijfsobject", VBO_COLUMNS, "bag_vbo_ruw", where=where)
    bbox = _territory_bbox(con, path, where)
    _stream(con, path, "pand", PAND_COLUMNS, "bag_pand_ruw", bbox=bbox)
    lagen = {name for name, _ in pyogrio.list_layers(path)}
    for laag in PLAATS_LAGEN:
        _stream_plaatsen(con, path, laag, lagen, where, bbox)
    _stream_nevenadressen(con, path, lagen)
    run_script(con, "bag_gpkg", SQL, heel_bestand=gemeente is None)
    return bag_objecten(con) - voor


def _stream_plaatsen(con, path, laag, lagen, where, bbox) -> None:
    """Stage one ligplaats/standplaats layer as bag_<laag>_ruw with every PLAATS_COLUMNS column
    (empty when the layer or a column is absent)."""
    tabel = f"bag_{laag}_ruw"
    if laag not in lagen:
        kolommen = ", ".join(f"NULL::VARCHAR AS {k}" for k in PLAATS_COLUMNS)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {tabel} AS SELECT {kolommen}, "
                    "NULL::GEOMETRY AS geom LIMIT 0")
        return
    velden = set(pyogrio.read_info(path, layer=laag)["fields"])
    if "identificatie" not in velden:
        raise InvoerFout(path.name, f"laag {laag}: kolom identificatie ontbreekt", veld=laag)
    aanwezig = [k for k in PLAATS_COLUMNS if k in velden]
    filter_ = where if "bronhouder_identificatie" in velden else None
    _stream(con, path, laag, aanwezig, tabel, where=filter_, bbox=None if filter_ else bbox)
    for kolom in PLAATS_COLUMNS:
        if kolom not in velden:
            con.execute(f"ALTER TABLE {tabel} ADD COLUMN {kolom} VARCHAR")


def check_layers(path: Path) -> None:
    try:
        layers = {name for name, _ in pyogrio.list_layers(path)}
    except Exception as exc:  # GDAL says why; the user needs the file name
        raise InvoerFout(path.name, f"geen leesbare GeoPackage ({detail(exc)})") from exc
    missing = {"verblijfsobject", "pand"} - layers
    if missing:
        raise InvoerFout(path.name, f"laag {', '.join(sorted(missing))} ontbreekt; is dit bag-light?")


def _stream_nevenadressen(con, path, lagen) -> None:
    """The optional nevenadres table as bag_neven_ruw (empty when absent)."""
    if "nevenadres" not in lagen:
        kolommen = ", ".join(f"NULL::VARCHAR AS {k}" for k in NEVEN_COLUMNS)
        con.execute(f"CREATE OR REPLACE TEMP TABLE bag_neven_ruw AS SELECT {kolommen} LIMIT 0")
        return
    try:
        with pyogrio.open_arrow(path, layer="nevenadres", columns=NEVEN_COLUMNS,
                                use_pyarrow=True, batch_size=100_000) as (_meta, reader):
            con.execute("CREATE OR REPLACE TEMP TABLE bag_neven_ruw AS SELECT * FROM reader")
    except pyogrio.errors.FieldError as exc:
        raise InvoerFout(path.name, f"laag nevenadres: kolom ontbreekt ({exc})",
                         veld="nevenadres") from exc


def _stream(con, path, layer, columns, table, where=None, bbox=None) -> None:
    """Copy one layer into a staging table, batch by batch, geometry as column `geom`."""
    try:
        with pyogrio.open_arrow(path, layer=layer, columns=columns, where=where, bbox=bbox,
                                use_pyarrow=True, batch_size=100_000) as (meta, reader):
            geom = meta.get("geometry_name") or "wkb_geometry"
            con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS "
                        f"SELECT * EXCLUDE ({geom}), {geom} AS geom FROM reader")
    except pyogrio.errors.FieldError as exc:
        raise InvoerFout(path.name, f"laag {layer}: kolom ontbreekt ({detail(exc)})", veld=layer) from exc
    # GeoArrow WKB arrives as GEOMETRY when DuckDB recognises the extension type, else as BLOB.
    kind = con.execute(f"SELECT data_type FROM duckdb_columns() WHERE table_name = '{table}' "
                       "AND column_name = 'geom'").fetchone()[0]
    if kind == "BLOB":
        con.execute(f"ALTER TABLE {table} ALTER geom TYPE GEOMETRY USING ST_GeomFromWKB(geom)")


def _territory_bbox(con, path, where):
    """Bounding box of the gemeente (its woonplaatsen, else its addresses) plus a margin."""
    con.execute("CREATE OR REPLACE TEMP TABLE bag_wpl_ruw (geom GEOMETRY)")
    if where is None:
        return None
    source = "bag_vbo_ruw"
    if "woonplaats" in {name for name, _ in pyogrio.list_layers(path)}:
        _stream(con, path, "woonplaats", ["identificatie"], "bag_wpl_ruw", where=where)
        source = "bag_wpl_ruw"
    row = con.execute(f"SELECT min(ST_XMin(g)), min(ST_YMin(g)), max(ST_XMax(g)), max(ST_YMax(g))"
                      f" FROM (SELECT geom AS g FROM {source})").fetchone()
    if row[0] is None:
        raise InvoerFout(path.name, f"geen objecten gevonden voor {where.split('=')[1].strip()}",
                         veld="bronhouder_identificatie")
    margin = 100.0
    return (row[0] - margin, row[1] - margin, row[2] + margin, row[3] + margin)


def controleer(bron: Bron) -> int:
    """`zicht load` on the full file (7.5 GB) checks its layers and that the gemeente is in it,
    instead of reading it all."""
    check_path(bron.path, "file")
    check_layers(bron.path)
    where = None
    if bron.opties.get("gemeente"):
        where = f"bronhouder_identificatie = '{gemeentecode(bron.opties['gemeente'])}'"
    info = pyogrio.read_info(bron.path, layer="verblijfsobject", where=where)
    count = info.get("features", 0)
    if count <= 0 and where:
        raise InvoerFout(bron.path.name, f"geen verblijfsobjecten voor gemeente "
                                         f"{bron.opties['gemeente']}", veld="bronhouder_identificatie")
    return count


def _load(con, bron: Bron) -> int:
    rijen = load(con, bron.path, bron.opties.get("gemeente"))
    values.check(con, bron.path.name)
    return rijen


SOORT = SourceKind(
    naam="bag-gpkg", omschrijving="BAG (PDOK bag-light GeoPackage)", rol="bag", load=_load,
    hulp="BAG uit PDOK's bag-light GeoPackage", pad="file", argumenten=gemeente_argument,
    opties=lambda args: {"gemeente": args.gemeente}, controle=controleer, tabellen=TABELLEN)
