"""GeoPackage export for QGIS: panden, verblijfsobjecten, ligplaatsen and standplaatsen,
vestigingen, gebieden and indicator results in RD New (EPSG:28992), with a table
'verantwoording' (peildata, selection, made by/on).

Written with pyogrio.write_arrow, one layer at a time into one file (DuckDB's COPY … (FORMAT
GDAL) replaces the whole file per statement, so it cannot hold several layers, and declares
no geometry type). The file is written next to its destination and renamed into place, so a
failed export never leaves a half-written GeoPackage behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyogrio
import shapely

from exports import EXPORTS_SQL
from exports.dook_csv import accountability
from exports.mapshot.data import ensure_membership, signals
from exports.mapshot.view import DEFAULT_MARK, MapView, describe
from geo import crs, nlformat
from geo.concentration import Filter, selection_sql
from geo.indicators import load_indicators
from geo.sqlfiles import execute_checked, sql_text

GPKG_LAYERS = ("pand", "verblijfsobject", "plaats", "vestiging", "gebied", "indicatoren")
GEOMETRY = {"pand": "MultiPolygon", "verblijfsobject": "Point", "plaats": "MultiPolygon",
            "vestiging": "Point", "gebied": "MultiPolygon"}
OMSCHRIJVING = {
    "pand": "BAG-panden",
    "verblijfsobject": "BAG-verblijfsobjecten (adressen)",
    "plaats": "BAG-ligplaatsen en -standplaatsen (adressen zonder pand), kolom soort",
    "vestiging": "KVK-vestigingen van de kaartselectie, met de branchegroep die hun kleur op de kaart geeft",
    "gebied": "Gebieden (gemeente, wijken, buurten, bedrijventerreinen), kolom soort",
}


def write_gpkg(con, path: str | Path, layers=GPKG_LAYERS, selection: MapView | None = None,
               gebruiker: str = "", mark: str = DEFAULT_MARK) -> dict[str, int]:
    """Write the chosen layers (see GPKG_LAYERS) to a GeoPackage at `path`; returns the number
    of features per layer written. `selection` limits it to a MapView's box, branch groups and
    vestigingen (None = the whole gemeente). Indicator results become one layer per indicator,
    'signaal_<id>', for the selection's indicators (all indicators without a selection)."""
    unknown = set(layers) - set(GPKG_LAYERS)
    if unknown:
        raise ValueError(f"onbekende lagen {sorted(unknown)}; kies uit {GPKG_LAYERS}")
    path = Path(path)
    peildatum = _meta(con).get("peildatum", "")
    fd, tmp = tempfile.mkstemp(suffix=".gpkg", prefix=".zicht-", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)  # GDAL creates the file itself
    try:
        counts = _write_layers(con, tmp, layers, selection, peildatum)
        selectie = _selectie(selection)
        _write_table(tmp, "verantwoording", _accountability(con, selectie, gebruiker, mark, counts))
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return counts


def gpkg_bytes(con, layers=GPKG_LAYERS, selection: MapView | None = None, gebruiker: str = "",
               mark: str = DEFAULT_MARK) -> bytes:
    """The same GeoPackage as bytes (for a download button)."""
    with tempfile.TemporaryDirectory(prefix="zicht-gpkg-") as folder:
        target = Path(folder) / "zicht.gpkg"
        write_gpkg(con, target, layers, selection, gebruiker, mark)
        return target.read_bytes()


def _write_layers(con, target: str, layers, selection: MapView | None, peildatum: str) -> dict:
    params = _box(selection)
    counts = {}
    for layer in (name for name in GPKG_LAYERS if name in layers and name != "indicatoren"):
        if layer == "vestiging":
            query = selection_sql("export_gpkg_vestiging", EXPORTS_SQL)
            extra = _vestiging_params(con, selection, peildatum)
        else:
            query, extra = sql_text(f"export_gpkg_{layer}", EXPORTS_SQL), {}
        table = execute_checked(con, query, {**extra, **params}).to_arrow_table()
        _write(target, layer, table, GEOMETRY[layer], f"{OMSCHRIJVING[layer]}; peildatum "
               f"{nlformat.datum(peildatum)}")
        counts[layer] = table.num_rows
    if "indicatoren" in layers:
        counts.update(_write_signals(con, target, selection, peildatum))
    return counts


