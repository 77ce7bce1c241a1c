"""Map snapshots for the KernCluster: a PNG and a PDF of what the analyst sees, on the server,
without internet.

render(con, view, options) draws the view's layers with matplotlib onto an A4 or A3 landscape
page with title, legend (branch-group colours from data/branches.toml), scale bar, north arrow,
the selection in words, the peildatum of every source, "gemaakt door / op", the
confidentiality mark and, for the demo municipality, that it is fictional.

The privacy switch (on by default) leaves out every name and address: vestigingen appear only
as counts per square cell and per branch group, next to building outlines.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from exports import EXPORTS_SQL
from exports.mapshot.data import ViewData, load
from exports.mapshot.draw import draw_map, map_note, north_arrow, scale_bar
from exports.mapshot.page import drawing, footer, header, map_axes, new_page, panel, to_bytes
from exports.mapshot.tiles import basemap
from exports.mapshot.view import DEFAULT_MARK, LAYERS, MapView, SnapshotOptions, describe, fit_box
from geo import nlformat
from geo.sqlfiles import execute_checked, sql_text

__all__ = ["DEFAULT_MARK", "LAYERS", "MapView", "SnapshotOptions", "render", "whole_municipality"]

TE_VEEL_PANDEN = "Panden weggelaten: te veel voor deze schaal"


def render(con, view: MapView, options: SnapshotOptions | None = None) -> tuple[bytes, bytes]:
    """(PNG bytes, PDF bytes) of `view` on one page; `con` is a (read-only) snapshot connection."""
    options = options or SnapshotOptions()
    with drawing():
        fig, page = new_page(options.paper)
        box = fit_box(view.rd_box(), page.map_aspect)
        size_px = _map_pixels(page, options.dpi)
        data = load(con, view, box, tolerantie=0.5 * (box[2] - box[0]) / size_px[0])
        background = basemap(options.basemap, box, size_px, options.tile_timeout)
        ax = map_axes(fig, page)
        mm = (box[2] - box[0]) / page.map_mm[2]
        legend = draw_map(ax, data, options.privacy, background.image, page.s, mm)
        scale_bar(ax, box, page.s)
        north_arrow(ax, box, page.s)
        notes = [background.note] + ([TE_VEEL_PANDEN] if data.te_veel_panden else [])
        map_note(ax, "; ".join(n for n in notes if n), page.s)
        header(fig, page, options.title, subtitle(data, options.privacy), options.mark,
               demo_line(data))
        footer(fig, page, sources_line(con), made_line(options.author), options.mark)
        panel(fig, page, legend, describe(view, options.privacy))
        return to_bytes(fig, options.dpi, options.title, options.author)


def whole_municipality(con, **fields) -> MapView:
    """A MapView of the whole gemeente (its boundary, else its buurten, else its addresses)."""
    row = execute_checked(con, sql_text("export_bereik", EXPORTS_SQL)).fetchone()
    return MapView(bounds=tuple(row), bounds_crs="EPSG:28992", **fields)


def _map_pixels(page, dpi: int) -> tuple[int, int]:
    _, _, w, h = page.map_mm
    return int(w * page.s / 25.4 * dpi), int(h * page.s / 25.4 * dpi)


def subtitle(data: ViewData, privacy: bool) -> str:
    gemeente = data.meta.get("gemeentenaam") or "Gemeente onbekend"
    wijze = "zonder namen en adressen" if privacy else "met namen van vestigingen"
    return f"{gemeente} · peildatum {nlformat.datum(data.peildatum)} · {wijze}"


def demo_line(data: ViewData) -> str:
    if not data.is_demo:
        return ""
    return f"{data.meta.get('gemeentenaam') or 'Demostad'} is fictief: alle namen en adressen zijn verzonnen"


def sources_line(con) -> str:
    """'Bronnen en peildata: BAG … 01-11-2026 · …': every source of the snapshot."""
    rows = execute_checked(con, sql_text("export_bronnen", EXPORTS_SQL)).fetchall()
    parts = [f"{naam} {nlformat.datum(peildatum)}" for _, naam, peildatum in rows]
    return "Bronnen en peildata: " + (" · ".join(parts) if parts else "geen bronnen geregistreerd")


def made_line(author: str) -> str:
    now = datetime.now(ZoneInfo("Europe/Amsterdam"))
    door = author.strip() or "onbekend"
    return f"Gemaakt door {door} op {nlformat.datumtijd(now)} met Zicht"
