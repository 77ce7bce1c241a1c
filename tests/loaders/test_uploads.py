"""Uploads from the app: safe names, size limit, atomic storage, zips, checks before registering."""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
import tomllib
import zipfile
from pathlib import Path

import pyogrio
import pytest

from loaders import uploads
from loaders.errors import InvoerFout
from loaders.kvk.mapping import read_mapping
from loaders.sources import Bron, register

HEADER = ("BAG numid;straat;huisnummer;huisletter;huisnummertoevoeging;postcode;gemeentenaam;"
          "KVK_Handelsnaam;KVK_Nummer;KVK_SBI_code;KVK_SBI_code_hoofdactiviteit;KVK_Rechtsvorm;"
          "KVK_Vestigingsnummer;KVK_Datum_inschrijving_vestiging;"
          "KVK_Datum_uitschrijving_vestiging;KVK_Indicatiehoofdvestiging")
GOOD = [
    ";Dorpsstraat;12;A;;1234 AB;Demostad;Café Één;01234567;5630;5630;Eenmanszaak;"
    "000012345678;01-02-2015;;Ja",
    ";Kerkweg;3;;;1234AC;Demostad;Nagelstudio Lotus;7654321;96022;96022;Eenmanszaak;"
    "98765432;20230100;31-12-2024;Nee",
]
BAD_DATE = ";Kerkweg;5;;;1234AC;Demostad;Kapper;7654322;96021;96021;Eenmanszaak;98765433;" \
           "31-02-2024;;Nee"
SQUARE = {"type": "FeatureCollection", "features": [{
    "type": "Feature", "properties": {"naam": "Terrein Noord", "code": "T1"},
    "geometry": {"type": "Polygon", "coordinates": [[[5.0, 52.4], [5.01, 52.4], [5.01, 52.41],
                                                     [5.0, 52.41], [5.0, 52.4]]]}}]}


def csv_bytes(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def save(data_dir: Path, name: str, content: bytes, allowed=uploads.KVK_EXTENSIONS) -> uploads.Upload:
    return uploads.save_upload(data_dir, name, io.BytesIO(content), allowed)


def kvk_bron(upload: uploads.Upload, **opties) -> Bron:
    return Bron(bron="kvk-test", soort="kvk-file", pad=str(upload.pad), peildatum="2026-11-01",
                opties=opties, checksum=upload.checksum)


def everything_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(("given", "expected"), [
    ("../../etc/passwd.csv", "passwd.csv"),
    ("C:\\Users\\jan\\KVK selectie nov.CSV", "KVK_selectie_nov.csv"),
    (".verborgen.csv", "verborgen.csv"),
    ("Café Één.xlsx", "Cafe_Een.xlsx"),
    ("", "bestand"),
    ("a" * 300 + ".csv", "a" * 80 + ".csv"),
])
def test_names_are_sanitised(given, expected):
    assert uploads.sanitize_name(given) == expected


def test_upload_is_stored_once_under_its_own_name_without_leftovers(tmp_path):
    content = csv_bytes(*GOOD)
    first = save(tmp_path, "../KVK nov.csv", content)
    again = save(tmp_path, "../KVK nov.csv", content)
    assert first == again
    assert first.pad.name == "KVK_nov.csv" and first.pad.read_bytes() == content
    assert first.pad.parent.parent == uploads.upload_dir(tmp_path)
    assert first.checksum == hashlib.sha256(content).hexdigest()
    assert everything_under(uploads.upload_dir(tmp_path)) == [
        first.pad.parent.name, f"{first.pad.parent.name}/KVK_nov.csv"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("kvk.exe", b"MZ", "niet geaccepteerd"),
    ("kvk.csv", b"", "leeg"),
    ("kvk.csv", b"x" * 2048, "groter dan"),
])
def test_refused_uploads_leave_nothing_behind(tmp_path, monkeypatch, name, content, message):
    monkeypatch.setattr(uploads, "MAX_BYTES", 1024)
    with pytest.raises(InvoerFout, match=message) as info:
        save(tmp_path, name, content)
    assert info.value.bestand == name
    folder = uploads.upload_dir(tmp_path)
    assert not folder.exists() or everything_under(folder) == []


def zipped_shapefile(tmp_path: Path, members: dict[str, str] | None = None) -> bytes:
    """A Shapefile written by pyogrio from SQUARE, zipped inside a folder as people do."""
    source = tmp_path / "vierkant.geojson"
    source.write_text(json.dumps(SQUARE), encoding="utf-8")
    meta, table = pyogrio.read_arrow(source)
    shp_dir = tmp_path / "shp"
    shp_dir.mkdir()
    pyogrio.write_arrow(table, shp_dir / "terreinen.shp", driver="ESRI Shapefile",
                        geometry_name=meta["geometry_name"] or "wkb_geometry",
                        geometry_type="Polygon", crs="EPSG:4326")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for file in shp_dir.iterdir():
            zf.write(file, f"export/{file.name}")
        for name, text in (members or {}).items():
            zf.writestr(name, text)
    return buffer.getvalue()


