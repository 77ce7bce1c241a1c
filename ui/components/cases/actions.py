"""Everything that changes a case, as forms whose callbacks call cases.workflow.

Every callback gets the case version the user SAW when the form was drawn (bound as an argument
at render time), so a change someone else made in between is a VersieConflict with the Dutch
message from the core, never a silent overwrite. The core re-reads the user and the case for
every change: a button that should not have been there still gains nothing.

Phase steps: one button per transition that cases.workflow.allowed_transitions offers (those
that follow from the weging are taken by the weging form), then a confirmation with what the
step needs (besluit, monitoring date, einddatum).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import streamlit as st

from cases import retention, workflow
from cases.model import (
    Casus,
    CasusFout,
    Gebruiker,
    PlanVanAanpak,
    Rol,
    Weging,
    Zwaarte,
)
from ui import cases_data
from ui.format import datum
from ui.text import md_escape

PENDING = "zicht_stap"
ZWAARTE_LABELS = {
    Zwaarte.EENVOUDIG: "Eenvoudig → monodisciplinair oppakken",
    Zwaarte.GECOMPLICEERD: "Gecompliceerd → gemeente regie (fase 2)",
    Zwaarte.COMPLEX: "Complex → voorleggen aan het RIEC",
}
VRAGEN = (("is_ondermijning", "Betreft het ondermijning?"),
          ("rol_gemeente", "Is er een rol voor de gemeente?"),
          ("eigen_grondgebied", "Speelt het zich af op ons eigen grondgebied?"))
BESLUIT_ACTIES = frozenset({"afronden", "niet_oppakken"})


def _do(success: str, change: Callable[[], Casus], clear: tuple[str, ...] = ()) -> None:
    """Run one change; leave a Dutch message for the next run; clear the form after success."""
    try:
        casus = change()
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    for key in clear:
        st.session_state.pop(key, None)
    cases_data.flash("success", success.format(nr=casus.casusnummer))


def _value(key: str):
    return st.session_state.get(key)


# --- Fase 1: weging -------------------------------------------------------------------------------

def weging_form(gebruiker: Gebruiker, casus: Casus) -> None:
    st.markdown("##### Weging van het signaal")
    st.caption("Bij drie keer ja bepaalt de zwaarte de route. Eén keer nee: het signaal wordt niet "
               "opgepakt (met de reden in de geschiedenis).")
    with st.form(f"weging_{casus.id}"):
        for veld, vraag in VRAGEN:
            st.radio(vraag, ["ja", "nee"], index=None, horizontal=True, key=f"weging_{veld}_{casus.id}")
        st.radio("Zwaarte", list(ZWAARTE_LABELS), format_func=ZWAARTE_LABELS.get, index=None,
                 key=f"weging_zwaarte_{casus.id}")
        st.text_area("Toelichting op de weging", key=f"weging_toelichting_{casus.id}", height=80)
        st.form_submit_button("Weging vastleggen", type="primary", on_click=_weigh,
                              args=(gebruiker, casus.id, casus.versie))


def _weigh(gebruiker: Gebruiker, case_id: str, versie: int) -> None:
    answers = {veld: _value(f"weging_{veld}_{case_id}") for veld, _ in VRAGEN}
    if None in answers.values():
        cases_data.flash("error", "Beantwoord alle drie de vragen van de weging met ja of nee.")
        return
    weging = Weging(**{k: v == "ja" for k, v in answers.items()}, zwaarte=_value(f"weging_zwaarte_{case_id}"),
                    toelichting=_value(f"weging_toelichting_{case_id}") or "")
    keys = tuple(f"weging_{v}_{case_id}" for v in (*(v for v, _ in VRAGEN), "zwaarte", "toelichting"))
    _do("Weging vastgelegd; casus {nr} volgt de route die eruit volgt.",
        lambda: workflow.weigh_signal(cases_data.store(), gebruiker, case_id, versie, weging), keys)


# --- Fase 2: beeldvorming en plan van aanpak -----------------------------------------------------

def source_form(gebruiker: Gebruiker, casus: Casus) -> None:
    with st.form(f"bron_{casus.id}"):
        st.markdown("##### Geraadpleegde bron vastleggen")
        links, rechts = st.columns([2, 1])
        links.text_input("Bron", key=f"bron_naam_{casus.id}",
                         placeholder="Bijvoorbeeld BRP, Omgevingsloket, politie")
        rechts.date_input("Geraadpleegd op", value=date.today(), max_value=date.today(),
                          format="DD-MM-YYYY", key=f"bron_datum_{casus.id}")
        st.text_area("Wat is geraadpleegd en waarom", key=f"bron_toelichting_{casus.id}", height=80)
        st.form_submit_button("Bron vastleggen", on_click=_add_source,
                              args=(gebruiker, casus.id, casus.versie))


def _add_source(gebruiker: Gebruiker, case_id: str, versie: int) -> None:
    _do("Geraadpleegde bron vastgelegd bij casus {nr}.",
        lambda: workflow.record_consulted_source(
            cases_data.store(), gebruiker, case_id, versie, _value(f"bron_naam_{case_id}"),
            _value(f"bron_toelichting_{case_id}"), _value(f"bron_datum_{case_id}")),
        tuple(f"bron_{k}_{case_id}" for k in ("naam", "toelichting", "datum")))


def plan_form(gebruiker: Gebruiker, casus: Casus) -> None:
    plan, sfx = casus.plan, f"{casus.id}_{casus.versie}"
    with st.form(f"plan_{casus.id}"):
        st.markdown("##### Plan van aanpak (zoals afgesproken in het kernteam)")
        st.text_area("Hypothese: wat is er aan de hand?", value=plan.hypothese, key=f"plan_hypothese_{sfx}")
        st.text_area("Doel: wat willen we bereiken?", value=plan.doel, key=f"plan_doel_{sfx}")
        st.text_area("Strategie: hoe?", value=plan.strategie, key=f"plan_strategie_{sfx}")
        st.text_area("Interventieplan: welke interventies zetten we in?", value=plan.interventieplan,
                     key=f"plan_interventieplan_{sfx}")
        st.form_submit_button("Plan van aanpak opslaan", on_click=_save_plan,
                              args=(gebruiker, casus.id, casus.versie, sfx))


def _save_plan(gebruiker: Gebruiker, case_id: str, versie: int, sfx: str) -> None:
    plan = PlanVanAanpak(*(_value(f"plan_{k}_{sfx}") or "" for k in
                           ("hypothese", "doel", "strategie", "interventieplan")))
    _do("Plan van aanpak van casus {nr} opgeslagen.",
        lambda: workflow.set_plan(cases_data.store(), gebruiker, case_id, versie, plan))


# --- Fase 3: interventies; notities ---------------------------------------------------------------

def intervention_form(gebruiker: Gebruiker, casus: Casus) -> None:
    with st.form(f"interventie_{casus.id}"):
        st.markdown("##### Interventie vastleggen")
        a, b, c = st.columns([1.2, 1.2, 1])
        a.text_input("Soort", key=f"int_soort_{casus.id}",
                     placeholder="Bijvoorbeeld controle, last onder dwangsom")
        b.text_input("Door (partij)", key=f"int_partij_{casus.id}",
                     placeholder="Bijvoorbeeld gemeente, politie")
        c.date_input("Datum", value=date.today(), format="DD-MM-YYYY", key=f"int_datum_{casus.id}")
        st.text_area("Omschrijving", key=f"int_omschrijving_{casus.id}", height=80)
        st.text_input("Resultaat (optioneel)", key=f"int_resultaat_{casus.id}")
        st.form_submit_button("Interventie vastleggen", on_click=_add_intervention,
                              args=(gebruiker, casus.id, casus.versie))


def _add_intervention(gebruiker: Gebruiker, case_id: str, versie: int) -> None:
    keys = tuple(f"int_{k}_{case_id}" for k in ("soort", "partij", "datum", "omschrijving", "resultaat"))
    _do("Interventie vastgelegd bij casus {nr}.",
        lambda: workflow.add_intervention(
            cases_data.store(), gebruiker, case_id, versie, soort=_value(f"int_soort_{case_id}"),
            omschrijving=_value(f"int_omschrijving_{case_id}"), partij=_value(f"int_partij_{case_id}"),
            datum=_value(f"int_datum_{case_id}"), resultaat=_value(f"int_resultaat_{case_id}")), keys)


def note_form(gebruiker: Gebruiker, casus: Casus) -> None:
    with st.form(f"notitie_{casus.id}"):
        st.text_area("Nieuwe notitie", key=f"notitie_tekst_{casus.id}", height=80)
        st.form_submit_button("Notitie toevoegen", on_click=_add_note,
                              args=(gebruiker, casus.id, casus.versie))


def _add_note(gebruiker: Gebruiker, case_id: str, versie: int) -> None:
    _do("Notitie toegevoegd aan casus {nr}.",
        lambda: workflow.add_note(cases_data.store(), gebruiker, case_id, versie,
                                  _value(f"notitie_tekst_{case_id}")),
        (f"notitie_tekst_{case_id}",))


# --- Steps between phases -------------------------------------------------------------------------

def step_buttons(gebruiker: Gebruiker, casus: Casus) -> None:
    """One button per allowed transition (not those the weging decides)."""
    steps = [o for o in workflow.allowed_transitions(casus) if not o.via_weging]
    coordinator = gebruiker.heeft_rol(Rol.COORDINATOR)
    shown = [o for o in steps if coordinator or not o.alleen_coordinator]
    if not shown and not steps:
        return
    st.markdown("##### Volgende stap")
    kolommen = st.columns(max(len(shown), 1))
    for kolom, o in zip(kolommen, shown, strict=False):
        kolom.button(o.label, key=f"stap_{o.actie}", on_click=_choose, width="stretch",
                     args=(casus.id, casus.versie, o.actie))
    for o in steps:
        if o not in shown:
            st.caption(f"{md_escape(o.label)}: alleen de coördinator.")


def _choose(case_id: str, versie: int, actie: str) -> None:
    st.session_state[PENDING] = {"casus": case_id, "versie": versie, "actie": actie}


def pending_step(gebruiker: Gebruiker, casus: Casus) -> bool:
    """The confirmation of a chosen step, with the fields it needs (True when shown). The core
    decides whether the step may be taken."""
    pending = st.session_state.get(PENDING)
    if not pending or pending["casus"] != casus.id:
        return False
    actie = pending["actie"]
    overgang = workflow.TRANSITIONS.get((casus.status, actie))
    label = overgang.label if overgang else actie  # a forced, unknown step: the core will refuse it
    with st.form(f"bevestig_{casus.id}", border=True):
        st.markdown(f"**Stap bevestigen: {md_escape(label)}**")
        _step_fields(actie)
        ok, annuleer = st.columns([1, 4])
        ok.form_submit_button("Bevestigen", type="primary", on_click=_confirm, args=(gebruiker, pending))
        annuleer.form_submit_button("Annuleren", on_click=lambda: st.session_state.pop(PENDING, None))
    return True


def _step_fields(actie: str) -> None:
    if actie in BESLUIT_ACTIES:
        st.text_area("Besluit (waarom afronden, zoals besloten in het kernteam)", key="stap_besluit")
    elif actie == "monitoren":
        st.date_input("Monitoren tot", value=date.today() + timedelta(days=182), min_value=date.today(),
                      format="DD-MM-YYYY", key="stap_monitoring_tot")
    elif actie == "administratief_afronden":
        jaren = retention.bewaartermijn(cases_data.store())
        st.date_input("Einddatum", value=date.today(), max_value=date.today(), format="DD-MM-YYYY",
                      key="stap_einddatum")
        st.caption(f"De casus gaat naar het archief. De bewaartermijn is {jaren} jaar na de einddatum "
                   f"(vernietiging op of na {datum(retention.add_years(date.today(), jaren))} bij "
                   "einddatum vandaag); binnen die termijn kan de coördinator hem heropenen.")
    st.text_input("Toelichting (optioneel)", key="stap_toelichting")


def _confirm(gebruiker: Gebruiker, pending: dict) -> None:
    st.session_state.pop(PENDING, None)
    extra = {"besluit": _value("stap_besluit"), "monitoring_tot": _value("stap_monitoring_tot"),
             "einddatum": _value("stap_einddatum")}
    actie = pending["actie"]
    kwargs = {k: v for k, v in extra.items() if v is not None and _needs(actie, k)}
    _do("Casus {nr} is een stap verder gezet.",
        lambda: workflow.transition(cases_data.store(), gebruiker, pending["casus"], pending["versie"],
                                    actie, toelichting=_value("stap_toelichting"), **kwargs),
        ("stap_besluit", "stap_monitoring_tot", "stap_einddatum", "stap_toelichting"))


def _needs(actie: str, veld: str) -> bool:
    return {"besluit": actie in BESLUIT_ACTIES, "monitoring_tot": actie == "monitoren",
            "einddatum": actie == "administratief_afronden"}[veld]
