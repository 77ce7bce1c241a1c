"""A local HTTP server for loader tests: recorded responses plus scripted faults, never the internet.

Runs a ThreadingHTTPServer on 127.0.0.1 with a free port in a background thread. Routes map a
path (and optionally query parameters that must be present) to a script of replies: each request
takes the next reply, the last one repeats. Recorded bodies live in tests/fixtures/recorded/;
the text `{{base}}` in them becomes the server's own URL, so recorded `next` links point back here.
Every request is recorded (path, query, headers) for tests to inspect.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "recorded"


@dataclass
class Reply:
    """One scripted reply. `body` may be bytes, text or JSON data; `file` is under RECORDED."""

    status: int = 200
    body: object = None
    file: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False          # close the connection without answering


@dataclass
class Request:
    path: str
    query: dict[str, str]
    headers: dict[str, str]     # names in lower case

    @property
    def target(self) -> str:
        return self.path + ("?" + urllib.parse.urlencode(self.query) if self.query else "")


@dataclass
class _Route:
    path: str
    query: dict[str, str]
    replies: list[Reply]
    served: int = 0

    def next_reply(self) -> Reply:
        reply = self.replies[min(self.served, len(self.replies) - 1)]
        self.served += 1
        return reply


class ReplayServer:
    def __init__(self, root: Path = RECORDED):
        self.root = root
        self.requests: list[Request] = []
        self._routes: list[_Route] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> ReplayServer:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def route(self, path: str, *replies: Reply, query: dict[str, str] | None = None) -> None:
        """Serve `replies` in order on `path` (when the request has all of `query`); replaces
        an earlier route with the same path and query."""
        with self._lock:
            self._routes = [r for r in self._routes if (r.path, r.query) != (path, query or {})]
            self._routes.append(_Route(path, dict(query or {}), list(replies) or [Reply()]))

    def reply_file(self, name: str, status: int = 200, **headers: str) -> Reply:
        return Reply(status=status, file=name, headers=headers)

    def targets(self) -> list[str]:
        """Every request received, as path?query."""
        return [r.target for r in self.requests]

    def clear(self) -> None:
        self.requests.clear()

    # -- serving --------------------------------------------------------------------------------

    def _match(self, path: str, query: dict[str, str]) -> Reply | None:
        with self._lock:
            candidates = [r for r in self._routes if r.path == path
                          and all(query.get(k) == v for k, v in r.query.items())]
            if not candidates:
                return None
            best = max(candidates, key=lambda r: len(r.query))  # most specific route wins
            return best.next_reply()

    def _body(self, reply: Reply) -> bytes:
        if reply.file is not None:
            return (self.root / reply.file).read_text(encoding="utf-8").replace(
                "{{base}}", self.url).encode("utf-8")
        if reply.body is None:
            return b""
        if isinstance(reply.body, bytes):
            return reply.body
        if isinstance(reply.body, str):
            return reply.body.encode("utf-8")
        return json.dumps(reply.body).replace("{{base}}", self.url).encode("utf-8")

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                parts = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
                with server._lock:
                    server.requests.append(Request(parts.path, query,
                                                   {k.lower(): v for k, v in self.headers.items()}))
                reply = server._match(parts.path, query)
                if reply is None:
                    reply = Reply(status=418, body={"fout": f"geen opname voor {self.path}"})
                if reply.drop:
                    self.close_connection = True
                    return
                body = server._body(reply)
                self.send_response(reply.status)
                headers = {"Content-Type": "application/json", **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):  # noqa: A002 (signature of the base class)
                pass

        return Handler
