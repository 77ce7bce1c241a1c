"""The KernCluster overview: one PDF with a cover page listing the cases and a page per case
(title, phase, hypothese, interventions, next steps and a map of its linked objects).

Cases come in as plain dicts, so this module does not depend on the case store:
    {"casusnummer", "titel", "thema", "status" (label), "fase" (1-4), "hypothese",
     "interventies": [{"datum", "soort", "partij", "omschrijving", "resultaat"}],
     "volgende_stappen": str | [str],
     "koppelingen": [{"object_type", "object_id", "omschrijving"}]}
(dossier_to_dict turns a cases.model.Dossier into one). The privacy switch (on by default) leaves
out the names, addresses and identifiers of the linked objects: the map still shows where they
are, the text says only how many of each kind there are. Free text the team wrote in the case
(titel, hypothese, interventies) is printed as it was recorded.
"""

from __future__ import annotations

import io
import math
from collections import Counter

import numpy as np
import shapely
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch

from exports.mapshot.data import ViewData, load
from exports.mapshot.draw import draw_map, north_arrow, polygons_path, scale_bar
from exports.mapshot.page import Flow, drawing, footer, header, new_page, pdf_metadata
from exports.mapshot.render import demo_line, made_line, sources_line
from exports.mapshot.text import short, text_with_halo
from exports.mapshot.view import MapView, SnapshotOptions, fit_box
from geo import nlformat
from geo.objectnamen import linked_objects  # noqa: F401  (part of this module's interface)

MAP_MM = (10.0, 29.0, 150.0, 147.0)   # x, y, w, h on A4
TEXT_MM = (167.0, 29.0, 120.0, 147.0)
MIN_EXTENT = 300.0                      # metres: the smallest area a case map shows
SOORT_NAAM = {"pand": ("pand", "panden"), "adres": ("adres", "adressen"),
              "vestiging": ("vestiging", "vestigingen"), "buurt": ("buurt", "buurten"),
              "wijk": ("wijk", "wijken"), "overige": ("overig object", "overige objecten"),
              "maatschappelijke_activiteit": ("onderneming (KVK-nummer)", "ondernemingen (KVK-nummers)")}
LINKED = "#154273"


def overview_pdf(cases: list[dict], con, options: SnapshotOptions | None = None) -> bytes:
    """The PDF: a cover page, then one page per case (in the order given)."""
    options = options or SnapshotOptions(title="KernCluster Ondermijning: casusoverzicht")
    meta = dict(con.execute("SELECT sleutel, waarde FROM meta").fetchall())
    texts = {"bronnen": sources_line(con), "gemaakt": made_line(options.author),
             "demo": demo_line(ViewData(box=(0, 0, 1, 1), meta=meta)), "meta": meta}
    out = io.BytesIO()
    with drawing(), PdfPages(out, metadata=pdf_metadata(options.title, options.author)) as pdf:
        pdf.savefig(_cover(cases, options, texts))
        for case in cases:
            pdf.savefig(_case_page(con, case, options, texts))
    return out.getvalue()


def dossier_to_dict(dossier) -> dict:
    """A cases.model.Dossier (read by attribute, no import of the case register) as the dict
    overview_pdf takes. volgende_stappen is not part of the register; add it when known."""
    c = dossier.casus
    return {"casusnummer": c.casusnummer, "titel": c.titel, "thema": c.thema.label,
            "status": c.status.label, "fase": c.fase, "hypothese": c.plan.hypothese,
            "interventieplan": c.plan.interventieplan,
            "interventies": [{"datum": i.datum, "soort": i.soort, "partij": i.partij,
                              "omschrijving": i.omschrijving, "resultaat": i.resultaat}
                             for i in dossier.interventies],
            "koppelingen": [{"object_type": str(k.object_type), "object_id": k.object_id,
                             "omschrijving": k.omschrijving} for k in dossier.koppelingen]}


def _subtitle(meta: dict, extra: str) -> str:
    gemeente = meta.get("gemeentenaam") or "Gemeente onbekend"
    return f"{gemeente} · peildatum {nlformat.datum(meta.get('peildatum'))} · {extra}"


