"""The coördinator's view of the audit log (with the hash-chain check and a CSV export), and the
retention settings and destruction records (beheerder or coördinator)."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from cases import access, audit, retention
from cases.model import CasusFout, Gebruiker
from exports.dook_csv import to_csv
from geo.nlformat import AMSTERDAM
from ui import cases_data
from ui.components.cases.object_namen import AuditNamen, details_tekst
from ui.format import LEEG, datumtijd, getal
from ui.text import md_escape

TONEN = 300
ACTIE_LABELS = {
    "inloggen": "Inloggen", "inloggen_mislukt": "Inloggen mislukt", "casus_bekeken": "Casus bekeken",
    "objectkaart_bekeken": "Objectkaart bekeken", "zoekopdracht": "Zoekopdracht", "export": "Export",
    "wijziging": "Wijziging", "wijziging_mislukt": "Wijziging mislukt", "hit_no_hit": "Treffervraag",
    "vernietiging": "Vernietiging", "gebruikersbeheer": "Gebruikersbeheer", "instelling": "Instelling",
    "audit_export": "Export auditlog",
}
AUDIT_KOLOMMEN = {"regel": "Regel", "tijd": "Tijd", "gebruiker": "Gebruiker", "actie": "Actie",
                  "casus_id": "Casus", "object_type": "Objecttype", "object_id": "Object",
                  "details": "Details", "hash": "Hash"}


def verification(store) -> audit.Controle:
    return store.audit.verify(store.audit_anchor())


def render_audit(coordinator: Gebruiker) -> None:
    store = cases_data.store()
    controle = verification(store)
    rows = store.audit.read_rows()
    _status(controle, rows)
    gebruikers = sorted({r.get("gebruiker") or "" for r in rows} - {""})
    acties = sorted({r.get("actie") or "" for r in rows} - {""})
    a, b = st.columns(2)
    wie = a.multiselect("Gebruiker", gebruikers, key="audit_wie", placeholder="Alle gebruikers")
    wat = b.multiselect("Soort handeling", acties, key="audit_wat", format_func=actie_label,
                        placeholder="Alle handelingen")
    shown = [r for r in reversed(rows) if (not wie or r.get("gebruiker") in wie)
             and (not wat or r.get("actie") in wat)][:TONEN]
    st.caption(f"De laatste {getal(len(shown))} van {getal(len(rows))} regels, nieuwste eerst.")
    namen = AuditNamen.voor(store, shown, rows)
    st.dataframe([_display(r, namen) for r in shown], hide_index=True, width="stretch")
    st.download_button("Auditlog exporteren (CSV)", data=exporter(store, coordinator),
                       file_name=f"auditlog-{datetime.now(AMSTERDAM):%Y-%m-%d}.csv", mime="text/csv",
                       icon=":material/download:", on_click="ignore",
                       help="Alle regels met de uitkomst van de controle. De export wordt zelf ook "
                            "vastgelegd.")


def actie_label(actie: str | None) -> str:
    return ACTIE_LABELS.get(actie or "", actie or LEEG)


def _status(controle: audit.Controle, rows: list[dict]) -> None:
    if controle.in_orde:
        st.success(f"**Keten intact.** {md_escape(controle.melding)}", icon=":material/verified:")
        return
    st.error(f"**Keten verbroken bij regel {controle.fout_regel}.** {md_escape(controle.melding)} Het "
             "auditlog is na het schrijven gewijzigd, ingekort of aangevuld. Bewaar het bestand zoals het is "
             "en meld dit bij de functionaris gegevensbescherming.", icon=":material/gpp_bad:")
    bad = [r for r in rows if r.get("regel") == controle.fout_regel]
    if bad:
        st.dataframe([_display(bad[0], AuditNamen.voor(cases_data.store(), bad[:1], rows))], hide_index=True,
                     width="stretch")


def _display(r: dict, namen: AuditNamen) -> dict:
    return {"Regel": r.get("regel"), "Tijd": datumtijd(r.get("tijd")),
            "Gebruiker": r.get("gebruiker") or LEEG,
            "Actie": actie_label(r.get("actie")), "Casus": namen.casus(r.get("casus_id")),
            "Object": namen.object(r.get("object_type"), r.get("object_id")),
            "Details": details_tekst(r.get("details"))}


def exporter(store, coordinator: Gebruiker):
    def make() -> bytes:
        controle, rows = audit.export_audit(store, coordinator)
        return audit_csv(controle, rows)

    return make


def audit_csv(controle: audit.Controle, rows: list[dict]) -> bytes:
    """Every line, preceded by one line with the result of the chain check at export time."""
    check = {"regel": "", "tijd": datetime.now().astimezone().isoformat(timespec="seconds"),
             "actie": "controle bij export", "details": ("keten intact: " if controle.in_orde
                                                          else "KETEN VERBROKEN: ") + controle.melding}
    data = [[r.get(k) for k in AUDIT_KOLOMMEN] for r in [check, *rows]]
    return to_csv(list(AUDIT_KOLOMMEN.values()), data)


def render_retention(gebruiker: Gebruiker) -> None:
    store = cases_data.store()
    jaren = retention.bewaartermijn(store)
    st.markdown(f"**Bewaartermijn nu: {jaren} jaar** na de einddatum van een casus. Het werkproces noemt "
                "2 jaar (in het zaaksysteem 5 jaar). Een gewijzigde termijn geldt voor casussen die daarna "
                "worden gearchiveerd.")
    with st.columns([1, 2])[0], st.form("bewaartermijn"):
        st.number_input("Bewaartermijn (jaren)", min_value=1, max_value=retention.MAX_BEWAARTERMIJN_JAREN,
                        value=jaren, step=1, key="bewaartermijn_jaren")
        st.form_submit_button("Bewaartermijn opslaan", on_click=_save_term, args=(gebruiker,))
    st.caption("Vernietiging gebeurt automatisch bij elke start van Zicht (de beheerder kan het ook laten "
               "draaien met het commando zicht retentie): gearchiveerde casussen waarvan de termijn voorbij "
               "is, worden met alles erin gewist. Alleen het casusnummer, het moment, wie het deed en "
               "de grond blijven over.")
    records = retention.destruction_records(store, gebruiker)
    st.markdown("##### Vernietigde casussen")
    if not records:
        st.caption("Er zijn nog geen casussen vernietigd.")
        return
    st.dataframe([{"Casusnummer": r.casusnummer, "Vernietigd op": datumtijd(r.vernietigd_op),
                   "Door": r.uitgevoerd_door, "Grond": r.grondslag}
                  for r in records], hide_index=True, width="stretch")


def _save_term(gebruiker: Gebruiker) -> None:
    try:
        jaren = int(st.session_state["bewaartermijn_jaren"])
        retention.set_bewaartermijn(cases_data.store(), gebruiker, jaren)
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    cases_data.flash("success", "Bewaartermijn opgeslagen.")


def render_contact(gebruiker: Gebruiker) -> None:
    store = cases_data.store()
    st.markdown("Wie een **ja** krijgt op de treffervraag, krijgt dit contact te zien (nooit de casus zelf).")
    with st.form("teamcontact"):
        st.text_input("Teamcontact", value=access.team_contact(store), key="teamcontact_tekst",
                      placeholder="Bijvoorbeeld: coördinator ondermijning, 079 123 45 67")
        st.form_submit_button("Opslaan", on_click=_save_contact, args=(gebruiker,))


def _save_contact(gebruiker: Gebruiker) -> None:
    try:
        access.set_team_contact(cases_data.store(), gebruiker, st.session_state.get("teamcontact_tekst", ""))
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    cases_data.flash("success", "Teamcontact opgeslagen.")
