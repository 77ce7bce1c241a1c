"""`zicht load kvk-json|kvk-file|bag-xml`, `zicht status` and `zicht waarschuwingen` through the real
CLI: what is refused (with file, row and field), what is skipped (with its reason), which peildatum
a source gets, and how duplicates and other warnings are reported."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from geo import snapshots
from loaders.sources import read_register
from tests.conftest import shared_file
from tests.loaders.test_pipeline import query, zicht

KVK = ("fixtures", "kvk")


def copy_of_demo(demo_data_dir, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(demo_data_dir, data)
    return data


def status_json(data) -> dict:
    result = zicht(data, "status", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_kvk_json_loads_several_files_and_lists_what_it_skipped_and_why(tmp_path):
    files = [shared_file(*KVK, n) for n in (
        "basisprofiel_68750110.json", "zoeken_v2_multiple_branches.json", "zoeken_v2_simple.json",
        "zoeken_v2_empty.json", "kvkconnect_test_input_mutatie_abonnement.json")]
    result = zicht(tmp_path, "load", "kvk-json", *map(str, files), "--naam", "kvk-antwoorden",
                   "--peildatum", "2026-11-01")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "bestand overgeslagen: zoeken_v2_simple.json: geen Vestigingsprofiel of Basisprofiel: " \
           "een Zoeken-antwoord met alleen rechtspersonen" in out
    assert "bestand overgeslagen: zoeken_v2_empty.json: Zoeken-antwoord zonder resultaten" in out
    assert "bestand overgeslagen: kvkconnect_test_input_mutatie_abonnement.json:" in out
    assert "bron 'kvk-antwoorden' geregistreerd: 3 rijen gecontroleerd" in out
    (bron,) = read_register(tmp_path)
    assert bron.opties["bestanden"] == [str(f.resolve()) for f in files]


def test_kvk_json_with_nothing_loadable_is_refused_with_every_reason(tmp_path):
    files = [shared_file(*KVK, n) for n in ("zoeken_v2_simple.json", "zoeken_v2_empty.json")]
    result = zicht(tmp_path, "load", "kvk-json", *map(str, files), "--peildatum", "2026-11-01")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "zicht: fout: bestand zoeken_v2_simple.json en 1 andere: niets te laden "
        "(zoeken_v2_simple.json: geen Vestigingsprofiel")
    assert not (tmp_path / "bronnen.json").exists()


def test_load_without_peildatum_is_refused_and_changes_nothing(demo_data_dir, tmp_path):
    data = copy_of_demo(demo_data_dir, tmp_path)
    before, register_before = status_json(data), (data / "bronnen.json").read_bytes()
    profiel = shared_file(*KVK, "vestigingsprofiel_000019061714_meppel.json")
    result = zicht(data, "load", "kvk-json", str(profiel))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "zicht: fout: bestand vestigingsprofiel_000019061714_meppel.json, veld peildatum: de "
        "peildatum (de datum waarop de gegevens betrekking hebben) staat niet in het bestand; "
        "geef hem met --peildatum JJJJ-MM-DD")
    assert status_json(data) == before
    assert (data / "bronnen.json").read_bytes() == register_before


def test_bad_kvk_number_is_refused_through_the_cli_and_status_is_unchanged(demo_data_dir, tmp_path):
    data = copy_of_demo(demo_data_dir, tmp_path)
    before = status_json(data)
    bad = tmp_path / "kvk.csv"
    bad.write_text("KVK_Vestigingsnummer;KVK_Nummer;KVK_Handelsnaam;postcode;huisnummer\n"
                   "000000000001;12345678;A;1234AB;1\n000000000002;123456789;B;1234AB;2\n")
    result = zicht(data, "load", "kvk-file", str(bad), "--peildatum", "2026-11-01")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "zicht: fout: bestand kvk.csv, rij 3, veld KVK_Nummer: '123456789' is te lang voor een "
        "KVK-nummer (9 cijfers, verwacht 8); Zicht kort het niet in")
    assert status_json(data) == before


def test_lvbag_extract_gets_the_peildatum_its_leveringsdocument_states(tmp_path):
    extract = shared_file("fixtures", "bag", "BAGNLDL-15092020-small.zip")
    result = zicht(tmp_path, "load", "bag-xml", str(extract))
    assert result.returncode == 0, result.stderr
    assert "peildatum 2020-09-15 (StandTechnischeDatum in het Leveringsdocument)" in result.stdout
    assert read_register(tmp_path)[0].peildatum == "2020-09-15"


def test_given_peildatum_overrides_the_file_and_says_what_the_file_states(tmp_path):
    extract = shared_file("fixtures", "bag", "BAGNLDL-15092020-small.zip")
    result = zicht(tmp_path, "load", "bag-xml", str(extract), "--peildatum", "2020-10-01")
    assert result.returncode == 0, result.stderr
    assert "peildatum 2020-10-01 (opgegeven; het bestand noemt StandTechnischeDatum" in result.stdout
    assert read_register(tmp_path)[0].peildatum == "2020-10-01"


@pytest.fixture(scope="module")
def met_dubbel(demo_data_dir, tmp_path_factory):
    """The demo plus a newer KVK answer for one vestiging the demo's DOOK file also holds."""
    data = copy_of_demo(demo_data_dir, tmp_path_factory.mktemp("dubbel"))
    ((nummer, kvk_nummer),) = query(data, "SELECT vestigingsnummer, kvk_nummer FROM vestiging "
                                          "WHERE bron = 'kvk-dook' ORDER BY 1 LIMIT 1")
    antwoord = data / "nieuw.json"
    antwoord.write_text(json.dumps({"vestigingsnummer": nummer, "kvkNummer": kvk_nummer,
                                    "eersteHandelsnaam": "Nieuwere naam", "adressen": []}))
    for args in (("load", "kvk-json", str(antwoord), "--naam", "kvk-nieuw", "--peildatum",
                  "2026-12-01"), ("build",)):
        result = zicht(data, *args)
        assert result.returncode == 0, result.stderr
    return data, nummer


def test_duplicate_is_counted_in_status_per_source_and_kind(met_dubbel):
    data, nummer = met_dubbel
    report = status_json(data)
    assert report["waarschuwingen"]["kvk-dook"]["dubbel"] == 1
    assert query(data, "SELECT naam, bron FROM vestiging WHERE vestigingsnummer = ?",
                 [nummer]) == [("Nieuwere naam", "kvk-nieuw")]
    text = zicht(data, "status").stdout
    assert "Waarschuwingen" in text and "1 dubbel geleverd" in text


def test_waarschuwingen_lists_one_line_per_warning_and_writes_a_csv(met_dubbel, tmp_path):
    data, nummer = met_dubbel
    listed = zicht(data, "waarschuwingen", "--bron", "kvk-dook", "--soort", "dubbel")
    assert listed.returncode == 0, listed.stderr
    (line,) = listed.stdout.strip().splitlines()
    assert line.startswith(f"kvk-dook\tdubbel geleverd\t{nummer}\trij ")
    assert "vestiging staat ook in bron kvk-nieuw (peildatum 01-12-2026)" in line
    out = tmp_path / "w.csv"
    assert zicht(data, "waarschuwingen", "--soort", "dubbel", "--csv", str(out)).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Bron", "Soort", "Sleutel", "Rij", "Veld", "Waarde", "Toelichting"]
    assert rows[1][:3] == ["kvk-dook", "dubbel geleverd", nummer]
    assert snapshots.current_snapshot(data) is not None
