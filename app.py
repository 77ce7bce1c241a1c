"""Zicht: BAG en KVK op één kaart. Entry point for `streamlit run app.py`; no logic here."""

import streamlit as st

from ui.pages import kaart

st.set_page_config(page_title="Zicht", layout="wide")
pagina = st.navigation([st.Page(kaart.render, title="Kaart", url_path="kaart", default=True)])
pagina.run()
