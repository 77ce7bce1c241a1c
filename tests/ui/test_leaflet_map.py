"""maps.klik and ui.components.thema_lagen: reading clicks and drawings, texts of tooltips."""

import pytest

from geo.branches import load_branches
from maps.klik import getekend_gebied, nieuwe_klik, punt_sleutel
from ui.components.thema_lagen import gebied_label, punt_label, snap_m

ROW = {"vestigingsnummer": "000012345678", "kvk_nummer": "12345678", "naam": "Kapsalon <Anna>",
       "straat": "Dorpsstraat", "huisnummer": "12", "huisletter": "a", "toevoeging": "2",
       "postcode": "2701AB", "plaats": "Demostad", "adres_afgeschermd": False,
       "sbi_hoofd": "9602", "sbi_omschrijving": "Kappers", "lat": 52.5, "lon": 5.1,
       "groep": "beauty", "actief": True, "datum_einde": None}
BRANCHES = load_branches()


def test_point_label_has_name_address_codes_and_group():
    assert punt_label(ROW, BRANCHES) == (
        "Kapsalon <Anna>\nDorpsstraat 12a-2\n2701AB Demostad\nKVK 12345678\nSBI 9602 Kappers\n"
        "Beauty en persoonlijke verzorging")


def test_ended_vestiging_says_so():
    label = punt_label({**ROW, "actief": False, "datum_einde": "2024-03-01"}, BRANCHES)
    assert label.endswith("beëindigd op 01-03-2024")


def test_shielded_address_is_not_shown():
    label = punt_label({**ROW, "adres_afgeschermd": True}, BRANCHES)
    assert "Dorpsstraat" not in label and "2701AB" not in label
    assert "adres afgeschermd" in label


def test_missing_fields_leave_no_empty_lines():
    row = {**ROW, "naam": None, "straat": None, "huisnummer": None, "huisletter": None,
           "toevoeging": None, "postcode": None, "plaats": None, "kvk_nummer": None,
           "sbi_hoofd": None, "sbi_omschrijving": None, "groep": None}
    assert punt_label(row, BRANCHES) == "(naam onbekend)"


def test_area_labels_say_unknown_inwoners():
    buurt = {"naam": "'t Veld", "code": "BU1", "aantal": 1, "alle": 12, "lq": 1.5,
             "inwoners": None, "per_1000_inwoners": None}
    assert gebied_label(buurt, "buurt") == (
        "'t Veld\n1 van 12 vestigingen in de selectie · LQ 1,50\ninwoners onbekend")
    bekend = {**buurt, "inwoners": 2000, "per_1000_inwoners": 0.5, "lq": None}
    assert gebied_label(bekend, "buurt").endswith(
        "geen LQ (te weinig vestigingen)\n0,5 per 1.000 inwoners (2.000 inwoners)")
    assert gebied_label({**buurt, "naam": None}, "bedrijventerrein").startswith(
        "Bedrijventerrein BU1")


def test_snap_grid_shrinks_with_zoom():
    assert [snap_m(z) for z in (15, 16, 17, 18, 19)] == [500, 250, 125, 125, 125]


POINT = {"lat": 52.5, "lng": 5.1}
INDEX = {punt_sleutel(52.5, 5.1): [("vestiging", "1")]}


def test_click_on_a_drawn_point_names_its_objects():
    gezien = {}
    klik = nieuwe_klik({"last_clicked": POINT, "last_object_clicked": POINT}, gezien, INDEX)
    assert klik.objecten == (("vestiging", "1"),)
    # the same report again (a rerun for another reason) is not a new click
    assert nieuwe_klik({"last_clicked": POINT, "last_object_clicked": POINT}, gezien, INDEX) is None


def test_click_elsewhere_gives_a_position():
    gezien = {"last_object_clicked": POINT, "last_clicked": POINT}
    elders = {"lat": 52.6, "lng": 5.2}
    klik = nieuwe_klik({"last_clicked": elders, "last_object_clicked": POINT}, gezien, INDEX)
    assert (klik.lat, klik.lon, klik.objecten) == (52.6, 5.2, ())


@pytest.mark.parametrize("value", [None, {}, {"last_clicked": None}, "x"])
def test_no_click(value):
    assert nieuwe_klik(value, {}, INDEX) is None


def test_the_last_drawn_polygon_counts():
    square = {"type": "Polygon", "coordinates": [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52]]]}
    value = {"all_drawings": [{"geometry": {"type": "Point", "coordinates": [5, 52]}},
                              {"type": "Feature", "geometry": square}]}
    assert '"Polygon"' in getekend_gebied(value)
    assert getekend_gebied({"all_drawings": []}) is None
    assert getekend_gebied({"all_drawings": None, "last_active_drawing": {"geometry": square}})


def test_finishing_a_drawing_is_no_click_on_the_map():
    corner = {"lat": 52.1, "lng": 5.1}
    square = {"type": "Polygon", "coordinates": [[[5, 52], [5.1, 52], [5.1, 52.1], [5, 52.1], [5, 52]]]}
    gezien = {}
    drawn = {"last_clicked": corner, "all_drawings": [{"type": "Feature", "geometry": square}]}
    assert nieuwe_klik(drawn, gezien, INDEX) is None
    # the drawing stays; a later real click elsewhere opens a card again, a click on a corner does not
    assert nieuwe_klik({**drawn, "last_clicked": {"lat": 52.05, "lng": 5.05}}, gezien, INDEX) is not None
    assert nieuwe_klik({**drawn, "last_clicked": {"lat": 52.0, "lng": 5.0}}, gezien, INDEX) is None
