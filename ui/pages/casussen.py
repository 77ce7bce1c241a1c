"""Casussen: signals and cases along the werkproces (fase 1 signaal, 2 informatie, 3 uitvoering,
4 afronding). The overview lists only cases within the user's datarollen (filtered in the case
store, audited once per view); `?casus=<id>` opens one case; a coördinator or analist registers
a new signal; anyone can ask the hit/no-hit question."""

from __future__ import annotations

from datetime import date

import streamlit as st

from cases import access, fasen, workflow
from cases.model import Casus, CasusFout, Gebruiker, SignaalBron, Thema
from exports.dook_csv import to_csv
from ui import cases_data, theme
from ui.components.cases import detail as case_detail
from ui.components.cases import hit as case_hit
from ui.components.cases.links import CASUS_PARAM
from ui.format import datum, datumtijd, meervoud

GEEN_OPSLAG = "De casusregistratie is niet beschikbaar; zie de melding in de zijbalk."
GEEN_THEMAS = ("U heeft geen datarollen en ziet daarom geen casussen. Met de treffervraag kunt u wel "
               "nagaan of een adres of onderneming in een casus voorkomt.")
FASE_FILTERS = {
    "Lopend (fase 1 t/m 4, zonder archief)": tuple(s.value for s in fasen.lopend()),
    **{f.filter_label: tuple(s.value for s in fasen.statussen_in(f.nummer)) for f in fasen.FASEN},
    "Archief": tuple(s.value for s in fasen.archief()),
    "Alles": None,
}
ALLE_THEMAS = "Alle thema's"
EXPORT_KOLOMMEN = {"casusnummer": "Casusnummer", "thema": "Thema", "fase": "Fase", "status": "Status",
                   "titel": "Titel", "bron": "Bron", "signaaldatum": "Signaaldatum", "route": "Route",
                   "eigenaar": "Eigenaar", "aangemaakt_op": "Aangemaakt op",
                   "gewijzigd_op": "Gewijzigd op", "einddatum": "Einddatum"}


def render() -> None:
    theme.apply()
    st.header("Casussen", anchor=False)
    gebruiker = cases_data.user()
    if gebruiker is None:
        st.warning(GEEN_OPSLAG, icon=":material/warning:")
        return
    case_id = st.query_params.get(CASUS_PARAM)
    if case_id:
        case_detail.render(gebruiker, case_id)
        return
    cases_data.show_flash()
    names = ["Overzicht", "Nieuw signaal", "Treffervraag"] if _may_register(gebruiker) \
        else ["Overzicht", "Treffervraag"]
    tabs = dict(zip(names, st.tabs(names), strict=True))
    with tabs["Overzicht"]:
        _overview(gebruiker)
    if "Nieuw signaal" in tabs:
        with tabs["Nieuw signaal"]:
            _new_signal(gebruiker)
    with tabs["Treffervraag"]:
        st.markdown(case_hit.UITLEG)
        case_hit.render_form(gebruiker, "pagina")


def _may_register(gebruiker: Gebruiker) -> bool:
    return any(access.may_register(gebruiker, t) for t in gebruiker.datarollen)


# --- Overzicht ------------------------------------------------------------------------------------

def _overview(gebruiker: Gebruiker) -> None:
    if not gebruiker.datarollen:
        st.info(GEEN_THEMAS, icon=":material/info:")
        return
    thema, statussen, tekst = _filters(gebruiker)
    cases = _find(gebruiker, thema, statussen, tekst)
    _counts(cases)
    if not cases:
        st.info("Geen casussen gevonden met deze selectie binnen uw thema's.", icon=":material/info:")
        return
    _table(cases)
    st.download_button("Overzicht exporteren (CSV)", data=exporter(gebruiker, thema, statussen),
                       file_name=f"casussen-{date.today():%Y-%m-%d}.csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore",
                       help="Zonder omschrijvingen en notities. Elke export wordt vastgelegd.")
    from ui.components.cases import kerncluster as kerncluster_panel  # kept next to its one call

    kerncluster_panel.render(gebruiker, cases)


def _filters(gebruiker: Gebruiker) -> tuple[str | None, tuple[str, ...] | None, str]:
    themas = sorted(gebruiker.datarollen, key=lambda t: t.label)
    a, b, c = st.columns([1.2, 1.5, 2])
    keuze = a.selectbox("Thema", [ALLE_THEMAS, *[t.value for t in themas]], key="filter_thema",
                        format_func=lambda v: v if v == ALLE_THEMAS else Thema(v).label)
    fase = b.selectbox("Fase", list(FASE_FILTERS), key="filter_fase")
    tekst = c.text_input("Zoeken in titel, omschrijving en casusnummer", key="filter_tekst")
    return (None if keuze == ALLE_THEMAS else keuze), FASE_FILTERS[fase], tekst.strip()


