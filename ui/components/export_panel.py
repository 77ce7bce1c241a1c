"""Kaartbeeld en export, below the map: the current view (or the whole gemeente) as a PNG or
PDF snapshot, a GeoPackage for QGIS (EPSG:28992) or an interactive HTML map.

Nothing is made on a rerun: each file is made only after its "Maak …" button, then offered for
download. Every file made is logged (cases_data.log_export), and so is switching the privacy
switch off. With the switch on (the default) no names or addresses leave the server.
"""

from __future__ import annotations

import hashlib
from datetime import date

import streamlit as st

from exports.gpkg import GPKG_LAYERS, gpkg_bytes
from exports.html import html_map
from exports.mapshot.render import DEFAULT_MARK, MapView, SnapshotOptions, whole_municipality
from exports.mapshot.render import render as kaartbeeld_render
from exports.mapshot.view import DEFAULT_LAYERS
from ui import data
from ui import kaartrechten as rechten
from ui.components.overzicht import beschrijving
from ui.text import md_escape

K_TITEL, K_PAPIER, K_PRIVACY = "export_titel", "export_papier", "export_privacy"
BESTANDEN = "_export_bestanden"  # {"sleutel": …, soort: bytes|str}, only for the current settings
ONBEKEND = "onbekend (niet ingelogd)"
PRIVACY_LAGEN = ("pand", "gebied")  # GeoPackage without names and addresses
PRIVACY_WAARSCHUWING = (
    "Let op: de export bevat nu namen en adressen van ondernemingen. Deel het bestand alleen met "
    "deelnemers van het KernCluster. Dat de privacyschakelaar uit staat, is vastgelegd.")
SOORTEN = {  # soort: (knop, downloadlabel, extensie, mime)
    "png": ("Maak PNG", "PNG downloaden", "png", "image/png"),
    "pdf": ("Maak PDF", "PDF downloaden", "pdf", "application/pdf"),
    "gpkg": ("Maak GeoPackage", "GeoPackage downloaden", "gpkg", "application/geopackage+sqlite3"),
    "html": ("Maak HTML-kaart", "HTML-kaart downloaden", "html", "text/html"),
}


def render(ctx, config=None) -> None:
    """The expander with the export settings and buttons (`ctx`: the Kaart page's Context)."""
    with st.expander("Kaartbeeld en export", expanded=False, icon=":material/print:"):
        _paneel(ctx, config)


def _paneel(ctx, config) -> None:
    meta = data.meta(ctx.snapshot)
    gemeente = meta.get("gemeentenaam") or "gemeente"
    titel_kolom, papier_kolom = st.columns([3, 1])
    titel = titel_kolom.text_input("Titel", value=f"Kaartbeeld {gemeente}", key=K_TITEL,
                                   max_chars=120).strip() or f"Kaartbeeld {gemeente}"
    papier = papier_kolom.radio("Papier", ["A4", "A3"], horizontal=True, key=K_PAPIER)
    privacy = st.toggle("Zonder namen en adressen", value=True, key=K_PRIVACY,
                        on_change=_privacy_gewijzigd)
    if not privacy:
        st.warning(PRIVACY_WAARSCHUWING, icon=":material/warning:")
    auteur = gebruiker_naam()
    basemap, achtergrond = _achtergrond(ctx, config)
    selectie = beschrijving(ctx.filt, ctx.branches)
    bereik = "het kaartbeeld zoals nu getoond" if ctx.view is not None else "de hele gemeente"
    st.caption(md_escape(f"Bereik: {bereik}; {achtergrond}. Selectie: {selectie}. "
                         f"Gemaakt door {auteur}."))
    opties = SnapshotOptions(title=titel, paper=papier, basemap=basemap, privacy=privacy,
                             author=auteur, mark=DEFAULT_MARK)
    sleutel = _sleutel(ctx, opties, selectie)
    bestanden = st.session_state.get(BESTANDEN)
    if not isinstance(bestanden, dict) or bestanden.get("sleutel") != sleutel:
        bestanden = {"sleutel": sleutel}
        st.session_state[BESTANDEN] = bestanden
    naam = f"zicht-kaartbeeld-{meta.get('peildatum') or date.today().isoformat()}"
    for kolom, soort in zip(st.columns(len(SOORTEN)), SOORTEN, strict=True):
        knop, label, extensie, mime = SOORTEN[soort]
        with kolom:
            if st.button(knop, key=f"export_maak_{soort}", width="stretch"):
                with st.spinner("Het bestand wordt gemaakt…"):
                    _maak(ctx, soort, opties, selectie, bereik, bestanden)
            if soort in bestanden:
                st.download_button(label, data=bestanden[soort], file_name=f"{naam}.{extensie}",
                                   mime=mime, key=f"export_download_{soort}", on_click="ignore",
                                   icon=":material/download:", width="stretch")
    st.caption("De GeoPackage is in RD New (EPSG:28992)"
               + (", zonder vestigingen en adressen (alleen panden en gebieden)." if privacy
                  else ", met panden, adressen, vestigingen, gebieden en signalen.")
               + " De HTML-kaart werkt zonder internet en zonder achtergrondkaart.")


