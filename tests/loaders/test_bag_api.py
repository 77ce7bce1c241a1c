"""BAG via PDOK's OGC API: pages saved as they arrive, resumable, and loaded offline into the snapshot."""

from __future__ import annotations

import json

import pytest

from loaders.bag import api as bag_api
from loaders.errors import InvoerFout
from loaders.http_client import HttpClient, HttpFout
from tests.loaders.replay_server import Reply

VBO = "/collections/verblijfsobject/items"
PAND = "/collections/pand/items"
LIG, STA, ADRES = ("/collections/ligplaats/items", "/collections/standplaats/items",
                   "/collections/adres/items")
RD_HEADER = {"Content-Crs": "<http://www.opengis.net/def/crs/EPSG/0/28992>"}


def client() -> HttpClient:
    return HttpClient(max_rps=1000, backoff=0.001, retries=1, timeout=5)


def serve_bag(replay, vbo_page3: Reply | None = None) -> None:
    """The recorded Zoetermeer-like sample: 3 verblijfsobject pages, 2 pand pages, and one page
    each of ligplaatsen (3), standplaatsen (1) and adressen (5)."""
    page = lambda name: replay.reply_file(f"pdok-bag/{name}.json", **RD_HEADER)  # noqa: E731
    replay.route(VBO, page("verblijfsobject-p1"))
    replay.route(VBO, page("verblijfsobject-p2"), query={"cursor": "Dw7dvbo2"})
    replay.route(VBO, vbo_page3 or page("verblijfsobject-p3"), query={"cursor": "Dw7dvbo3"})
    replay.route(PAND, page("pand-p1"))
    replay.route(PAND, page("pand-p2"), query={"cursor": "Kx9pand2"})
    replay.route(LIG, page("ligplaats-p1"))
    replay.route(STA, page("standplaats-p1"))
    replay.route(ADRES, page("adres-p1"))


def download(replay, out, **kwargs) -> int:
    return bag_api.download(replay.url, "GM0637", out, client=client(), **kwargs)


def test_download_follows_next_links_and_saves_each_page(replay, tmp_path):
    serve_bag(replay)
    assert download(replay, tmp_path) == 19  # 5 vbo + 5 panden + 3 lig + 1 sta + 5 adressen
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["adres-1.json", "ligplaats-1.json", "pand-1.json", "pand-2.json",
                     "standplaats-1.json", "state.json", "verblijfsobject-1.json",
                     "verblijfsobject-2.json", "verblijfsobject-3.json"]
    state = json.loads((tmp_path / "state.json").read_text())
    assert state["gemeente"] == "0637" and state["klaar_op"]
    assert state["collecties"]["verblijfsobject"] == {"paginas": 3, "volgende": None,
                                                      "objecten": 5, "klaar": True}


def test_first_page_asks_rd_coordinates_for_the_gemeente_and_later_pages_follow_links(replay, tmp_path):
    serve_bag(replay)
    download(replay, tmp_path, limit=2)
    first, second, third = [r for r in replay.requests if r.path == VBO]
    assert first.query == {"f": "json", "limit": "2", "bronhouder_identificatie": "0637",
                           "crs": "http://www.opengis.net/def/crs/EPSG/0/28992"}
    assert second.query["cursor"] == "Dw7dvbo2" and third.query["cursor"] == "Dw7dvbo3"


def test_panden_are_asked_by_the_bbox_of_the_verblijfsobjecten(replay, tmp_path):
    serve_bag(replay)
    download(replay, tmp_path)
    first_pand = next(r for r in replay.requests if r.path == PAND)
    assert first_pand.query["bbox"] == "93510,452405,93810,452615"  # points ± 100 m
    assert first_pand.query["bbox-crs"].endswith("EPSG/0/28992")
    assert "bronhouder_identificatie" not in first_pand.query


def test_interrupted_download_resumes_requesting_only_the_missing_pages(replay, tmp_path):
    serve_bag(replay, vbo_page3=Reply(status=500))
    with pytest.raises(HttpFout, match="blijft bewaard"):
        download(replay, tmp_path)
    assert (tmp_path / "verblijfsobject-2.json").exists()
    assert not (tmp_path / "verblijfsobject-3.json").exists()

    serve_bag(replay)
    replay.clear()
    assert download(replay, tmp_path) == 19
    assert replay.targets()[0].startswith(VBO + "?") and "cursor=Dw7dvbo3" in replay.targets()[0]
    assert [r.path for r in replay.requests] == [VBO, PAND, PAND, LIG, STA, ADRES]


def test_a_finished_download_is_not_fetched_again(replay, tmp_path):
    serve_bag(replay)
    download(replay, tmp_path)
    replay.clear()
    assert download(replay, tmp_path) == 19
    assert replay.requests == []


