"""Zicht: BAG en KVK op één kaart. Entry point for `streamlit run app.py`; no logic here."""

import streamlit as st

from ui import auth, navigatie, nederlands, theme

st.set_page_config(page_title="Zicht", layout="wide")
theme.apply()  # on every page, the login screen too (readable contrast)
nederlands.apply()  # Streamlit's own English texts in Dutch, on every page
auth.gate()  # shows only the login screen (and stops) until someone is logged in
pagina = navigatie.pagina()
pagina.run()
