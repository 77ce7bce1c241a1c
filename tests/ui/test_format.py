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
    assert datumtijd("2026-11-28T15:02:11") == "28-11-2026 15:02"
    assert datumtijd(None) == "–"


def test_meervoud():
    assert meervoud(1, "vestiging", "vestigingen") == "1 vestiging"
    assert meervoud(0, "vestiging", "vestigingen") == "0 vestigingen"
    assert meervoud(1234, "vestiging", "vestigingen") == "1.234 vestigingen"


def test_md_escape_keeps_file_names_literal():
    assert md_escape("bag_light_*.gpkg") == r"bag\_light\_\*\.gpkg"
    assert md_escape(":material/map:") == r"\:material\/map\:"
