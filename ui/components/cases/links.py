"""Links between the case pages and the map, carried in URL query parameters.

The Kaart page opens an object from `?<object_type>=<id>` (pand, adres, vestiging,
maatschappelijke_activiteit, buurt, wijk); the Casussen page opens a case from `?casus=<id>`.
Page objects are rebuilt here with the url_path app.py registers (a page's identity is its
url_path), so this module needs no import of the pages themselves.
"""

from __future__ import annotations

import streamlit as st

from cases.model import Casus, ObjectType
from ui.text import md_escape

KAART = "kaart"
CASUSSEN = "casussen"
CASUS_PARAM = "casus"
ON_MAP = frozenset({ObjectType.PAND, ObjectType.ADRES, ObjectType.VESTIGING,
                    ObjectType.MAATSCHAPPELIJKE_ACTIVITEIT, ObjectType.BUURT, ObjectType.WIJK})
OBJECT_LABELS = {
    ObjectType.PAND: "Pand",
    ObjectType.ADRES: "Adres (verblijfsobject)",
    ObjectType.VESTIGING: "Vestiging",
    ObjectType.MAATSCHAPPELIJKE_ACTIVITEIT: "Onderneming (KVK-nummer)",
    ObjectType.BUURT: "Buurt",
    ObjectType.WIJK: "Wijk",
    ObjectType.OVERIGE: "Overig",
}


def _page(url_path: str, title: str, default: bool = False) -> st.Page:
    return st.Page(_placeholder, title=title, url_path=url_path, default=default)


def _placeholder() -> None:  # never run: st.navigation runs the registered page of this url_path
    return None


def kaart_params(object_type: ObjectType | str, object_id: str) -> dict[str, str]:
    return {ObjectType(object_type).value: str(object_id)}


def kaart_link(object_type: ObjectType | str, object_id: str, label: str = "Op de kaart") -> None:
    """A link that opens the object on the Kaart page (nothing for type 'overige')."""
    if ObjectType(object_type) in ON_MAP:
        # Kaart is the default page: its address is the root, so a link opened in a new tab works too.
        st.page_link(_page(KAART, "Kaart", default=True), label=label, icon=":material/map:",
                     query_params=kaart_params(object_type, object_id))


def casus_link(casus: Casus, via: str = "") -> None:
    """The case number and title as a link to the case; its theme and phase (and `via`) under it."""
    st.page_link(_page(CASUSSEN, "Casussen"), label=md_escape(f"{casus.casusnummer} · {casus.titel}"),
                 icon=":material/folder_open:", query_params={CASUS_PARAM: casus.id},
                 help=f"{casus.thema.label} · {casus.status.label}")
    st.caption(md_escape(" · ".join(x for x in (casus.thema.label, casus.status.label, via) if x)))
