"""A small later KVK upload does not move the peildatum of everything.

Demostad's BAG and main KVK selection are dated 01-11-2026; a 4-row KVK upload dated 01-12-2026
is registered and built through the real CLI. "Actief op" stays 01-11-2026 (the main KVK
selection's own date), BAG keeps its date, and geo.peildata names the upload's different date.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo import snapshots
from geo.peildata import peildata
from tests.loaders.test_pipeline import zicht

UPLOAD_HEADER = (
    "BAG numid;straat;huisnummer;huisletter;huisnummertoevoeging;postcode;gemeentenaam;KVK_Handelsnaam;"
    "KVK_Nummer;KVK_SBI_code;KVK_SBI_code_hoofdactiviteit;KVK_Rechtsvorm;KVK_Vestigingsnummer;"
    "KVK_Datum_inschrijving_vestiging;KVK_Datum_uitschrijving_vestiging;KVK_Indicatiehoofdvestiging")
UPLOAD_ROWS = [
    f";Uploadstraat;{n};;;9999ZZ;Demostad;Upload Bedrijf {n};8800000{n};4711;4711;Eenmanszaak;"
    f"00088000000{n};01-02-2020;;Ja" for n in range(1, 5)]


def write_small_upload(folder: Path) -> Path:
    path = folder / "kvk-aanvulling-december.csv"
    path.write_text("\r\n".join([UPLOAD_HEADER, *UPLOAD_ROWS]) + "\r\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def with_upload(tmp_path_factory) -> Path:
    """Demostad plus a 4-row KVK upload dated 01-12-2026, built (shared by this module)."""
    from demo.sources import generate_and_register

    data = tmp_path_factory.mktemp("peildata")
    generate_and_register(data, 0.05, 7, vervang=False, vorige=False)
    upload = write_small_upload(data)
    loaded = zicht(data, "load", "kvk-file", str(upload), "--naam", "kvk-upload", "--peildatum", "2026-12-01")
    assert loaded.returncode == 0, loaded.stderr
    built = zicht(data, "build")
    assert built.returncode == 0, built.stderr
    return data


def test_a_small_later_upload_keeps_the_main_peildatum_for_actief_op(with_upload):
    con = snapshots.open_current(with_upload)
    try:
        meta = dict(con.execute("SELECT sleutel, waarde FROM meta").fetchall())
        keys = ("bron", "omschrijving", "peildatum", "rijen", "bestand", "soort")
        rows = con.execute("SELECT bron, omschrijving, peildatum, rijen, bestand, soort FROM bron").fetchall()
        bronnen = [dict(zip(keys, r, strict=True)) for r in rows]
        uploaded = con.execute("SELECT count(*) FROM vestiging WHERE bron = 'kvk-upload'").fetchone()[0]
    finally:
        con.close()
    assert uploaded == 4
    assert meta["peildatum"] == "2026-11-01" and meta["peildatum_bag"] == "2026-11-01"
    pd = peildata(meta, bronnen)
    assert "kvk-upload: 01-12-2026, 4 rijen" in pd.verschil_tekst()
    assert "geldt op 01-11-2026" in pd.verschil_tekst()
    assert pd.van("panden").startswith("BAG") and "01-11-2026" in pd.van("panden")
    assert "01-12-2026" in pd.van("actieve_vestigingen") and "01-12-2026" not in pd.van("panden")