def test_page_that_is_not_json_is_refused_naming_its_url(replay, tmp_path):
    replay.route(VBO, Reply(body="<html>onderhoud</html>"))
    with pytest.raises(InvoerFout, match=r"127\.0\.0\.1.*/collections/verblijfsobject/items.*"
                                         r"geen geldige JSON"):
        download(replay, tmp_path)
    assert not (tmp_path / "verblijfsobject-1.json").exists()


def test_featurecollection_without_features_is_refused_naming_url_and_field(replay, tmp_path):
    replay.route(VBO, replay.reply_file("pdok-bag/zonder-features.json"))
    with pytest.raises(InvoerFout, match=r"verblijfsobject/items.*veld features.*ontbreekt"):
        download(replay, tmp_path)


def test_server_ignoring_the_gemeente_filter_is_caught_on_the_first_page(replay, tmp_path):
    replay.route(VBO, replay.reply_file("pdok-bag/andere-gemeente.json"))
    with pytest.raises(InvoerFout, match="negeerde het filter bronhouder_identificatie=0637"):
        download(replay, tmp_path)


def test_unsupported_gemeente_filter_suggests_a_bbox(replay, tmp_path):
    replay.route(VBO, Reply(status=400, body={"detail": "unknown query parameter"}))
    with pytest.raises(HttpFout, match="accepteert het filter .* niet.*bbox"):
        download(replay, tmp_path)


def test_next_link_to_another_server_is_refused(replay, tmp_path):
    doc = json.loads((replay.root / "pdok-bag/verblijfsobject-p3.json").read_text())
    doc["links"].append({"rel": "next", "href": "https://elders.example/collections/x/items?c=1"})
    replay.route(VBO, Reply(body=doc))
    with pytest.raises(InvoerFout, match="andere server"):
        download(replay, tmp_path)


def test_folder_of_another_gemeente_is_refused(replay, tmp_path):
    serve_bag(replay)
    download(replay, tmp_path)
    with pytest.raises(InvoerFout, match=r"state\.json.*andere BAG-download \(gemeente"):
        bag_api.download(replay.url, "0599", tmp_path, client=client())


def test_bbox_download_asks_both_collections_by_area_and_load_keeps_the_gemeente(replay, tmp_path, con):
    serve_bag(replay)
    box = (93500.0, 452400.0, 93900.0, 452700.0)
    bag_api.download(replay.url, "0637", tmp_path, bbox=box, client=client())
    firsts = [r for r in replay.requests if "cursor" not in r.query]
    assert {r.query["bbox"] for r in firsts} == {"93500,452400,93900,452700"}
    assert all("bronhouder_identificatie" not in r.query for r in firsts)
    assert bag_api.load(con, tmp_path) == 9  # 4 vbo, 3 panden, 1 ligplaats, 1 standplaats
    assert con.execute("SELECT count(*) FROM verblijfsobject").fetchone() == (4,)


def test_load_inserts_current_objects_with_normalised_addresses(replay, tmp_path, con):
    serve_bag(replay)
    download(replay, tmp_path)
    assert bag_api.load(con, tmp_path) == 9  # every BAG object; the ingetrokken ones left out
    assert con.execute("SELECT count(*) FROM verblijfsobject").fetchone() == (4,)
    rows = con.execute(
        "SELECT identificatie, gebruiksdoelen, huisnummer, huisletter, toevoeging, postcode, "
        "woonplaats, nummeraanduiding_id, gemeentecode, ST_X(geom), ST_Y(geom) "
        "FROM verblijfsobject ORDER BY identificatie").fetchall()
    assert [r[0] for r in rows] == ["0637010000000001", "0637010000000002", "0637010000000003",
                                    "0637010000000005"]
    assert rows[1][1:6] == (["winkelfunctie", "kantoorfunctie"], 2, "a", None, "2711AB")
    assert rows[2][4] == "2"
    assert rows[0][6:] == ("Zoetermeer", "0637200000000001", "0637", 93610.0, 452510.0)


def test_load_resolves_each_pand_by_bag_id_feature_id_or_location(replay, tmp_path, con):
    serve_bag(replay)
    download(replay, tmp_path)
    bag_api.load(con, tmp_path)
    panden = dict(con.execute("SELECT identificatie, pand_identificatie FROM verblijfsobject").fetchall())
    assert panden == {
        "0637010000000001": "0637100000000001",  # pand.href ends in a 16-digit BAG id
        "0637010000000002": "0637100000000002",  # pand.href ends in the pand's feature id (UUID)
        "0637010000000003": "0637100000000001",  # no pand.href: the pand its point lies in
        "0637010000000005": "0637100000000002",  # unknown UUID: the pand its point lies in
    }
    assert con.execute("SELECT bouwjaar FROM verblijfsobject WHERE identificatie = "
                       "'0637010000000005'").fetchone() == (2005,)  # taken from its pand