def _maak(ctx, soort: str, opties: SnapshotOptions, selectie: str, bereik: str,
          bestanden: dict) -> None:
    """Make one file; it is offered only once its audit line is written."""
    nieuw = {}
    with data.cursor(ctx.snapshot) as con:
        view = kaartbeeld(con, ctx, selectie)
        if soort in ("png", "pdf"):
            nieuw["png"], nieuw["pdf"] = kaartbeeld_render(con, view, opties)
        elif soort == "gpkg":
            lagen = PRIVACY_LAGEN if opties.privacy else GPKG_LAYERS
            nieuw["gpkg"] = gpkg_bytes(con, layers=lagen, selection=view,
                                       gebruiker=opties.author, mark=opties.mark)
        else:
            nieuw["html"] = html_map(con, view, opties).encode("utf-8")
    if log_export(f"kaart {SOORTEN[soort][2].upper()}", titel=opties.title, papier=opties.paper,
               privacy="aan" if opties.privacy else "uit", bereik=bereik, selectie=selectie,
               grenzen=[round(v, 1) for v in view.rd_box()]):
        bestanden.update(nieuw)


def kaartbeeld(con, ctx, selectie: str) -> MapView:
    """The MapView of what the analyst sees: the map's bounds (else the whole gemeente), the
    map's selection itself (so the export reads it through the same SQL and colours it the same
    way), the signal shown, and the selection in words."""
    filt = ctx.filt
    velden = {"layers": DEFAULT_LAYERS, "groepen": tuple(filt.groepen), "selectie": filt,
              "filters": (f"Selectie: {selectie}",)}
    keuze = getattr(ctx, "keuze", None)
    if keuze is not None and keuze.thema == "signalen" and keuze.signaal:
        velden["layers"] = (*DEFAULT_LAYERS, "indicatoren")
        velden["indicatoren"] = (keuze.signaal,)
    v = ctx.view
    if v is None:
        return whole_municipality(con, **velden)
    return MapView(bounds=(v.west, v.south, v.east, v.north), bounds_crs="EPSG:4326", **velden)


def _achtergrond(ctx, config) -> tuple[str | None, str]:
    """The tile URL of the base map the analyst has on, when the kaart config enables one."""
    keuze = getattr(ctx, "keuze", None)
    if config is None or keuze is None or keuze.achtergrond == "geen":
        return None, "zonder achtergrondkaart"
    a = config.achtergrond(keuze.achtergrond)
    if a is None:
        return None, "zonder achtergrondkaart"
    return a.url, f"achtergrondkaart {a.naam} (alleen in PNG en PDF)"


def _sleutel(ctx, opties: SnapshotOptions, selectie: str) -> str:
    v = ctx.view
    delen = [ctx.snapshot, repr(rechten.actief()), repr(opties), selectie,  # rights: a file made before
             # a change of map rights is not offered after it
             repr((v.west, v.south, v.east, v.north)) if v is not None else "gemeente",
             repr(getattr(ctx, "keuze", None))]
    return hashlib.sha256("\n".join(delen).encode("utf-8")).hexdigest()


def _privacy_gewijzigd() -> None:
    aan = bool(st.session_state.get(K_PRIVACY, True))
    log_export("privacy uit" if not aan else "privacy aan", onderdeel="kaartexport",
               privacy="aan" if aan else "uit")


def gebruiker_naam() -> str:
    """The logged-in user's display name, for 'gemaakt door' (never fails an export)."""
    try:
        from ui import cases_data

        gebruiker = cases_data.user()
    except Exception:  # the case register is optional for the map
        gebruiker = None
    return getattr(gebruiker, "weergavenaam", None) or ONBEKEND


def log_export(what: str, **details) -> bool:
    """cases_data.log_export; False (and a message) when the audit line could not be written,
    in which case the file is not offered."""
    try:
        from ui import cases_data

        cases_data.log_export(what, **details)
    except Exception as exc:  # the case register is optional for the map; say why, stop here
        st.error(md_escape(f"De export kon niet in het auditlog worden vastgelegd en wordt "
                           f"daarom niet aangeboden: {exc}"), icon=":material/error:")
        return False
    return True
