"""Zicht: BAG en KVK op één kaart. Entry point for `streamlit run app.py`; no logic here."""

import streamlit as st

from ui import auth
from ui.pages import beheer, casussen, kaart

st.set_page_config(page_title="Zicht", layout="wide")
auth.gate()  # shows only the login screen (and stops) until someone is logged in
pagina = st.navigation([
    st.Page(kaart.render, title="Kaart", url_path="kaart", default=True),
    st.Page(casussen.render, title="Casussen", url_path="casussen"),
    st.Page("ui/pages/gegevens.py", title="Gegevens", url_path="gegevens"),
    st.Page(beheer.render, title="Beheer", url_path="beheer"),
])
pagina.run()
