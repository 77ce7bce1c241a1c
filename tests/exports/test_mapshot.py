"""Map snapshots for the KernCluster: page size, what the page says, privacy, tiles, speed."""

from __future__ import annotations

import http.server
import io
import socket
import threading
import time
import urllib.request

import pytest
from PIL import Image
from pypdf import PdfReader

from exports.mapshot.render import MapView, SnapshotOptions, render, whole_municipality
from exports.mapshot.tiles import NIET_BEREIKBAAR
from geo.branches import load_branches
from geo.nlformat import datum

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def quiet_spot(con, peildatum) -> dict:
    """An active vestiging with a distinctive name and few neighbours (so names are labelled)."""
    row = con.execute("""
        WITH a AS (SELECT vestigingsnummer, naam, straat, geom FROM vestiging
                   WHERE geom IS NOT NULL AND is_actief(datum_aanvang, datum_einde, ?))
        SELECT a.naam, a.straat, ST_X(a.geom), ST_Y(a.geom)
        FROM a JOIN a b ON ST_DWithin(a.geom, b.geom, 120)
        WHERE length(a.naam) >= 12
          AND (SELECT count(*) FROM vestiging WHERE naam = a.naam) = 1
        GROUP BY ALL HAVING count(*) BETWEEN 2 AND 12
        ORDER BY a.naam LIMIT 1""", [peildatum]).fetchone()
    naam, straat, x, y = row
    return {"naam": naam, "straat": straat, "view": MapView(
        bounds=(x - 100, y - 70, x + 100, y + 70), bounds_crs="EPSG:28992")}


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_png_is_a4_landscape_at_the_chosen_dpi(con):
    png, pdf = render(con, whole_municipality(con), SnapshotOptions(dpi=100))
    width, height = Image.open(io.BytesIO(png)).size
    assert abs(width - 297 / 25.4 * 100) <= 1 and abs(height - 210 / 25.4 * 100) <= 1
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == 297
    assert round(float(page.mediabox.height) / 72 * 25.4) == 210


def test_a3_is_the_same_page_scaled_up(con):
    png, _ = render(con, whole_municipality(con), SnapshotOptions(paper="A3", dpi=72))
    width, height = Image.open(io.BytesIO(png)).size
    assert abs(width - 420 / 25.4 * 72) <= 1 and abs(height - 297 / 25.4 * 72) <= 1


def test_page_carries_title_legend_peildata_filters_author_mark_and_demo_note(con, peildatum):
    view = whole_municipality(con, filters=("Buurt: alle buurten",), groepen=("automotive", "beauty"))
    options = SnapshotOptions(title="Automotive en beauty in Demostad", author="A. Analist",
                              privacy=False)
    text = pdf_text(render(con, view, options)[1])
    branches = load_branches()
    for expected in ("Automotive en beauty in Demostad", "Legenda", branches.naam("automotive"),
                     branches.naam("beauty"), f"peildatum {datum(peildatum)}", "Bronnen en peildata",
                     "Buurt: alle buurten", "Gemaakt door A. Analist op",
                     "uitsluitend voor deelnemers KernCluster Ondermijning", "Demostad is fictief"):
        assert expected in text, expected
    bronnen = con.execute("SELECT coalesce(omschrijving, bron), peildatum FROM bron").fetchall()
    for bron, bron_peildatum in bronnen:
        assert f"{bron} {datum(bron_peildatum)}" in " ".join(text.split()), bron


def test_confidentiality_mark_is_configurable(con):
    options = SnapshotOptions(mark="Alleen voor intern gebruik: team Ondermijning")
    text = pdf_text(render(con, whole_municipality(con), options)[1])
    assert "Alleen voor intern gebruik: team Ondermijning" in " ".join(text.split())


def test_privacy_on_by_default_leaves_out_names_and_streets(con, quiet_spot):
    assert SnapshotOptions().privacy is True
    text = pdf_text(render(con, quiet_spot["view"], SnapshotOptions())[1])
    assert quiet_spot["naam"] not in text
    assert quiet_spot["straat"] not in text
    assert "Vestigingen van de selectie per vak" in text
    assert "zonder namen en adressen" in text


def test_privacy_off_labels_the_vestigingen_with_their_names(con, quiet_spot):
    text = pdf_text(render(con, quiet_spot["view"], SnapshotOptions(privacy=False))[1])
    assert quiet_spot["naam"][:29] in text


def test_branch_group_colours_are_the_fixed_ones(con):
    view = whole_municipality(con, groepen=("automotive",))
    png, _ = render(con, view, SnapshotOptions(privacy=False, dpi=100))
    colours = {c for _, c in Image.open(io.BytesIO(png)).convert("RGB").getcolors(1_000_000)}
    kleur = load_branches().kleur("automotive").lstrip("#")
    assert tuple(int(kleur[i:i + 2], 16) for i in (0, 2, 4)) in colours


def test_unreachable_tile_server_degrades_to_no_background_with_a_note(con):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    options = SnapshotOptions(basemap=f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png", tile_timeout=2)
    start = time.perf_counter()
    png, pdf = render(con, whole_municipality(con), options)
    assert png.startswith(b"\x89PNG") and time.perf_counter() - start < 10
    assert NIET_BEREIKBAAR in pdf_text(pdf)


def test_without_a_tile_url_no_host_is_contacted(con, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    png, pdf = render(con, whole_municipality(con), SnapshotOptions(basemap=None))
    assert png and "Achtergrondkaart" not in pdf_text(pdf)


def test_a_reachable_tile_server_is_drawn_under_the_map(con):
    tile = io.BytesIO()
    Image.new("RGB", (256, 256), (255, 0, 255)).save(tile, format="PNG")
    asked: list[str] = []

    class Tiles(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(tile.getvalue())

        def log_message(self, *_args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        png, pdf = render(con, whole_municipality(con), SnapshotOptions(basemap=url, dpi=80))
    finally:
        server.shutdown()
    assert asked and all(p.count("/") == 3 and p.endswith(".png") for p in asked)
    assert "Achtergrondkaart: 127.0.0.1" in pdf_text(pdf)
    assert (255, 0, 255) in {c for _, c in Image.open(io.BytesIO(png)).convert("RGB").getcolors(1_000_000)}


def test_text_from_data_or_the_user_cannot_break_the_layout(con):
    title = "Titel met $x^2$ en <b>opmaak</b>\nen een regel " + "heel-lang-woord" * 30
    png, pdf = render(con, whole_municipality(con, filters=("filter " * 200,)),
                      SnapshotOptions(title=title, author="Naam\twith\x00control"))
    text = pdf_text(pdf)
    assert "$x^2$" in text and "<b>opmaak</b>" in text
    assert "…" in text


def test_demo_view_renders_png_and_pdf_within_five_seconds(con):
    """CPU time of this process (all its threads), so a busy machine does not fail the test."""
    view = whole_municipality(con, layers=("vestigingen", "panden", "buurten", "bedrijventerreinen",
                                           "indicatoren"), indicatoren=("veel_inschrijvingen",))
    render(con, view, SnapshotOptions())  # warm up imports and caches
    start = time.process_time()
    render(con, view, SnapshotOptions())
    assert time.process_time() - start < 5


def test_unknown_layer_or_paper_is_refused_in_dutch():
    with pytest.raises(ValueError, match="onbekende kaartlagen"):
        MapView(bounds=(0, 0, 1, 1), layers=("luchtfoto",))
    with pytest.raises(ValueError, match="papierformaat"):
        SnapshotOptions(paper="A5")
