"""bag-light GeoPackage with ligplaats and standplaats layers, written here with pyogrio."""

from __future__ import annotations

import pyarrow as pa
import pyogrio
import shapely

from loaders.bag import gpkg as bag_gpkg

VIERKANT = shapely.box(1000, 1000, 1010, 1010)


def _laag(path, laag, kolommen: dict, geoms, soort, append):
    tabel = pa.table({**kolommen, "geom": pa.array(shapely.to_wkb(geoms).tolist(), pa.binary())})
    pyogrio.write_arrow(tabel, path, layer=laag, driver="GPKG", geometry_name="geom",
                        geometry_type=soort, crs="EPSG:28992", append=append)


def _adres(ids, nummers, status, gemeente, straat="Havenkade", pc="9999ZZ"):
    n = len(ids)
    return {"identificatie": ids, "status": status, "openbare_ruimte_naam": [straat] * n,
            "huisnummer": pa.array(nummers, pa.int32()),
            "huisletter": pa.array([None] * n, pa.string()),
            "toevoeging": pa.array([None] * n, pa.string()), "postcode": [pc] * n,
            "woonplaats_naam": ["Demostad"] * n,
            "nummeraanduiding_hoofdadres_identificatie": [i[:4] + "20" + i[6:] for i in ids],
            "bronhouder_identificatie": gemeente}


def _gpkg(tmp_path, plaatsen: bool = True):
    path = tmp_path / "bag-light.gpkg"
    vbo = {**_adres(["9999010000000001"], [1], ["Verblijfsobject in gebruik"], ["9999"]),
           "oppervlakte": pa.array([80], pa.int32()), "gebruiksdoel": ["woonfunctie"],
           "bouwjaar": pa.array([1990], pa.int32()), "pand_identificatie": ["9999100000000001"]}
    _laag(path, "verblijfsobject", vbo, [shapely.Point(1005, 1005)], "Point", False)
    _laag(path, "pand", {"identificatie": ["9999100000000001"], "bouwjaar": pa.array([1990], pa.int32()),
                         "status": ["Pand in gebruik"]}, [VIERKANT], "Polygon", True)
    if plaatsen:
        boten = [shapely.box(2000, 1000, 2020, 1006), shapely.box(2030, 1000, 2050, 1006),
                 shapely.box(2060, 1000, 2080, 1006)]
        _laag(path, "ligplaats", _adres(
            ["9999020000000001", "9999020000000002", "9999020000000003"], [10, 12, 14],
            ["Plaats aangewezen", "Plaats ingetrokken", "Plaats aangewezen"],
            ["9999", "9999", "8888"]), boten, "Polygon", True)
        _laag(path, "standplaats", _adres(["9999030000000001"], [3], ["Plaats aangewezen"],
                                          ["9999"], straat="Kermisterrein", pc="9999YY"),
              [shapely.box(3000, 1000, 3010, 1010)], "Polygon", True)
    return path


def test_ligplaatsen_and_standplaatsen_of_the_gemeente_are_loaded_with_address(con, tmp_path):
    # 1 pand + 1 vbo + 1 ligplaats (one withdrawn, one of another gemeente) + 1 standplaats
    assert bag_gpkg.load(con, _gpkg(tmp_path), gemeente="9999") == 4
    assert con.execute("SELECT identificatie, openbare_ruimte, huisnummer, postcode, "
                       "nummeraanduiding_id, gemeentecode, ST_Contains(geom, punt) FROM ligplaats"
                       ).fetchall() == [("9999020000000001", "Havenkade", 10, "9999ZZ",
                                         "9999200000000001", "9999", True)]
    assert con.execute("SELECT identificatie, openbare_ruimte, huisnummer, ST_Area(geom) "
                       "FROM standplaats").fetchall() == [
        ("9999030000000001", "Kermisterrein", 3, 100.0)]


def test_whole_file_without_gemeente_keeps_every_current_plaats(con, tmp_path):
    assert bag_gpkg.load(con, _gpkg(tmp_path)) == 5
    assert con.execute("SELECT count(*) FROM ligplaats").fetchone() == (2,)


def test_bag_light_without_plaats_layers_still_loads(con, tmp_path):
    assert bag_gpkg.load(con, _gpkg(tmp_path, plaatsen=False), gemeente="9999") == 2
    assert con.execute("SELECT count(*) FROM ligplaats UNION ALL "
                       "SELECT count(*) FROM standplaats").fetchall() == [(0,), (0,)]
