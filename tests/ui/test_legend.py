"""ui.components.legend: class labels and escaping."""

import folium

from ui.components.leaflet_map import Detail, snap_m
from ui.components.legend import klasse_labels, legenda_html


def test_klasse_labels():
    assert klasse_labels([]) == []
    assert klasse_labels([1, 5, 1234]) == ["1", "2–5", "6–1.234"]


def test_legend_for_each_kind_of_detail():
    groep = folium.FeatureGroup()
    buurten = legenda_html(Detail("buurten", groep, [3, 9], 12, heeft_nul=True), 2500)
    assert "Actieve vestigingen per buurt" in buurten and "4–9" in buurten and ">0<" in buurten
    raster = legenda_html(Detail("raster", groep, [2], 40, cel=50.0), 2500)
    assert "per vak van 50 × 50 m" in raster and "meer dan 2.500" in raster
    punten = legenda_html(Detail("punten", groep, aantal=1234, panden="getoond"), 2500)
    assert "1.234 actieve vestigingen" in punten and "Pand" in punten
    for html in (buurten, raster, punten):
        assert "Gemeentegrens" in html and "Bedrijventerrein" in html


def test_snap_grid_shrinks_with_zoom():
    assert [snap_m(z) for z in (15, 16, 17, 18, 19)] == [500, 250, 125, 125, 125]
