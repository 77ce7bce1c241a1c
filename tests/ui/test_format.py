"""ui.format: Dutch numbers and dates."""

from datetime import date, datetime

from ui.format import datum, datumtijd, getal, meervoud
from ui.text import md_escape


def test_getal_uses_dots_for_thousands_and_comma_for_decimals():
    assert getal(1234.5, 1) == "1.234,5"
    assert getal(1234567) == "1.234.567"
    assert getal(0) == "0"
    assert getal(999) == "999"
    assert getal(-1234.56, 2) == "-1.234,56"
    assert getal(None) == "–"


def test_datum_is_day_month_year():
    assert datum("2026-11-28") == "28-11-2026"
    assert datum(date(2026, 11, 1)) == "01-11-2026"
    assert datum(datetime(2026, 11, 28, 15, 2)) == "28-11-2026"
    assert datum(None) == "–"
    assert datum("geen datum") == "–"


def test_datumtijd():
    assert datumtijd("2026-11-28T15:02:11") == "28-11-2026 16:02"  # stored UTC, shown in Dutch time
    assert datumtijd(None) == "–"


def test_meervoud():
    assert meervoud(1, "vestiging", "vestigingen") == "1 vestiging"
    assert meervoud(0, "vestiging", "vestigingen") == "0 vestigingen"
    assert meervoud(1234, "vestiging", "vestigingen") == "1.234 vestigingen"


def test_md_escape_keeps_file_names_literal():
    assert md_escape("bag_light_*.gpkg") == r"bag\_light\_\*\.gpkg"
    assert md_escape(":material/map:") == r"\:material\/map\:"


def test_stored_times_are_shown_in_dutch_time_with_daylight_saving():
    from datetime import UTC, date, datetime

    from cases import clock
    from geo.nlformat import datumtijd

    assert datumtijd(datetime(2026, 7, 1, 12, 0)) == "01-07-2026 14:00"   # zomertijd, stored UTC
    assert datumtijd(datetime(2026, 1, 15, 12, 0)) == "15-01-2026 13:00"  # wintertijd
    assert datumtijd(datetime(2026, 10, 25, 0, 30)) == "25-10-2026 02:30"  # before the clocks go back
    assert datumtijd(datetime(2026, 10, 25, 1, 30)) == "25-10-2026 02:30"  # the same wall time, an hour on
    assert datumtijd(datetime(2026, 3, 29, 23, 30, tzinfo=UTC)) == "30-03-2026 01:30"
    assert datumtijd(date(2026, 3, 29)) == "29-03-2026 00:00"
    stored = clock.now()
    utc_now = datetime.now(UTC).replace(tzinfo=None)
    assert stored.tzinfo is None and abs((utc_now - stored).total_seconds()) < 5
    assert clock.tekst(datetime(2026, 7, 1, 22, 30)) == "02-07-2026 00:30"


def test_counts_agree_with_their_nouns_and_verbs():
    from geo.nlformat import kies, meervoud

    assert meervoud(1, "vestiging", "vestigingen") == "1 vestiging"
    assert meervoud(1234, "casus", "casussen") == "1.234 casussen"
    assert kies(1, "heeft", "hebben") == "heeft" and kies(0, "heeft", "hebben") == "hebben"


def test_no_plural_shortcuts_in_what_users_read():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = [f"{p.relative_to(root)}:{n}" for folder in ("ui", "geo") for p in (root / folder).rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"[a-z]\(en\)", line)]
    assert found == [], "gebruik meervoud()/kies() in plaats van '(en)'"


def test_tables_show_counts_with_dutch_separators_but_leave_years_and_ids():
    from ui.tabel import nl_tabel, nl_waarde

    styled = nl_tabel([{"Naam": "A", "Aantal": 12345, "LQ": 1.5, "Bouwjaar": 2017, "Vestigingsnummer": 1},
                       {"Naam": "B", "Aantal": 7, "LQ": None, "Bouwjaar": 1999, "Vestigingsnummer": 2}])
    html = styled.to_html()
    assert "12.345" in html and "1,50" in html and "2017" in html and "2.017" not in html
    assert styled.data["Aantal"].tolist() == [12345, 7]  # sorting stays numeric
    assert nl_waarde("Rijen", 40000) == "40.000" and nl_waarde("Bouwjaar", 2017) == 2017
