"""KVK CSV selections in the DOOK layout: detection, parsing, and precise errors."""

from __future__ import annotations

import pytest

from geo.db import connect
from geo.sqlfiles import run_script
from loaders.errors import InvoerFout
from loaders.kvk import file as kvk_file
from loaders.pipeline import SQL

HEADER = ("BAG numid;straat;huisnummer;huisletter;huisnummertoevoeging;postcode;gemeentenaam;"
          "KVK_Handelsnaam;KVK_Nummer;KVK_SBI_code;KVK_SBI_code_hoofdactiviteit;KVK_Rechtsvorm;"
          "KVK_Vestigingsnummer;KVK_Datum_inschrijving_vestiging;"
          "KVK_Datum_uitschrijving_vestiging;KVK_Indicatiehoofdvestiging")
ROWS = [
    "0001200000000001;Dorpsstraat;12;A;;1234 ab;Demostad;Café Één;01234567;5630,4726;5630;"
    "Eenmanszaak;000012345678;01-02-2015;;Ja",
    ";Kerkweg;3;;;1234AC;Demostad;Nagelstudio Lotus;7654321;96022;96022;Eenmanszaak;"
    "98765432;20230100;31-12-2024;Nee",
]


@pytest.fixture
def con():
    c = connect()
    run_script(c, "schema")
    run_script(c, "kvk_staging", SQL)
    yield c
    c.close()


