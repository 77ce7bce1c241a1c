"""bag-light with an object twice: one row per object remains, a withdrawn copy never wins
(only repeated ids are deduplicated, loaders/sql/bag_gpkg.sql)."""

from __future__ import annotations

import pyarrow as pa
import shapely

from loaders.bag import gpkg as bag_gpkg
from tests.loaders.test_bag_gpkg_plaatsen import VIERKANT, _adres, _laag

VBO, ANDER, PAND = "9999010000000001", "9999010000000002", "9999100000000001"


def _gpkg(tmp_path):
    path = tmp_path / "bag-light.gpkg"
    vbo = {**_adres([VBO, VBO, ANDER], [1, 1, 2], ["Verblijfsobject ingetrokken",
                                                   "Verblijfsobject in gebruik",
                                                   "Verblijfsobject in gebruik"], ["9999"] * 3),
           "oppervlakte": pa.array([80, 80, 60], pa.int32()), "gebruiksdoel": ["woonfunctie"] * 3,
           "bouwjaar": pa.array([1990] * 3, pa.int32()), "pand_identificatie": [PAND] * 3}
    _laag(path, "verblijfsobject", vbo, [shapely.Point(1005, 1005)] * 3, "Point", False)
    _laag(path, "pand", {"identificatie": [PAND, PAND], "bouwjaar": pa.array([1990, 1990], pa.int32()),
                         "status": ["Pand in gebruik", "Pand in gebruik"]}, [VIERKANT] * 2,
          "Polygon", True)
    return path


def test_an_object_delivered_twice_is_loaded_once_and_a_withdrawn_copy_never_wins(con, tmp_path):
    bag_gpkg.load(con, _gpkg(tmp_path), gemeente="9999")
    assert con.execute("SELECT identificatie, status FROM verblijfsobject ORDER BY ALL").fetchall() == [
        (VBO, "Verblijfsobject in gebruik"), (ANDER, "Verblijfsobject in gebruik")]
    assert con.execute("SELECT identificatie FROM pand").fetchall() == [(PAND,)]