def test_load_keeps_own_sheds_but_not_demolished_or_neighbouring_panden(replay, tmp_path, con):
    serve_bag(replay)
    download(replay, tmp_path)
    bag_api.load(con, tmp_path)
    rows = con.execute("SELECT identificatie, gemeentecode, round(oppervlakte) FROM pand "
                       "ORDER BY 1").fetchall()
    assert rows == [("0637100000000001", "0637", 400.0), ("0637100000000002", "0637", 400.0),
                    ("0637100000000004", "0637", 25.0)]


def test_load_refuses_an_unfinished_download(replay, tmp_path, con):
    serve_bag(replay, vbo_page3=Reply(status=500))
    with pytest.raises(HttpFout):
        download(replay, tmp_path)
    with pytest.raises(InvoerFout, match="verblijfsobject is niet af"):
        bag_api.load(con, tmp_path)


def test_load_names_a_damaged_saved_page(replay, tmp_path, con):
    serve_bag(replay)
    download(replay, tmp_path)
    doc = json.loads((tmp_path / "pand-2.json").read_text())
    doc["features"][1]["properties"]["identificatie"] = "pand-vijf"
    (tmp_path / "pand-2.json").write_text(json.dumps(doc))
    with pytest.raises(InvoerFout, match=r"bestand pand-2\.json, rij 2, veld identificatie"):
        bag_api.load(con, tmp_path)


def test_load_refuses_a_folder_without_state(tmp_path, con):
    with pytest.raises(InvoerFout, match=r"state\.json.*ontbreekt"):
        bag_api.load(con, tmp_path)


def test_gemeentecode_accepts_the_usual_spellings():
    assert bag_api.gemeentecode("GM0637") == bag_api.gemeentecode("637") == "0637"
    with pytest.raises(InvoerFout, match="geen gemeentecode"):
        bag_api.gemeentecode("Zoetermeer")


def test_saved_pages_in_crs84_are_reprojected_to_rd(tmp_path, con):
    lon, lat, d = 4.4931, 52.0575, 0.0002
    vbo = {"type": "Feature", "id": "v", "geometry": {"type": "Point", "coordinates": [lon, lat]},
           "properties": {"identificatie": "0637010000000042", "status": "Verblijfsobject in gebruik",
                          "bronhouder_identificatie": "0637"}}
    ring = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d],
            [lon - d, lat - d]]
    pand = {"type": "Feature", "id": "p", "geometry": {"type": "Polygon", "coordinates": [ring]},
            "properties": {"identificatie": "0637100000000042", "status": "Pand in gebruik"}}
    for name, feature in (("verblijfsobject-1.json", vbo), ("pand-1.json", pand)):
        (tmp_path / name).write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    done = {"paginas": 1, "volgende": None, "objecten": 1, "klaar": True}
    (tmp_path / "state.json").write_text(json.dumps({
        "gemeente": "0637", "crs": bag_api.CRS84,
        "collecties": {"verblijfsobject": done, "pand": done}}))
    # a download made before ligplaats/standplaats/adres were asked loads without them
    assert bag_api.load(con, tmp_path) == 2
    x, y, pand_id = con.execute("SELECT ST_X(geom), ST_Y(geom), pand_identificatie "
                                "FROM verblijfsobject").fetchone()
    assert abs(x - 93_680) < 5 and abs(y - 452_510) < 5
    assert pand_id == "0637100000000042"


def test_ligplaatsen_and_standplaatsen_of_the_gemeente_load_with_their_address(replay, tmp_path,
                                                                                con):
    serve_bag(replay)
    download(replay, tmp_path)
    bag_api.load(con, tmp_path)
    # 0637…02 is ingetrokken, 1892…03 belongs to a neighbour caught by the bounding box
    assert con.execute("SELECT identificatie, openbare_ruimte, huisnummer, postcode, "
                       "nummeraanduiding_id, ST_Contains(geom, punt) FROM ligplaats").fetchall() == [
        ("0637020000000001", "Havenkade", 10, "2711HK", "0637200000000101", True)]
    # the standplaats page carries no address: its hoofdadres comes from the adres collection
    assert con.execute("SELECT identificatie, openbare_ruimte, huisnummer, postcode "
                       "FROM standplaats").fetchall() == [
        ("0637030000000001", "Kermisterrein", 3, "2711KT")]


def test_addresses_other_than_the_hoofdadres_become_nevenadressen(replay, tmp_path, con):
    serve_bag(replay)
    download(replay, tmp_path)
    bag_api.load(con, tmp_path)
    assert con.execute("SELECT nummeraanduiding_id, adresseerbaar_id, object_soort, "
                       "openbare_ruimte, huisnummer, huisletter, postcode FROM nevenadres "
                       "ORDER BY 1").fetchall() == [
        ("0637200000000011", "0637010000000001", "verblijfsobject", "Kerkpad", 2, None, "2711AC"),
        ("0637200000000111", "0637020000000001", "ligplaats", "Havenkade", 10, "a", "2711HK"),
    ]
