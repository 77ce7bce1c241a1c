"""Zicht: BAG en KVK op één kaart. Entry point for `streamlit run app.py`; no logic here."""

import streamlit as st

from ui import auth, navigatie, theme

st.set_page_config(page_title="Zicht", layout="wide")
theme.apply()  # on every page, the login screen too (readable contrast)
auth.gate()  # shows only the login screen (and stops) until someone is logged in
pagina = navigatie.pagina()
pagina.run()