def _cover(cases: list[dict], options: SnapshotOptions, texts: dict):
    fig, page = new_page(options.paper)
    wijze = "zonder namen en adressen" if options.privacy else "met namen en adressen"
    aantal = nlformat.meervoud(len(cases), "casus", "casussen")
    header(fig, page, options.title, _subtitle(texts["meta"], f"{aantal} · {wijze}"),
           options.mark, texts["demo"])
    footer(fig, page, texts["bronnen"], texts["gemaakt"], options.mark)
    ax = _column(fig, page, (10.0, 29.0, 277.0, 147.0))
    flow = Flow(ax, 147.0, page.s, size=9.0, line=5.0)
    flow.heading("Casussen in deze bespreking")
    if not cases:
        flow.text("Er zijn geen casussen geselecteerd.", italic=True)
    for k, case in enumerate(cases, start=1):
        objects = len(case.get("koppelingen") or [])
        line = (f"{k}. {_clean(case.get('casusnummer'))} · {_clean(case.get('titel'))} · "
                f"{_phase(case)} · {nlformat.meervoud(objects, 'gekoppeld object', 'gekoppelde objecten')}")
        flow.text(line, max_lines=2, width=150)
    return fig


def _case_page(con, case: dict, options: SnapshotOptions, texts: dict):
    fig, page = new_page(options.paper)
    title = f"{_clean(case.get('casusnummer'))} · {_clean(case.get('titel'))}"
    thema = _clean(case.get("thema"))
    header(fig, page, title, _subtitle(texts["meta"], thema or "casus"), options.mark, texts["demo"])
    footer(fig, page, texts["bronnen"], texts["gemaakt"], options.mark)
    objects = linked_objects(con, case.get("koppelingen") or [])
    _case_map(con, fig, page, objects, options.privacy)
    _case_text(_column(fig, page, TEXT_MM), page, case, objects, options.privacy)
    return fig


def _case_map(con, fig, page, objects: list[dict], privacy: bool) -> None:
    x, y, w, h = MAP_MM
    ax = fig.add_axes(page.frac(x, y, w, h))
    geoms = [o["geom"] for o in objects if o["geom"] is not None and not o["geom"].is_empty]
    if not geoms:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.text(0.5, 0.5, "Geen gekoppelde objecten met een locatie", ha="center", va="center",
                transform=ax.transAxes, fontsize=10 * page.s, color="#4a5561")
        return
    box = fit_box(_extent(geoms), w / h, margin=0.15)
    view = MapView(bounds=box, bounds_crs="EPSG:28992", layers=("panden", "buurten", "bedrijventerreinen"))
    data = load(con, view, box, tolerantie=0.5 * (box[2] - box[0]) / (w / 25.4 * 150))
    draw_map(ax, data, privacy, None, page.s, (box[2] - box[0]) / w)
    _draw_linked(ax, objects, privacy, page.s)
    scale_bar(ax, box, page.s)
    north_arrow(ax, box, page.s)


