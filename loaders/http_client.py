"""One small, polite HTTP client for the network loaders (standard library only).

Polite: a User-Agent that names Zicht, a timeout on every request, a rate limit (at most `max_rps`
requests per second, shared by all threads using the client), and retries with exponential backoff
on 429, 5xx and broken connections, honouring the server's Retry-After.

Secret: header values marked secret (the KVK API key) never appear in logs, exceptions or reprs;
they are stripped when a redirect leaves the host they were meant for.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from loaders.engine_errors import detail
from loaders.errors import InvoerFout

USER_AGENT = "Zicht/0.1"
RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
REDACTED = "***"

log = logging.getLogger("zicht.http")


class HttpFout(InvoerFout):
    """A request that failed for good: names the URL (secrets removed) and the reason in Dutch."""

    def __init__(self, url: str, melding: str, status: int | None = None, body: bytes = b""):
        super().__init__(url, melding)
        self.url, self.status, self.body = url, status, body

    def __str__(self) -> str:
        return f"adres {self.bestand}: {self.melding}"


@dataclass
class Antwoord:
    """A received response."""

    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)   # names in lower case
    body: bytes = b""

    def json(self):
        """The body as JSON; HttpFout naming the URL when it is not JSON."""
        try:
            return json.loads(self.body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HttpFout(self.url, f"het antwoord is geen geldige JSON ({detail(exc)})",
                           self.status) from exc


class HttpClient:
    """GET with timeouts, retries, backoff and a rate limit. Thread-safe."""

    def __init__(self, *, max_rps: float = 5.0, timeout: float = 60.0, retries: int = 5,
                 backoff: float = 1.0, max_wait: float = 300.0, user_agent: str = USER_AGENT,
                 headers: Mapping[str, str] | None = None, secret_headers: Iterable[str] = (),
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        if max_rps <= 0:
            raise ValueError("max_rps moet groter dan 0 zijn")
        self.max_rps, self.timeout, self.retries = max_rps, timeout, retries
        self.backoff, self.max_wait, self.user_agent = backoff, max_wait, user_agent
        self._headers = dict(headers or {})
        self._secret_names = {name.lower() for name in secret_headers}
        self._sleep, self._clock = sleep, clock
        self._lock = threading.Lock()
        self._next_slot = 0.0
        self.requests = 0  # requests actually sent (retries included)

    def __repr__(self) -> str:
        return f"HttpClient(max_rps={self.max_rps}, timeout={self.timeout}, retries={self.retries})"

    def get(self, url: str, params: Mapping[str, object] | None = None, *,
            headers: Mapping[str, str] | None = None, accept: str = "application/json",
            allow: Iterable[int] = (200,)) -> Antwoord:
        """GET `url` (+ params). Returns the response if its status is in `allow`, else HttpFout."""
        url = with_params(url, params)
        allowed = set(allow)
        attempt = 0
        while True:
            attempt += 1
            try:
                antwoord = self._send(url, headers, accept)
                reason = f"HTTP {antwoord.status}"
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                antwoord, reason = None, self._describe(exc)
            if antwoord is not None and antwoord.status in allowed:
                return antwoord
            retryable = antwoord is None or antwoord.status in RETRY_STATUS
            if not retryable:
                raise HttpFout(self.redact(url), self._refusal(antwoord), antwoord.status, antwoord.body)
            if attempt > self.retries:
                raise HttpFout(self.redact(url),
                               f"geen goed antwoord na {attempt} pogingen ({reason})",
                               antwoord.status if antwoord else None,
                               antwoord.body if antwoord else b"")
            wait = self._wait(attempt, antwoord)
            log.warning("%s van %s; nieuwe poging over %.1f s (%d/%d)", reason, self.redact(url),
                        wait, attempt, self.retries)
            self._sleep(wait)

    def get_json(self, url: str, params: Mapping[str, object] | None = None, **kwargs):
        """GET and parse JSON: (response, document)."""
        antwoord = self.get(url, params, **kwargs)
        return antwoord, antwoord.json()

    # -- internals ------------------------------------------------------------------------------

    def _send(self, url: str, headers: Mapping[str, str] | None, accept: str) -> Antwoord:
        self._throttle()
        request = urllib.request.Request(url, method="GET")
        request.add_header("User-Agent", self.user_agent)
        request.add_header("Accept", accept)
        for name, value in {**self._headers, **(headers or {})}.items():
            request.add_header(name, value)
        opener = urllib.request.build_opener(_RedirectHandler(self._secret_names))
        started = self._clock()
        self.requests += 1
        try:
            with opener.open(request, timeout=self.timeout) as response:
                antwoord = Antwoord(response.geturl(), response.status,
                                    {k.lower(): v for k, v in response.headers.items()},
                                    response.read())
        except urllib.error.HTTPError as exc:
            try:
                body = exc.read()
            except (OSError, http.client.HTTPException):
                body = b""
            finally:
                exc.close()
            headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
            antwoord = Antwoord(url, exc.code, headers, body)
        log.debug("GET %s -> %d in %.2f s", self.redact(url), antwoord.status, self._clock() - started)
        return antwoord

    def _throttle(self) -> None:
        """Space request starts at least 1/max_rps seconds apart."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot)
            self._next_slot = slot + 1.0 / self.max_rps
        if slot > now:
            self._sleep(slot - now)

    def _wait(self, attempt: int, antwoord: Antwoord | None) -> float:
        retry_after = retry_after_seconds(antwoord.headers.get("retry-after")) if antwoord else None
        wait = retry_after if retry_after is not None else self.backoff * 2 ** (attempt - 1)
        return min(max(wait, 0.0), self.max_wait)

    def _describe(self, exc: BaseException) -> str:
        reason = getattr(exc, "reason", None) or exc
        return self.redact(f"verbinding mislukt: {type(reason).__name__}: {reason}")

    def _refusal(self, antwoord: Antwoord) -> str:
        what = {400: "ongeldig verzoek", 401: "geen toegang: controleer de API-sleutel",
                403: "geen toegang: controleer de API-sleutel en het abonnement",
                404: "niet gevonden"}.get(antwoord.status, "geweigerd")
        detail = self.redact(antwoord.body[:300].decode("utf-8", "replace").strip())
        return f"{what} (HTTP {antwoord.status})" + (f": {detail}" if detail else "")

    def redact(self, text: str) -> str:
        """`text` with every secret header value replaced by ***."""
        for name in self._secret_names:
            for key, value in self._headers.items():
                if key.lower() == name and value:
                    text = text.replace(value, REDACTED)
        return text


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects, but never carries a secret header to another host."""

    def __init__(self, secret_names: set[str]):
        self.secret_names = secret_names

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and urllib.parse.urlsplit(newurl).netloc != urllib.parse.urlsplit(
                req.full_url).netloc:
            for name in list(new.headers):
                if name.lower() in self.secret_names:
                    del new.headers[name]
        return new


def with_params(url: str, params: Mapping[str, object] | None) -> str:
    """`url` with `params` appended to its query (None values left out)."""
    if not params:
        return url
    query = urllib.parse.urlencode([(k, v) for k, v in params.items() if v is not None])
    if not query:
        return url
    return f"{url}{'&' if '?' in url else '?'}{query}"


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date. None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)
