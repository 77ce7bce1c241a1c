"""KVK -> BAG matching rules, on a handful of hand-written addresses with the usual mess."""

from __future__ import annotations

import pytest

from geo.db import connect
from geo.sqlfiles import run_script
from loaders import rdw
from loaders.pipeline import SQL

# (vbo id, nummeraanduiding id, straat, huisnummer, huisletter, toevoeging, postcode, x, y)
BAG = [
    ("0001010000000001", "0001200000000001", "Dorpsstraat", 12, None, None, "1234AB", 1000, 1000),
    ("0001010000000002", "0001200000000002", "Dorpsstraat", 12, "A", None, "1234AB", 1005, 1000),
    ("0001010000000003", "0001200000000003", "Dorpsstraat", 14, None, "2", "1234AB", 1010, 1000),
    ("0001010000000004", "0001200000000004", "Kerkweg", 3, None, None, "1234AC", 2000, 2000),
    ("0001010000000005", "0001200000000005", "Kerkweg", 5, "B", None, "1234AC", 2010, 2000),
    ("0001010000000006", "0001200000000006", "Kerkweg", 5, "C", None, "1234AC", 2012, 2000),
    ("0001010000000007", "0001200000000007", "Industrieweg", 40, None, None, "1235XY", 3000, 3000),
    ("0001010000000008", "0001200000000008", "Burgemeester de Vlugtlaan", 7, None, None, "1236AA",
     4000, 4000),
    ("0001010000000009", "0001200000000009", "Röntgenstraat", 9, None, "BG", "1236AB", 4100, 4000),
    ("0001010000000010", "0001200000000010", "Röntgenstraat", 9, None, "1", "1236AB", 4100, 4000),
]


@pytest.fixture
def con():
    c = connect()
    run_script(c, "schema")
    run_script(c, "kvk_staging", SQL)
    for vbo, num, straat, nr, letter, toev, pc, x, y in BAG:
        c.execute("INSERT INTO verblijfsobject (identificatie, nummeraanduiding_id, openbare_ruimte,"
                  " huisnummer, huisletter, toevoeging, postcode, woonplaats, geom) VALUES "
                  "(?, ?, ?, ?, ?, ?, ?, 'Demostad', ST_Point(?, ?))",
                  [vbo, num, straat, nr, letter, toev, pc, x, y])
    yield c
    c.close()


