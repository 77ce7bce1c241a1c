"""The beauty inventory: SBI types counted by hoofdactiviteit, side lines and keyword hits apart,
woonadres against bedrijfsadres, new in 12 months, per buurt, and the XLSX with a sheet per type.

On the demo (scale 0.05, seed 7): 39 businesses by SBI hoofdactiviteit (13 kappers,
16 schoonheid/nagels, 6 wellness, 4 overig; 17 of them on a dwelling, the 12 planted massage
salons among them), 3 with a beauty side line only, and the 2 planted businesses that only a
keyword finds ("massage" in the name, SBI 86919 paramedisch, on a shop address).
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from exports import inventory_xlsx
from geo import inventory, snapshots
from geo.db import connect

TYPE_SQL = """CASE
    WHEN v.sbi_hoofd IN ('96021', '96210') THEN 'kapper'
    WHEN v.sbi_hoofd IN ('96022', '96220') THEN 'schoonheid'
    WHEN v.sbi_hoofd LIKE '9604%' OR v.sbi_hoofd = '96230' THEN 'wellness'
    WHEN v.sbi_hoofd LIKE '9609%' OR v.sbi_hoofd = '96990' THEN 'overig' END"""


@pytest.fixture(scope="module")
def con(demo_data_dir):
    con = connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def rows(con) -> list[dict]:
    return inventory.vestigingen(con)


def test_sbi_types_match_an_independent_count_by_hoofdactiviteit(con, rows):
    expected = dict(con.execute(f"""
        SELECT {TYPE_SQL} AS t, count(*) FROM vestiging v
        WHERE is_actief(v.datum_aanvang, v.datum_einde, '2026-11-01') AND t IS NOT NULL
        GROUP BY t""").fetchall())
    counts = {s["soort"]: s["totaal"] for s in inventory.per_soort(rows)}
    assert {k: counts[k] for k in expected} == expected
    assert expected == {"kapper": 13, "schoonheid": 16, "wellness": 6, "overig": 4}


def test_dwelling_or_business_address_follows_the_bag(con, rows):
    thuis = {r[0] for r in con.execute(f"""
        SELECT v.vestigingsnummer FROM vestiging v
        JOIN verblijfsobject b ON b.identificatie = v.verblijfsobject_id
        WHERE is_actief(v.datum_aanvang, v.datum_einde, '2026-11-01')
          AND b.gebruiksdoelen = ['woonfunctie'] AND ({TYPE_SQL}) IS NOT NULL""").fetchall()}
    mine = {r["vestigingsnummer"] for r in rows if r["categorie"] == "sbi"
            and r["adrestype"] == "woonadres"}
    assert mine == thuis and len(thuis) == 17


def test_planted_massage_salons_are_sbi_types_on_dwellings_with_a_sex_keyword(rows, planted):
    mine = {r["vestigingsnummer"]: r for r in rows}
    for nr in planted["massage_cluster"]["vestigingsnummers"]:
        r = mine[nr]
        assert r["categorie"] == "sbi" and r["adrestype"] == "woonadres" and r["seksbranche"]
        assert r["buurt"] == planted["massage_cluster"]["buurtcode"]


def test_keyword_hits_are_kept_apart_from_the_sbi_types(rows, planted):
    alleen = [r for r in rows if r["type"] == "trefwoord"]
    assert {r["vestigingsnummer"] for r in alleen} == set(
        planted["alleen_trefwoord"]["vestigingsnummers"])
    for r in alleen:
        assert r["categorie"] == "trefwoord" and r["trefwoord"] == "massage"
        assert r["sbi_hoofd"] == "86919" and r["adrestype"] == "bedrijfsadres"


def test_a_beauty_side_line_is_counted_apart(con, rows):
    neven = {r["vestigingsnummer"] for r in rows if r["type"] == "neven"}
    expected = {r[0] for r in con.execute(f"""
        SELECT v.vestigingsnummer FROM vestiging v
        WHERE is_actief(v.datum_aanvang, v.datum_einde, '2026-11-01') AND ({TYPE_SQL}) IS NULL
          AND len(list_filter(v.sbi_codes, c -> c IN ('96021', '96022', '96210', '96220',
                '96230', '96990') OR c LIKE '9604%' OR c LIKE '9609%')) > 0""").fetchall()}
    assert neven == expected and len(neven) == 3


def test_new_means_registered_in_the_12_months_before_the_peildatum(rows, planted):
    for r in rows:
        assert r["nieuw"] == (r["datum_aanvang"] is not None
                              and r["datum_aanvang"].isoformat() > "2025-11-01")
    salon = planted["oktober"]["nieuw_signaal"]["vestigingsnummer"]
    assert next(r for r in rows if r["vestigingsnummer"] == salon)["nieuw"]


def test_per_buurt_adds_up_to_the_totals(rows):
    buurten = inventory.per_buurt(rows)
    assert sum(b["totaal"] for b in buurten) == len(rows)
    for s in inventory.SOORTEN:
        assert sum(b[s.id] for b in buurten) == sum(r["type"] == s.id for r in rows)


def test_workbook_has_a_summary_a_sheet_per_type_and_the_accountability(rows):
    data = inventory_xlsx.workbook(rows, [("Gemeente", "Demostad"), ("Peildatum gegevens", "01-11-2026")])
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Overzicht", *[s.naam[:31] for s in inventory.SOORTEN],
                               "Verantwoording"]
    for s in inventory.SOORTEN:
        sheet = book[s.naam[:31]]
        assert sheet.max_row - 1 == sum(r["type"] == s.id for r in rows)
    info = dict(book["Verantwoording"].iter_rows(values_only=True))
    assert info["Gemeente"] == "Demostad" and "Soort: Sauna en wellness" in info


def test_workbook_stores_a_formula_like_name_as_text(rows):
    evil = {**rows[0], "naam": '=HYPERLINK("http://x","klik")', "type": "kapper"}
    book = load_workbook(io.BytesIO(inventory_xlsx.workbook([evil], [])))
    cell = book["Kappers en barbiers"]["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