def write(tmp_path, lines, encoding="utf-8-sig", name="kvk.csv"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def staged(con):
    cur = con.execute("SELECT * FROM kvk_invoer ORDER BY rij")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def test_dook_file_keeps_leading_zeros_and_reads_dates_and_codes(con, tmp_path):
    assert kvk_file.load(con, write(tmp_path, [HEADER, *ROWS]), "kvk") == 2
    first, second = staged(con)
    assert first["vestigingsnummer"] == "000012345678" and first["kvk_nummer"] == "01234567"
    assert second["kvk_nummer"] == "07654321" and second["vestigingsnummer"] == "000098765432"
    assert first["naam"] == "Café Één" and first["sbi_codes"] == ["5630", "4726"]
    assert str(first["datum_aanvang"]) == "2015-02-01" and first["is_hoofdvestiging"] is True
    assert str(second["datum_aanvang"]) == "2023-01-01"  # KVK '00' day means unknown
    assert str(second["datum_einde"]) == "2024-12-31"
    assert first["bag_id"] == "0001200000000001" and second["bag_id"] is None
    assert first["sbi_versie"] == "2008" and first["rij"] == 2


def test_cp1252_file_from_excel_is_read_correctly(con, tmp_path):
    kvk_file.load(con, write(tmp_path, [HEADER, ROWS[0]], encoding="cp1252"), "kvk")
    assert staged(con)[0]["naam"] == "Café Één"


def test_comma_separated_file_is_detected(con, tmp_path):
    lines = [HEADER.replace(";", ","), ROWS[1].replace(";", ",")]
    kvk_file.load(con, write(tmp_path, lines), "kvk")
    assert staged(con)[0]["naam"] == "Nagelstudio Lotus"


def test_impossible_date_names_file_row_and_field(con, tmp_path):
    bad = ROWS[1].replace("20230100", "20230015")
    with pytest.raises(InvoerFout) as err:
        kvk_file.load(con, write(tmp_path, [HEADER, ROWS[0], bad]), "kvk")
    assert str(err.value) == ("bestand kvk.csv, rij 3, veld KVK_Datum_inschrijving_vestiging: "
                              "'20230015' is geen geldige datum")


def test_missing_column_is_named(con, tmp_path):
    header = HEADER.replace("KVK_Vestigingsnummer", "Vestiging")
    with pytest.raises(InvoerFout, match="rij 1, veld KVK_Vestigingsnummer: kolom ontbreekt"):
        kvk_file.load(con, write(tmp_path, [header, ROWS[0]]), "kvk")


def test_empty_file_is_refused(con, tmp_path):
    (tmp_path / "leeg.csv").write_bytes(b"")
    with pytest.raises(InvoerFout, match="bestand leeg.csv: het bestand is leeg"):
        kvk_file.load(con, tmp_path / "leeg.csv", "kvk")


def test_file_without_delimiters_is_refused(con, tmp_path):
    with pytest.raises(InvoerFout, match="scheidingsteken niet herkend"):
        kvk_file.load(con, write(tmp_path, ["zomaar tekst", "nog meer"]), "kvk")


def test_nothing_is_staged_when_a_file_is_refused(con, tmp_path):
    bad = ROWS[1].replace("20230100", "2023-13-45")
    with pytest.raises(InvoerFout):
        kvk_file.load(con, write(tmp_path, [HEADER, bad]), "kvk")
    assert staged(con) == []


def test_xlsx_selection_is_read_like_a_csv(con, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in [HEADER, ROWS[1]]:
        sheet.append(line.split(";"))
    book.save(tmp_path / "selectie.xlsx")
    kvk_file.load(con, tmp_path / "selectie.xlsx", "kvk")
    row = staged(con)[0]
    assert row["naam"] == "Nagelstudio Lotus" and row["sbi_codes"] == ["96022"]


def test_generic_layout_with_a_toml_mapping(con, tmp_path):
    (tmp_path / "kolommen.toml").write_text(
        '[kolommen]\nvestigingsnummer = "Vestnr"\nkvk_nummer = "KvK"\nnaam = "Naam"\n'
        'postcode = "PC"\nhuisnummer = "Nr"\nsbi_codes = "SBI"\n[opties]\nsbi_versie = "2025"\n')
    path = write(tmp_path, ["Vestnr,KvK,Naam,PC,Nr,SBI", "1,2,Kapper Knip,1234AB,12,96210"])
    kvk_file.load(con, path, "kvk", kolommen=tmp_path / "kolommen.toml")
    row = staged(con)[0]
    assert (row["vestigingsnummer"], row["kvk_nummer"], row["sbi_versie"]) == (
        "000000000001", "00000002", "2025")


def test_mapping_that_names_a_missing_column_is_refused(con, tmp_path):
    (tmp_path / "k.toml").write_text('[kolommen]\nvestigingsnummer = "X"\nkvk_nummer = "KvK"\n'
                                     'naam = "Naam"\npostcode = "PC"\nhuisnummer = "Nr"\n')
    path = write(tmp_path, ["KvK,Naam,PC,Nr", "2,A,1234AB,1"])
    with pytest.raises(InvoerFout, match="rij 1, veld X: kolom 'X' \\(voor vestigingsnummer\\)"):
        kvk_file.load(con, path, "kvk", kolommen=tmp_path / "k.toml")


def test_binary_file_pretending_to_be_csv_is_refused_without_reading_it_all(con, tmp_path):
    path = tmp_path / "export.csv"
    with open(path, "wb") as f:
        f.write(b"\x00\x01\x02" * 1000)
        f.seek(2 * 1024**3 - 1)  # a sparse 2 GB file: refusing it must not read it
        f.write(b"\x00")
    with pytest.raises(InvoerFout, match="export.csv: dit is geen tekstbestand"):
        kvk_file.load(con, path, "kvk")


def test_excel_file_saved_with_a_csv_name_is_explained(con, tmp_path):
    (tmp_path / "kvk.csv").write_bytes(b"PK\x03\x04rest of a zip")
    with pytest.raises(InvoerFout, match="ZIP- of Excel-bestand, geen CSV"):
        kvk_file.load(con, tmp_path / "kvk.csv", "kvk")


@pytest.mark.parametrize("veld, waarde, melding", [
    ("KVK_Nummer", "1234567A", "'1234567A' is geen KVK-nummer (alleen cijfers, 8 lang)"),
    ("KVK_Nummer", "123456789", "'123456789' is te lang voor een KVK-nummer (9 cijfers, "
                                "verwacht 8); Zicht kort het niet in"),
    ("KVK_Vestigingsnummer", "", "vestigingsnummer ontbreekt (verwacht 12 cijfers)"),
    ("KVK_Vestigingsnummer", "0000123456789", "'0000123456789' is te lang voor een "
                                              "vestigingsnummer (13 cijfers, verwacht 12); "
                                              "Zicht kort het niet in"),
    ("KVK_Vestigingsnummer", "1.23E+11", "'1.23E+11' is geen vestigingsnummer (alleen cijfers, "
                                         "12 lang)"),
])
def test_bad_kvk_identifier_is_refused_with_file_row_and_field_never_cut_or_padded(
        con, tmp_path, veld, waarde, melding):
    columns = HEADER.split(";")
    values = ROWS[1].split(";")
    values[columns.index(veld)] = waarde
    path = write(tmp_path, [HEADER, ROWS[0], ";".join(values)])
    with pytest.raises(InvoerFout) as info:
        kvk_file.load(con, path, "kvk")
    assert str(info.value) == f"bestand kvk.csv, rij 3, veld {veld}: {melding}"
    assert staged(con) == []


def test_short_numbers_get_back_the_leading_zeros_a_spreadsheet_dropped(con, tmp_path):
    kvk_file.load(con, write(tmp_path, [HEADER, *ROWS]), "kvk")
    second = staged(con)[1]
    assert (second["kvk_nummer"], second["vestigingsnummer"]) == ("07654321", "000098765432")
