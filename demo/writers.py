"""File writers: bag-light GeoPackage, KVK bulk CSV (DOOK layout), RDW CSVs, JSON.

Writers append one municipality at a time, so memory stays bounded at national scale.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyogrio
import shapely

from demo import names, plaatsen, sbi

DOOK_HEADER = (
    "BAG numid", "straat", "huisnummer", "huisletter", "huisnummertoevoeging", "postcode",
    "gemeentenaam", "gebruiksdoelen", "oppervlakte", "pand_bouwjaar", "KVK_Handelsnaam",
    "KVK_Nummer", "KVK_Bedrijfsactiviteit", "KVK_SBI_code", "KVK_SBI_code_hoofdactiviteit",
    "KVK_SBI_omschrijving_hoofdact", "KVK_SBI_code_nevenactiviteit1",
    "KVK_SBI_omschrijving_nevenactiviteit1", "KVK_SBI_code_nevenactiviteit2",
    "KVK_SBI_omschrijving_nevenactiviteit2", "KVK_Rechtsvorm", "KVK_Datum_inschrijving_onderneming",
    "KVK_Datum_uitschrijving_onderneming", "KVK_Vestigingsnummer",
    "KVK_Datum_inschrijving_vestiging", "KVK_Datum_uitschrijving_vestiging",
    "KVK_Indicatiehoofdvestiging",
)
GPKG_OPTIONS = {"GEOMETRY_NAME": "geom", "SPATIAL_INDEX": "YES"}
GPKG_TIMESTAMP = "2026-11-01T00:00:00.000Z"  # the demo peildatum, never today


class BagWriter:
    """bag-light.gpkg: verblijfsobject, pand, ligplaats, standplaats and woonplaats layers,
    appended per municipality, plus a non-spatial nevenadres table (see loaders/bag/gpkg.py)."""

    def __init__(self, path: Path):
        self.path = path
        self.started = False
        self.plaatsen: dict = {}  # the last town's ligplaats/standplaats/nevenadres tables
        if path.exists():
            path.unlink()

    def write(self, town, seed: int) -> None:
        gem = town.gem
        self._layer("verblijfsobject", _vbo_table(town), "Point")
        self._layer("pand", _pand_table(town), "Polygon")
        extra = self.plaatsen = plaatsen.tabellen(town, seed)
        self._layer("ligplaats", extra["ligplaats"], "Polygon")
        self._layer("standplaats", extra["standplaats"], "Polygon")
        self._layer("nevenadres", extra["nevenadres"], None)
        outline = shapely.MultiPolygon([town.layout.outline])
        table = pa.table({"identificatie": [gem.woonplaats_id], "status": ["Woonplaats aangewezen"],
                          "woonplaats": [gem.naam], "bronhouder_identificatie": [gem.code],
                          "geom": [shapely.to_wkb(outline)]})
        self._layer("woonplaats", table, "MultiPolygon")
        self.started = True

    def _layer(self, layer: str, table: pa.Table, geometry_type: str | None) -> None:
        previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": GPKG_TIMESTAMP})  # reproducible
        try:
            spatial = geometry_type is not None
            pyogrio.write_arrow(table, self.path, layer=layer, driver="GPKG",
                                geometry_name="geom" if spatial else None,
                                geometry_type=geometry_type, crs="EPSG:28992" if spatial else None,
                                append=self.started,
                                layer_options=None if self.started or not spatial
                                else GPKG_OPTIONS)
        finally:
            pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})

    def finish(self) -> None:
        """An attribute index, so a loader can filter one municipality out of a national file."""
        with sqlite3.connect(self.path) as con:
            con.execute("CREATE INDEX IF NOT EXISTS verblijfsobject_bronhouder "
                        "ON verblijfsobject (bronhouder_identificatie)")


def _vbo_table(town) -> pa.Table:
    v, gem = town.vbo, town.gem
    street_names = np.array(town.street_names, dtype=object)
    short = np.array([names.short_name(s) for s in town.street_names], dtype=object)
    n = len(v["identificatie"])
    street_ids = _street_ids(gem.code, len(street_names))
    return pa.table({
        "identificatie": pa.array(v["identificatie"], pa.string()),
        "oppervlakte": pa.array(v["oppervlakte"], pa.int32()),
        "status": pa.array(v["status"], pa.string()),
        "gebruiksdoel": pa.array(v["gebruiksdoel"], pa.string()),
        "openbare_ruimte_naam": pa.array(street_names[v["street"]], pa.string()),
        "openbare_ruimte_naam_kort": pa.array(short[v["street"]], pa.string()),
        "huisnummer": pa.array(v["huisnummer"], pa.int32()),
        "huisletter": pa.array(v["huisletter"], pa.string()),
        "toevoeging": pa.array(v["toevoeging"], pa.string()),
        "postcode": pa.array(v["postcode"], pa.string()),
        "woonplaats_naam": pa.array(np.full(n, gem.naam, dtype=object), pa.string()),
        "bouwjaar": pa.array(v["bouwjaar"], pa.int32()),
        "pand_identificatie": pa.array(town.pand["identificatie"][v["pand"]], pa.string()),
        "pandstatus": pa.array(v["pandstatus"], pa.string()),
        "nummeraanduiding_hoofdadres_identificatie": pa.array(v["nummeraanduiding"], pa.string()),
        "openbare_ruimte_identificatie": pa.array(street_ids[v["street"]], pa.string()),
        "woonplaats_identificatie": pa.array(np.full(n, gem.woonplaats_id, dtype=object),
                                             pa.string()),
        "bronhouder_identificatie": pa.array(np.full(n, gem.code, dtype=object), pa.string()),
        "geom": pa.array(v["geom"], pa.binary()),
    })


def _street_ids(code: str, n: int) -> np.ndarray:
    numbers = (3_000_000 + np.arange(n) * 7).astype("U10")
    return np.char.add(code + "30", np.char.zfill(numbers, 10)).astype(object)


def _pand_table(town) -> pa.Table:
    p = town.pand
    count = p["aantal_verblijfsobjecten"]
    empty = count == 0
    return pa.table({
        "identificatie": pa.array(p["identificatie"], pa.string()),
        "bouwjaar": pa.array(p["bouwjaar"], pa.int32()),
        "status": pa.array(p["status"], pa.string()),
        "gebruiksdoel": pa.array(p["gebruiksdoel"], pa.string()),
        "oppervlakte_min": pa.array(p["oppervlakte_min"], pa.int32(), mask=empty),
        "oppervlakte_max": pa.array(p["oppervlakte_max"], pa.int32(), mask=empty),
        "aantal_verblijfsobjecten": pa.array(count, pa.int32()),
        "geom": pa.array(p["geom"], pa.binary()),
    })


class CsvAppender:
    """A CSV file written in parts; the first part creates it (with BOM when asked)."""

    def __init__(self, path: Path, header, delimiter: str = ";", bom: bool = True,
                 crlf: bool = True):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.delimiter = path, delimiter
        self.eol = "\r\n" if crlf else "\n"
        with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
            csv.writer(f, delimiter=delimiter, lineterminator=self.eol).writerow(header)
        self.rows = 0

    def append(self, rows: list) -> None:
        with open(self.path, "a", encoding="utf-8", newline="") as f:
            csv.writer(f, delimiter=self.delimiter, lineterminator=self.eol).writerows(rows)
        self.rows += len(rows)


def dook_rows(frame: dict, rows: np.ndarray, addr: dict, version: str) -> list[tuple]:
    """Rows in the DOOK column order; `version` "2008" or "2025" picks the SBI codes."""
    suffix = "08" if version == "2008" else "25"
    describe = sbi.omschrijving_2008 if version == "2008" else sbi.omschrijving_2025
    main, n1, n2 = (frame[f"{k}_{suffix}" if k != "sbi" else f"sbi{suffix}"][rows]
                    for k in ("sbi", "n1", "n2"))
    dates = {k: _dmy(frame[k][rows]) for k in ("start", "end", "ond_start", "ond_end")}
    a = {k: col[rows] for k, col in addr.items()}
    out = []
    for k, r in enumerate(rows.tolist()):
        codes = ",".join(c for c in (main[k], n1[k], n2[k]) if c)
        out.append((
            a["numid"][k] or "", a["straat"][k], a["huisnummer"][k], a["huisletter"][k] or "",
            a["toevoeging"][k] or "", a["postcode"][k], a["gemeentenaam"][k],
            a["gebruiksdoelen"][k] or "", a["oppervlakte"][k] or "", a["pand_bouwjaar"][k] or "",
            frame["naam"][r], frame["kvk"][r], frame["activiteit"][r], codes, main[k],
            describe(main[k]), n1[k] or "", describe(n1[k]) if n1[k] else "", n2[k] or "",
            describe(n2[k]) if n2[k] else "", frame["rechtsvorm"][r], dates["ond_start"][k],
            dates["ond_end"][k], frame["vestnr"][r], dates["start"][k], dates["end"][k],
            "Ja" if frame["hoofd"][r] else "Nee",
        ))
    return out


def _dmy(days: np.ndarray) -> list[str]:
    text = np.datetime_as_string(days.astype("datetime64[D]"))
    return ["" if t == "NaT" else f"{t[8:10]}-{t[5:7]}-{t[:4]}" for t in text.tolist()]


def write_json(path: Path, doc) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
