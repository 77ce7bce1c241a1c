"""The printed page around a map: title, confidentiality mark, legend panel, selection, sources
and "gemaakt door / op". A3 is A4 scaled by √2, so one layout in A4 millimetres serves both and
a page looks the same whichever is projected.

matplotlib is used without pyplot (no global figure state, safe in a server thread) and with
mathtext off, so text from data is printed literally.
"""

from __future__ import annotations

import io
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Rectangle

from exports.mapshot.draw import ACCENT, LegendItem
from exports.mapshot.text import short, wrap
from exports.mapshot.view import PAPER

MARGIN, HEADER, FOOTER, PANEL_W, GAP = 10.0, 24.0, 19.0, 72.0, 5.0  # A4 millimetres
INK, MUTED = "#1f1f1f", "#4a5561"
RC = {"pdf.fonttype": 3, "text.parse_math": False, "font.family": "DejaVu Sans",
      "axes.unicode_minus": False, "path.simplify": True}
LINE = 3.6  # mm between legend lines at A4


@dataclass(frozen=True)
class Page:
    paper: str

    @property
    def size(self) -> tuple[float, float]:
        return PAPER[self.paper]

    @property
    def s(self) -> float:
        """How much larger than A4 (fonts and lines grow by this factor)."""
        return self.size[0] / PAPER["A4"][0]

    def frac(self, x: float, y: float, w: float = 0.0, h: float = 0.0) -> tuple[float, ...]:
        """A4 millimetres to figure fractions."""
        aw, ah = PAPER["A4"]
        return (x / aw, y / ah, w / aw, h / ah) if (w or h) else (x / aw, y / ah)

    @property
    def map_mm(self) -> tuple[float, float, float, float]:
        aw, ah = PAPER["A4"]
        width = aw - 2 * MARGIN - PANEL_W - GAP
        return MARGIN, MARGIN + FOOTER, width, ah - MARGIN - HEADER - (MARGIN + FOOTER)

    @property
    def map_aspect(self) -> float:
        _, _, w, h = self.map_mm
        return w / h


_LOCK = threading.RLock()


@contextmanager
def drawing():
    """The matplotlib settings every Zicht page is drawn and saved with. rc_context changes
    matplotlib's global settings, so pages are drawn one at a time (a page takes a second or
    two; the server's other threads are never left with mathtext switched back on mid-page)."""
    with _LOCK, rc_context(RC):
        yield


def new_page(paper: str) -> tuple[Figure, Page]:
    page = Page(paper)
    w, h = page.size
    fig = Figure(figsize=(w / 25.4, h / 25.4), facecolor="white")
    FigureCanvasAgg(fig)
    return fig, page


def map_axes(fig: Figure, page: Page):
    return fig.add_axes(page.frac(*page.map_mm))


def header(fig: Figure, page: Page, title: str, subtitle: str, mark: str, demo: str = "") -> None:
    aw, ah = PAPER["A4"]
    s = page.s
    y = ah - MARGIN
    for k, line in enumerate(wrap(title, 52, 2)):
        fig.text(*page.frac(MARGIN, y - 6.5 - k * 6.8), line, fontsize=(17 if k == 0 else 15) * s,
                 weight="bold", color=INK, va="baseline")
    fig.text(*page.frac(MARGIN, ah - MARGIN - HEADER + 3.2), short(subtitle, 120), fontsize=9 * s,
             color=MUTED, va="baseline")
    if demo:
        fig.text(*page.frac(aw - MARGIN, ah - MARGIN - HEADER + 3.2), short(demo, 80),
                 fontsize=8.5 * s, color=ACCENT, weight="bold", ha="right", va="baseline")
    mark_lines = wrap(mark, 48, 3)
    fig.text(*page.frac(aw - MARGIN, y - 3), "\n".join(mark_lines), fontsize=8 * s, weight="bold",
             color="#7a1b1b", ha="right", va="top", linespacing=1.3,
             bbox={"facecolor": "#fbeaea", "edgecolor": "#7a1b1b", "linewidth": 0.8 * s,
                   "boxstyle": "square,pad=0.5"})


def footer(fig: Figure, page: Page, sources: str, made: str, mark: str) -> None:
    aw, _ = PAPER["A4"]
    s = page.s
    lines = wrap(sources, 200, 3)
    for k, line in enumerate(lines):
        fig.text(*page.frac(MARGIN, MARGIN + 13 - k * 3.2), line, fontsize=6.8 * s, color=MUTED,
                 va="baseline")
    fig.text(*page.frac(MARGIN, MARGIN + 1), short(made, 150), fontsize=6.8 * s, color=MUTED,
             va="baseline")
    fig.text(*page.frac(aw - MARGIN, MARGIN + 1), short(mark, 100), fontsize=6.8 * s,
             weight="bold", color="#7a1b1b", ha="right", va="baseline")


