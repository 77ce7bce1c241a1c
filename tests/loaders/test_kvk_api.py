"""KVK APIs: apikey header, a cache so nothing is paid for twice, IPD5200 as "not found", no leaked key."""

from __future__ import annotations

import logging

import pytest

from geo.db import connect
from geo.sqlfiles import run_script
from loaders.errors import InvoerFout
from loaders.http_client import HttpFout
from loaders.kvk import api as kvk_api
from loaders.kvk import api_json as kvk_json
from loaders.pipeline import prepare_staging
from tests.loaders.replay_server import Reply

KEY = "l7xx-test-sleutel-0123456789abcdef"
PROFIEL = "/v1/vestigingsprofielen/"


def make_client(replay, tmp_path, key: str | None = KEY, **kwargs) -> kvk_api.KvkClient:
    return kvk_api.KvkClient(key, replay.url, tmp_path / "cache", max_rps=1000, backoff=0.001,
                             retries=2, timeout=5, **kwargs)


def serve_kvk(replay) -> None:
    for n in ("000012345671", "000012345682"):
        replay.route(PROFIEL + n, replay.reply_file(f"kvk/vestigingsprofiel-{n}.json"))
    replay.route(PROFIEL + "000099999999", replay.reply_file("kvk/niet-gevonden.json", status=404))
    replay.route("/v1/basisprofielen/90000001", replay.reply_file("kvk/basisprofiel-90000001.json"))
    replay.route("/v2/zoeken", replay.reply_file("kvk/zoeken-p1.json"), query={"pagina": "1"})
    replay.route("/v2/zoeken", replay.reply_file("kvk/zoeken-p2.json"), query={"pagina": "2"})


def test_vestigingsprofiel_sends_the_apikey_and_asks_for_geodata(replay, tmp_path):
    serve_kvk(replay)
    profiel = make_client(replay, tmp_path).vestigingsprofiel("12345671")
    assert profiel["eersteHandelsnaam"] == "Knipperlicht Kappers"
    (request,) = replay.requests
    assert request.path == PROFIEL + "000012345671" and request.query == {"geoData": "true"}
    assert request.headers["apikey"] == KEY
    assert request.headers["user-agent"] == "Zicht/0.1"


def test_a_cached_response_is_never_requested_again(replay, tmp_path):
    serve_kvk(replay)
    make_client(replay, tmp_path).vestigingsprofiel("000012345671")
    assert (tmp_path / "cache" / "vestigingsprofielen" / "000012345671.json").exists()
    replay.clear()
    client = make_client(replay, tmp_path)
    assert client.vestigingsprofiel("000012345671")["kvkNummer"] == "90000001"
    assert replay.requests == [] and (client.opgehaald, client.uit_cache) == (0, 1)


def test_cached_responses_need_no_api_key(replay, tmp_path):
    serve_kvk(replay)
    make_client(replay, tmp_path).vestigingsprofiel("000012345671")
    offline = make_client(replay, tmp_path, key="")
    assert offline.vestigingsprofiel("000012345671") is not None
    with pytest.raises(InvoerFout, match="ZICHT_KVK_API_KEY"):
        offline.vestigingsprofiel("000012345682")


def test_not_found_ipd5200_is_none_and_is_not_asked_twice(replay, tmp_path):
    serve_kvk(replay)
    client = make_client(replay, tmp_path)
    assert client.vestigingsprofiel("000099999999") is None
    assert client.vestigingsprofiel("000099999999") is None
    assert len(replay.requests) == 1


def test_404_without_ipd5200_is_an_error_not_a_missing_company(replay, tmp_path):
    replay.route(PROFIEL + "000000000001", Reply(status=404, body="<html>Not Found</html>"))
    with pytest.raises(HttpFout, match="zonder KVK-foutcode IPD5200"):
        make_client(replay, tmp_path).vestigingsprofiel("1")
    assert not (tmp_path / "cache" / "vestigingsprofielen" / "000000000001.json").exists()


def test_429_is_retried_and_the_answer_cached(replay, tmp_path):
    replay.route(PROFIEL + "000012345671", Reply(status=429, headers={"Retry-After": "0"}),
                 replay.reply_file("kvk/vestigingsprofiel-000012345671.json"))
    assert make_client(replay, tmp_path).vestigingsprofiel("000012345671") is not None
    assert len(replay.requests) == 2


def test_zoeken_follows_pages_until_all_results(replay, tmp_path):
    serve_kvk(replay)
    resultaten = make_client(replay, tmp_path).zoeken(postcode="2711AB", huisnummer=1,
                                                      resultaten_per_pagina=2)
    assert [r["vestigingsnummer"] for r in resultaten] == ["000012345671", "000012345693",
                                                           "000012345704"]
    assert [r.query for r in replay.requests] == [
        {"postcode": "2711AB", "huisnummer": "1", "pagina": str(p), "resultatenPerPagina": "2"}
        for p in (1, 2)]


