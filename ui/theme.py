"""Page-wide look that Streamlit's theme options do not cover."""

from __future__ import annotations

import streamlit as st

# Streamlit leaves ~6rem above the first element for a toolbar that is minimal here; on a
# projector that space is better spent on the map. Headline figures a little smaller, so five of
# them fit beside the gemeente's name on a 1280-pixel projector. The file uploader's English
# "200MB per file • CSV" (fixed in Streamlit's frontend) is hidden; each uploader says its limit and
# file types in Dutch below it (ui.components.upload.form). Captions in a grey dark enough for
# WCAG 2.1 AA (4.5:1 on white and on the sidebar; Streamlit fades its own to 3.8:1). Targets
# Streamlit's test ids.
_CSS = """<style>
.stApp [data-testid="stCaptionContainer"] { color: #5e5d5c; opacity: 1; }
[data-testid="stMainBlockContainer"] { padding-top: 1.5rem; padding-bottom: 2rem; }
[data-testid="stSidebarUserContent"] { padding-top: 0.5rem; }
[data-testid="stMetricValue"] { font-size: 1.85rem; }
[data-testid="stMain"] [data-testid="stAlertContainer"] { padding-top: 0.6rem; padding-bottom: 0.6rem; }
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
[data-testid="stLayoutWrapper"]:has(> .st-key-zicht_nederlands) { display: none; }
</style>"""


def apply() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)
