"""The duplicate rule for a vestiging delivered more than once (loaders/sql/kvk_uniek.sql)."""

from __future__ import annotations

from geo.sqlfiles import run_script
from loaders.pipeline import SQL
from tests.loaders import test_kvk_file

NR = "000012345678"


con = test_kvk_file.con  # schema + KVK staging in memory


def bron(con, naam: str, peildatum: str) -> None:
    con.execute("INSERT INTO bron (bron, soort, peildatum) VALUES (?, 'kvk-file', ?)",
                [naam, peildatum])


def rij(con, **velden) -> None:
    velden = {"vestigingsnummer": NR, "kvk_nummer": "12345678", "voorrang": 2, **velden}
    con.execute(f"INSERT INTO kvk_invoer ({', '.join(velden)}) "
                f"VALUES ({', '.join('?' * len(velden))})", list(velden.values()))


def uniek(con) -> list[tuple]:
    run_script(con, "kvk_uniek", SQL)
    return con.execute("SELECT naam, bron, datum_einde::VARCHAR FROM kvk_uniek").fetchall()


def dubbel(con) -> list[tuple]:
    return con.execute("SELECT bron, sleutel, rij, toelichting FROM waarschuwing "
                       "WHERE soort = 'dubbel' ORDER BY bron").fetchall()


def test_newest_peildatum_wins_and_the_loser_is_reported_as_dubbel(con):
    bron(con, "oud", "2025-01-01")
    bron(con, "nieuw", "2026-06-01")
    rij(con, naam="Oude naam", bron="oud", rij=7, postcode="1234AB", huisnummer="1",
        rechtsvorm="BV", werkzame_personen=3)  # more complete, but older
    rij(con, naam="Nieuwe naam", bron="nieuw", rij=2)
    assert uniek(con) == [("Nieuwe naam", "nieuw", None)]
    ((b, sleutel, r, toelichting),) = dubbel(con)
    assert (b, sleutel, r) == ("oud", NR, 7)
    assert "bron nieuw (peildatum 01-06-2026)" in toelichting and "nieuwere peildatum" in toelichting


def test_on_the_same_peildatum_the_most_complete_record_wins(con):
    bron(con, "a", "2026-06-01")
    bron(con, "b", "2026-06-01")
    rij(con, naam="Kaal", bron="a", rij=2)
    rij(con, naam="Compleet", bron="b", rij=3, postcode="1234AB", huisnummer="1",
        sbi_codes=["5630"])
    assert uniek(con) == [("Compleet", "b", None)]
    assert "vollediger" in dubbel(con)[0][3]


def test_a_newer_record_never_makes_an_ended_vestiging_active_again(con):
    bron(con, "oud", "2025-01-01")
    bron(con, "nieuw", "2026-06-01")
    rij(con, naam="Beëindigd", bron="oud", rij=4, datum_einde="2024-12-31")
    rij(con, naam="Zonder einde", bron="nieuw", rij=2)
    assert uniek(con) == [("Zonder einde", "nieuw", "2024-12-31")]
    assert "blijft uitgeschreven" in dubbel(con)[0][3]


def test_twice_in_one_file_is_one_vestiging_and_one_warning(con):
    bron(con, "kvk", "2026-06-01")
    rij(con, naam="Eerste", bron="kvk", rij=2, postcode="1234AB")
    rij(con, naam="Tweede", bron="kvk", rij=9)
    assert uniek(con) == [("Eerste", "kvk", None)]
    assert [(b, r) for b, _s, r, _t in dubbel(con)] == [("kvk", 9)]


def test_distinct_vestigingen_give_no_warning(con):
    bron(con, "kvk", "2026-06-01")
    rij(con, naam="Een", bron="kvk", rij=2)
    rij(con, naam="Twee", bron="kvk", rij=3, vestigingsnummer="000012345679")
    assert len(uniek(con)) == 2 and dubbel(con) == []