def test_zipped_shapefile_is_unpacked_flat_and_checked_as_areas(tmp_path):
    content = zipped_shapefile(tmp_path, {"../../buiten.txt": "nee", "leesmij.pdf": "nee"})
    upload = save(tmp_path / "data", "Terreinen 2026.zip", content, uploads.GEBIEDEN_EXTENSIONS)
    assert upload.pad.name == "terreinen.shp" and upload.checksum == hashlib.sha256(content).hexdigest()
    names = sorted(p.name for p in upload.pad.parent.iterdir())
    assert names == ["Terreinen_2026.zip", "terreinen.cpg", "terreinen.dbf", "terreinen.prj",
                     "terreinen.shp", "terreinen.shx"]
    assert not (tmp_path / "buiten.txt").exists()
    bron = Bron(bron="terreinen", soort="gebieden", pad=str(upload.pad), peildatum="2026-11-01",
                opties={"soort": "bedrijventerrein"})
    controle = uploads.inspect(bron, upload.naam)
    assert controle.rijen == 1 and controle.voorbeeld[0]["naam"] == "Terrein Noord"
    assert controle.voorbeeld[0]["soort"] == "bedrijventerrein"
    assert 150 < controle.feiten["xmin"] < 160_000 and 480_000 < controle.feiten["ymin"] < 500_000


def test_zip_without_exactly_one_data_file_is_refused(tmp_path):
    content = zipped_shapefile(tmp_path, {"tweede.geojson": json.dumps(SQUARE)})
    with pytest.raises(InvoerFout, match="precies één"):
        save(tmp_path / "data", "twee.zip", content, uploads.GEBIEDEN_EXTENSIONS)


def test_inspect_reads_a_good_file_and_shows_leading_zeros(tmp_path):
    upload = save(tmp_path, "kvk.csv", csv_bytes(*GOOD))
    controle = uploads.inspect(kvk_bron(upload), "kvk.csv")
    assert controle.rijen == 2 and controle.feiten["sbi_versie"] == "2008"
    first = controle.voorbeeld[0]
    assert first["rij"] == 2 and first["vestigingsnummer"] == "000012345678"
    assert first["kvk_nummer"] == "01234567" and first["adres"] == "Dorpsstraat 12A"
    assert str(first["datum_aanvang"]) == "2015-02-01"


def test_inspect_names_the_uploaded_file_row_and_field_and_changes_nothing(tmp_path):
    register(tmp_path, Bron(bron="bestaand", soort="kvk-file", pad=str(tmp_path), peildatum="2026-01-01",
                            checksum="abc"))
    before = (tmp_path / "bronnen.json").read_bytes()
    upload = save(tmp_path, "Selectie nov.csv", csv_bytes(GOOD[0], BAD_DATE))
    with pytest.raises(InvoerFout) as info:
        uploads.inspect(kvk_bron(upload), "Selectie nov.csv")
    assert (info.value.bestand, info.value.rij, info.value.veld) == (
        "Selectie nov.csv", 3, "KVK_Datum_inschrijving_vestiging")
    assert "31-02-2024" in info.value.melding
    assert (tmp_path / "bronnen.json").read_bytes() == before


def test_guessed_mapping_becomes_a_toml_file_the_loader_reads(tmp_path):
    columns = ["Vestigingsnr", "KvK-nummer", "Handelsnaam", "Postcode", "Huisnr",
               "Datum inschrijving", 'Raar "kolom" \\ naam']
    mapping = uploads.guess_mapping(columns)
    assert mapping == {"vestigingsnummer": "Vestigingsnr", "kvk_nummer": "KvK-nummer",
                       "naam": "Handelsnaam", "postcode": "Postcode", "huisnummer": "Huisnr",
                       "datum_aanvang": "Datum inschrijving"}
    mapping["activiteit"] = columns[-1]
    path = uploads.save_text(tmp_path, "kolomindeling.toml", uploads.mapping_toml(mapping, "2025"))
    assert read_mapping(path) == (mapping, {"sbi_versie": "2025"})
    assert tomllib.loads(path.read_text(encoding="utf-8"))["kolommen"]["activiteit"] == columns[-1]


def test_generic_file_with_a_made_mapping_is_read(tmp_path):
    content = (b"Vestigingsnr,KvK-nummer,Handelsnaam,Postcode,Huisnr,Datum inschrijving\r\n"
               b"400000001,1234567,Kapsalon Knip,1234AB,5,2020-03-01\r\n")
    upload = save(tmp_path, "eigen.csv", content)
    columns = uploads.column_names(upload.pad, "eigen.csv")
    toml = uploads.save_text(tmp_path, "k.toml", uploads.mapping_toml(uploads.guess_mapping(columns)))
    controle = uploads.inspect(kvk_bron(upload, kolommen=str(toml)), "eigen.csv")
    assert controle.voorbeeld[0]["vestigingsnummer"] == "000400000001"
    assert controle.voorbeeld[0]["kvk_nummer"] == "01234567"


def test_column_names_of_an_excel_file(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Vestigingsnr", "Handelsnaam", None])
    book.active.append(["000012345678", "Café", None])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = save(tmp_path, "selectie.xlsx", buffer.getvalue())
    assert uploads.column_names(upload.pad, "selectie.xlsx") == ["Vestigingsnr", "Handelsnaam"]


def test_orphans_go_after_a_day_registered_uploads_stay(tmp_path):
    used = save(tmp_path, "gebruikt.csv", csv_bytes(*GOOD))
    orphan = save(tmp_path, "wees.csv", csv_bytes(GOOD[0]))
    recent = save(tmp_path, "net.csv", csv_bytes(GOOD[1]))
    register(tmp_path, kvk_bron(used))
    old = time.time() - 2 * uploads.ORPHAN_AGE_S
    for upload in (used, orphan):
        os.utime(upload.pad.parent, (old, old))
    removed = uploads.remove_orphans(tmp_path)
    assert removed == [orphan.pad.parent]
    assert used.pad.exists() and recent.pad.exists() and not orphan.pad.exists()
