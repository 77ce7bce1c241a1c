"""The Gegevens page without a browser (streamlit.testing AppTest): upload, check, register,
rebuild in the background, and what a non-beheerder may see."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import snapshots
from ui.pages import gegevens

HEADER = ("BAG numid;straat;huisnummer;huisletter;huisnummertoevoeging;postcode;gemeentenaam;"
          "KVK_Handelsnaam;KVK_Nummer;KVK_SBI_code;KVK_SBI_code_hoofdactiviteit;KVK_Rechtsvorm;"
          "KVK_Vestigingsnummer;KVK_Datum_inschrijving_vestiging;"
          "KVK_Datum_uitschrijving_vestiging;KVK_Indicatiehoofdvestiging")
ROW_1 = ";Dorpsstraat;12;A;;1234AB;Demostad;Kapsalon Knip;01234567;96021;96021;Eenmanszaak;" \
        "000012345678;01-02-2015;;Ja"
ROW_2 = ";Kerkweg;3;;;1234AC;Demostad;Nagelstudio Lotus;07654321;96022;96022;Eenmanszaak;" \
        "000098765432;31-02-2024;;Nee"
BUILD_TIMEOUT_S = 60
PEILDATUM_VRAGEN = ("Vul de peildatum in: de datum waarop de gegevens betrekking hebben. Het "
                    "bestand noemt er geen, en Zicht neemt niet zomaar de datum van vandaag.")


def csv(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def _page() -> None:
    from ui.pages import gegevens as page

    page.render()


@pytest.fixture
def data_dir(demo_data_dir, tmp_path, monkeypatch) -> Path:
    """A private copy of the demo data dir (the shared one is never touched)."""
    target = tmp_path / "data"
    shutil.copytree(demo_data_dir, target, ignore=shutil.ignore_patterns("demo-bronnen", "bouw"))
    monkeypatch.setenv("ZICHT_DATA_DIR", str(target))
    monkeypatch.setenv("ZICHT_MODE", "demo")
    return target


def run_page() -> AppTest:
    at = AppTest.from_function(_page, default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "error", "success", "warning", "text")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def table(at: AppTest, index: int):
    """An st.table with the Markdown escapes the page adds taken out again."""
    return at.table[index].value.replace(r"\\(.)", r"\1", regex=True)


def frame_with(at: AppTest, column: str):
    """The st.dataframe that has this column (dataframes without selection carry no key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def in_use(at: AppTest) -> str:
    """The snapshot the Snapshots tab marks as in use."""
    snapshots_ = table(at, -1)
    return snapshots_.loc[snapshots_["In gebruik"] != "", "Snapshot"].item()


def state_of(data_dir: Path) -> tuple[bytes, bytes]:
    return (data_dir / "bronnen.json").read_bytes(), (data_dir / "current").read_bytes()


def upload_and_check(at: AppTest, name: str, content: bytes) -> AppTest:
    at.file_uploader(key="gegevens_bestand_kvk_0").set_value((name, content, "text/csv"))
    at.run()
    assert not any(b.key == "gegevens_controleren" for b in at.button)  # no peildatum yet
    assert PEILDATUM_VRAGEN in [w.value for w in at.warning]
    at.date_input[0].set_value(date(2026, 11, 1))
    at.run()
    at.button(key="gegevens_controleren").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_page_shows_sources_match_quality_unmatched_and_snapshots(data_dir):
    at = run_page()
    text = texts(at)
    assert "Demostad" in text and "Snapshot in gebruik" in [h.value for h in at.subheader]
    bronnen = table(at, 0)
    assert {"Peildatum", "Geladen op", "Rijen", "Bestand of URL", "Checksum"} <= set(bronnen.columns)
    assert "KVK-selectie, DOOK-export (SBI 2008) · kvk-dook" in set(bronnen["Bron"])
    assert not any("/" in str(v) for v in bronnen["Bestand of URL"])  # no server paths
    assert "Status" not in bronnen.columns  # everything registered is in use
    koppeling = table(at, 1)
    assert {"Via BAG-id", "Via adres", "Via coördinaten", "Niet gekoppeld"} <= set(koppeling.columns)
    assert "Gekoppeld aan een BAG-adres" in [m.label for m in at.metric]
    zekerheid = table(at, 2)
    assert {"Zeker", "Onzeker", "Meerdere kandidaten", "BAG-id onbekend"} <= set(zekerheid.columns)
    assert set(zekerheid["Bron"]) == set(koppeling["Bron"])
    open_ = frame_with(at, "Reden")
    assert {"Naam", "Reden", "Adres zoals geleverd", "Score", "Kandidaten"} <= set(open_.columns)
    assert set(open_["Reden"]) <= set(gegevens.REDENEN)
    assert in_use(at) == snapshots.current_snapshot(data_dir).name
    assert at.get("download_button")


def test_bad_date_gives_dutch_error_with_row_and_field_and_changes_nothing(data_dir):
    before = state_of(data_dir)
    at = upload_and_check(run_page(), "selectie-nov.csv", csv(ROW_1, ROW_2))
    fout = "\n".join(e.value for e in at.error)
    assert "Het bestand is niet in orde" in fout
    assert "Bestand: selectie\\-nov\\.csv" in fout
    assert "Rij: 3" in fout and "Veld: KVK\\_Datum\\_inschrijving\\_vestiging" in fout
    assert "31\\-02\\-2024" in fout and "geen geldige datum" in fout
    assert not _has_button(at, "gegevens_registreren")
    assert state_of(data_dir) == before


def _has_button(at: AppTest, key: str) -> bool:
    return any(b.key == key for b in at.button)


def test_upload_with_an_unknown_sbi_code_says_so_and_keeps_the_vestiging(data_dir):
    onbekend = ROW_1.replace(";96021;96021;", ";99999,96021;99999;")
    at = upload_and_check(run_page(), "selectie-nov.csv", csv(onbekend))
    alles = texts(at)
    assert "1 vestiging gelezen; SBI-versie 2008" in alles
    assert "1 vestigingen hebben een SBI-code die niet in de officiële lijst" in alles
    assert "(99999)" in alles and "SBI onbekend" in alles


def test_good_file_is_previewed_and_registered_only_on_the_button(data_dir):
    before = state_of(data_dir)
    content = csv(ROW_1)
    at = upload_and_check(run_page(), "selectie-nov.csv", content)
    assert "1 vestiging gelezen; SBI-versie 2008 (per code opgezocht in de officiële lijsten)" in texts(at)
    preview = frame_with(at, "Ingeschreven")
    assert preview["Vestigingsnummer"].tolist() == ["000012345678"]
    assert preview["KVK-nummer"].tolist() == ["01234567"]
    assert preview["Ingeschreven"].tolist() == ["01-02-2015"]
    assert preview["Uitgeschreven"].tolist() == ["–"]
    assert state_of(data_dir) == before  # checked, not yet registered
    at.button(key="gegevens_registreren").click()
    at.run()
    assert not at.exception
    bronnen = json.loads((data_dir / "bronnen.json").read_text(encoding="utf-8"))
    nieuw = next(b for b in bronnen if b["bron"] == "kvk-selectie-nov")
    assert nieuw["checksum"] == hashlib.sha256(content).hexdigest()
    assert Path(nieuw["pad"]).name == "selectie-nov.csv" and "uploads" in nieuw["pad"]
    assert (data_dir / "current").read_bytes() == before[1]  # the snapshot is untouched
    assert "is geregistreerd" in texts(at)
    assert "nieuw: nog niet gebouwd" in set(table(at, 0)["Status"])


def test_generic_layout_is_mapped_in_the_page(data_dir):
    content = (b"Vestigingsnr;KvK-nummer;Handelsnaam;Postcode;Huisnr\r\n"
               b"400000001;1234567;Kapsalon Knip;1234AB;5\r\n")
    at = upload_and_check(run_page(), "eigen.csv", content)
    assert at.radio[1].value == "kiezen"  # not DOOK: the column choice opens by itself
    assert "1 vestiging gelezen; geen SBI-codes in het bestand" in texts(at), texts(at)
    assert any(b.label.startswith("Kolomindeling bewaren") for b in at.get("download_button"))


def test_rebuild_runs_in_the_background_and_the_page_follows_it(data_dir):
    before = snapshots.current_snapshot(data_dir).name
    path = data_dir / "bronnen.json"
    bronnen = json.loads(path.read_text(encoding="utf-8"))
    bronnen[0]["peildatum"] = "2030-01-01"
    path.write_text(json.dumps(bronnen), encoding="utf-8")
    at = run_page()
    assert "nog niet in de snapshot" in texts(at)
    at.button(key="gegevens_bouwen").click()
    at.run()
    assert at.get("progress") and "Bezig" in at.get("progress")[0].proto.text
    deadline = time.monotonic() + BUILD_TIMEOUT_S
    while "De laatste bouw is gelukt" not in texts(at):
        assert time.monotonic() < deadline, texts(at)
        time.sleep(0.5)
        at.run()
    after = snapshots.current_snapshot(data_dir).name
    assert after != before and after.startswith("zicht-2030-01-01-")
    assert in_use(at) == after
    assert "Status" not in table(at, 0).columns


def test_outside_demo_mode_only_a_beheerder_adds_files(data_dir, monkeypatch):
    monkeypatch.setenv("ZICHT_MODE", "productie")
    at = run_page()
    assert gegevens.ALLEEN_BEHEERDER in [i.value for i in at.info]
    assert not at.file_uploader and not _has_button(at, "gegevens_bouwen")
    assert not any("/" in str(v) for v in table(at, 0)["Bestand of URL"])


def test_no_snapshot_yet_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("ZICHT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ZICHT_MODE", "demo")
    at = run_page()
    assert gegevens.GEEN_SNAPSHOT in [i.value for i in at.info]


def test_a_beheerder_sees_server_paths_and_may_add_files(data_dir, monkeypatch):
    class Beheerder:
        def heeft_rol(self, *rollen):
            return "beheerder" in rollen

    monkeypatch.setenv("ZICHT_MODE", "productie")
    monkeypatch.setattr(gegevens, "_gebruiker", Beheerder)
    at = run_page()
    assert at.file_uploader and _has_button(at, "gegevens_bouwen")
    assert all(str(v).startswith("/") for v in table(at, 0)["Bestand of URL"])


def test_every_bad_date_of_a_file_is_listed_at_once_with_a_download(data_dir):
    before = state_of(data_dir)
    bad = [ROW_2.replace("000098765432", f"00009876543{n}").replace("31-02-2024", f"3{n}-13-2024")
           for n in range(3)]
    ended = ROW_1.replace(";01-02-2015;;Ja", ";01-02-2015;99-99-9999;Ja").replace(
        "000012345678", "000012345679")  # one row per vestiging: a repeated number is refused
    at = upload_and_check(run_page(), "selectie-nov.csv", csv(ROW_1, *bad, ended))
    fout = "\n".join(e.value for e in at.error)
    assert "4 problemen gevonden" in fout
    table = frame_with(at, "Probleem")
    assert table["Rij"].tolist() == [3, 4, 5, 6]
    assert set(table["Veld"]) == {"KVK_Datum_inschrijving_vestiging", "KVK_Datum_uitschrijving_vestiging"}
    assert any("99-99-9999" in p for p in table["Probleem"])
    assert any(b.key == "gegevens_fouten_download" for b in at.get("download_button"))
    assert state_of(data_dir) == before
