"""One case (dossier) on the Casussen page: where it stands in the werkproces, what was recorded
by whom and when, its linked objects with links to the map, and (for those who may edit) the
forms of case_actions. Opened by `?casus=<id>`; a case the user may not see is reported exactly
like a case that does not exist."""

from __future__ import annotations

import streamlit as st

from cases import access, fasen, workflow
from cases.model import Casus, Dossier, Gebruiker, NietGevonden, Route, Status
from ui import cases_data
from ui.components.cases import actions as case_actions
from ui.components.cases import objects as case_objects
from ui.components.cases.links import CASUS_PARAM
from ui.format import LEEG, datum, datumtijd
from ui.text import LONG_CHARS, md_escape, plain

ROUTE_LABELS = {
    Route.NIET_OPGEPAKT: "niet opgepakt",
    Route.MONODISCIPLINAIR: "monodisciplinair (eenvoudig)",
    Route.GEMEENTE_REGIE: "gemeente regie (gecompliceerd)",
    Route.RIEC_REGIE: "RIEC regie (complex)",
}
ACTIE_LABELS = {
    "registreren": "Signaal geregistreerd", "wegen": "Weging vastgelegd",
    "signaal_wijzigen": "Signaal gecorrigeerd", "plan_van_aanpak": "Plan van aanpak vastgelegd",
    "bron_geraadpleegd": "Geraadpleegde bron vastgelegd", "interventie": "Interventie vastgelegd",
    "notitie": "Notitie toegevoegd", "object_koppelen": "Object gekoppeld",
    "object_ontkoppelen": "Object ontkoppeld",
} | {o.actie: o.label for o in workflow.TRANSITIONS.values() if not o.via_weging}
LEESRECHTEN = "U heeft leesrechten voor deze casus (kernteamlid); wijzigen kan niet."
GEARCHIVEERD = ("Deze casus is administratief afgerond en staat in het archief: alleen lezen. Binnen de "
                "bewaartermijn kan de coördinator hem heropenen.")


def render(gebruiker: Gebruiker, case_id: str) -> None:
    if st.button("Terug naar het overzicht", icon=":material/arrow_back:", key="terug"):
        st.query_params.pop(CASUS_PARAM, None)
        st.rerun()
    try:
        dossier = access.case_file(cases_data.store(), gebruiker, case_id)
    except NietGevonden as exc:
        st.error(f"{md_escape(exc)} Controleer de link; een casus buiten uw thema's kunt u niet openen.",
                 icon=":material/search_off:")
        return
    casus = dossier.casus
    editable = access.may_edit(gebruiker, casus) and not casus.status.gearchiveerd
    _header(casus)
    cases_data.show_flash()
    _notice(gebruiker, casus)
    confirming = case_actions.pending_step(gebruiker, casus)  # set by a step button; the core decides
    if access.may_edit(gebruiker, casus) and not confirming:
        case_actions.step_buttons(gebruiker, casus)
    _tabs(gebruiker, dossier, editable)


def _header(casus: Casus) -> None:
    st.subheader(md_escape(f"{casus.casusnummer} · {casus.titel}"), anchor=False)
    st.markdown(f"{_phase_bar(casus)}  \n**Thema** {md_escape(casus.thema.label)} · **Status** "
                f"{md_escape(casus.status.label)} · **Versie** {casus.versie}")
    st.caption(md_escape(f"Eigenaar {casus.eigenaar} · geregistreerd {datumtijd(casus.aangemaakt_op)} door "
                         f"{casus.aangemaakt_door} · laatst gewijzigd {datumtijd(casus.gewijzigd_op)} "
                         f"door {casus.gewijzigd_door}"))


def _phase_bar(casus: Casus) -> str:
    parts = [f":blue-background[**Fase {f.nummer}: {f.naam}**]" if f.nummer == casus.fase
             else f"Fase {f.nummer}: {f.naam}" for f in fasen.FASEN]
    return " → ".join(parts)


def _notice(gebruiker: Gebruiker, casus: Casus) -> None:
    if casus.status.gearchiveerd:
        st.info(GEARCHIVEERD, icon=":material/inventory_2:")
    elif not access.may_edit(gebruiker, casus):
        st.info(LEESRECHTEN, icon=":material/visibility:")


def _tabs(gebruiker: Gebruiker, dossier: Dossier, editable: bool) -> None:
    casus = dossier.casus
    names = ["Signaal en weging", f"Beeldvorming en plan ({len(dossier.bronraadplegingen)})",
             f"Interventies ({len(dossier.interventies)})", "Afronding",
             f"Objecten ({len(dossier.koppelingen)})", f"Notities ({len(dossier.notities)})", "Geschiedenis"]
    tabs = st.tabs(names, default=names[casus.fase - 1])  # the tab of the phase the case is in
    with tabs[0]:
        _signal(casus)
        if editable and casus.status is Status.SIGNAAL:
            case_actions.weging_form(gebruiker, casus)
    with tabs[1]:
        _information(dossier, gebruiker, editable)
    with tabs[2]:
        _interventions(dossier)
        if editable and fasen.STATUSSEN[casus.status].interventies:
            case_actions.intervention_form(gebruiker, casus)
        elif editable:
            st.caption("Interventies legt u vast in fase 3 (uitvoering), na het plan van aanpak.")
    with tabs[3]:
        _closing(casus)
    with tabs[4]:
        case_objects.render(gebruiker, dossier, editable)
    with tabs[5]:
        _notes(dossier)
        if editable:
            case_actions.note_form(gebruiker, casus)
    with tabs[6]:
        _history(dossier)


