"""ui.state.Viewport: parsing what st_folium reports and snapping the viewport box."""

import pytest

from geo import crs
from ui.state import Viewport

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
    assert Viewport.from_component(value) is None


def test_parses_zoom_and_bounds():
    view = Viewport.from_component(REPORTED)
    assert view == Viewport(16, 52.528, 5.160, 52.536, 5.175)


def test_rd_box_is_snapped_outward_and_covers_the_view():
    view = Viewport.from_component(REPORTED)
    xmin, ymin, xmax, ymax = view.rd_box(250)
    assert all(v % 250 == 0 for v in (xmin, ymin, xmax, ymax))
    xs, ys = crs.lonlat_to_rd([view.west, view.east], [view.south, view.north])
    assert xmin <= min(xs) and xmax >= max(xs) and ymin <= min(ys) and ymax >= max(ys)
    assert xmax - xmin < (max(xs) - min(xs)) + 2 * 250


def test_small_pan_gives_the_same_box():
    a = Viewport(16, 52.5300, 5.1600, 52.5340, 5.1700)
    b = Viewport(16, 52.5301, 5.1601, 52.5341, 5.1701)
    assert a.rd_box(500) == b.rd_box(500)


# --- selection and map choice from the session / URL -----------------------------------------

from datetime import date  # noqa: E402

from ui import state  # noqa: E402

GROEPEN = {"beauty", "horeca"}


class FakeParams(dict):
    """The parts of st.query_params the state module uses."""

    def get_all(self, key):
        value = self.get(key)
        return [] if value is None else (value if isinstance(value, list) else [value])


def test_selection_checks_every_value():
    session = {state.K_GROEP: ["beauty", "onbekend"], state.K_SBI: ["2008:96022", "96022"],
               state.K_STATUS: "misschien", state.K_SOORT: "neven",
               state.K_VAN: "2020-02-01", state.K_TOT: date(2019, 1, 1), state.K_TREFWOORD: 1}
    filt = state.selection(session, "2026-11-01", GROEPEN)
    assert filt.groepen == ("beauty",) and filt.sbi == ("2008:96022",)
    assert filt.status == "actief" and filt.soort == "neven"
    assert (filt.van, filt.tot) == (date(2019, 1, 1), date(2020, 2, 1))  # swapped into order
    assert filt.trefwoord is True and filt.alleen_hoofd is False


def test_map_choice_falls_back_to_defaults():
    session = {state.K_THEMA: "concentratie", state.K_PER: "bedrijventerrein:ibis",
               state.K_MAAT: "lq", state.K_CEL: "500", state.K_SIGNAAL: "verzonnen",
               state.K_ACHTERGROND: "luchtfoto", state.K_LAGEN: ["buurt", "x"]}
    keuze = state.map_choice(session, {"brt"}, {"verloop"}, {"buurt", "wijk"}, "geen")
    assert keuze.thema == "concentratie" and keuze.per == "bedrijventerrein:ibis"
    assert keuze.maat == "lq" and keuze.cel == 500 and keuze.signaal is None
    assert keuze.achtergrond == "geen" and keuze.lagen == ("buurt",)
    assert state.map_choice({state.K_PER: "land"}, set(), set(), set()).per == "buurt"


def test_url_round_trip_keeps_only_what_differs_from_the_defaults():
    defaults = {**state.DEFAULTS, state.K_LAGEN: ["buurt"]}
    session = {}
    state.read_url(session, FakeParams(), defaults)
    session.update({state.K_GROEP: ["beauty"], state.K_SBI: ["2008:96022", "2025:96220"],
                    state.K_VAN: date(2020, 1, 31), state.K_TREFWOORD: True,
                    state.K_THEMA: "concentratie", state.K_CEL: 500})
    params = FakeParams({"zicht": "52.5,5.1,15"})
    state.write_url(session, params, defaults)
    assert params == {"zicht": "52.5,5.1,15", "groep": ["beauty"],
                      "sbi": ["2008:96022", "2025:96220"], "van": ["2020-01-31"],
                      "trefwoord": ["1"], "thema": ["concentratie"], "cel": ["500"]}
    fresh = {}
    state.read_url(fresh, params, defaults)
    for key in (state.K_GROEP, state.K_SBI, state.K_VAN, state.K_TREFWOORD, state.K_THEMA,
                state.K_CEL):
        assert fresh[key] == session[key], key
    assert fresh[state.K_STATUS] == "actief" and fresh[state.K_LAGEN] == ["buurt"]


def test_url_is_read_once_per_session():
    session = {}
    state.read_url(session, FakeParams({"thema": "bouwjaar"}), state.DEFAULTS)
    session[state.K_THEMA] = "vestigingen"
    state.read_url(session, FakeParams({"thema": "bouwjaar"}), state.DEFAULTS)
    assert session[state.K_THEMA] == "vestigingen"


def test_garbage_in_the_url_is_skipped():
    session = {}
    state.read_url(session, FakeParams({"cel": "veel", "van": "gisteren"}), state.DEFAULTS)
    assert session[state.K_CEL] == 250 and session[state.K_VAN] is None


def test_keep_valid():
    session = {"a": "x", "b": ["p", "q"], "c": None}
    state.keep_valid(session, "a", {"y"}, "y")
    state.keep_valid(session, "b", {"q"}, [])
    state.keep_valid(session, "c", {"y"}, None)
    assert session == {"a": "y", "b": ["q"], "c": None}


@pytest.mark.parametrize("text, ok", [("52.5,5.1,15", True), ("52.5,5.1", False),
                                      ("x,y,z", False), ("95,5,10", False)])
def test_zicht(text, ok):
    zicht = state.Zicht.parse(text)
    assert (zicht is not None) == ok
    if ok:
        assert state.Zicht.parse(zicht.text()) == zicht
