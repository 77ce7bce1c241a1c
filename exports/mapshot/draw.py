"""Drawing the map itself onto a matplotlib Axes in RD metres: base map, buildings, areas,
vestigingen (or their counts per cell), signals, scale bar and north arrow.

Buildings are one compound path (one draw call, however many there are); cells and areas are
collections. Returns the legend entries for what was actually drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.patches import PathPatch, Polygon, Rectangle
from matplotlib.path import Path

from exports.mapshot.data import ViewData, class_breaks, class_of, grid_counts, signal_point
from exports.mapshot.text import short, text_with_halo
from geo import nlformat

ACCENT = "#154273"
PALETTE = ("#dfe7f1", "#adc2dc", "#7396c0", "#3f6a9d", "#154273")  # the app's count scale
PAND_FILL, PAND_EDGE = "#dde1e6", "#9aa3ad"
BUURT_LINE, TERREIN_LINE = "#6b7785", "#1f1f1f"
SIGNAL_MARKERS = ("o", "s", "D", "^", "v", "p", "h", "P", "X", "*")
MAX_LABELS = 30
MAX_AREA_LABELS = 40


@dataclass(frozen=True)
class LegendItem:
    kind: str  # kop | tekst | punt | vlak | omtrek | lijn | streep | teken | vak_signaal
    label: str
    colour: str = "#000000"
    marker: str = "o"


def draw_map(ax, data: ViewData, privacy: bool, background, scale: float, mm: float) -> list[LegendItem]:
    """Everything inside the map frame. `scale` grows lines and text with the paper size; `mm` is
    how many metres one millimetre of an A4 page covers (to keep labels from overlapping)."""
    xmin, ymin, xmax, ymax = data.box
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#6b7785")
        spine.set_linewidth(0.8 * scale)
    if background is not None:
        ax.imshow(background, extent=(xmin, xmax, ymin, ymax), origin="upper",
                  interpolation="nearest", zorder=0)
    labels = Labels(ax, scale, mm)
    legend: list[LegendItem] = [LegendItem("kop", "Legenda")]
    legend += _buildings(ax, data, scale)
    areas = _areas(ax, data, scale)
    _area_labels(data, "bedrijventerrein", labels, 6.5, TERREIN_LINE, "normal", weight="bold")
    legend += _points(ax, data, scale, labels) if not privacy else _cells(ax, data, scale, labels)
    if sum(g["soort"] == "buurt" for g in data.gebieden) <= MAX_AREA_LABELS:
        _area_labels(data, "buurt", labels, 5.5, "#3f4a56", "italic")
    legend += areas
    legend += _signals(ax, data, privacy, scale)
    return legend


class Labels:
    """Places text on the map unless it would overlap text placed before (data first, then area
    names); sizes are estimated from the font size, which is enough to keep a map calm."""

    def __init__(self, ax, scale: float, mm: float):
        self.ax, self.scale, self.mm, self.taken = ax, scale, mm, []

    def add(self, x, y, text, size, always=False, dx_mm=0.0, ha="center", halo=0.0, **style) -> bool:
        w = len(text) * size * 0.56 * 0.3528 * self.mm
        h = size * 1.25 * 0.3528 * self.mm
        x0 = x + dx_mm * self.mm - (w / 2 if ha == "center" else 0)
        box = (x0, y - h / 2, x0 + w, y + h / 2)
        if not always and any(_overlap(box, b) for b in self.taken):
            return False
        self.taken.append(box)
        style.update(fontsize=size * self.scale, ha=ha, va="center", clip_on=True)
        if halo:
            text_with_halo(self.ax, x + dx_mm * self.mm, y, text, halo * self.scale, **style)
        else:
            self.ax.text(x + dx_mm * self.mm, y, text, **style)
        return True


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def polygons_path(geoms) -> Path | None:
    """All polygons (with holes) as one compound path; None when there are none."""
    parts = shapely.get_parts(np.asarray(geoms, dtype=object))
    parts = parts[shapely.get_type_id(parts) == 3]
    parts = parts[~shapely.is_empty(parts)]
    if len(parts) == 0:
        return None
    _, coords, (ring_offsets, _) = shapely.to_ragged_array(shapely.orient_polygons(parts))
    codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
    codes[ring_offsets[:-1]] = Path.MOVETO
    codes[ring_offsets[1:] - 1] = Path.CLOSEPOLY
    return Path(coords, codes)


def _buildings(ax, data: ViewData, scale: float) -> list[LegendItem]:
    """Footprints, quiet grey, under everything else (the count cells are translucent)."""
    path = polygons_path(data.panden) if len(data.panden) else None
    if path is None:
        return []
    # add_artist, not add_patch: the limits are fixed, and computing them walks every vertex.
    ax.add_artist(PathPatch(path, facecolor=PAND_FILL, edgecolor=PAND_EDGE,
                            linewidth=0.25 * scale, zorder=1))
    return [LegendItem("vlak", "Pand (BAG)", PAND_FILL)]


def _rings(geoms) -> list[np.ndarray]:
    rings = shapely.get_rings(shapely.get_parts(np.asarray(geoms, dtype=object)))
    return [np.asarray(r.coords) for r in rings if not r.is_empty]


def _areas(ax, data: ViewData, scale: float) -> list[LegendItem]:
    out = []
    buurten = [g for g in data.gebieden if g["soort"] == "buurt"]
    terreinen = [g for g in data.gebieden if g["soort"] == "bedrijventerrein"]
    if buurten:
        ax.add_collection(LineCollection(_rings([g["geom"] for g in buurten]), colors=BUURT_LINE,
                                         linewidths=0.7 * scale, zorder=3))
        out.append(LegendItem("lijn", "Buurtgrens (CBS)", BUURT_LINE))
    if terreinen:
        ax.add_collection(LineCollection(_rings([g["geom"] for g in terreinen]), colors=TERREIN_LINE,
                                         linewidths=1.4 * scale, linestyles=(0, (5, 3)), zorder=3))
        out.append(LegendItem("streep", "Bedrijventerrein", TERREIN_LINE))
    return out


def _area_labels(data: ViewData, soort: str, labels: Labels, size, colour, style,
                 weight="normal") -> None:
    """Area names, each name once, where they do not cover text placed before."""
    seen = set()
    for area in (g for g in data.gebieden if g["soort"] == soort):
        if area["naam"] in seen or area["geom"].is_empty:
            continue
        seen.add(area["naam"])
        p = area["geom"].point_on_surface()
        labels.add(p.x, p.y, short(area["naam"], 28), size, color=colour, style=style,
                   weight=weight, zorder=6, halo=1.5)


def _points(ax, data: ViewData, scale: float, labels: Labels) -> list[LegendItem]:
    punten = data.punten
    if punten is None:
        return []
    n = len(punten)
    size = (30 if n <= 200 else 18 if n <= 1000 else 8 if n <= 5000 else 4) * scale ** 2  # points²
    groepen = np.array([g or "" for g in punten.groep], dtype=object)
    out = []
    for r in data.group_counts():
        mask = groepen == (r.groep or "")
        edge = "white" if n <= 1000 else "none"
        ax.scatter(punten.x[mask], punten.y[mask], s=size if r.groep else size * 0.7,
                   c=r.kleur, edgecolors=edge, linewidths=0.3 * scale, zorder=5 if r.groep else 4)
        out.append(LegendItem("punt", f"{r.naam} ({nlformat.getal(r.aantal)})", r.kleur))
    if 0 < n <= MAX_LABELS:
        for x, y, naam in zip(punten.x, punten.y, punten.naam, strict=True):
            labels.add(x, y, short(naam, 30), 6.0, always=True, dx_mm=1.8, ha="left",
                       color="#1f1f1f", zorder=7, halo=1.5)
    return [LegendItem("tekst", "Vestigingen in de selectie per branchegroep")] + out if out else out


def _cells(ax, data: ViewData, scale: float, labels: Labels) -> list[LegendItem]:
    """Privacy: vestigingen only as counts per square cell, and counts per branch group."""
    punten = data.punten
    if punten is None:
        return []
    cel = data.cel
    counts = grid_counts(punten.x, punten.y, cel)
    breaks = class_breaks([n for _, _, n in counts], len(PALETTE))
    colours = _class_colours(len(breaks))
    squares = [_square(i, j, cel) for i, j, _ in counts]
    faces = [colours[class_of(n, breaks)] for _, _, n in counts]
    ax.add_collection(PolyCollection(squares, facecolors=faces, edgecolors="white",
                                     linewidths=0.4 * scale, alpha=0.75, zorder=2))
    _cell_numbers(labels, counts, cel, breaks)
    out = [LegendItem("tekst", f"Vestigingen van de selectie per vak van {nlformat.getal(cel)} m")]
    low = 1
    for colour, bound in zip(colours, breaks, strict=True):
        text = nlformat.getal(bound) if low == bound else f"{nlformat.getal(low)}–{nlformat.getal(bound)}"
        out.append(LegendItem("vlak", text, colour))
        low = bound + 1
    out.append(LegendItem("tekst", "Aantal per branchegroep in beeld"))
    out += [LegendItem("punt", f"{r.naam} ({nlformat.getal(r.aantal)})", r.kleur)
            for r in data.group_counts()]
    return out


def _class_colours(n: int) -> list[str]:
    if n <= 0:
        return []
    picks = np.linspace(0, len(PALETTE) - 1, n).round().astype(int) if n > 1 else [2]
    return [PALETTE[k] for k in picks]


def _square(i: int, j: int, cel: int) -> np.ndarray:
    x, y = i * cel, j * cel
    return np.array([(x, y), (x + cel, y), (x + cel, y + cel), (x, y + cel)], dtype=float)


def _cell_numbers(labels: Labels, counts, cel, breaks) -> None:
    """Counts inside the cells, when a cell is large enough on paper (8 mm) to hold them."""
    if cel < 8 * labels.mm or not counts:
        return
    for i, j, n in counts:
        dark = class_of(n, breaks) >= len(breaks) // 2 + (len(breaks) % 2)
        labels.add((i + 0.5) * cel, (j + 0.5) * cel, nlformat.getal(n), 6.0,
                   color="white" if dark else "#1f1f1f", zorder=6)


def _signals(ax, data: ViewData, privacy: bool, scale: float) -> list[LegendItem]:
    if not data.signalen:
        return [LegendItem("tekst", f"Let op: {f}") for f in data.fouten]
    order = list(dict.fromkeys(s.indicator for s in data.signalen))
    out = [LegendItem("tekst", "Signalen (indicatoren; geen oordeel)")]
    if privacy:
        _signal_cells(ax, data, scale)
        out.append(LegendItem("vak_signaal", "Vak met minstens één signaal"))
    for k, indicator in enumerate(order):
        chosen = [s for s in data.signalen if s.indicator == indicator]
        marker = SIGNAL_MARKERS[k % len(SIGNAL_MARKERS)]
        if not privacy:
            xy = np.array([signal_point(s) for s in chosen])
            ax.scatter(xy[:, 0], xy[:, 1], s=70 * scale ** 2, marker=marker, facecolors="none",
                       edgecolors="black", linewidths=1.3 * scale, zorder=8)
        label = f"{short(chosen[0].naam, 60)} ({nlformat.getal(len(chosen))})"
        out.append(LegendItem("teken" if not privacy else "tekst", label, "black", marker))
    return out + [LegendItem("tekst", f"Let op: {f}") for f in data.fouten]


def _signal_cells(ax, data: ViewData, scale: float) -> None:
    cel = data.cel
    xy = np.array([signal_point(s) for s in data.signalen])
    for i, j, _ in grid_counts(xy[:, 0], xy[:, 1], cel):
        ax.add_patch(Rectangle((i * cel, j * cel), cel, cel, fill=False, edgecolor="black",
                               linewidth=1.6 * scale, zorder=8))


def scale_bar(ax, box, scale: float = 1.0) -> None:
    """A metric scale bar of a round length, about a fifth of the map width, bottom left."""
    xmin, ymin, xmax, ymax = box
    length = nice_length((xmax - xmin) / 5)
    x0, y0 = xmin + (xmax - xmin) * 0.03, ymin + (ymax - ymin) * 0.04
    height = (ymax - ymin) * 0.008
    pad = (xmax - xmin) * 0.01
    ax.add_patch(Rectangle((x0 - pad, y0 - pad), length + 2 * pad, height + 4.2 * pad,
                           facecolor="white", edgecolor="none", alpha=0.85, zorder=9))
    for k in range(4):
        ax.add_patch(Rectangle((x0 + k * length / 4, y0), length / 4, height,
                               facecolor="black" if k % 2 == 0 else "white", edgecolor="black",
                               linewidth=0.5 * scale, zorder=10))
    for pos, text in ((0, "0"), (length, _metres(length))):
        ax.text(x0 + pos, y0 + height + pad * 0.6, text, fontsize=6.5 * scale, ha="center",
                va="bottom", zorder=10)


def nice_length(target: float) -> float:
    steps = [10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000]
    return max([s for s in steps if s <= target] or [steps[0]])


def _metres(length: float) -> str:
    return f"{nlformat.getal(length / 1000, 1 if length % 1000 else 0)} km" if length >= 1000 \
        else f"{nlformat.getal(length)} m"


def north_arrow(ax, box, scale: float = 1.0) -> None:
    """An arrow pointing to grid north (RD north differs from true north by under 2 degrees)."""
    xmin, ymin, xmax, ymax = box
    w, h = xmax - xmin, ymax - ymin
    cx, top = xmax - w * 0.04, ymax - h * 0.05
    tri = [(cx, top), (cx - w * 0.012, top - h * 0.06), (cx, top - h * 0.045),
           (cx + w * 0.012, top - h * 0.06)]
    ax.add_patch(Polygon(tri, closed=True, facecolor="#1f1f1f", edgecolor="white",
                         linewidth=0.6 * scale, zorder=10))
    text_with_halo(ax, cx, top - h * 0.085, "N", 2 * scale, fontsize=8 * scale, weight="bold",
                   ha="center", va="center", zorder=10)


def map_note(ax, text: str, scale: float = 1.0) -> None:
    """Small print in the bottom right corner of the map (base map source or its absence)."""
    if text:
        ax.text(0.99, 0.01, text, transform=ax.transAxes, fontsize=6 * scale, ha="right",
                va="bottom", color="#3a3f45", zorder=10,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.5})
