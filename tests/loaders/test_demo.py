"""The Demostad generator writes real-format files in which every planted situation is findable."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import Transformer

from demo import generate
from demo.writers import DOOK_HEADER

SCALE, SEED = 0.05, 7
PEILDATUM = date(2026, 11, 1)
SBI2025_START = date(2025, 9, 7)
TEXT_SUFFIXES = {".csv", ".json", ".geojson"}
VBO_COLUMNS = [
    "identificatie", "oppervlakte", "status", "gebruiksdoel", "openbare_ruimte_naam",
    "openbare_ruimte_naam_kort", "huisnummer", "huisletter", "toevoeging", "postcode",
    "woonplaats_naam", "bouwjaar", "pand_identificatie", "pandstatus",
    "nummeraanduiding_hoofdadres_identificatie", "openbare_ruimte_identificatie",
    "woonplaats_identificatie", "bronhouder_identificatie",
]
PAND_COLUMNS = ["identificatie", "bouwjaar", "status", "gebruiksdoel", "oppervlakte_min",
                "oppervlakte_max", "aantal_verblijfsobjecten"]
WOONPLAATS_COLUMNS = ["identificatie", "status", "woonplaats", "bronhouder_identificatie"]
PLAATS_COLUMNS = ["identificatie", "status", "openbare_ruimte_naam", "huisnummer", "huisletter",
                  "toevoeging", "postcode", "woonplaats_naam",
                  "nummeraanduiding_hoofdadres_identificatie", "bronhouder_identificatie"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demostad")
    generate(out, scale=SCALE, seed=SEED)
    return out


@pytest.fixture(scope="module")
def rows(demo) -> list[dict]:
    """Every row of both KVK CSV files, with the file it came from."""
    out = []
    for name in ("vestigingen-dook.csv", "vestigingen-sbi2025.csv"):
        with open(demo / "kvk" / name, encoding="utf-8-sig", newline="") as f:
            out += [{**row, "_file": name} for row in csv.DictReader(f, delimiter=";")]
    return out


@pytest.fixture(scope="module")
def bag(demo) -> dict:
    _, vbo = pyogrio.read_arrow(demo / "bag-light.gpkg", layer="verblijfsobject")
    _, pand = pyogrio.read_arrow(demo / "bag-light.gpkg", layer="pand")
    # every other address a vestiging can be on: ligplaatsen, standplaatsen, nevenadressen
    andere = [pyogrio.read_arrow(demo / "bag-light.gpkg", layer=laag)[1].to_pylist()
              for laag in ("ligplaats", "standplaats", "nevenadres")]
    return {"vbo": vbo.to_pylist(), "pand": pand.to_pylist(),
            "andere_adressen": [a for rijen in andere for a in rijen]}


@pytest.fixture(scope="module")
def planted(demo) -> dict:
    return json.loads((demo / "planted.json").read_text(encoding="utf-8"))


def _text_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.suffix in TEXT_SUFFIXES}


def _day(text: str) -> date | None:
    return date(int(text[6:]), int(text[3:5]), int(text[:2])) if text else None


def _active(row: dict) -> bool:
    return not row["KVK_Datum_uitschrijving_vestiging"]


def _by_numid(rows: list[dict], numid: str) -> list[dict]:
    return [r for r in rows if r["BAG numid"] == numid]


# ------------------------------------------------------------------------------ determinism
def test_same_seed_gives_identical_text_files_and_another_seed_differs(demo, tmp_path):
    generate(tmp_path / "again", scale=SCALE, seed=SEED)
    generate(tmp_path / "other", scale=SCALE, seed=SEED + 1)
    first, again = _text_files(demo), _text_files(tmp_path / "again")
    assert first.keys() == again.keys()
    assert [k for k in first if first[k] != again[k]] == []
    other = _text_files(tmp_path / "other")
    assert other["kvk/vestigingen-dook.csv"] != first["kvk/vestigingen-dook.csv"]


def test_counts_grow_about_linearly_with_scale(demo, tmp_path):
    small = json.loads((demo / "manifest.json").read_text())["aantallen"]
    double = generate(tmp_path / "double", scale=2 * SCALE, seed=SEED)["aantallen"]
    for key in ("verblijfsobjecten", "panden"):
        assert 1.7 < double[key] / small[key] < 2.3, key
    ves = ("vestigingen_actief", "vestigingen_beeindigd")
    assert 1.7 < sum(double[k] for k in ves) / sum(small[k] for k in ves) < 2.3
    assert 2500 < small["verblijfsobjecten"] < 3300


# ---------------------------------------------------------------------------------- BAG
def test_demostad_has_house_boats_pitches_and_corner_nevenadressen_in_open_ground(demo):
    path = demo / "bag-light.gpkg"
    lig = pyogrio.read_dataframe(path, layer="ligplaats")
    sta = pyogrio.read_dataframe(path, layer="standplaats")
    pand = pyogrio.read_dataframe(path, layer="pand")
    assert len(lig) >= 6 and len(sta) >= 4
    assert not lig.geometry.union_all().intersects(pand.geometry.union_all())
    assert not sta.geometry.union_all().intersects(pand.geometry.union_all())
    neven = pyogrio.read_dataframe(path, layer="nevenadres", read_geometry=False)
    vbo = pyogrio.read_dataframe(path, layer="verblijfsobject", read_geometry=False)
    assert len(neven) >= 5
    assert set(neven["adresseerbaar_object_identificatie"]) <= set(vbo["identificatie"])
    # every one an address of its own: no postcode + huisnummer of a verblijfsobject
    adressen = set(zip(vbo["postcode"], vbo["huisnummer"], strict=True))
    for extra in (neven, lig, sta):
        assert not adressen & set(zip(extra["postcode"], extra["huisnummer"], strict=True))


def test_geopackage_has_the_bag_light_layers_in_rd_new(demo):
    path = demo / "bag-light.gpkg"
    layers = dict(pyogrio.list_layers(path))
    assert layers == {"verblijfsobject": "Point", "pand": "Polygon", "ligplaats": "Polygon",
                      "standplaats": "Polygon", "woonplaats": "MultiPolygon",
                      "nevenadres": None}
    for layer, columns in (("verblijfsobject", VBO_COLUMNS), ("pand", PAND_COLUMNS),
                           ("woonplaats", WOONPLAATS_COLUMNS), ("ligplaats", PLAATS_COLUMNS),
                           ("standplaats", PLAATS_COLUMNS)):
        info = pyogrio.read_info(path, layer=layer)
        assert info["crs"] == "EPSG:28992"
        assert info["geometry_name"] == "geom"
        assert list(info["fields"]) == columns


def test_identifiers_and_values_follow_the_bag_conventions(bag):
    vbo = bag["vbo"]
    assert all(re.fullmatch(r"999901\d{10}", v["identificatie"]) for v in vbo)
    assert all(re.fullmatch(r"999910\d{10}", v["pand_identificatie"]) for v in vbo)
    assert all(re.fullmatch(r"999920\d{10}", v["nummeraanduiding_hoofdadres_identificatie"])
               for v in vbo)
    assert all(re.fullmatch(r"\d{4}[A-Z]{2}", v["postcode"]) for v in vbo)
    assert all(" " not in v["gebruiksdoel"] or "overige gebruiksfunctie" in v["gebruiksdoel"]
               for v in vbo)
    assert len({v["identificatie"] for v in vbo}) == len(vbo)
    statuses = Counter(v["status"] for v in vbo)
    withdrawn = statuses["Verblijfsobject ingetrokken"] + statuses[
        "Niet gerealiseerd verblijfsobject"]
    assert statuses["Verblijfsobject in gebruik"] > 0.9 * len(vbo)
    assert withdrawn + statuses["Verblijfsobject gevormd"] > 0


def test_only_bag_status_and_gebruiksdoel_values_are_used(bag):
    vbo_status = {"Verblijfsobject gevormd", "Niet gerealiseerd verblijfsobject",
                  "Verblijfsobject in gebruik (niet ingemeten)", "Verblijfsobject in gebruik",
                  "Verbouwing verblijfsobject", "Verblijfsobject ingetrokken",
                  "Verblijfsobject buiten gebruik", "Verblijfsobject ten onrechte opgevoerd"}
    pand_status = {"Bouwvergunning verleend", "Niet gerealiseerd pand", "Bouw gestart",
                   "Pand in gebruik (niet ingemeten)", "Pand in gebruik", "Verbouwing pand",
                   "Sloopvergunning verleend", "Pand gesloopt", "Pand buiten gebruik",
                   "Pand ten onrechte opgevoerd"}
    doelen = {"woonfunctie", "bijeenkomstfunctie", "celfunctie", "gezondheidszorgfunctie",
              "industriefunctie", "kantoorfunctie", "logiesfunctie", "onderwijsfunctie",
              "sportfunctie", "winkelfunctie", "overige gebruiksfunctie"}
    assert {v["status"] for v in bag["vbo"]} <= vbo_status
    assert {p["status"] for p in bag["pand"]} <= pand_status
    used = {d for v in bag["vbo"] for d in v["gebruiksdoel"].split(",")}
    assert used <= doelen and "woonfunctie" in used and "industriefunctie" in used


def test_one_postcode_covers_one_side_of_one_street(bag):
    sides = defaultdict(set)
    for v in bag["vbo"]:
        sides[v["postcode"]].add((v["openbare_ruimte_naam"], v["huisnummer"] % 2))
    assert all(len(s) == 1 for s in sides.values())
    per_postcode = len(bag["vbo"]) / len(sides)
    assert 10 < per_postcode < 30


def test_pand_area_range_matches_its_verblijfsobjecten(bag):
    areas = defaultdict(list)
    for v in bag["vbo"]:
        areas[v["pand_identificatie"]].append(v["oppervlakte"])
    for p in bag["pand"]:
        mine = areas.get(p["identificatie"], [])
        assert p["aantal_verblijfsobjecten"] == len(mine)
        if mine:
            assert (p["oppervlakte_min"], p["oppervlakte_max"]) == (min(mine), max(mine))


def test_every_verblijfsobject_lies_inside_its_pand(demo):
    _, vbo = pyogrio.read_arrow(demo / "bag-light.gpkg", layer="verblijfsobject",
                                columns=["pand_identificatie"])
    _, pand = pyogrio.read_arrow(demo / "bag-light.gpkg", layer="pand",
                                 columns=["identificatie"])
    index = {pid: k for k, pid in enumerate(pand["identificatie"].to_pylist())}
    polygons = shapely.from_wkb(pand["geom"].to_numpy(zero_copy_only=False))
    points = shapely.from_wkb(vbo["geom"].to_numpy(zero_copy_only=False))
    owner = np.array([index[p] for p in vbo["pand_identificatie"].to_pylist()])
    assert shapely.contains(polygons[owner], points).all()


# ---------------------------------------------------------------------------------- KVK
def test_kvk_files_use_the_dook_layout(demo, rows):
    for name in ("vestigingen-dook.csv", "vestigingen-sbi2025.csv"):
        raw = (demo / "kvk" / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw.count(b"\r\n") == raw.count(b"\n")
        with open(demo / "kvk" / name, encoding="utf-8-sig", newline="") as f:
            assert tuple(next(csv.reader(f, delimiter=";"))) == DOOK_HEADER
    assert all(re.fullmatch(r"\d{8}", r["KVK_Nummer"]) for r in rows)
    assert all(re.fullmatch(r"\d{12}", r["KVK_Vestigingsnummer"]) for r in rows)
    assert {r["KVK_Indicatiehoofdvestiging"] for r in rows} == {"Ja", "Nee"}
    filled = sum(bool(r["BAG numid"]) for r in rows) / len(rows)
    assert 0.84 < filled < 0.93


def test_sbi_2008_before_the_conversion_and_five_digit_sbi_2025_after(rows):
    for row in rows:
        start = _day(row["KVK_Datum_inschrijving_vestiging"])
        codes = row["KVK_SBI_code"].split(",")
        if row["_file"] == "vestigingen-sbi2025.csv":
            assert start >= SBI2025_START
            assert all(re.fullmatch(r"\d{5}", c) for c in codes), row["KVK_SBI_code"]
        else:
            assert start < SBI2025_START
            assert all(re.fullmatch(r"\d{4,5}", c) for c in codes)
        assert codes[0] == row["KVK_SBI_code_hoofdactiviteit"]
    share_new = sum(r["_file"] == "vestigingen-sbi2025.csv" for r in rows) / len(rows)
    assert 0.04 < share_new < 0.14


def test_about_a_quarter_of_the_vestigingen_has_ended(rows):
    ended = [r for r in rows if not _active(r)]
    assert 0.18 < len(ended) / len(rows) < 0.35
    assert all(_day(r["KVK_Datum_uitschrijving_vestiging"]) < PEILDATUM for r in ended)


def test_almost_every_row_can_be_matched_to_bag(rows, bag):
    numids = {v["nummeraanduiding_hoofdadres_identificatie"] for v in bag["vbo"]}
    by_address = {(v["postcode"], v["huisnummer"]) for v in bag["vbo"] + bag["andere_adressen"]}

    def matchable(row: dict) -> bool:
        if row["BAG numid"]:
            return row["BAG numid"] in numids
        number = re.match(r"\d+", row["huisnummer"])
        postcode = row["postcode"].replace(" ", "").upper()
        return bool(number) and (postcode, int(number.group())) in by_address

    unmatched = [r for r in rows if not matchable(r)]
    assert 0 < len(unmatched) < 0.007 * len(rows)


def test_api_responses_parse_and_shielded_ones_have_no_location(demo, bag):
    files = sorted((demo / "kvk" / "api").glob("vestigingsprofiel_*.json"))
    assert len(files) >= 20
    docs = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    vbo_ids = {v["identificatie"] for v in bag["vbo"]}
    postcodes = {v["postcode"] for v in bag["vbo"]}
    points = {shapely.from_wkb(v["geom"]).coords[0] for v in bag["vbo"]}
    styles, shielded, coordinate_only = Counter(), 0, 0
    for f, doc in zip(files, docs, strict=True):
        assert f.name == f"vestigingsprofiel_{doc['vestigingsnummer']}.json"
        styles["_links" if "_links" in doc else "links"] += 1
        assert all(len(a["sbiCode"]) == 5 for a in doc["sbiActiviteiten"])
        adres = doc["adressen"][0]
        if adres["indAfgeschermd"] == "Ja":
            shielded += 1
            assert "geoData" not in adres and "straatnaam" not in adres
        elif adres["geoData"]["addresseerbaarObjectId"] is None:
            coordinate_only += 1
            geo = adres["geoData"]
            assert (geo["rijksdriehoekX"], geo["rijksdriehoekY"]) in points
            assert adres["postcode"] not in postcodes
        else:
            assert adres["geoData"]["addresseerbaarObjectId"] in vbo_ids
    assert styles["_links"] > styles["links"] > 0
    assert shielded >= 1 and coordinate_only >= 2


# ------------------------------------------------------------------------------- planted
def test_27_active_registrations_sit_on_one_small_office_unit(planted, rows):
    spot = planted["veel_inschrijvingen"]
    here = _by_numid(rows, spot["nummeraanduiding_id"])
    assert sum(_active(r) for r in here) == spot["actief"] == 27
    assert {r["KVK_Vestigingsnummer"] for r in here} == set(spot["vestigingsnummers"])


def test_seven_active_stichtingen_share_one_address(planted, rows):
    spot = planted["stichtingen"]
    here = [r for r in _by_numid(rows, spot["nummeraanduiding_id"]) if _active(r)]
    assert sum(r["KVK_Rechtsvorm"] == "Stichting" for r in here) == 7


def test_ordinary_addresses_stay_below_the_planted_thresholds(planted, rows):
    special = {planted["veel_inschrijvingen"]["nummeraanduiding_id"],
               planted["stichtingen"]["nummeraanduiding_id"],
               planted["oppervlakte"]["veel_op_klein"]["nummeraanduiding_id"]}
    active, stichting = Counter(), Counter()
    for r in rows:
        if r["BAG numid"] and _active(r) and r["BAG numid"] not in special:
            active[r["BAG numid"]] += 1
            stichting[r["BAG numid"]] += r["KVK_Rechtsvorm"] == "Stichting"
    assert max(active.values()) <= 6
    assert max(stichting.values()) <= 2


def test_massage_salons_cluster_on_dwellings_in_one_buurt(demo, planted, bag, rows):
    cluster = planted["massage_cluster"]
    assert cluster["aantal"] >= 9
    meta, table = pyogrio.read_arrow(demo / "gebieden" / "buurten.geojson")
    codes = table["buurtcode"].to_pylist()
    geom = table[meta["geometry_name"] or "wkb_geometry"].to_pylist()
    buurt = shapely.from_wkb(geom[codes.index(cluster["buurtcode"])])
    vbo = {v["identificatie"]: v for v in bag["vbo"]}
    to_lonlat = Transformer.from_crs("EPSG:28992", "OGC:CRS84", always_xy=True)
    for vid in cluster["verblijfsobject_ids"]:
        assert vbo[vid]["gebruiksdoel"] == "woonfunctie"
        x, y = shapely.from_wkb(vbo[vid]["geom"]).coords[0]
        assert buurt.contains(shapely.Point(*to_lonlat.transform(x, y)))
    keywords = re.compile("|".join(cluster["trefwoorden"]), re.IGNORECASE)
    dwellings = {v["nummeraanduiding_hoofdadres_identificatie"] for v in bag["vbo"]
                 if v["gebruiksdoel"] == "woonfunctie"}
    elsewhere = [r for r in rows if r["BAG numid"] in dwellings
                 and keywords.search(r["KVK_Handelsnaam"])
                 and r["KVK_Vestigingsnummer"] not in set(cluster["vestigingsnummers"])]
    assert elsewhere == []


def test_automotive_cluster_has_members_without_rdw_recognition(demo, planted, rows):
    cluster = planted["automotive_cluster"]
    members = [r for r in rows if r["KVK_Vestigingsnummer"] in set(cluster["vestigingsnummers"])]
    assert len(members) == cluster["aantal"] >= 14
    assert any(r["_file"] == "vestigingen-sbi2025.csv" for r in members)
    with open(demo / "rdw" / "erkende-bedrijven.csv", encoding="utf-8", newline="") as f:
        rdw = {(r["postcode_numeriek"] + r["postcode_alfanumeriek"], r["huisnummer"],
                r["huisnummer_toevoeging"]) for r in csv.DictReader(f)}
    without = set(cluster["zonder_rdw"])
    assert len(without) >= 5
    for r in members:
        key = (r["postcode"].replace(" ", "").upper(), r["huisnummer"],
               r["huisletter"].upper() + r["huisnummertoevoeging"])
        assert (key in rdw) == (r["KVK_Vestigingsnummer"] not in without)


def test_three_addresses_have_high_turnover_in_24_months(planted, rows):
    window = PEILDATUM - timedelta(days=730)
    assert len(planted["hoog_verloop"]) == 3
    for spot in planted["hoog_verloop"]:
        here = _by_numid(rows, spot["nummeraanduiding_id"])
        starts = [_day(r["KVK_Datum_inschrijving_vestiging"]) for r in here]
        ends = [_day(r["KVK_Datum_uitschrijving_vestiging"]) for r in here]
        assert sum(d >= window for d in starts) >= 8
        assert sum(d is not None and d >= window for d in ends) >= 8


def test_short_lived_vestigingen_include_six_on_one_address(planted, rows):
    short = set(planted["kortlevend"]["vestigingsnummers"])
    lived = {r["KVK_Vestigingsnummer"]: _day(r["KVK_Datum_uitschrijving_vestiging"])
             - _day(r["KVK_Datum_inschrijving_vestiging"]) for r in rows
             if r["KVK_Vestigingsnummer"] in short}
    assert len(lived) >= 25 and max(lived.values()) < timedelta(days=365)
    one = planted["kortlevend"]["op_een_adres"]
    here = _by_numid(rows, one["nummeraanduiding_id"])
    assert sum(r["KVK_Vestigingsnummer"] in short for r in here) == 6


def test_implausible_floor_areas_are_planted(planted, rows, bag):
    opp = {v["nummeraanduiding_hoofdadres_identificatie"]: v["oppervlakte"] for v in bag["vbo"]}
    tiny = planted["oppervlakte"]["logistiek_klein"]
    assert opp[tiny["nummeraanduiding_id"]] == 18
    (row,) = [r for r in _by_numid(rows, tiny["nummeraanduiding_id"]) if _active(r)]
    assert row["KVK_SBI_code_hoofdactiviteit"] == "52109"
    crowded = planted["oppervlakte"]["veel_op_klein"]
    assert opp[crowded["nummeraanduiding_id"]] == 40
    assert sum(_active(r) for r in _by_numid(rows, crowded["nummeraanduiding_id"])) == 12


def test_vacant_business_buildings_have_no_active_vestiging(planted, rows, bag):
    spot = planted["leegstand"]
    assert len(spot["pand_ids"]) >= 3
    panden = {p["identificatie"]: p for p in bag["pand"]}
    numids = {v["nummeraanduiding_hoofdadres_identificatie"] for v in bag["vbo"]
              if v["pand_identificatie"] in set(spot["pand_ids"])}
    for pid in spot["pand_ids"]:
        assert panden[pid]["status"] == "Pand in gebruik"
        assert re.search("industriefunctie|kantoorfunctie", panden[pid]["gebruiksdoel"])
    assert not [r for r in rows if r["BAG numid"] in numids and _active(r)]


# ----------------------------------------------------------------------------- areas, RDW
def test_cbs_areas_are_crs84_and_count_about_two_inhabitants_per_dwelling(demo, bag):
    folder = demo / "gebieden"
    assert pyogrio.read_info(folder / "buurten.geojson")["crs"] == "EPSG:4326"
    _, wijken = pyogrio.read_arrow(folder / "wijken.geojson")
    _, buurten = pyogrio.read_arrow(folder / "buurten.geojson")
    assert wijken.num_rows == 9 and 25 <= buurten.num_rows <= 35
    wijk_shape = dict(zip(wijken["wijkcode"].to_pylist(),
                          shapely.from_wkb(wijken["wkb_geometry"].to_pylist()), strict=True))
    for code, shape in zip(buurten["wijkcode"].to_pylist(),
                           shapely.from_wkb(buurten["wkb_geometry"].to_pylist()), strict=True):
        assert shape.within(wijk_shape[code].buffer(1e-5))
    assert set(buurten["gemeentecode"].to_pylist()) == {"GM9999"}
    inwoners = buurten["aantal_inwoners"].to_pylist()
    assert -99997 in inwoners
    dwellings = sum("woonfunctie" in v["gebruiksdoel"] for v in bag["vbo"])
    assert 1.8 < sum(wijken["aantal_inwoners"].to_pylist()) / dwellings < 2.4
    doc = json.loads((folder / "buurten.geojson").read_text(encoding="utf-8"))
    lon, lat = doc["features"][0]["geometry"]["coordinates"][0][0][:2]
    assert 4.9 < lon < 5.4 and 52.4 < lat < 52.7  # the Markermeer


def test_bedrijventerreinen_come_in_two_definitions(demo):
    folder = demo / "gebieden"
    ibis = json.loads((folder / "bedrijventerreinen-ibis.geojson").read_text(encoding="utf-8"))
    assert ibis["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::28992"
    assert len(ibis["features"]) == 3
    assert {"RIN_NUMMER", "JAAR", "PLAN_NAAM", "GEM_CODES", "HA_BRUTO", "HA_NETTO",
            "WLOC_TYPE"} <= set(ibis["features"][0]["properties"])
    _, eigen = pyogrio.read_arrow(folder / "bedrijventerreinen-eigen.geojson")
    assert eigen.num_rows == 4


def test_rdw_recognitions_join_on_volgnummer(demo):
    with open(demo / "rdw" / "erkende-bedrijven.csv", encoding="utf-8", newline="") as f:
        bedrijven = list(csv.DictReader(f))
    with open(demo / "rdw" / "erkenningen.csv", encoding="utf-8", newline="") as f:
        erkenningen = list(csv.DictReader(f))
    per = defaultdict(list)
    for e in erkenningen:
        per[e["volgnummer"]].append(e["erkenning"])
    assert bedrijven and all(per[b["volgnummer"]] for b in bedrijven)
    assert {b["plaats"] for b in bedrijven} == {"DEMOSTAD"}


def test_manifest_lists_every_source_relative_to_the_output_folder(demo):
    manifest = json.loads((demo / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["gemeentecode"] == "9999" and manifest["is_demo"] is True
    assert manifest["peildatum"] == "2026-11-01" and manifest["gemeenten"] == ["9999"]
    for bron in manifest["bronnen"]:
        assert (demo / bron["pad"]).exists(), bron["pad"]
