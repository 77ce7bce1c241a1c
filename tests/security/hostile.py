"""Hostile input files for the security tests, written by the project (small, except the sparse
1 GB line and the zip bomb, which are written streaming and never held in memory).

Each maker writes into a folder and returns (soort, path, extra CLI arguments); `KINDS` maps a
case id to its maker and what the refusal must name (row, field).
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEADER = ("BAG numid;straat;huisnummer;huisletter;huisnummertoevoeging;postcode;gemeentenaam;"
          "KVK_Handelsnaam;KVK_Nummer;KVK_SBI_code;KVK_SBI_code_hoofdactiviteit;KVK_Rechtsvorm;"
          "KVK_Vestigingsnummer;KVK_Datum_inschrijving_vestiging;"
          "KVK_Datum_uitschrijving_vestiging;KVK_Indicatiehoofdvestiging")
COLUMNS = HEADER.split(";")


def row(naam="Kapsalon Knip", huisnummer="12", vestigingsnummer="000012345678",
        kvk_nummer="01234567", datum="01-02-2015", **extra) -> str:
    values = {"BAG numid": "", "straat": "Dorpsstraat", "huisnummer": huisnummer,
              "huisletter": "", "huisnummertoevoeging": "", "postcode": "1234AB",
              "gemeentenaam": "Demostad", "KVK_Handelsnaam": naam, "KVK_Nummer": kvk_nummer,
              "KVK_SBI_code": "96021", "KVK_SBI_code_hoofdactiviteit": "96021",
              "KVK_Rechtsvorm": "Eenmanszaak", "KVK_Vestigingsnummer": vestigingsnummer,
              "KVK_Datum_inschrijving_vestiging": datum, "KVK_Datum_uitschrijving_vestiging": "",
              "KVK_Indicatiehoofdvestiging": "Ja", **extra}
    return ";".join(values[c] for c in COLUMNS)


GOOD = [row(), row("Nagelstudio Lotus", "3", "000098765432", "07654321")]


@dataclass(frozen=True)
class Kind:
    make: Callable[[Path], tuple[str, Path, list[str]]]
    rij: int | None = None
    veld: str | None = None
    shown: str | None = None      # the name the message uses, when not the file's own name


def _csv(name: str, lines: list[str] | bytes, encoding: str = "utf-8"):
    def make(folder: Path):
        path = folder / name
        data = lines if isinstance(lines, bytes) else ("\r\n".join(lines) + "\r\n").encode(encoding)
        path.write_bytes(data)
        return "kvk-file", path, []
    return make


def _bytes(*parts: bytes) -> bytes:
    return b"".join(parts)


def _lines(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _line_1gb(folder: Path):
    """Header, then one line of 1 GB: 2 MB of text, a sparse hole, a newline. The refusal must
    come after reading about 1 MB of it."""
    path = folder / "een-gigabyte-regel.csv"
    with open(path, "wb") as f:
        f.write((HEADER + "\r\n").encode())
        f.write(b"x" * (2 << 20))
        f.seek((1 << 30) - 1, os.SEEK_CUR)
        f.write(b"\n")
    return "kvk-file", path, []


def _nul_after_64kb(folder: Path):
    path = folder / "nul-laat.csv"
    rows = [row(f"Zaak {i}", str(i % 900 + 1), f"{i:012d}", f"{i:08d}") for i in range(1, 801)]
    rows[699] = row("Zaak\x00700", "700", f"{700:012d}", f"{700:08d}")
    path.write_bytes(_lines(HEADER, *rows))
    return "kvk-file", path, []


def _xlsx(name: str, rows: list[list], formula_at: tuple[int, int] | None = None,
          macro: bool = False):
    def make(folder: Path):
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        for r in rows:
            sheet.append(r)
        if formula_at:
            sheet.cell(*formula_at).value = "=1+1"
        path = folder / name
        book.save(path)
        if macro:
            with zipfile.ZipFile(path, "a") as z:
                z.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
        return "kvk-file", path, []
    return make


def _good_xlsx_rows() -> list[list]:
    return [COLUMNS, *[r.split(";") for r in GOOD]]


def _xlsx_corrupt(folder: Path):
    kind, path, args = _xlsx("kapot.xlsx", _good_xlsx_rows())(folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return kind, path, args


def _zip_bomb(folder: Path):
    """An .xlsx whose sheet unpacks to 600 MB of zeros (about 600 KB packed), written streaming."""
    path = folder / "zipbom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            zeros = bytes(1 << 20)
            for _ in range(600):
                member.write(zeros)
    return "kvk-file", path, []


def _feature(coords, kind="Polygon", code="A") -> dict:
    return {"type": "Feature", "properties": {"code": code, "naam": f"Gebied {code}"},
            "geometry": {"type": kind, "coordinates": coords}}


RD_CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
RD_SQUARE = [[[90_000, 450_000], [90_500, 450_000], [90_500, 450_500], [90_000, 450_500],
              [90_000, 450_000]]]
LONLAT_SQUARE = [[[4.49, 52.05], [4.50, 52.05], [4.50, 52.06], [4.49, 52.06], [4.49, 52.05]]]


def _geojson(name: str, features: list[dict], crs: dict | None = RD_CRS, raw: str | None = None):
    def make(folder: Path):
        path = folder / name
        doc = {"type": "FeatureCollection", "features": features}
        if crs:
            doc["crs"] = crs
        path.write_text(raw if raw is not None else json.dumps(doc))
        return "gebieden", path, ["--soort", "eigen"]
    return make


def _swap(coords):
    return [[[y, x] for x, y in ring] for ring in coords]


def bag_api_folder(folder: Path, *vbo_properties: dict, name: str = "bag-api") -> Path:
    """A finished BAG OGC API download (loaders.bag.api) with one pand and the given
    verblijfsobjecten (each property dict merged over a valid one)."""
    out = folder / name
    out.mkdir()
    vbos = []
    for i, extra in enumerate(vbo_properties, start=1):
        props = {"identificatie": f"06370100000{i:05d}", "status": "Verblijfsobject in gebruik",
                 "bronhouder_identificatie": "0637", "oppervlakte": 80, "huisnummer": i,
                 "postcode": "2711AB", "openbare_ruimte_naam": "Dorpsstraat",
                 "woonplaats_naam": "Zoetermeer", "gebruiksdoel": "woonfunctie",
                 "pand": "0637100000000001", **extra}
        vbos.append({"type": "Feature", "id": f"v{i}", "properties": props,
                     "geometry": {"type": "Point", "coordinates": [90_100 + i, 450_100]}})
    pand = {"type": "Feature", "id": "p1", "geometry": {"type": "Polygon", "coordinates": RD_SQUARE},
            "properties": {"identificatie": "0637100000000001", "status": "Pand in gebruik",
                           "bouwjaar": 1990}}
    for page, features in (("verblijfsobject-1.json", vbos), ("pand-1.json", [pand])):
        (out / page).write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    done = {"paginas": 1, "volgende": None, "objecten": 1, "klaar": True}
    (out / "state.json").write_text(json.dumps({
        "gemeente": "0637", "crs": "http://www.opengis.net/def/crs/EPSG/0/28992",
        "collecties": {"verblijfsobject": done, "pand": done}}))
    return out


def _bag(**extra):
    def make(folder: Path):
        return "bag-api", bag_api_folder(folder, {}, extra), []
    return make


def _kvk_json(name: str, text: str):
    def make(folder: Path):
        path = folder / name
        path.write_text(text)
        return "kvk-json", path, []
    return make


def _kvk_json_huge(folder: Path):
    path = folder / "reuze.json"
    with open(path, "wb") as f:
        f.write(b'{"vestigingsnummer": "000012345678", "kvkNummer": "01234567", "x": "')
        f.seek(11 << 20, os.SEEK_CUR)
        f.write(b'"}')
    return "kvk-json", path, []


def _directory(folder: Path):
    path = folder / "map.csv"
    path.mkdir()
    return "kvk-file", path, []


def _symlink(folder: Path):
    target = folder / "echt.csv"
    target.write_bytes(_lines(HEADER, *GOOD))
    link = folder / "koppeling.csv"
    link.symlink_to(target)
    return "kvk-file", link, []


def _fifo(folder: Path):
    path = folder / "pijp.csv"
    os.mkfifo(path)
    return "kvk-file", path, []


def _device(folder: Path):
    return "kvk-file", Path("/dev/zero"), []


def _absent(folder: Path):
    return "kvk-file", folder / "bestaat-niet.csv", []


def _hostile_name(folder: Path):
    path = folder / "kvk\n\x1b[2Kgoed.csv"
    path.write_bytes(_lines(HEADER, row(huisnummer="-4")))
    return "kvk-file", path, []


def _bad_mapping(folder: Path):
    data = folder / "eigen.csv"
    data.write_bytes(_lines("Vestigingsnr;KvK;Naam;Postcode;Huisnr", "000012345678;01234567;X;1234AB;1"))
    mapping = folder / "kolommen.toml"
    mapping.write_text("[kolommen\nvestigingsnummer = 'Vestigingsnr'\n")
    return "kvk-file", data, ["--preset", "generic", "--kolommen", str(mapping)]


def _utf16(folder: Path):
    path = folder / "utf16.csv"
    path.write_bytes(("\r\n".join([HEADER, *GOOD]) + "\r\n").encode("utf-16"))
    return "kvk-file", path, []


BOWTIE = [[[90_000, 450_000], [90_500, 450_500], [90_500, 450_000], [90_000, 450_500],
           [90_000, 450_000]]]
TEN_MB = "x" * (10 << 20)

KINDS: dict[str, Kind] = {
    # KVK selections: structure
    "empty_file": Kind(_csv("leeg.csv", b"")),
    "whitespace_only": Kind(_csv("spaties.csv", b"  \r\n\r\n \t \r\n")),
    "header_only": Kind(_csv("alleen-kop.csv", [HEADER]), rij=1),
    "no_delimiter": Kind(_csv("een-kolom.csv", ["naam", "Kapsalon Knip"]), rij=1),
    "missing_required_column": Kind(_csv("zonder-kvk.csv", [HEADER.replace("KVK_Nummer", "Nummer"),
                                                             *GOOD]), rij=1, veld="KVK_Nummer"),
    "duplicate_column_name": Kind(_csv("dubbele-kolom.csv", [HEADER.replace("straat", "postcode"),
                                                              *GOOD]), rij=1, veld="postcode"),
    "too_many_columns": Kind(_csv("breed.csv", [HEADER + "".join(f";extra{i}" for i in range(600)),
                                                *[g + ";" * 600 for g in GOOD]]), rij=1),
    "ragged_long_row": Kind(_csv("rafelig-lang.csv", [HEADER, GOOD[0], GOOD[1] + ";extra;meer"]),
                            rij=3),
    "ragged_short_row": Kind(_csv("rafelig-kort.csv", [HEADER, GOOD[0].rsplit(";", 3)[0], GOOD[1]]),
                             rij=2),
    "unterminated_quote": Kind(_csv("open-aanhalingsteken.csv",
                                    [HEADER, GOOD[0], row('"Kapsalon "Open')]), rij=3),
    "stray_quote": Kind(_csv("los-aanhalingsteken.csv", [HEADER, row('"Knip" en zo'), GOOD[1]]),
                        rij=2),
    "field_10mb": Kind(_csv("veld-10mb.csv", [HEADER, row(TEN_MB)]), rij=2),
    "field_100kb": Kind(_csv("veld-100kb.csv", [HEADER, GOOD[0], row("x" * 100_000)]), rij=3),
    "line_1gb": Kind(_line_1gb, rij=2),
    # encodings and bytes
    "mixed_encodings": Kind(_csv("gemengd.csv", _bytes(_lines(HEADER, row("Café Één")),
                                                       row("Brasserie Bière").encode("cp1252"),
                                                       b"\r\n")), rij=3),
    "unknown_encoding": Kind(_csv("onbekend.csv", _bytes(_lines(HEADER), row("Zaak \x81").encode(
        "latin-1"), b"\r\n")), rij=2),
    "utf16": Kind(_utf16),
    "nul_in_field": Kind(_csv("nul.csv", [HEADER, GOOD[0], row("Knip\x00Knap")]), rij=3,
                         veld="KVK_Handelsnaam"),
    "nul_after_64kb": Kind(_nul_after_64kb, rij=701, veld="KVK_Handelsnaam"),
    "binary_garbage": Kind(_csv("plaatje.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)),
    "terminal_escape": Kind(_csv("escape.csv", [HEADER, row("Knip\x1b[2J\x1b[31mrood")]), rij=2,
                            veld="KVK_Handelsnaam"),
    "hostile_file_name": Kind(_hostile_name, rij=2, veld="huisnummer", shown="kvk??[2Kgoed.csv"),
    # KVK selections: values
    "huisnummer_negative": Kind(_csv("min.csv", [HEADER, GOOD[0], row(huisnummer="-12",
                                                 vestigingsnummer="000000000003")]),
                                rij=3, veld="huisnummer"),
    "huisnummer_absurd": Kind(_csv("groot.csv", [HEADER, row(huisnummer="99999999999")]), rij=2,
                              veld="huisnummer"),
    "huisnummer_text": Kind(_csv("tekst.csv", [HEADER, row(huisnummer="twaalf")]), rij=2,
                            veld="huisnummer"),
    "vestigingsnummer_letters": Kind(_csv("letters.csv", [HEADER, row(vestigingsnummer="12AB45")]),
                                     rij=2, veld="KVK_Vestigingsnummer"),
    "vestigingsnummer_too_long": Kind(_csv("lang.csv", [HEADER, row(
        vestigingsnummer="1234567890123")]), rij=2, veld="KVK_Vestigingsnummer"),
    "kvk_nummer_empty": Kind(_csv("geen-kvk.csv", [HEADER, GOOD[0], row(kvk_nummer="",
                                  vestigingsnummer="000000000007")]), rij=3, veld="KVK_Nummer"),
    "duplicate_vestigingsnummer": Kind(_csv("dubbel.csv", [HEADER, GOOD[0], GOOD[1], row("Kopie")]),
                                       rij=4, veld="KVK_Vestigingsnummer"),
    "date_impossible": Kind(_csv("datum.csv", [HEADER, row(datum="31-02-2024")]), rij=2,
                            veld="KVK_Datum_inschrijving_vestiging"),
    "mapping_not_toml": Kind(_bad_mapping, rij=1, shown="kolommen.toml"),
    # Excel
    "xlsx_formula": Kind(_xlsx("formule.xlsx", _good_xlsx_rows(), formula_at=(2, 8)), rij=2,
                         veld="KVK_Handelsnaam"),
    "xlsm_macros": Kind(_xlsx("macro.xlsm", _good_xlsx_rows(), macro=True)),
    "xlsx_hidden_macros": Kind(_xlsx("stil.xlsx", _good_xlsx_rows(), macro=True)),
    "xlsx_corrupt": Kind(_xlsx_corrupt),
    "xlsx_zip_bomb": Kind(_zip_bomb),
    "xlsx_row_wider_than_header": Kind(_xlsx("breder.xlsx", [COLUMNS, [*GOOD[0].split(";"), "x"]]),
                                       rij=2),
    "xlsx_header_only": Kind(_xlsx("kop.xlsx", [COLUMNS]), rij=1),
    # areas (GeoJSON)
    "geojson_unclosed_ring": Kind(_geojson("open-ring.geojson", [_feature(RD_SQUARE), _feature(
        [RD_SQUARE[0][:-1]], code="B")]), rij=2, veld="geometry"),
    "geojson_too_few_points": Kind(_geojson("te-weinig.geojson", [_feature(
        [[[90_000, 450_000], [90_500, 450_000], [90_000, 450_000]]])]), rij=1, veld="geometry"),
    "geojson_self_intersecting": Kind(_geojson("strik.geojson", [_feature(RD_SQUARE), _feature(
        BOWTIE, code="B")]), rij=2, veld="geometry"),
    # a file-level fault: every coordinate is RD while the file claims (by default) WGS84
    "geojson_rd_without_crs": Kind(_geojson("rd-zonder-crs.geojson", [_feature(RD_SQUARE)],
                                            crs=None), veld="crs"),
    "geojson_swapped_lat_lon": Kind(_geojson("verwisseld.geojson", [_feature(LONLAT_SQUARE),
                                             _feature(_swap(LONLAT_SQUARE), code="B")], crs=None),
                                    rij=2, veld="geometry"),
    "geojson_outside_netherlands": Kind(_geojson("buitenland.geojson", [_feature(
        [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]])]), rij=1, veld="geometry"),
    "geojson_point_not_area": Kind(_geojson("punt.geojson", [_feature([4.49, 52.05], "Point")],
                                            crs=None), rij=1, veld="geometry"),
    "geojson_not_json": Kind(_geojson("kapot.geojson", [], raw='{"type": "FeatureCollection", "fe')),
    "geojson_no_features": Kind(_geojson("leeg.geojson", [])),
    # KVK API responses, BAG API downloads
    "kvk_json_broken": Kind(_kvk_json("antwoord.json", '{\n  "vestigingsnummer": "000012345678",\n'
                                                       '  "kvkNummer": 01234567\n}')),
    "kvk_json_huge": Kind(_kvk_json_huge),
    # paths
    "directory_instead_of_file": Kind(_directory),
    "symlink": Kind(_symlink),
    "fifo": Kind(_fifo),
    "device": Kind(_device, shown="/dev/zero"),
    "absent": Kind(_absent),
}


# A saved BAG API download is registered by `zicht load bag-api --gemeente`, which downloads into
# the data dir first; these are checked through registration.validate, which that command calls.
BAG_KINDS: dict[str, Kind] = {
    "bag_oppervlakte_negative": Kind(_bag(oppervlakte=-40), rij=2, veld="oppervlakte",
                                     shown="verblijfsobject-1.json"),
    "bag_oppervlakte_absurd": Kind(_bag(oppervlakte=12_000_000), rij=2, veld="oppervlakte",
                                   shown="verblijfsobject-1.json"),
    "bag_huisnummer_absurd": Kind(_bag(huisnummer=1_000_000), rij=2, veld="huisnummer",
                                  shown="verblijfsobject-1.json"),
    "bag_huisnummer_negative": Kind(_bag(huisnummer=-3), rij=2, veld="huisnummer",
                                    shown="verblijfsobject-1.json"),
}

