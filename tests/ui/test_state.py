"""ui.state.MapView: parsing what st_folium reports and snapping the viewport box."""

import pytest

from geo import crs
from ui.state import MapView

REPORTED = {
    "zoom": 16,
    "bounds": {"_southWest": {"lat": 52.528, "lng": 5.160},
               "_northEast": {"lat": 52.536, "lng": 5.175}},
}


@pytest.mark.parametrize("value", [
    None, {}, "x", {"zoom": 16}, {"zoom": None, "bounds": REPORTED["bounds"]},
    {"zoom": 16, "bounds": {"_southWest": {"lat": None, "lng": None},
                            "_northEast": {"lat": None, "lng": None}}},
])
def test_no_view_until_the_browser_reports_one(value):
    assert MapView.from_component(value) is None


def test_parses_zoom_and_bounds():
    view = MapView.from_component(REPORTED)
    assert view == MapView(16, 52.528, 5.160, 52.536, 5.175)


def test_rd_box_is_snapped_outward_and_covers_the_view():
    view = MapView.from_component(REPORTED)
    xmin, ymin, xmax, ymax = view.rd_box(250)
    assert all(v % 250 == 0 for v in (xmin, ymin, xmax, ymax))
    xs, ys = crs.lonlat_to_rd([view.west, view.east], [view.south, view.north])
    assert xmin <= min(xs) and xmax >= max(xs) and ymin <= min(ys) and ymax >= max(ys)
    assert xmax - xmin < (max(xs) - min(xs)) + 2 * 250


def test_small_pan_gives_the_same_box():
    a = MapView(16, 52.5300, 5.1600, 52.5340, 5.1700)
    b = MapView(16, 52.5301, 5.1601, 52.5341, 5.1701)
    assert a.rd_box(500) == b.rd_box(500)
