"""GeoPackage export: read back with pyogrio as QGIS would (GDAL), layers, CRS and counts."""

from __future__ import annotations

import pyogrio
import pytest

from exports.gpkg import GPKG_LAYERS, gpkg_bytes, write_gpkg
from exports.mapshot.data import signals
from exports.mapshot.render import MapView, whole_municipality
from geo.branches import register as register_branches
from geo.indicators import load_indicators
from geo.nlformat import datum


@pytest.fixture(scope="module")
def whole(con, tmp_path_factory) -> tuple:
    path = tmp_path_factory.mktemp("gpkg") / "demostad.gpkg"
    counts = write_gpkg(con, path, gebruiker="A. Analist")
    return path, counts


def count(con, sql: str, *params) -> int:
    return con.execute(sql, list(params)).fetchone()[0]


def test_every_layer_is_in_rd_new_with_the_duckdb_counts(con, peildatum, whole):
    path, counts = whole
    layers = dict(pyogrio.list_layers(path))
    expected = {
        "pand": count(con, "SELECT count(*) FROM pand"),
        "verblijfsobject": count(con, "SELECT count(*) FROM verblijfsobject"),
        "plaats": count(con, "SELECT (SELECT count(*) FROM ligplaats) + "
                             "(SELECT count(*) FROM standplaats)"),
        "vestiging": count(con, "SELECT count(*) FROM vestiging WHERE is_actief(datum_aanvang, "
                                "datum_einde, ?)", peildatum),
        "gebied": count(con, "SELECT count(*) FROM gebied WHERE geom IS NOT NULL"),
    }
    for layer, n in expected.items():
        info = pyogrio.read_info(path, layer=layer)
        assert info["crs"] == "EPSG:28992", layer
        assert info["features"] == n == counts[layer], layer
    assert layers["pand"] == "MultiPolygon" and layers["vestiging"] == "Point"
    assert layers["plaats"] == "MultiPolygon" and counts["plaats"] > 0
    assert layers["verantwoording"] is None  # a plain table


def test_indicator_results_get_one_layer_each_with_reason(con, whole):
    path, counts = whole
    found, _ = signals(con, [i.id for i in load_indicators()])
    per_indicator = {i.id: sum(s.indicator == i.id for s in found) for i in load_indicators()}
    assert any(per_indicator.values())
    for indicator_id, n in per_indicator.items():
        if n:
            layer = f"signaal_{indicator_id}"
            assert pyogrio.read_info(path, layer=layer)["features"] == n == counts[layer]
            reden = pyogrio.read_dataframe(path, layer=layer)["reden"]
            assert reden.str.len().min() > 0


def test_unlocated_vestigingen_are_kept_with_an_empty_geometry(con, peildatum, whole):
    path, _ = whole
    unlocated = count(con, "SELECT count(*) FROM vestiging WHERE geom IS NULL AND "
                           "is_actief(datum_aanvang, datum_einde, ?)", peildatum)
    frame = pyogrio.read_dataframe(path, layer="vestiging")
    assert frame.geometry.isna().sum() == unlocated


def test_accountability_table_has_peildata_selection_author_and_mark(con, whole):
    path, _ = whole
    table = pyogrio.read_dataframe(path, layer="verantwoording")
    lines = dict(zip(table["onderwerp"], table["waarde"], strict=True))
    for bron, bron_peildatum in con.execute("SELECT bron, peildatum FROM bron").fetchall():
        assert lines[f"Bron {bron}"] == f"peildatum {datum(bron_peildatum)}"
    assert lines["Selectie"].startswith("Hele gemeente")
    assert lines["Gemaakt door"] == "A. Analist"
    assert "KernCluster" in lines["Let op"]
    assert lines["Coördinatenstelsel"].startswith("EPSG:28992")


def test_layers_describe_themselves_with_the_peildatum(whole, peildatum):
    path, _ = whole
    meta = pyogrio.read_info(path, layer="pand")["layer_metadata"]
    assert datum(peildatum) in meta["DESCRIPTION"]


def test_selection_limits_to_the_view_box_and_branch_groups(con, peildatum, tmp_path):
    xmin, ymin, xmax, ymax = whole_municipality(con).rd_box()
    box = (xmin, ymin, (xmin + xmax) / 2, (ymin + ymax) / 2)
    view = MapView(bounds=box, bounds_crs="EPSG:28992", groepen=("automotive",),
                   filters=("Kwart van de gemeente",))
    counts = write_gpkg(con, tmp_path / "deel.gpkg", layers=("pand", "vestiging"), selection=view)
    register_branches(con)
    envelope = "ST_MakeEnvelope(?, ?, ?, ?)"
    assert counts["pand"] == count(con, f"SELECT count(*) FROM pand WHERE ST_Intersects(geom, {envelope})",
                                   *box)
    assert counts["vestiging"] == count(con, f"""
        SELECT count(DISTINCT v.vestigingsnummer) FROM vestiging v JOIN branche_lid b USING (vestigingsnummer)
        WHERE b.groep = 'automotive' AND is_actief(v.datum_aanvang, v.datum_einde, ?)
          AND ST_Intersects(v.geom, {envelope})""", peildatum, *box)
    assert set(dict(pyogrio.list_layers(tmp_path / "deel.gpkg"))) == {"pand", "vestiging", "verantwoording"}
    frame = pyogrio.read_dataframe(tmp_path / "deel.gpkg", layer="vestiging")
    assert set(frame["branchegroep"]) <= {"automotive"}
    table = pyogrio.read_dataframe(tmp_path / "deel.gpkg", layer="verantwoording")
    assert "Kwart van de gemeente" in dict(zip(table["onderwerp"], table["waarde"], strict=True))["Selectie"]


def test_a_failed_export_leaves_no_half_written_file_behind(con, tmp_path, monkeypatch):
    real = pyogrio.write_arrow
    calls = []

    def fails_on_the_second_layer(*args, **kwargs):
        calls.append(kwargs.get("layer"))
        if len(calls) > 1:
            raise OSError("schijf vol")
        return real(*args, **kwargs)

    monkeypatch.setattr(pyogrio, "write_arrow", fails_on_the_second_layer)
    with pytest.raises(OSError):
        write_gpkg(con, tmp_path / "kapot.gpkg", layers=("pand", "gebied"))
    assert calls == ["pand", "gebied"]
    assert list(tmp_path.iterdir()) == []


def test_export_as_bytes_is_a_geopackage(con):
    data = gpkg_bytes(con, layers=("gebied",))
    assert data[:16] == b"SQLite format 3\x00"


def test_unknown_layer_is_refused(con, tmp_path):
    with pytest.raises(ValueError, match="onbekende lagen"):
        write_gpkg(con, tmp_path / "x.gpkg", layers=("luchtfoto",))
    assert set(GPKG_LAYERS) >= {"pand", "verblijfsobject", "vestiging", "gebied"}
