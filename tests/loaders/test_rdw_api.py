"""RDW erkende bedrijven via Socrata: $limit/$offset pages, saved, resumable, written as rdw.py's CSVs."""

from __future__ import annotations

import csv

import pytest

from geo.db import connect
from loaders import rdw, rdw_api
from loaders.errors import InvoerFout
from loaders.http_client import HttpClient, HttpFout
from tests.loaders.replay_server import Reply

BEDRIJVEN = "/resource/5k74-3jha.json"
ERKENNINGEN = "/resource/nmwb-dqkz.json"


def client() -> HttpClient:
    return HttpClient(max_rps=1000, backoff=0.001, retries=1, timeout=5)


def serve_rdw(replay, erkenningen_p2: Reply | None = None) -> None:
    replay.route(BEDRIJVEN, replay.reply_file("rdw/bedrijven-1.json"), query={"$offset": "0"})
    replay.route(BEDRIJVEN, replay.reply_file("rdw/bedrijven-2.json"), query={"$offset": "2"})
    replay.route(ERKENNINGEN, replay.reply_file("rdw/erkenningen-1.json"), query={"$offset": "0"})
    replay.route(ERKENNINGEN, erkenningen_p2 or replay.reply_file("rdw/erkenningen-2.json"),
                 query={"$offset": "2"})
    replay.route(ERKENNINGEN, replay.reply_file("rdw/erkenningen-3.json"), query={"$offset": "4"})


def download(replay, out, **kwargs) -> int:
    return rdw_api.download(replay.url, out, limit=2, client=client(), **kwargs)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_download_pages_both_datasets_into_the_csvs_rdw_load_reads(replay, tmp_path):
    serve_rdw(replay)
    assert download(replay, tmp_path) == 3
    bedrijven = read_csv(tmp_path / "erkende-bedrijven.csv")
    assert list(bedrijven[0]) == rdw_api.BEDRIJF_COLUMNS
    assert [b["volgnummer"] for b in bedrijven] == ["101", "102", "103"]
    assert bedrijven[1]["huisnummer_toevoeging"] == "A" and bedrijven[0]["huisnummer_toevoeging"] == ""
    assert len(read_csv(tmp_path / "erkenningen.csv")) == 4
    con = connect()
    assert rdw.load(con, tmp_path) == 3
    con.close()


def test_pages_are_asked_with_limit_offset_in_a_stable_order(replay, tmp_path):
    serve_rdw(replay)
    download(replay, tmp_path)
    asked = [(r.path, r.query["$offset"]) for r in replay.requests]
    assert asked == [(BEDRIJVEN, "0"), (BEDRIJVEN, "2"), (ERKENNINGEN, "0"), (ERKENNINGEN, "2"),
                     (ERKENNINGEN, "4")]
    assert {(r.query["$limit"], r.query["$order"]) for r in replay.requests} == {("2", ":id")}


def test_plaats_asks_only_that_place_and_keeps_only_its_erkenningen(replay, tmp_path):
    serve_rdw(replay)
    download(replay, tmp_path, plaats="Zoetermeer")
    assert replay.requests[0].query["$where"] == "upper(plaats) = 'ZOETERMEER'"
    assert "$where" not in replay.requests[-1].query
    erkenningen = read_csv(tmp_path / "erkenningen.csv")
    assert "999" not in {e["volgnummer"] for e in erkenningen} and len(erkenningen) == 3


def test_quotes_in_plaats_cannot_change_the_query(replay, tmp_path):
    serve_rdw(replay)
    download(replay, tmp_path, plaats="'s-Gravenhage")
    assert replay.requests[0].query["$where"] == "upper(plaats) = '''S-GRAVENHAGE'"


def test_interrupted_download_resumes_requesting_only_the_missing_pages(replay, tmp_path):
    serve_rdw(replay, erkenningen_p2=Reply(status=503))
    with pytest.raises(HttpFout):
        download(replay, tmp_path)
    assert not (tmp_path / "erkende-bedrijven.csv").exists()
    serve_rdw(replay)
    replay.clear()
    assert download(replay, tmp_path) == 3
    assert [(r.path, r.query["$offset"]) for r in replay.requests] == [(ERKENNINGEN, "2"),
                                                                        (ERKENNINGEN, "4")]


def test_other_settings_for_the_same_folder_are_refused(replay, tmp_path):
    serve_rdw(replay)
    download(replay, tmp_path)
    with pytest.raises(InvoerFout, match="andere RDW-download \\(plaats"):
        download(replay, tmp_path, plaats="Delft")


def test_socrata_error_object_is_refused_naming_the_url(replay, tmp_path):
    replay.route(BEDRIJVEN, Reply(body={"error": True, "message": "query.soql.no-such-column"}))
    with pytest.raises(InvoerFout, match=r"5k74-3jha\.json.*no-such-column"):
        download(replay, tmp_path)
