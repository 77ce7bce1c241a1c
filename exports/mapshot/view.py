"""What a static map shows (MapView) and how it is printed (SnapshotOptions).

Plain frozen dataclasses, no database: the UI fills them from what the analyst sees and chose,
and the same view feeds the PNG/PDF snapshot, the HTML export and the GeoPackage export.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo import crs
from geo.branches import load_branches
from geo.concentration import Filter
from geo.indicators import load_indicators
from geo.nlformat import meervoud

LAYERS = ("vestigingen", "panden", "buurten", "bedrijventerreinen", "indicatoren")
DEFAULT_LAYERS = ("vestigingen", "panden", "buurten", "bedrijventerreinen")
DEFAULT_MARK = "Vertrouwelijk – uitsluitend voor deelnemers KernCluster Ondermijning"
# Paper sizes in millimetres, landscape (width, height).
PAPER = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}

RdBox = tuple[float, float, float, float]  # (xmin, ymin, xmax, ymax) in RD metres


@dataclass(frozen=True)
class MapView:
    """The part of the map to print and what is on it.

    bounds: (west, south, east, north) in degrees when bounds_crs is EPSG:4326, or
    (xmin, ymin, xmax, ymax) in metres when it is EPSG:28992.
    groepen: branch groups to show (ids from data/branches.toml); empty = every active
    vestiging, coloured by its group. vestigingen: an explicit selection of vestigingsnummers
    (None = no such restriction). indicatoren: indicator ids whose results are drawn.
    filters: the filters as the analyst sees them, in words; printed on every export.
    selectie: the map's own selection (status, branch groups, SBI codes, dates); when given,
    the export reads its vestigingen and their colour group through the same SQL as the map.
    Without it: the vestigingen active on the snapshot's peildatum in `groepen`.
    """

    bounds: tuple[float, float, float, float]
    bounds_crs: str = crs.WGS84
    layers: tuple[str, ...] = DEFAULT_LAYERS
    groepen: tuple[str, ...] = ()
    indicatoren: tuple[str, ...] = ()
    vestigingen: tuple[str, ...] | None = None
    filters: tuple[str, ...] = ()
    selectie: Filter | None = None

    def __post_init__(self):
        unknown = set(self.layers) - set(LAYERS)
        if unknown:
            raise ValueError(f"onbekende kaartlagen {sorted(unknown)}; kies uit {LAYERS}")
        if self.bounds_crs not in (crs.WGS84, crs.RD):
            raise ValueError(f"bounds_crs moet {crs.WGS84} of {crs.RD} zijn")

    def filter(self, peildatum: str) -> Filter:
        """The selection this view shows (see `selectie`)."""
        return self.selectie or Filter(peildatum, groepen=self.groepen)

    def shows(self, layer: str) -> bool:
        return layer in self.layers

    def rd_box(self) -> RdBox:
        """The bounds as an RD box (the smallest box holding the four corners)."""
        if self.bounds_crs == crs.RD:
            return tuple(float(v) for v in self.bounds)
        west, south, east, north = self.bounds
        xs, ys = crs.lonlat_to_rd([west, east, west, east], [south, south, north, north])
        return (min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True)
class SnapshotOptions:
    """How the export looks. privacy=True (the default) leaves out every name and address."""

    title: str = "Kaartbeeld"
    paper: str = "A4"
    basemap: str | None = None  # None = geen achtergrond; else an XYZ tile URL template (EPSG:3857)
    privacy: bool = True
    author: str = ""
    mark: str = DEFAULT_MARK
    dpi: int = 150
    tile_timeout: float = 3.0  # seconds for all tiles together

    def __post_init__(self):
        if self.paper not in PAPER:
            raise ValueError(f"papierformaat moet een van {sorted(PAPER)} zijn")


def describe(view: MapView, privacy: bool) -> list[str]:
    """The selection in words: what the analyst chose plus what the export itself leaves out."""
    branches = load_branches()
    lines = list(view.filters)
    if view.shows("vestigingen"):
        wat = ("branchegroepen " + ", ".join(branches.naam(g) for g in view.groepen)
               if view.groepen else "alle branches")
        lines.append(f"Vestigingen: actief op de peildatum, {wat}")
        if view.vestigingen is not None:
            aantal = meervoud(len(view.vestigingen), "vestiging", "vestigingen")
            lines.append(f"Alleen een selectie van {aantal}")
    if view.shows("indicatoren") and view.indicatoren:
        namen = {i.id: i.naam for i in load_indicators()}
        lines.append("Signalen: " + "; ".join(namen.get(i, i) for i in view.indicatoren))
    if privacy:
        lines.append("Privacy: zonder namen en adressen, alleen aantallen per vak en pandcontouren")
    return lines


def fit_box(box: RdBox, aspect: float, margin: float = 0.03) -> RdBox:
    """Widen `box` (never crop it) to the width/height ratio `aspect`, with a small margin."""
    xmin, ymin, xmax, ymax = box
    width, height = max(xmax - xmin, 50.0), max(ymax - ymin, 50.0)
    width, height = width * (1 + 2 * margin), height * (1 + 2 * margin)
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    return (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)
