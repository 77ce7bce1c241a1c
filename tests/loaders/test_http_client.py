"""The polite HTTP client: user agent, retries with backoff, Retry-After, rate limit, no secrets."""

from __future__ import annotations

import logging
import time

import pytest

from loaders.http_client import HttpClient, HttpFout, retry_after_seconds, with_params
from tests.loaders.replay_server import ReplayServer, Reply


class RecordingSleep:
    """Sleeps for real (the tests stay honest) and remembers how long each time."""

    def __init__(self):
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        time.sleep(seconds)


def client(**kwargs) -> HttpClient:
    return HttpClient(**{"max_rps": 1000, "backoff": 0.001, "retries": 3, "timeout": 5, **kwargs})


def test_every_request_names_zicht_as_user_agent(replay):
    replay.route("/x", Reply(body={"ok": True}))
    _, doc = client().get_json(f"{replay.url}/x", {"a": 1, "leeg": None})
    assert doc == {"ok": True}
    (request,) = replay.requests
    assert request.headers["user-agent"] == "Zicht/0.1"
    assert request.query == {"a": "1"}


def test_429_with_retry_after_is_waited_out_then_succeeds(replay):
    replay.route("/x", Reply(status=429, headers={"Retry-After": "1"}), Reply(body={"ok": 1}))
    sleep = RecordingSleep()
    started = time.monotonic()
    antwoord = client(sleep=sleep, backoff=0.001).get(f"{replay.url}/x")
    assert antwoord.status == 200
    assert 1.0 in sleep.waits and time.monotonic() - started >= 1.0
    assert len(replay.requests) == 2


def test_500_is_retried_with_exponential_backoff(replay):
    replay.route("/x", Reply(status=500), Reply(status=503), Reply(body=[]))
    sleep = RecordingSleep()
    client(sleep=sleep, backoff=0.01, max_rps=1e6).get(f"{replay.url}/x")
    assert sleep.waits == [0.01, 0.02]
    assert len(replay.requests) == 3


def test_dropped_connection_is_retried(replay):
    replay.route("/x", Reply(drop=True), Reply(body={"ok": 1}))
    assert client().get(f"{replay.url}/x").status == 200
    assert len(replay.requests) == 2


def test_gives_up_after_the_retries_naming_url_and_status(replay):
    replay.route("/kapot", Reply(status=503))
    with pytest.raises(HttpFout, match=r"/kapot.*4 pogingen.*HTTP 503") as err:
        client(retries=3).get(f"{replay.url}/kapot")
    assert err.value.status == 503
    assert len(replay.requests) == 4


def test_client_errors_are_not_retried(replay):
    replay.route("/weg", Reply(status=404, body={"fout": "weg"}))
    with pytest.raises(HttpFout, match="niet gevonden"):
        client().get(f"{replay.url}/weg")
    assert len(replay.requests) == 1


def test_an_allowed_error_status_is_returned_not_raised(replay):
    replay.route("/weg", Reply(status=404, body={"fout": []}))
    assert client().get(f"{replay.url}/weg", allow=(200, 404)).status == 404


def test_rate_limit_spaces_the_requests(replay):
    replay.route("/x", Reply(body={}))
    http = client(max_rps=20)
    started = time.monotonic()
    for _ in range(5):
        http.get(f"{replay.url}/x")
    assert time.monotonic() - started >= 4 / 20 - 0.01


def test_invalid_json_names_the_url(replay):
    replay.route("/x", Reply(body="{niet: json"))
    with pytest.raises(HttpFout, match=r"/x.*geen geldige JSON"):
        client().get_json(f"{replay.url}/x")


def test_secret_header_is_sent_but_never_shown(replay, caplog):
    geheim = "sleutel-1234-abcd"
    replay.route("/x", Reply(status=500), Reply(status=401, body={"echo": geheim}))
    http = client(headers={"apikey": geheim}, secret_headers={"apikey"})
    with caplog.at_level(logging.DEBUG, logger="zicht.http"), pytest.raises(HttpFout) as err:
        http.get(f"{replay.url}/x?apikey={geheim}")
    assert replay.requests[0].headers["apikey"] == geheim
    assert geheim not in str(err.value) and geheim not in repr(err.value)
    assert geheim not in caplog.text and geheim not in repr(http)
    assert "***" in str(err.value)


def test_a_redirect_to_another_host_does_not_carry_the_secret_header(replay):
    with ReplayServer() as elders:
        elders.route("/doel", Reply(body={"ok": 1}))
        replay.route("/x", Reply(status=302, headers={"Location": f"{elders.url}/doel"}))
        http = client(headers={"apikey": "geheim"}, secret_headers={"apikey"})
        assert http.get(f"{replay.url}/x").json() == {"ok": 1}
        assert replay.requests[0].headers["apikey"] == "geheim"
        assert "apikey" not in elders.requests[0].headers


def test_retry_after_accepts_seconds_and_http_dates():
    assert retry_after_seconds("2") == 2.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after_seconds("morgen") is None and retry_after_seconds(None) is None


def test_params_are_added_to_an_existing_query():
    assert with_params("http://h/p?f=json", {"limit": 10, "x": None}) == "http://h/p?f=json&limit=10"
