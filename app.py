"""Zicht: BAG en KVK op één kaart. Entry point for `streamlit run app.py`; no logic here."""

import streamlit as st

from ui import auth, navigatie

st.set_page_config(page_title="Zicht", layout="wide")
auth.gate()  # shows only the login screen (and stops) until someone is logged in
pagina = navigatie.pagina()
pagina.run()
