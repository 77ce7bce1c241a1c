"""The SBI version of every delivered code, decided from KVK's official lists (loaders/sbi_versie):
never from a registration date or the length of a code, and no code is ever dropped quietly."""

from __future__ import annotations

import json

from loaders import sbi_versie
from loaders.kvk import api_json as kvk_json
from loaders.kvk import file as kvk_file
from tests.conftest import shared_file
from tests.loaders.test_pipeline import zicht

KOLOMMEN = ["KVK_Vestigingsnummer", "KVK_Nummer", "KVK_Handelsnaam", "postcode", "huisnummer",
            "KVK_SBI_code", "KVK_SBI_code_hoofdactiviteit", "KVK_SBI_omschrijving_hoofdact",
            "KVK_SBI_code_nevenactiviteit1", "KVK_SBI_code_nevenactiviteit2",
            "KVK_Bedrijfsactiviteit", "KVK_Datum_inschrijving_vestiging"]


def dook(tmp_path, rows: list[dict], name="selectie.csv"):
    """A DOOK-layout file; each row gives some columns, the rest stay empty."""
    lines = [";".join(KOLOMMEN)]
    for i, row in enumerate(rows, start=1):
        base = {"KVK_Vestigingsnummer": f"{i:012d}", "KVK_Nummer": f"{i:08d}",
                "KVK_Handelsnaam": f"Vestiging {i}", "postcode": "2711AA", "huisnummer": str(i),
                "KVK_Datum_inschrijving_vestiging": "01-03-2012"}
        lines.append(";".join({**base, **row}.get(k, "") for k in KOLOMMEN))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rows(con) -> dict[str, dict]:
    cur = con.execute("SELECT * FROM kvk_invoer")
    names = [d[0] for d in cur.description]
    return {r[0].lstrip("0"): dict(zip(names, r, strict=True)) for r in cur.fetchall()}


def warnings(con, soort: str) -> list[dict]:
    cur = con.execute("SELECT * FROM waarschuwing WHERE soort = ? ORDER BY sleutel, veld", [soort])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def test_post_conversion_dook_file_reads_sbi2025_codes_on_old_registrations(con, tmp_path):
    # registered in 2012, exported after KVK's conversion: the codes say SBI 2025, the date not
    kvk_file.load(con, dook(tmp_path, [
        {"KVK_SBI_code_hoofdactiviteit": "96220", "KVK_SBI_code": "96220,47260"},
        {"KVK_SBI_code_hoofdactiviteit": "56300"},
        {"KVK_SBI_code_hoofdactiviteit": "4726"},  # in both lists: the file decides
    ]), "kvk")
    got = rows(con)
    assert [got[n]["sbi_versie"] for n in ("1", "2", "3")] == ["2025", "2025", "2025"]
    assert got["1"]["sbi_codes"] == ["96220", "47260"] and got["1"]["sbi_hoofd"] == "96220"


def test_mixed_file_decides_the_version_per_record(con, tmp_path):
    kvk_file.load(con, dook(tmp_path, [
        {"KVK_SBI_code_hoofdactiviteit": "96022", "KVK_SBI_code_nevenactiviteit1": "4742"},
        {"KVK_SBI_code_hoofdactiviteit": "96220", "KVK_SBI_code_nevenactiviteit1": "47402"},
    ]), "kvk")
    got = rows(con)
    assert (got["1"]["sbi_versie"], got["1"]["sbi_codes"]) == ("2008", ["96022", "4742"])
    assert (got["2"]["sbi_versie"], got["2"]["sbi_codes"]) == ("2025", ["96220", "47402"])


def test_saved_api_answer_with_five_digit_sbi2008_codes_is_sbi2008(con, tmp_path):
    doc = {"vestigingsnummer": "000012345678", "kvkNummer": "12345678",
           "sbiActiviteiten": [
               {"sbiCode": "96022", "sbiOmschrijving": "Schoonheidsverzorging",
                "indHoofdactiviteit": "Ja"},
               {"sbiCode": "47782", "sbiOmschrijving": "Winkels in brillen",
                "indHoofdactiviteit": "Nee"}]}
    (tmp_path / "v.json").write_text(json.dumps(doc), encoding="utf-8")
    kvk_json.load(con, tmp_path / "v.json", "api")
    (row,) = rows(con).values()
    assert row["sbi_versie"] == "2008" and row["sbi_codes"] == ["96022", "47782"]
    assert row["sbi_hoofd"] == "96022"


def test_code_with_its_leading_zero_stripped_is_found(con, tmp_path):
    # the real answer holds "01241"; a number in a hand-saved answer or Excel loses the zero
    doc = json.loads(shared_file("fixtures", "kvk", "basisprofiel_68750110.json").read_text())
    doc["sbiActiviteiten"][0]["sbiCode"] = 1241  # the hoofdvestiging's, via the Basisprofiel
    (tmp_path / "b.json").write_text(json.dumps(doc), encoding="utf-8")
    kvk_json.load(con, tmp_path / "b.json", "api")
    kvk_file.load(con, dook(tmp_path, [{"KVK_SBI_code_hoofdactiviteit": "1241.0"}]), "dook")
    for row in rows(con).values():
        assert row["sbi_codes"] == ["01241"] and row["sbi_hoofd"] == "01241"
        assert row["sbi_onbekend"] == []
    assert warnings(con, "sbi_onbekend") == []