def match_one(con, **kvk) -> tuple:
    row = {"vestigingsnummer": "000000000001", "bron": "test", "voorrang": 2, **kvk}
    cols = ", ".join(row)
    con.execute(f"INSERT INTO kvk_invoer ({cols}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()))
    run_script(con, "adres_norm", SQL)
    run_script(con, "kvk_uniek", SQL)
    run_script(con, "match", SQL)
    return con.execute("SELECT verblijfsobject_id, match_methode, match_score FROM vestiging"
                       ).fetchone()


def test_bag_verblijfsobject_id_wins_over_a_wrong_address(con):
    got = match_one(con, bag_id="0001010000000004", postcode="1234AB", huisnummer="12")
    assert got == ("0001010000000004", "bag_id", 1.0)


def test_nummeraanduiding_id_as_in_dook_numid_matches(con):
    assert match_one(con, bag_id="0001200000000007")[:2] == ("0001010000000007", "bag_id")


def test_unknown_bag_id_falls_back_to_the_address(con):
    got = match_one(con, bag_id="0001010000009999", postcode="1234 ab", huisnummer="12")
    assert got == ("0001010000000001", "adres", 1.0)


@pytest.mark.parametrize("huisnummer, huisletter, toevoeging", [
    ("12", "A", None), ("12 A", None, None), ("12a", None, None), ("12", None, "-A"),
    ("12", "a", None),
])
def test_huisletter_written_any_way_finds_the_letter_address(con, huisnummer, huisletter,
                                                             toevoeging):
    got = match_one(con, postcode="1234ab", huisnummer=huisnummer, huisletter=huisletter,
                    toevoeging=toevoeging)
    assert got == ("0001010000000002", "adres", 1.0)


def test_toevoeging_with_dash_matches_bag_toevoeging(con):
    assert match_one(con, postcode="1234AB", huisnummer="14", toevoeging="-2")[:2] == (
        "0001010000000003", "adres")


def test_unknown_toevoeging_on_a_single_address_matches_with_lower_score(con):
    got = match_one(con, postcode="1235XY", huisnummer="40", toevoeging="bis")
    assert got == ("0001010000000007", "adres", 0.8)


def test_unknown_suffix_among_several_addresses_takes_the_one_without_suffix(con):
    assert match_one(con, postcode="1234AB", huisnummer="12", toevoeging="hs") == (
        "0001010000000001", "adres", 0.6)


def test_ambiguous_suffix_without_a_plain_address_stays_unmatched(con):
    got = match_one(con, postcode="1234AC", huisnummer="5", huisletter="D")
    assert got == (None, "geen", 0.0)


def test_wrong_postcode_is_rescued_by_street_and_number(con):
    got = match_one(con, postcode="9999ZZ", straat="Kerkweg", huisnummer="3", plaats="Demostad")
    assert got == ("0001010000000004", "adres", 0.85)


def test_mistyped_street_and_postcode_letters_match_within_the_pc4(con):
    got = match_one(con, postcode="1234ZZ", straat="Dorpstraat", huisnummer="14", toevoeging="2")
    assert got == ("0001010000000003", "adres", 0.75)


def test_huisnummer_range_matches_the_first_number(con):
    got = match_one(con, postcode="1235XY", huisnummer="40-42")
    assert got[:2] == ("0001010000000007", "adres")


def test_coordinates_find_the_nearest_address_within_50_m_but_are_never_certain(con):
    got = match_one(con, postcode="0000XX", huisnummer="1", rd_x=3010.0, rd_y=3000.0)
    assert got[0:2] == ("0001010000000007", "coordinaten")
    assert got[2] == pytest.approx(0.75)  # 0.85 at the point itself, less with distance
    assert con.execute("SELECT match_status FROM vestiging").fetchone()[0] == "onzeker"


def test_coordinates_too_far_away_leave_it_unmatched_but_kept(con):
    got = match_one(con, postcode="0000XX", huisnummer="1", rd_x=9000.0, rd_y=9000.0)
    assert got == (None, "geen", 0.0)
    assert con.execute("SELECT ST_AsText(geom) FROM vestiging").fetchone()[0] == "POINT (9000 9000)"


def test_shielded_address_is_kept_without_location(con):
    got = match_one(con, adres_afgeschermd=True, rd_x=1000.0, rd_y=1000.0)
    assert got == (None, "geen", 0.0)
    assert con.execute("SELECT geom FROM vestiging").fetchone()[0] is None


def test_api_record_beats_bulk_file_for_the_same_vestiging(con):
    con.execute("INSERT INTO kvk_invoer (vestigingsnummer, naam, bron, voorrang, postcode, "
                "huisnummer) VALUES ('000000000001', 'Uit API', 'api', 1, '1234AC', '3')")
    match_one(con, naam="Uit bestand", postcode="1234AB", huisnummer="12")
    assert con.execute("SELECT naam, verblijfsobject_id FROM vestiging").fetchall() == [
        ("Uit API", "0001010000000004")]


@pytest.mark.parametrize("straat", ["Burg. de Vlugtlaan", "burgemeester de vlugtlaan",
                                    "Burg de Vlugtlaan"])
def test_abbreviated_title_in_street_matches_without_postcode(con, straat):
    got = match_one(con, straat=straat, huisnummer="7", plaats="Demostad")
    assert got == ("0001010000000008", "adres", 0.9)


def test_written_out_diacritic_matches_the_street(con):
    got = match_one(con, straat="Roentgenstraat", huisnummer="9", toevoeging="1",
                    plaats="demostad")
    assert got == ("0001010000000010", "adres", 0.9)


@pytest.mark.parametrize("postcode", ["1236-ab", " 1236 AB", "1236ab"])
def test_postcode_with_hyphen_space_or_lower_case_matches(con, postcode):
    assert match_one(con, postcode=postcode, huisnummer="9", toevoeging="1")[:3] == (
        "0001010000000010", "adres", 1.0)


@pytest.mark.parametrize("toevoeging, score", [("hs", 0.95), ("huis", 0.95), ("beg", 0.95),
                                               ("b.g.", 1.0)])
def test_ground_floor_word_matches_a_bag_toevoeging_written_otherwise(con, toevoeging, score):
    got = match_one(con, postcode="1236AB", huisnummer="9", toevoeging=toevoeging)
    assert got == ("0001010000000009", "adres", score)


def test_candidates_of_an_ambiguous_address_are_kept_with_their_rule(con):
    match_one(con, postcode="1234AC", huisnummer="5", huisletter="D")
    assert con.execute("SELECT verblijfsobject_id, score, regel, gekozen FROM koppel_kandidaat "
                       "ORDER BY rang").fetchall() == [
        ("0001010000000005", 0.4, "nummer_zonder_toevoeging", False),
        ("0001010000000006", 0.4, "nummer_zonder_toevoeging", False)]
    assert con.execute("SELECT match_status FROM vestiging").fetchone()[0] == "meerdere kandidaten"


def test_rdw_uses_the_same_suffix_rules_as_kvk(con):
    con.execute("CREATE TEMP TABLE rdw_bedrijven_ruw (volgnummer VARCHAR, naam_bedrijf VARCHAR, "
                "gevelnaam VARCHAR, straat VARCHAR, huisnummer VARCHAR, "
                "huisnummer_toevoeging VARCHAR, postcode_numeriek VARCHAR, "
                "postcode_alfanumeriek VARCHAR, plaats VARCHAR)")
    con.execute("CREATE TEMP TABLE rdw_erkenningen_ruw (volgnummer VARCHAR, erkenning VARCHAR)")
    con.execute("INSERT INTO rdw_bedrijven_ruw VALUES "
                "('1', 'Garage Hs', NULL, 'Röntgenstraat', '9', 'hs', '1236', 'ab', 'Demostad'), "
                "('2', 'Garage D', NULL, 'Kerkweg', '5', 'D', '1234', 'AC', 'Demostad'), "
                "('3', 'Garage Bis', NULL, 'Industrieweg', '40', 'bis', '1235', 'XY', 'Demostad')")
    run_script(con, "adres_norm", SQL)
    rdw.match(con)
    assert con.execute("SELECT volgnummer, verblijfsobject_id, match_score FROM rdw_bedrijf "
                       "ORDER BY volgnummer").fetchall() == [
        ("1", "0001010000000009", 0.95), ("2", None, 0.0), ("3", "0001010000000007", 0.8)]
