"""The pages of the app and what an address that is no page shows.

Streamlit serves the default page at the root and answers any other unknown path with its own
English "Page not found" dialog. So the Kaart is also registered, hidden, under /kaart (the
address people type and the case pages link to), and an unknown simple path gets a hidden Dutch
page saying it does not exist, with a way back, instead of the English dialog. A path with
characters a url_path cannot hold still meets Streamlit's dialog (its text lives in the
frontend bundle).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import streamlit as st

from ui.pages import beheer, casussen, kaart

KAART = "kaart"
PAD_RE = re.compile(r"^[a-z0-9_-]{1,60}$")
NIET_GEVONDEN = "Deze pagina bestaat niet in Zicht"


def pagina() -> st.Page:
    """The page to run for this request (st.navigation with Zicht's pages)."""
    pages = [
        st.Page(kaart.render, title="Kaart", url_path="start", default=True),
        st.Page("ui/pages/signalen.py", title="Signalen", url_path="signalen"),
        st.Page("ui/pages/inventarisatie.py", title="Inventarisatie", url_path="inventarisatie"),
        st.Page("ui/pages/bedrijventerreinen.py", title="Bedrijventerreinen", url_path="bedrijventerreinen"),
        st.Page("ui/pages/veranderingen.py", title="Veranderingen", url_path="veranderingen"),
        st.Page(casussen.render, title="Casussen", url_path="casussen"),
        st.Page("ui/pages/gegevens.py", title="Gegevens", url_path="gegevens"),
        st.Page(beheer.render, title="Beheer", url_path="beheer"),
        st.Page(kaart.render, title="Kaart", url_path=KAART, visibility="hidden"),
    ]
    bekend = {p.url_path for p in pages} | {"start", ""}
    pad = gevraagd_pad()
    if pad and pad not in bekend and PAD_RE.fullmatch(pad):
        pages.append(st.Page(niet_gevonden, title="Niet gevonden", url_path=pad, visibility="hidden"))
    return st.navigation(pages)


def gevraagd_pad() -> str:
    """The path the browser asked for ('' for the root), from the URL of this session."""
    try:
        url = st.context.url or ""
    except Exception:  # no browser session (bare mode, AppTest): nothing was asked for
        return ""
    return urlparse(url).path.strip("/").split("/")[-1].lower()


def niet_gevonden() -> None:
    st.header(NIET_GEVONDEN, anchor=False)
    st.info("Het adres in de adresbalk hoort niet bij een pagina van Zicht. Kies een pagina in het menu "
            "links, of ga naar de kaart.", icon=":material/search_off:")
    st.page_link(st.Page(kaart.render, title="Kaart", url_path=KAART), label="Naar de kaart",
                 icon=":material/map:")
