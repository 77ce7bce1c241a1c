"""maps.layers: pure folium builders. No database, no browser."""

from __future__ import annotations

import re

import folium
import pytest

from maps import basemaps, layers

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[5.13, 52.52], [5.14, 52.52], [5.14, 52.53], [5.13, 52.53], [5.13, 52.52]]],
}
HOSTILE = 'Bakkerij <img src=x onerror="alert(1)"> & Zn</script>'
BOUNDS = (5.12, 52.51, 5.21, 52.55)


def render(m: folium.Map) -> str:
    return m.get_root().render()


def full_map() -> folium.Map:
    m = layers.base_map(BOUNDS)
    area = {"id": "b1", "geometry": SQUARE, "label": HOSTILE, "waarde": 3}
    layers.outlines([area], "buurt").add_to(m)
    layers.outlines([area], "bedrijventerrein").add_to(m)
    layers.outlines([area], "gemeente", interactive=False).add_to(m)
    layers.filled([{**area, "kleur": "#154273"}, {**area, "id": "b2", "kleur": layers.NUL_KLEUR}]
                  ).add_to(m)
    layers.footprints([{"id": "p1", "geometry": SQUARE}]).add_to(m)
    layers.points([{"id": "v1", "lat": 52.52, "lon": 5.13, "label": HOSTILE}]).add_to(m)
    return m


def test_rendered_map_references_no_outside_url():
    html = render(full_map())
    assert re.findall(r"https?://", html) == []
    assert "cdn" not in html.lower()
    assert '<script src="/app/static/vendor/leaflet/leaflet.js">' in html
    assert 'href="/app/static/vendor/leaflet/leaflet.css"' in html
    for gone in ("jquery", "bootstrap", "font-awesome", "awesome-markers"):
        assert gone not in html.lower()


def test_streamlit_folium_gets_only_local_assets():
    # st_folium loads every default_js/default_css of the elements in the tree by itself.
    m = full_map()
    links = []
    stack = [m]
    while stack:
        element = stack.pop()
        links += [url for _, url in getattr(element, "default_js", [])]
        links += [url for _, url in getattr(element, "default_css", [])]
        stack += list(getattr(element, "_children", {}).values())
    assert links
    assert all(url.startswith("/app/static/vendor/") for url in links), links


def test_base_map_is_canvas_without_tiles_and_with_max_zoom():
    # No tile server is configured by default: nothing leaves the machine.
    m = layers.base_map(BOUNDS)
    html = render(m)
    assert '"preferCanvas": true' in html
    assert f'"maxZoom": {basemaps.MAX_ZOOM}' in html
    assert f'"minZoom": {basemaps.MIN_ZOOM}' in html
    assert "var lagen = [];" in html  # no tile server to switch to
    assert 'L.Icon.Default.imagePath = "/app/static/vendor/leaflet/images/"' in html
    assert "imperial: false" in html
    assert "fitBounds" in html


def test_base_map_without_bounds_still_renders():
    assert "L.map(" in render(layers.base_map(None))


def test_data_text_is_escaped_in_tooltips():
    html = render(full_map())
    assert "<img" not in html
    assert "onerror=\"alert" not in html
    assert html.count("</script>") == html.count("<script")  # nothing closes a script early
    # folium's tojson turns the escaped entity into \u0026lt; inside the script
    assert "\\u0026lt;img src=x onerror=\\u0026quot;alert(1)\\u0026quot;\\u0026gt;" in html


def test_tooltip_html_escapes_and_breaks_lines():
    assert layers.tooltip_html("A & B\n<Straat> 1") == "<b>A &amp; B</b><br>&lt;Straat&gt; 1"
    assert layers.tooltip_html("") == "<b></b>"


@pytest.mark.parametrize(
    "build",
    [
        lambda: layers.points([]),
        lambda: layers.filled([]),
        lambda: layers.outlines([], "buurt"),
        lambda: layers.footprints([]),
    ],
)
def test_empty_input_gives_an_empty_layer_that_renders(build):
    m = layers.base_map(BOUNDS)
    build().add_to(m)
    assert "L.geoJson(" in render(m)


def test_points_are_circle_markers():
    m = layers.base_map(BOUNDS)
    layers.points([{"id": i, "lat": 52.52, "lon": 5.13 + i / 1000, "label": "x"} for i in range(3)]
                  ).add_to(m)
    html = render(m)
    assert "new L.CircleMarker(latlng, opts)" in html


def test_class_breaks_are_quantiles_over_positive_values():
    assert layers.class_breaks([]) == []
    assert layers.class_breaks([0, 0]) == []
    assert layers.class_breaks([4, 4, 4]) == [4]
    assert layers.class_breaks(range(1, 11)) == [2, 4, 6, 8, 10]
    assert layers.class_breaks([0, 1, 1, 1, 1, 50]) == [1, 50]


def test_class_index():
    breaks = [2, 4, 10]
    assert [layers.class_index(v, breaks) for v in (0, None, 1, 2, 3, 10, 99)] == [
        None, None, 0, 0, 1, 2, 2]
    assert layers.class_index(5, []) is None


def test_class_colours_end_in_the_accent_colour():
    assert layers.class_colours(0) == []
    for n in range(1, len(layers.PALETTE) + 1):
        colours = layers.class_colours(n)
        assert len(set(colours)) == n
        assert colours[-1] == layers.ACCENT
    assert layers.class_colours(5) == list(layers.PALETTE)


def test_ended_vestigingen_are_open_rings_and_colours_are_per_item():
    m = layers.base_map(BOUNDS)
    layers.points([{"id": "a", "lat": 52.52, "lon": 5.13, "label": "x", "kleur": "#CC6677"},
                   {"id": "b", "lat": 52.52, "lon": 5.14, "label": "y", "kleur": "#332288",
                    "open": True}]).add_to(m)
    html = render(m)
    assert '"fillColor": "#CC6677"' in html
    assert '"color": "#332288"' in html and '"fillColor": "#ffffff"' in html


def test_lq_colours_are_fixed_classes_around_one():
    assert layers.lq_colour(None) == layers.ONBEKEND_KLEUR
    assert layers.lq_colour(0.2) == layers.LQ_KLEUREN[0]
    assert layers.lq_colour(1.0) == layers.LQ_KLEUREN[2]
    assert layers.lq_colour(2.0) == layers.LQ_KLEUREN[4]


def test_sequential_colour_keeps_unknown_apart_from_zero():
    assert layers.sequential_colour(None, [1, 2]) == layers.ONBEKEND_KLEUR
    assert layers.sequential_colour(0, [1, 2]) == layers.NUL_KLEUR
    assert layers.sequential_colour(2, [1, 2]) == layers.ACCENT


def test_ordinal_colours_use_both_ends():
    assert layers.ordinal_colours(2, ("a", "b", "c")) == ["a", "c"]
    assert layers.ordinal_colours(3, ("a", "b", "c")) == ["a", "b", "c"]


def test_highlight_and_rings_render():
    m = layers.base_map(BOUNDS)
    layers.highlight_shape(SQUARE).add_to(m)
    layers.rings([{"id": "v", "lat": 52.52, "lon": 5.13, "label": HOSTILE}]).add_to(m)
    html = render(m)
    assert '"weight": 4' in html and "<img" not in html
