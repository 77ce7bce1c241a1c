"""CBS wijken en buurten via PDOK's OGC API: saved with their CRS, read by gebieden.load."""

from __future__ import annotations

import json

import pytest

from geo.db import connect
from geo.sqlfiles import run_script
from loaders import cbs, gebieden
from loaders.errors import InvoerFout
from loaders.http_client import HttpClient

RD_HEADER = {"Content-Crs": "<http://www.opengis.net/def/crs/EPSG/0/28992>"}


def client() -> HttpClient:
    return HttpClient(max_rps=1000, backoff=0.001, retries=1, timeout=5)


def serve_cbs(replay) -> None:
    page = lambda name: replay.reply_file(f"cbs/{name}.json", **RD_HEADER)  # noqa: E731
    replay.route("/collections/gemeenten/items", page("gemeenten"))
    replay.route("/collections/wijken/items", page("wijken-p1"))
    replay.route("/collections/wijken/items", page("wijken-p2"), query={"cursor": "wk3"})
    replay.route("/collections/buurten/items", page("buurten"))


@pytest.fixture
def con():
    c = connect()
    run_script(c, "schema")
    yield c
    c.close()


def test_download_saves_gemeente_wijken_and_buurten_following_next_links(replay, tmp_path):
    serve_cbs(replay)
    assert cbs.download(replay.url, "GM0637", tmp_path, client=client()) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buurten.geojson", "gemeente.geojson",
                                                          "wijken.geojson"]
    wijken = json.loads((tmp_path / "wijken.geojson").read_text())
    assert [f["properties"]["wijkcode"] for f in wijken["features"]] == ["WK063701", "WK063702",
                                                                         "WK063703"]
    assert wijken["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::28992"


def test_each_collection_is_asked_for_the_gemeente_in_rd(replay, tmp_path):
    serve_cbs(replay)
    cbs.download(replay.url, "0637", tmp_path, client=client())
    first = replay.requests[0]
    assert first.path == "/collections/gemeenten/items"
    assert first.query["gemeentecode"] == "GM0637"
    assert first.query["crs"] == "http://www.opengis.net/def/crs/EPSG/0/28992"


def test_saved_files_load_as_areas_in_rd_with_inhabitants_and_parents(replay, tmp_path, con):
    serve_cbs(replay)
    cbs.download(replay.url, "GM0637", tmp_path, client=client())
    assert gebieden.load(con, tmp_path, "cbs") == 6
    rows = con.execute("SELECT gebied_id, ouder_code, inwoners, round(oppervlakte_ha) FROM gebied "
                       "ORDER BY gebied_id").fetchall()
    assert rows[:2] == [("buurt:cbs:BU06370101", "WK063701", 7000, 100.0),
                        ("buurt:cbs:BU06370102", "WK063701", 8000, 100.0)]
    assert ("gemeente:cbs:GM0637", None, 127000, 3600.0) in rows
    assert ("wijk:cbs:WK063703", "GM0637", None, 400.0) in rows  # -99997: unknown
    x, y = con.execute("SELECT ST_X(ST_Centroid(geom)), ST_Y(ST_Centroid(geom)) FROM gebied "
                       "WHERE soort = 'gemeente'").fetchone()
    assert (x, y) == (93000.0, 452000.0)  # RD in, RD out: not reprojected


def test_collections_already_saved_are_not_fetched_again(replay, tmp_path):
    serve_cbs(replay)
    cbs.download(replay.url, "GM0637", tmp_path, client=client())
    (tmp_path / "buurten.geojson").unlink()
    replay.clear()
    assert cbs.download(replay.url, "GM0637", tmp_path, client=client()) == 6
    assert [r.path for r in replay.requests] == ["/collections/buurten/items"]


def test_server_ignoring_the_gemeente_filter_is_caught(replay, tmp_path):
    serve_cbs(replay)
    replay.route("/collections/buurten/items", replay.reply_file("cbs/buurten-andere-gemeente.json"))
    with pytest.raises(InvoerFout, match="negeerde het filter gemeentecode=GM0637"):
        cbs.download(replay.url, "GM0637", tmp_path, client=client())
    assert not (tmp_path / "buurten.geojson").exists()


def test_page_without_features_is_refused_naming_the_url(replay, tmp_path):
    serve_cbs(replay)
    replay.route("/collections/wijken/items", replay.reply_file("pdok-bag/zonder-features.json"))
    with pytest.raises(InvoerFout, match=r"collections/wijken/items.*features"):
        cbs.download(replay.url, "GM0637", tmp_path, client=client())


def test_bbox_of_the_saved_gemeente_can_steer_a_bag_download(replay, tmp_path):
    serve_cbs(replay)
    cbs.download(replay.url, "GM0637", tmp_path, client=client())
    assert cbs.bbox(tmp_path, margin=10) == (89990, 448990, 96010, 455010)


def test_gemeentecode_is_written_the_cbs_way():
    assert cbs.cbs_gemeentecode("637") == cbs.cbs_gemeentecode("gm0637") == "GM0637"
    with pytest.raises(InvoerFout):
        cbs.cbs_gemeentecode("GM06370")
