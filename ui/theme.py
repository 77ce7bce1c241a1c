"""Page-wide look that Streamlit's theme options do not cover."""

from __future__ import annotations

import streamlit as st

# Streamlit leaves ~6rem above the first element for a toolbar that is minimal here; on a
# projector that space is better spent on the map. Targets Streamlit's stable test ids.
_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; padding-bottom: 2rem; }
[data-testid="stSidebarUserContent"] { padding-top: 0.5rem; }
</style>"""


def apply() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)