def _find(gebruiker: Gebruiker, thema: str | None, statussen: tuple[str, ...] | None,
          tekst: str) -> list[Casus]:
    if not tekst:
        return cases_data.visible_cases(gebruiker, thema, statussen)
    key = ("search_signals", gebruiker.gebruikersnaam, tekst, thema, statussen)
    return cases_data.per_run(key, lambda: access.search_signals(
        cases_data.store(), gebruiker, tekst, thema=thema, statussen=statussen))


def _counts(cases: list[Casus]) -> None:
    per_fase = {f.nummer: sum(1 for c in cases if c.fase == f.nummer and not c.status.gearchiveerd)
                for f in fasen.FASEN}
    kolommen = st.columns(len(fasen.FASEN) + 1)
    for kolom, f in zip(kolommen, fasen.FASEN, strict=False):
        kolom.metric(f"Fase {f.nummer}: {f.naam}", per_fase[f.nummer])
    kolommen[-1].metric("Archief", sum(1 for c in cases if c.status.gearchiveerd))


def _table(cases: list[Casus]) -> None:
    rows = [{"Casusnummer": c.casusnummer, "Titel": c.titel, "Thema": c.thema.label,
             "Fase": c.status.kort, "Bron": c.bron.label, "Signaaldatum": datum(c.signaal_datum),
             "Eigenaar": c.eigenaar, "Laatst gewijzigd": datumtijd(c.gewijzigd_op)} for c in cases]
    st.caption(f"{meervoud(len(cases), 'casus', 'casussen')}. Klik op een rij om de casus te openen.")
    event = st.dataframe(rows, hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="single-row", key="casuslijst")
    selected = event.selection.rows if event else []
    if selected:
        st.query_params[CASUS_PARAM] = cases[selected[0]].id
        st.rerun()


def exporter(gebruiker: Gebruiker, thema: str | None, statussen: tuple[str, ...] | None):
    """The CSV, made only when the user clicks (cases.access.export_cases logs the export)."""
    store = cases_data.store()

    def make() -> bytes:
        rows = access.export_cases(store, gebruiker, thema=thema, statussen=statussen)
        return export_csv(rows)

    return make


def export_csv(rows: list[dict]) -> bytes:
    """Export rows as CSV for Dutch spreadsheets (';', UTF-8 with BOM, DD-MM-YYYY, no formulas)."""
    return to_csv(list(EXPORT_KOLOMMEN.values()), [[r.get(k) for k in EXPORT_KOLOMMEN] for r in rows])


# --- Nieuw signaal --------------------------------------------------------------------------------

def _new_signal(gebruiker: Gebruiker) -> None:
    themas = sorted((t for t in gebruiker.datarollen if access.may_register(gebruiker, t)),
                    key=lambda t: t.label)
    st.caption("Fase 1: leg het signaal vast zoals het binnenkwam. De weging (ondermijning? rol gemeente? "
               "eigen grondgebied? zwaarte) doet u daarna in de casus.")
    with st.form("nieuw_signaal"):
        st.text_input("Titel (kort, zonder namen)", key="sig_titel", max_chars=120)
        a, b, c = st.columns(3)
        a.selectbox("Thema", [t.value for t in themas], format_func=lambda v: Thema(v).label, key="sig_thema",
                    index=None, placeholder="Kies het thema")
        b.selectbox("Bron", [x.value for x in SignaalBron], format_func=lambda v: SignaalBron(v).label,
                    key="sig_bron")
        c.date_input("Datum van het signaal", value=date.today(), max_value=date.today(),
                     format="DD-MM-YYYY", key="sig_datum")
        st.text_input("Toelichting op de bron (optioneel)", key="sig_bron_toelichting",
                      placeholder="Bijvoorbeeld kenmerk van de melding, afdeling, BOA-rapport")
        st.text_area("Omschrijving van het signaal", key="sig_omschrijving", height=120)
        st.form_submit_button("Signaal registreren", type="primary", on_click=_register, args=(gebruiker,))


def _register(gebruiker: Gebruiker) -> None:
    keys = ("sig_titel", "sig_thema", "sig_bron", "sig_datum", "sig_bron_toelichting", "sig_omschrijving")
    titel, thema, bron, signaal_datum, toelichting, omschrijving = (st.session_state.get(k) for k in keys)
    if not thema:
        cases_data.flash("error", "Kies het thema van het signaal.")
        return
    try:
        casus = workflow.register_signal(cases_data.store(), gebruiker, thema=thema, bron=bron,
                                         signaal_datum=signaal_datum, omschrijving=omschrijving,
                                         titel=titel, bron_toelichting=toelichting)
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    for key in ("sig_titel", "sig_bron_toelichting", "sig_omschrijving"):
        st.session_state.pop(key, None)
    cases_data.flash("success", f"Signaal geregistreerd als casus {casus.casusnummer} (fase 1). "
                                "Leg nu de weging vast.")
    st.query_params[CASUS_PARAM] = casus.id