def test_ambiguous_code_is_decided_by_the_records_other_codes_and_the_reason_is_recorded(
        con, tmp_path):
    # 68202: "Gemeentelijke woningbedrijven" in SBI 2008, "Verhuur en exploitatie van overige
    # woonruimte" in SBI 2025; 47402 exists only in SBI 2025
    kvk_file.load(con, dook(tmp_path, [
        {"KVK_SBI_code_hoofdactiviteit": "68202", "KVK_SBI_code_nevenactiviteit1": "47402"}]),
        "kvk")
    (row,) = rows(con).values()
    assert row["sbi_versie"] == "2025" and row["sbi_hoofd"] == "68202"
    (w,) = warnings(con, "sbi_dubbelzinnig")
    assert (w["sleutel"], w["veld"], w["waarde"], w["rij"]) == (
        "000000000001", "KVK_SBI_code_hoofdactiviteit", "68202", 2)
    assert "Gemeentelijke woningbedrijven" in w["toelichting"]
    assert "gelezen als SBI 2025 omdat de andere SBI-codes van deze vestiging" in w["toelichting"]


def test_ambiguous_code_alone_is_decided_by_the_other_codes_of_the_file(con, tmp_path):
    kvk_file.load(con, dook(tmp_path, [
        {"KVK_SBI_code_hoofdactiviteit": "68202"},
        {"KVK_SBI_code_hoofdactiviteit": "96022"},
        {"KVK_SBI_code_hoofdactiviteit": "4742"},
    ]), "kvk")
    assert rows(con)["1"]["sbi_versie"] == "2008"
    (w,) = warnings(con, "sbi_dubbelzinnig")
    assert ("gelezen als SBI 2008 omdat de andere codes van dit bestand dat zeggen "
            "(0 vestigingen met alleen SBI 2025-codes, 2 met alleen SBI 2008-codes)"
            ) in w["toelichting"]


def test_unknown_code_is_listed_and_kept(con, tmp_path):
    kvk_file.load(con, dook(tmp_path, [
        {"KVK_SBI_code_hoofdactiviteit": "99999", "KVK_SBI_code_nevenactiviteit1": "4742"},
        {"KVK_SBI_code_hoofdactiviteit": "96022"},
    ]), "kvk")
    got = rows(con)
    assert len(got) == 2
    assert got["1"]["sbi_onbekend"] == ["99999"] and got["1"]["sbi_codes"] == ["4742"]
    assert got["1"]["sbi_hoofd"] is None  # the main activity is the unknown code, not the neven
    (w,) = warnings(con, "sbi_onbekend")
    assert (w["bron"], w["sleutel"], w["rij"], w["veld"], w["waarde"]) == (
        "kvk", "000000000001", 2, "KVK_SBI_code_hoofdactiviteit", "99999")
    assert "SBI onbekend" in w["toelichting"]
    assert any("SBI onbekend (code in geen van beide lijsten): 1 vestiging, codes 99999" in r
               for r in sbi_versie.summary(con, "kvk"))


def test_real_api_answer_with_codes_in_neither_list_keeps_every_vestiging(con):
    # kvk-connect's test profile carries 62010/62020/62090: NACE-like, in neither SBI list
    path = shared_file("fixtures", "kvk", "kvkconnect_test_input_vestigingsprofielen.json")
    kvk_json.load(con, path, "api")
    (row,) = rows(con).values()
    assert row["sbi_codes"] == [] and sorted(row["sbi_onbekend"]) == ["62010", "62020", "62090"]
    assert {w["waarde"] for w in warnings(con, "sbi_onbekend")} == {"62010", "62020", "62090"}


def test_dook_neven_columns_are_read(con, tmp_path):
    kvk_file.load(con, dook(tmp_path, [
        {"KVK_SBI_code_hoofdactiviteit": "96022", "KVK_SBI_code_nevenactiviteit1": "4742",
         "KVK_SBI_code_nevenactiviteit2": "9604"}]), "kvk")
    (row,) = rows(con).values()
    assert row["sbi_codes"] == ["96022", "4742", "9604"] and row["sbi_hoofd"] == "96022"


def test_empty_main_sbi_is_taken_from_another_field(con, tmp_path):
    kvk_file.load(con, dook(tmp_path, [
        {"KVK_SBI_code": "96022, 4742"},
        {"KVK_SBI_code_nevenactiviteit1": "4742",
         "KVK_SBI_omschrijving_hoofdact": "96022 Schoonheidsverzorging"},
        {"KVK_SBI_code_nevenactiviteit1": "4742", "KVK_Bedrijfsactiviteit": "24 uurs service"},
    ]), "kvk")
    got = rows(con)
    assert got["1"]["sbi_hoofd"] == "96022" and got["1"]["sbi_codes"] == ["96022", "4742"]
    assert got["2"]["sbi_hoofd"] == "96022" and got["2"]["sbi_codes"] == ["96022", "4742"]
    assert got["3"]["sbi_hoofd"] == "4742"  # "24 uurs" is no SBI code


def test_load_kvk_file_summary_names_unknown_codes(tmp_path):
    path = dook(tmp_path, [{"KVK_SBI_code_hoofdactiviteit": "99999"},
                           {"KVK_SBI_code_hoofdactiviteit": "96022",
                            "KVK_SBI_code_nevenactiviteit1": "123456"}])
    proc = zicht(tmp_path / "data", "load", "kvk-file", str(path), "--naam", "kvk",
                 "--peildatum", "2026-11-01")
    assert proc.returncode == 0, proc.stderr
    assert "SBI-versie per vestiging (uit de officiële lijsten): SBI 2008: 2" in proc.stdout
    assert "SBI onbekend (code in geen van beide lijsten): 2 vestigingen, codes 123456, 99999" \
        in proc.stdout
