"""ui.kaartrechten.per_rechten: the snapshot caches are shared by all sessions, so the map rights
must key them; two users with other rights never get each other's cached answer."""

from __future__ import annotations

import streamlit as st

from geo.kaartrechten import Kaartrechten
from ui.kaartrechten import actief, met, per_rechten

BEAUTY = Kaartrechten.van(groepen=["beauty"])
calls: list[tuple] = []


@per_rechten(st.cache_data(show_spinner=False))
def eerste(x: int) -> tuple:
    calls.append(("eerste", x, actief()))
    return ("eerste", x, actief())


@per_rechten(st.cache_data(show_spinner=False))
def tweede(x: int) -> tuple:
    calls.append(("tweede", x, actief()))
    return ("tweede", x, actief())


def test_rights_are_part_of_the_key_and_reach_the_body():
    calls.clear()
    assert met(None, lambda: eerste(1)) == ("eerste", 1, None)
    assert met(BEAUTY, lambda: eerste(1)) == ("eerste", 1, BEAUTY)
    assert met(BEAUTY, lambda: eerste(1)) == ("eerste", 1, BEAUTY)  # cached
    assert met(None, lambda: eerste(1)) == ("eerste", 1, None)  # cached, not BEAUTY's answer
    assert calls == [("eerste", 1, None), ("eerste", 1, BEAUTY)]


def test_each_wrapped_function_has_its_own_cache():
    calls.clear()
    assert met(BEAUTY, lambda: eerste(2)) == ("eerste", 2, BEAUTY)
    assert met(BEAUTY, lambda: tweede(2)) == ("tweede", 2, BEAUTY)
    assert [c[0] for c in calls] == ["eerste", "tweede"]