def test_zoeken_never_asks_more_than_100_per_page_or_beyond_1000(replay, tmp_path):
    replay.route("/v2/zoeken", Reply(body={"pagina": 1, "resultatenPerPagina": 100, "totaal": 5000,
                                           "resultaten": [{"kvkNummer": "90000001"}] * 100}))
    resultaten = make_client(replay, tmp_path).zoeken(plaats="Zoetermeer", resultaten_per_pagina=500)
    assert len(resultaten) == 1000 and len(replay.requests) == 10
    assert {r.query["resultatenPerPagina"] for r in replay.requests} == {"100"}


def test_zoeken_without_results_is_an_empty_list(replay, tmp_path):
    replay.route("/v2/zoeken", replay.reply_file("kvk/niet-gevonden.json", status=404))
    assert make_client(replay, tmp_path).zoeken(postcode="9999ZZ", huisnummer=1) == []


def test_basisprofiel_is_fetched_and_cached(replay, tmp_path):
    serve_kvk(replay)
    profiel = make_client(replay, tmp_path).basisprofiel(90000001)
    assert profiel["_embedded"]["hoofdvestiging"]["vestigingsnummer"] == "000012345671"
    assert (tmp_path / "cache" / "basisprofielen" / "90000001.json").exists()


def test_download_saves_profiles_that_the_kvk_json_loader_reads(replay, tmp_path):
    serve_kvk(replay)
    out = tmp_path / "profielen"
    client = make_client(replay, tmp_path)
    n = kvk_api.download(client, ["000012345671", "12345682", "000099999999", "000012345671"], out)
    assert n == 2
    assert sorted(p.name for p in out.iterdir()) == [
        "niet-gevonden.txt", "vestigingsprofiel_000012345671.json", "vestigingsprofiel_000012345682.json"]
    assert (out / "niet-gevonden.txt").read_text() == "000099999999\n"
    con = connect()
    run_script(con, "schema")
    prepare_staging(con)
    assert kvk_json.load(con, out, "kvk-api") == 2
    assert con.execute("SELECT bag_id FROM kvk_invoer ORDER BY vestigingsnummer").fetchall() == [
        ("0637010000000001",), ("0637010000000002",)]
    con.close()


def test_download_again_asks_nothing(replay, tmp_path):
    serve_kvk(replay)
    client = make_client(replay, tmp_path)
    kvk_api.download(client, ["000012345671", "000099999999"], tmp_path / "out")
    replay.clear()
    assert kvk_api.download(make_client(replay, tmp_path), ["000012345671", "000099999999"],
                            tmp_path / "out") == 1
    assert replay.requests == []


def test_cache_inside_the_output_folder_is_refused(replay, tmp_path):
    client = kvk_api.KvkClient(KEY, replay.url, tmp_path / "out" / "cache")
    with pytest.raises(InvoerFout, match="cachemap"):
        kvk_api.download(client, ["1"], tmp_path / "out")


def test_the_api_key_never_shows_in_errors_logs_reprs_or_files(replay, tmp_path, caplog):
    serve_kvk(replay)
    replay.route(PROFIEL + "000012345693", Reply(status=503),
                 replay.reply_file("kvk/ongeldige-sleutel.json", status=401))
    client = make_client(replay, tmp_path)
    with caplog.at_level(logging.DEBUG):
        kvk_api.download(client, ["000012345671"], tmp_path / "out")
        with pytest.raises(HttpFout) as err:
            client.vestigingsprofiel("000012345693")
    assert replay.requests[-1].headers["apikey"] == KEY  # it was sent …
    assert "geen toegang" in str(err.value) and "HTTP 401" in str(err.value)
    shown = [str(err.value), repr(err.value), repr(client), repr(client._http), caplog.text,
             str(err.value.__cause__), str(err.value.__context__)]
    assert not any(KEY in text for text in shown)  # … but never shown
    for file in tmp_path.rglob("*"):
        if file.is_file():
            assert KEY.encode() not in file.read_bytes(), file


def test_the_api_key_comes_from_the_environment(replay, tmp_path, monkeypatch):
    serve_kvk(replay)
    monkeypatch.setenv("ZICHT_KVK_API_KEY", "uit-de-omgeving")
    make_client(replay, tmp_path, key=None).vestigingsprofiel("000012345682")
    assert replay.requests[0].headers["apikey"] == "uit-de-omgeving"


def test_numbers_that_could_escape_the_cache_folder_are_refused(replay, tmp_path):
    with pytest.raises(InvoerFout, match="geen vestigingsnummer"):
        make_client(replay, tmp_path).vestigingsprofiel("../../etc/passwd")


def test_production_and_test_environments():
    assert kvk_api.BASE_URL == "https://api.kvk.nl/api"
    assert kvk_api.TEST_BASE_URL == "https://api.kvk.nl/test/api"