def _signal(casus: Casus) -> None:
    st.markdown(f"**Bron** {md_escape(casus.bron.label)}"
                + (f" ({md_escape(casus.bron_toelichting)})" if casus.bron_toelichting else "")
                + f" · **Signaaldatum** {datum(casus.signaal_datum)}")
    st.markdown("**Omschrijving**")
    st.text(plain(casus.omschrijving, LONG_CHARS, lines=True))
    if casus.weging is None:
        st.caption("Nog niet gewogen.")
        return
    w = casus.weging
    answers = [("Ondermijning", w.is_ondermijning), ("Rol gemeente", w.rol_gemeente),
               ("Eigen grondgebied", w.eigen_grondgebied)]
    line = " · ".join(f"{label}: {'ja' if ok else 'nee'}" for label, ok in answers)
    zwaarte = f" · Zwaarte: {w.zwaarte}" if w.zwaarte else ""
    route = f" → **{ROUTE_LABELS[casus.route]}**" if casus.route else ""
    st.markdown(f"**Weging** {line}{zwaarte}{route}")
    if w.toelichting:
        st.caption(f"Toelichting: {md_escape(w.toelichting, LONG_CHARS)}")


def _information(dossier: Dossier, gebruiker: Gebruiker, editable: bool) -> None:
    rows = [{"Bron": b.bron, "Toelichting": b.toelichting, "Geraadpleegd op": datum(b.geraadpleegd_op),
             "Door": b.geraadpleegd_door or b.vastgelegd_door,
             "Vastgelegd": f"{datumtijd(b.vastgelegd_op)} door {b.vastgelegd_door}"}
            for b in dossier.bronraadplegingen]
    st.markdown("##### Beeldvorming: geraadpleegde bronnen")
    _table(rows, "Nog geen bronnen vastgelegd.")
    if editable:
        case_actions.source_form(gebruiker, dossier.casus)
    if editable and dossier.casus.status is not Status.SIGNAAL:
        case_actions.plan_form(gebruiker, dossier.casus)
    else:
        st.markdown("##### Plan van aanpak")
        _plan(dossier.casus)
    _plan_saved(dossier)
    if editable and dossier.casus.status is Status.SIGNAAL:
        st.caption("Het plan van aanpak volgt in fase 2, na de weging van het signaal.")


def _plan(casus: Casus) -> None:
    plan = casus.plan
    for label, text in (("Hypothese", plan.hypothese), ("Doel", plan.doel), ("Strategie", plan.strategie),
                        ("Interventieplan", plan.interventieplan)):
        st.markdown(f"**{label}** {md_escape(text, LONG_CHARS, lines=True) if text else LEEG}")


def _plan_saved(dossier: Dossier) -> None:
    last = [g for g in dossier.geschiedenis if g.actie == "plan_van_aanpak"]
    if last:
        st.caption(md_escape(f"Laatst vastgelegd {datumtijd(last[-1].tijd)} door {last[-1].gebruiker}"))


def _interventions(dossier: Dossier) -> None:
    rows = [{"Datum": datum(i.datum), "Soort": i.soort, "Door": i.partij, "Omschrijving": i.omschrijving,
             "Resultaat": i.resultaat or LEEG,
             "Vastgelegd": f"{datumtijd(i.vastgelegd_op)} door {i.vastgelegd_door}"}
            for i in dossier.interventies]
    _table(rows, "Nog geen interventies vastgelegd.")


def _closing(casus: Casus) -> None:
    facts = [("Besluit", casus.besluit), ("Monitoren tot", datum(casus.monitoring_tot) if casus.monitoring_tot
                                          else None),
             ("Einddatum", datum(casus.einddatum) if casus.einddatum else None),
             ("Bewaartermijn", f"{casus.bewaartermijn_jaren} jaar" if casus.bewaartermijn_jaren else None),
             ("Wordt vernietigd op", datum(casus.vernietigen_op) if casus.vernietigen_op else None)]
    for label, value in facts:
        st.markdown(f"**{label}** {md_escape(value, LONG_CHARS, lines=True) if value else LEEG}")
    st.caption("Afronding is fase 4: besluit in het kernteam, eventueel monitoring, dan administratieve "
               "afronding met einddatum en bewaartermijn; daarna wordt de casus vernietigd.")


def _notes(dossier: Dossier) -> None:
    if not dossier.notities:
        st.caption("Nog geen notities.")
    for n in dossier.notities:
        st.caption(md_escape(f"{datumtijd(n.aangemaakt_op)} · {n.aangemaakt_door}"))
        st.text(plain(n.tekst, LONG_CHARS, lines=True))


def _history(dossier: Dossier) -> None:
    rows = [{"Versie": g.versie, "Wanneer": datumtijd(g.tijd), "Wie": g.gebruiker,
             "Wat": ACTIE_LABELS.get(g.actie, g.actie),
             "Fase": " → ".join(Status(x).kort for x in (g.van_status, g.naar_status) if x),
             "Toelichting": g.toelichting or ""}
            for g in reversed(dossier.geschiedenis)]
    _table(rows, "Geen geschiedenis.")


def _table(rows: list[dict], empty: str) -> None:
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")
    else:
        st.caption(empty)