def _box(selection: MapView | None) -> dict:
    keys = ("xmin", "ymin", "xmax", "ymax")
    box = selection.rd_box() if selection is not None else (None,) * 4
    return dict(zip(keys, box, strict=True))


def _vestiging_params(con, selection: MapView | None, peildatum: str) -> dict:
    """The map's selection (the same SQL and colour groups as on screen)."""
    ensure_membership(con)
    filt = selection.filter(peildatum) if selection is not None else Filter(peildatum)
    nummers = selection.vestigingen if selection is not None else None
    return {**filt.params(), "nummers": list(nummers) if nummers is not None else None}


def _write_signals(con, target: str, selection: MapView | None, peildatum: str) -> dict[str, int]:
    ids = selection.indicatoren if selection is not None else tuple(i.id for i in load_indicators())
    box = selection.rd_box() if selection is not None else None
    found, _failed = signals(con, ids, box)
    counts = {}
    for indicator in load_indicators():
        rows = [s for s in found if s.indicator == indicator.id]
        if indicator.id not in ids or not rows:
            continue
        polygons = any(s.geom.geom_type != "Point" for s in rows)
        table = pa.Table.from_pylist([_signal_row(s, polygons) for s in rows])
        _write(target, f"signaal_{indicator.id}", table, "MultiPolygon" if polygons else "Point",
               f"Indicator: {indicator.naam}; peildatum {nlformat.datum(peildatum)}. {indicator.uitleg}")
        counts[f"signaal_{indicator.id}"] = len(rows)
    return counts


def _signal_row(s, polygons: bool) -> dict:
    geom = shapely.multipolygons(shapely.get_parts(s.geom)) if polygons and s.geom.geom_type != \
        "MultiPolygon" else s.geom
    return {"indicator": s.indicator, "indicator_naam": s.naam, "objectsoort": s.objectsoort,
            "object_id": s.object_id, "label": s.label, "reden": s.reden,
            "geom": shapely.to_wkb(geom)}


def _write(target: str, layer: str, table: pa.Table, geometry_type: str, description: str) -> None:
    pyogrio.write_arrow(table, target, layer=layer, driver="GPKG", geometry_name="geom",
                        geometry_type=geometry_type, crs=crs.RD, encoding="UTF-8",
                        layer_metadata={"DESCRIPTION": description, "IDENTIFIER": f"Zicht {layer}"})


def _write_table(target: str, layer: str, rows: list[tuple[str, str]]) -> None:
    table = pa.table({"onderwerp": [k for k, _ in rows], "waarde": [_text(v) for _, v in rows]})
    pyogrio.write_arrow(table, target, layer=layer, driver="GPKG", encoding="UTF-8",
                        layer_metadata={"DESCRIPTION": "Waar deze export op rust"})


def _accountability(con, selectie: str, gebruiker: str, mark: str, counts: dict) -> list:
    lines = accountability(con, selectie, gebruiker or "onbekend")
    lines = [(k, mark if k == "Let op" else v) for k, v in lines]
    lines.append(("Coördinatenstelsel", "EPSG:28992 (RD New)"))
    lines += [(f"Laag {layer}", nlformat.meervoud(n, "object", "objecten")) for layer, n in counts.items()]
    return lines


def _selectie(selection: MapView | None) -> str:
    if selection is None:
        return "Hele gemeente; vestigingen actief op de peildatum"
    return "; ".join(describe(selection, privacy=False) + ["Kader: het kaartbeeld (RD-rechthoek)"])


def _meta(con) -> dict:
    return dict(con.execute("SELECT sleutel, waarde FROM meta").fetchall())


def _text(value) -> str:
    if isinstance(value, date | datetime):
        return nlformat.datum(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)
