"""ui.components.leaflet_map: the texts that go into tooltips."""

from ui.components.leaflet_map import _gebied_label, _punt

ROW = {"vestigingsnummer": "000012345678", "kvk_nummer": "12345678", "naam": "Kapsalon <Anna>",
       "straat": "Dorpsstraat", "huisnummer": "12", "huisletter": "a", "toevoeging": "2",
       "postcode": "2701AB", "plaats": "Demostad", "adres_afgeschermd": False,
       "sbi_hoofd": "9602", "sbi_omschrijving": "Kappers", "lat": 52.5, "lon": 5.1}


def test_point_label_has_name_address_and_codes():
    assert _punt(ROW)["label"] == (
        "Kapsalon <Anna>\nDorpsstraat 12a-2\n2701AB Demostad\nKVK 12345678\nSBI 9602 Kappers")


def test_shielded_address_is_not_shown():
    label = _punt({**ROW, "adres_afgeschermd": True})["label"]
    assert "Dorpsstraat" not in label and "2701AB" not in label
    assert "adres afgeschermd" in label


def test_missing_fields_leave_no_empty_lines():
    row = {**ROW, "naam": None, "straat": None, "huisnummer": None, "huisletter": None,
           "toevoeging": None, "postcode": None, "plaats": None, "kvk_nummer": None,
           "sbi_hoofd": None, "sbi_omschrijving": None}
    assert _punt(row)["label"] == "(naam onbekend)"


def test_area_labels():
    buurt = {"soort": "buurt", "naam": "'t Veld", "code": "BU1", "vestigingen": 1}
    assert _gebied_label(buurt) == "'t Veld\n1 actieve vestiging"
    terrein = {**buurt, "soort": "bedrijventerrein", "naam": None, "vestigingen": 1200}
    assert _gebied_label(terrein) == "Bedrijventerrein BU1\n1.200 actieve vestigingen"
