"""Helpers for the Kaart browser tests: headless Debian Chromium, watching for page errors and
for requests to hosts that are not allowed, and reaching into the map's iframe."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterable

from playwright.sync_api import Frame, Page

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT_MS = 30_000


def watch(page: Page, problems: list[str], allowed: Iterable[str] = (),
          app: str | None = None) -> None:
    """Record page errors, console errors, failed requests, dialogs, and every request that
    goes anywhere but this machine. With `app` (the app's origin) the rule is strict: only the
    app and the URL prefixes in `allowed` (configured tile servers, whose failures are expected
    when a test makes one unreachable) may be asked anything."""
    allowed = tuple(allowed)
    local = {"localhost", "127.0.0.1", "::1", "[::1]"}

    def on_request(request):
        url = request.url
        if url.startswith(allowed) or url.startswith(("data:", "blob:", "about:")):
            return
        if app is not None and not url.startswith(app):
            problems.append(f"request to an unexpected place: {url}")
        elif app is None and urllib.parse.urlparse(url).hostname not in local:
            problems.append(f"request to another host: {url}")

    def on_failed(request):
        if request.url.startswith(allowed):
            return
        # A local request aborted by the browser (Streamlit replaced an iframe while its Leaflet
        # was still loading) is no error a user sees; any request elsewhere is caught above.
        aborted_here = (request.failure or "").endswith("ERR_ABORTED") and (
            urllib.parse.urlparse(request.url).hostname in local)
        if not aborted_here:
            problems.append(f"failed: {request.url} ({request.failure})")

    page.on("request", on_request)
    page.on("requestfailed", on_failed)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    def on_console(message):
        if message.type == "error" and not message.location.get("url", "").startswith(allowed):
            problems.append(f"console: {message.text}")

    page.on("console", on_console)
    page.on("dialog", lambda d: (problems.append(f"dialog opened: {d.message}"), d.dismiss()))


def map_frame(page: Page) -> Frame:
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def wait_for_map(page: Page) -> Frame:
    page.wait_for_selector(MAP_FRAME, timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('iframe')].some(f => f.src.includes('streamlit_folium'))",
        timeout=TIMEOUT_MS)
    frame = map_frame(page)
    frame.wait_for_function("window.map && (window.feature_group || []).length > 0",
                            timeout=TIMEOUT_MS)
    return frame


def fly(frame: Frame, lat: float, lon: float, zoom: int, links_px: int = 0) -> None:
    """Centre the map on (lat, lon), then shift that spot `links_px` to the left (clear of the
    legend at the top right when the map is narrow)."""
    frame.evaluate(f"void map.setView([{lat}, {lon}], {zoom}, {{animate: false}})")
    if links_px:
        frame.evaluate(f"void map.panBy([{links_px}, 0], {{animate: false}})")


def screen_point(page: Page, frame: Frame, lat: float, lon: float) -> tuple[float, float]:
    """Where (lat, lon) is on the page, in CSS pixels."""
    x, y = frame.evaluate(
        f"(() => {{ const p = map.latLngToContainerPoint([{lat}, {lon}]); "
        f"const r = map.getContainer().getBoundingClientRect(); "
        f"return [r.left + p.x, r.top + p.y]; }})()")
    box = page.locator(MAP_FRAME).bounding_box()
    return box["x"] + x, box["y"] + y


def wait_idle(page: Page, ms: int = 400) -> None:
    """Until Streamlit stops running the script (its status widget disappears)."""
    page.wait_for_timeout(ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT_MS)
