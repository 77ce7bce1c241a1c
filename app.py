"""Zicht: BAG en KVK op één kaart. Entry point for `streamlit run app.py`; no logic here."""

import streamlit as st

from ui import auth
from ui.pages import beheer, casussen, kaart

st.set_page_config(page_title="Zicht", layout="wide")
auth.gate()  # shows only the login screen (and stops) until someone is logged in
pagina = st.navigation([
    st.Page(kaart.render, title="Kaart", url_path="kaart", default=True),
    st.Page("ui/pages/signalen.py", title="Signalen", url_path="signalen"),
    st.Page("ui/pages/inventarisatie.py", title="Inventarisatie", url_path="inventarisatie"),
    st.Page("ui/pages/bedrijventerreinen.py", title="Bedrijventerreinen", url_path="bedrijventerreinen"),
    st.Page("ui/pages/veranderingen.py", title="Veranderingen", url_path="veranderingen"),
    st.Page(casussen.render, title="Casussen", url_path="casussen"),
    st.Page("ui/pages/gegevens.py", title="Gegevens", url_path="gegevens"),
    st.Page(beheer.render, title="Beheer", url_path="beheer"),
])
pagina.run()