def _extent(geoms) -> tuple[float, float, float, float]:
    xmin, ymin, xmax, ymax = shapely.total_bounds(np.array(geoms, dtype=object))
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    half_w, half_h = max(xmax - xmin, MIN_EXTENT) / 2, max(ymax - ymin, MIN_EXTENT) / 2
    return (cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def _draw_linked(ax, objects: list[dict], privacy: bool, s: float) -> None:
    """Linked objects in the accent colour; numbered (matching the list) when privacy is off."""
    polygons = [o["geom"] for o in objects if o["geom"] is not None and o["geom"].geom_type != "Point"]
    path = polygons_path(polygons) if polygons else None
    if path is not None:
        ax.add_artist(PathPatch(path, facecolor=LINKED, alpha=0.35, edgecolor=LINKED,
                                linewidth=1.8 * s, zorder=8))
    points = [o for o in objects if o["geom"] is not None and o["geom"].geom_type == "Point"]
    if points:
        ax.scatter([p["geom"].x for p in points], [p["geom"].y for p in points], s=60 * s**2, c=LINKED,
                   edgecolors="white", linewidths=1.2 * s, zorder=9)
    if not privacy:
        offset = (ax.get_xlim()[1] - ax.get_xlim()[0]) / 150  # about 1 mm
        for (x, y), numbers in _numbers_by_place(objects).items():
            text_with_halo(ax, x + offset, y + offset, numbers, 2.5 * s, fontsize=8 * s,
                           weight="bold", color=LINKED, zorder=10, clip_on=True)
    handles = [Line2D([], [], marker="o", linestyle="none", markerfacecolor=LINKED,
                      markeredgecolor="white", markersize=8 * s, label="Gekoppeld object")]
    ax.legend(handles=handles, loc="upper left", fontsize=7.5 * s, frameon=True, framealpha=0.9)


def _numbers_by_place(objects: list[dict]) -> dict[tuple[float, float], str]:
    """The list numbers of the objects at each spot (within about 25 m), as '1, 3–7', placed at
    the first object of the spot."""
    places: list[tuple[tuple[float, float], list[int]]] = []
    for k, o in enumerate(objects, start=1):
        if o["geom"] is None or o["geom"].is_empty:
            continue
        p = o["geom"] if o["geom"].geom_type == "Point" else o["geom"].point_on_surface()
        near = next((ks for (x, y), ks in places if math.hypot(p.x - x, p.y - y) < 25), None)
        if near is None:
            places.append(((p.x, p.y), [k]))
        else:
            near.append(k)
    return {xy: _ranges(ks) for xy, ks in places}


def _ranges(numbers: list[int]) -> str:
    spans, start, prev = [], numbers[0], numbers[0]
    for cur in numbers[1:]:
        if cur != prev + 1:
            spans.append((start, prev))
            start = cur
        prev = cur
    spans.append((start, prev))
    return short(", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans), 24)


def _column(fig, page, rect):
    x, y, w, h = rect
    ax = fig.add_axes(page.frac(x, y, w, h))
    ax.set_xlim(0, w)
    ax.set_ylim(0, h)
    ax.axis("off")
    return ax


def _case_text(ax, page, case: dict, objects: list[dict], privacy: bool) -> None:
    flow = Flow(ax, TEXT_MM[3], page.s, size=8.2, line=3.9)
    flow.heading("Fase")
    flow.text(_phase(case), width=74)
    flow.gap(2.0)
    flow.heading("Hypothese")
    flow.text(_clean(case.get("hypothese")) or "Nog niet vastgelegd.", max_lines=6, width=74)
    flow.gap(2.0)
    flow.heading("Interventies")
    _interventions(flow, case.get("interventies") or [])
    flow.gap(2.0)
    flow.heading("Volgende stappen")
    for step in _steps(case):
        flow.text(f"• {step}", max_lines=3, width=74)
    flow.gap(2.0)
    flow.heading("Gekoppelde objecten")
    for line in _object_lines(case.get("koppelingen") or [], objects, privacy):
        flow.text(line, max_lines=2, width=74)


def _interventions(flow: Flow, items: list[dict]) -> None:
    if not items:
        flow.text("Nog geen interventies vastgelegd.", italic=True, width=74)
    shown = sorted(items, key=lambda i: str(i.get("datum") or ""))[-6:]
    for i in shown:
        line = (f"{nlformat.datum(i.get('datum'))} · {_clean(i.get('soort'))} · {_clean(i.get('partij'))}: "
                f"{_clean(i.get('omschrijving'))}")
        if i.get("resultaat"):
            line += f" (resultaat: {_clean(i.get('resultaat'))})"
        flow.text(line, max_lines=3, width=74)
    if len(items) > len(shown):
        flow.text(f"… en {len(items) - len(shown)} eerdere interventies", italic=True, width=74)


def _steps(case: dict) -> list[str]:
    steps = case.get("volgende_stappen")
    if isinstance(steps, str):
        steps = [steps]
    steps = [_clean(s) for s in steps or [] if _clean(s)]
    if not steps and _clean(case.get("interventieplan")):
        steps = [f"Interventieplan: {_clean(case.get('interventieplan'))}"]
    return steps or ["Nog niet vastgelegd."]


def _object_lines(koppelingen: list[dict], objects: list[dict], privacy: bool) -> list[str]:
    if not koppelingen:
        return ["Geen objecten gekoppeld."]
    if privacy:
        counts = Counter(str(k.get("object_type", "overige")).lower() for k in koppelingen)
        parts = [nlformat.meervoud(n, *SOORT_NAAM.get(t, (t, t))) for t, n in sorted(counts.items())]
        return [", ".join(parts) + " (identificaties, namen en adressen weggelaten)."]
    lines = [f"{k}. {SOORT_NAAM.get(o['object_type'], (o['object_type'],))[0]} {o['object_id']}: "
             f"{short(o['label'], 60)}" for k, o in enumerate(objects, start=1)]
    found = {(o["object_type"], o["object_id"]) for o in objects}
    missing = [k for k in koppelingen
               if (str(k.get("object_type", "")).lower(), str(k.get("object_id", ""))) not in found]
    lines += [f"Zonder locatie: {SOORT_NAAM.get(str(k.get('object_type')).lower(), ('object',))[0]} "
              f"{short(k.get('object_id'), 60)}" for k in missing]
    return lines


def _phase(case: dict) -> str:
    status = _clean(case.get("status"))
    if status:
        return status
    return f"Fase {case['fase']}" if case.get("fase") else "Fase onbekend"


def _clean(value) -> str:
    return short(value, 400) if value is not None else ""
