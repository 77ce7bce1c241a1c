"""A base map under a static export, from a tile URL the municipality configured, or none.

Nothing is contacted unless a URL template was configured (XYZ tiles in Web Mercator,
EPSG:3857, e.g. PDOK BRT Achtergrondkaart). Tiles are fetched with a short overall deadline;
when any tile cannot be had the export goes on without a background and says so in small print.
The mosaic is resampled (nearest neighbour) onto the RD grid of the map, so buildings and tiles
line up exactly.
"""

from __future__ import annotations

import io
import math
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from functools import cache

import numpy as np
from pyproj import Transformer

from exports.mapshot.view import RdBox
from geo import crs

WEB_MERCATOR = "EPSG:3857"
HALF_WORLD = 20037508.342789244
TILE = 256
MAX_TILES = 48
MAX_ZOOM = 19
MAX_TILE_BYTES = 4_000_000
NIET_BEREIKBAAR = "Achtergrondkaart niet bereikbaar; kaart zonder achtergrond"
ONGELDIG = "Achtergrondkaart niet bruikbaar (ongeldige tegel-URL); kaart zonder achtergrond"


@dataclass(frozen=True)
class Achtergrondbeeld:
    image: np.ndarray | None  # RGBA rows north to south covering the RD box, or None
    note: str                 # small print for the map ('' when no base map was asked for)


def basemap(url: str | None, box: RdBox, size_px: tuple[int, int], timeout: float) -> Achtergrondbeeld:
    """The base map for `box` at about `size_px` (width, height) pixels, or why there is none."""
    if not url:
        return Achtergrondbeeld(None, "")
    if not _valid_template(url):
        return Achtergrondbeeld(None, ONGELDIG)
    zoom, tiles = _tiles_for(box, size_px[0])
    images = _fetch_all(url, tiles, timeout)
    if images is None:
        return Achtergrondbeeld(None, NIET_BEREIKBAAR)
    mosaic, origin = _mosaic(tiles, images)
    host = urllib.parse.urlparse(url).hostname or ""
    return Achtergrondbeeld(_warp(mosaic, origin, zoom, box, size_px), f"Achtergrondkaart: {host}")


def _valid_template(url: str) -> bool:
    parsed = urllib.parse.urlparse(url)
    return parsed.scheme in ("http", "https") and all(k in url for k in ("{z}", "{x}", "{y}"))


def _merc_box(box: RdBox) -> tuple[float, float, float, float]:
    xmin, ymin, xmax, ymax = box
    t = np.linspace(0.0, 1.0, 9)
    xs = np.concatenate([xmin + t * (xmax - xmin), np.full(9, xmax), xmin + t * (xmax - xmin),
                         np.full(9, xmin)])
    ys = np.concatenate([np.full(9, ymin), ymin + t * (ymax - ymin), np.full(9, ymax),
                         ymin + t * (ymax - ymin)])
    mx, my = _to_merc().transform(xs, ys)
    return float(np.min(mx)), float(np.min(my)), float(np.max(mx)), float(np.max(my))


def _tiles_for(box: RdBox, width_px: int) -> tuple[int, list[tuple[int, int]]]:
    """Zoom level whose resolution matches the print, and the (x, y) tiles covering the box."""
    mxmin, mymin, mxmax, mymax = _merc_box(box)
    resolution = (mxmax - mxmin) / max(width_px, 1)
    zoom = min(MAX_ZOOM, max(0, math.ceil(math.log2(2 * HALF_WORLD / (TILE * resolution)))))
    while True:
        n = 2 ** zoom
        size = 2 * HALF_WORLD / n
        xs = range(int((mxmin + HALF_WORLD) // size), int((mxmax + HALF_WORLD) // size) + 1)
        ys = range(int((HALF_WORLD - mymax) // size), int((HALF_WORLD - mymin) // size) + 1)
        tiles = [(x, y) for y in ys for x in xs if 0 <= x < n and 0 <= y < n]
        if len(tiles) <= MAX_TILES or zoom == 0:
            return zoom, [(zoom, x, y) for x, y in tiles]
        zoom -= 1


def _fetch_all(url: str, tiles: list, timeout: float) -> list[np.ndarray] | None:
    """Every tile as an RGBA array, or None when one fails or the deadline passes.

    Runs in a daemon thread: a name lookup that hangs (closed network) cannot hold the export
    beyond `timeout`."""
    result: dict = {}
    deadline = time.monotonic() + timeout

    def work():
        images = []
        for z, x, y in tiles:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            try:
                images.append(_fetch(url.format(z=z, x=x, y=y), left))
            except _TileError:
                return
        result["images"] = images

    thread = threading.Thread(target=work, name="zicht-tegels", daemon=True)
    thread.start()
    thread.join(timeout)
    return result.get("images") if not thread.is_alive() else None


def _fetch(url: str, timeout: float) -> np.ndarray:
    from PIL import Image

    request = urllib.request.Request(url, headers={"User-Agent": "Zicht kaartexport"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_TILE_BYTES)
        image = Image.open(io.BytesIO(body)).convert("RGBA")
    except (OSError, ValueError) as exc:
        raise _TileError(url) from exc
    return np.asarray(image.resize((TILE, TILE)) if image.size != (TILE, TILE) else image)


class _TileError(Exception):
    pass


def _mosaic(tiles: list, images: list) -> tuple[np.ndarray, tuple[int, int]]:
    xs = [x for _, x, _ in tiles]
    ys = [y for _, _, y in tiles]
    x0, y0 = min(xs), min(ys)
    out = np.zeros(((max(ys) - y0 + 1) * TILE, (max(xs) - x0 + 1) * TILE, 4), dtype=np.uint8)
    for (_, x, y), image in zip(tiles, images, strict=True):
        out[(y - y0) * TILE:(y - y0 + 1) * TILE, (x - x0) * TILE:(x - x0 + 1) * TILE] = image
    return out, (x0, y0)


def _warp(mosaic: np.ndarray, origin: tuple[int, int], zoom: int, box: RdBox,
          size_px: tuple[int, int]) -> np.ndarray:
    """Resample the Web Mercator mosaic onto a regular RD grid over `box` (north row first)."""
    width, height = size_px
    xmin, ymin, xmax, ymax = box
    gx = xmin + (np.arange(width) + 0.5) * (xmax - xmin) / width
    gy = ymax - (np.arange(height) + 0.5) * (ymax - ymin) / height
    rx, ry = np.meshgrid(gx, gy)
    mx, my = _to_merc().transform(rx.ravel(), ry.ravel())
    size = 2 * HALF_WORLD / 2 ** zoom / TILE  # metres per mosaic pixel
    col = np.floor((np.asarray(mx) + HALF_WORLD) / size).astype(np.int64) - origin[0] * TILE
    row = np.floor((HALF_WORLD - np.asarray(my)) / size).astype(np.int64) - origin[1] * TILE
    inside = (col >= 0) & (col < mosaic.shape[1]) & (row >= 0) & (row < mosaic.shape[0])
    out = np.zeros((height * width, 4), dtype=np.uint8)
    out[inside] = mosaic[row[inside], col[inside]]
    return out.reshape(height, width, 4)


@cache
def _to_merc() -> Transformer:
    return Transformer.from_crs(crs.RD, WEB_MERCATOR, always_xy=True)