def panel(fig: Figure, page: Page, legend: list[LegendItem], selectie: list[str]) -> None:
    """The legend and the selection in words, flowing down the right column; what does not fit
    is cut with a note, never drawn over the footer."""
    x, y0, _, h = page.map_mm
    ax = fig.add_axes(page.frac(x + page.map_mm[2] + GAP, y0, PANEL_W, h))
    ax.set_xlim(0, PANEL_W)
    ax.set_ylim(0, h)
    ax.axis("off")
    flow = Flow(ax, h, page.s)
    for item in legend:
        flow.item(item)
    flow.gap(2.5)
    flow.heading("Selectie")
    for line in selectie:
        flow.text(line, max_lines=4)


class Flow:
    """A cursor down a column in A4 millimetres; text that does not fit is cut with a note."""

    def __init__(self, ax, top: float, s: float, size: float = 7.3, line: float = LINE):
        self.ax, self.y, self.s, self.full = ax, top - 1.0, s, False
        self.size, self.line = size, line

    def room(self, lines: int) -> bool:
        if self.full:
            return False
        if self.y - lines * self.line < self.line:
            self.ax.text(0, self.y - self.line, "… (meer dan op deze pagina past)",
                         fontsize=6.5 * self.s, color=MUTED, style="italic", va="baseline")
            self.full = True
            return False
        return True

    def gap(self, mm: float) -> None:
        self.y -= mm

    def heading(self, text: str) -> None:
        if self.room(2):
            self.y -= self.line + 0.6
            self.ax.text(0, self.y, short(text, 60), fontsize=(self.size + 2.2) * self.s,
                         weight="bold", color=INK, va="baseline")
            self.y -= 1.2

    def text(self, text: str, max_lines: int = 3, indent: float = 0.0, italic: bool = False,
             width: int = 50) -> float | None:
        lines = wrap(text, width, max_lines)
        if not self.room(len(lines)):
            return None
        first = self.y - self.line
        for line in lines:
            self.y -= self.line
            self.ax.text(indent, self.y, line, fontsize=self.size * self.s,
                         color=MUTED if italic else INK, style="italic" if italic else "normal",
                         va="baseline")
        return first

    def item(self, item: LegendItem) -> None:
        if item.kind == "kop":
            self.heading(item.label)
            return
        if item.kind == "tekst":
            self.gap(0.8)
            self.text(item.label, italic=True)
            return
        baseline = self.text(item.label, max_lines=2, indent=7.0, width=44)
        if baseline is not None:
            _symbol(self.ax, item, baseline + 1.0, self.s)


def _symbol(ax, item: LegendItem, y: float, s: float) -> None:
    """The small sign in front of a legend line, centred on height y (mm)."""
    if item.kind == "punt":
        ax.add_patch(Circle((2.5, y), 1.2, facecolor=item.colour, edgecolor="white", linewidth=0.3 * s))
    elif item.kind == "vlak":
        ax.add_patch(Rectangle((0.5, y - 1.3), 4, 2.6, facecolor=item.colour, edgecolor="#8a939d",
                               linewidth=0.4 * s))
    elif item.kind == "omtrek":
        ax.add_patch(Rectangle((0.5, y - 1.3), 4, 2.6, facecolor="none", edgecolor=item.colour,
                               linewidth=0.6 * s))
    elif item.kind in ("lijn", "streep"):
        style = (0, (3, 1.8)) if item.kind == "streep" else "-"
        ax.add_line(Line2D([0.3, 5], [y, y], color=item.colour, linewidth=(1.4 if item.kind == "streep"
                                                                             else 0.8) * s,
                           linestyle=style))
    elif item.kind == "teken":
        ax.plot([2.5], [y], marker=item.marker, markersize=6 * s, markerfacecolor="none",
                markeredgecolor="black", markeredgewidth=1.2 * s)
    elif item.kind == "vak_signaal":
        ax.add_patch(Rectangle((0.5, y - 1.5), 4, 3, fill=False, edgecolor="black", linewidth=1.4 * s))


def to_bytes(fig: Figure, dpi: int, title: str, author: str) -> tuple[bytes, bytes]:
    """(PNG at `dpi`, PDF) of one figure, at exactly the paper size."""
    png, pdf = io.BytesIO(), io.BytesIO()
    fig.savefig(png, format="png", dpi=dpi)
    fig.savefig(pdf, format="pdf", metadata=pdf_metadata(title, author))
    return png.getvalue(), pdf.getvalue()


def pdf_metadata(title: str, author: str) -> dict:
    return {"Title": short(title, 200), "Author": short(author, 100), "Creator": "Zicht",
            "Subject": "Kaartbeeld voor het KernCluster Ondermijning"}
