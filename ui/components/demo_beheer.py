"""Beheer in demo mode: what an administrator does, shown with Demostad's fictional team.

In demo mode everyone works as the demo user (an analist), so the real Beheer tabs stay closed;
instead of a locked page a new user sees the fictional team with their roles and datarollen and
what the beheerder and the coördinator do here in productie. Nothing on this page changes
anything, and none of these people exist.
"""

from __future__ import annotations

import streamlit as st

from cases import kaartrollen
from cases.model import CasusFout, Rol, Thema
from ui import cases_data
from ui.components.cases.users import ROL_UITLEG

UITLEG = ("**Demomodus: zo ziet Beheer eruit.** Hieronder het fictieve team van Demostad. In productie "
          "maakt de beheerder hier accounts aan, geeft rollen en datarollen (thema's) en zet accounts "
          "uit; de coördinator bekijkt het auditlog met de controle van de keten, stelt de bewaartermijn "
          "in en ziet de vernietigde casussen. In de demo verandert hier niets.")
TEAM = (  # fictional people of Demostad
    ("b.beheer", "Bea Beheer", (Rol.BEHEERDER,), ()),
    ("c.coordinator", "Cor Coördinator", (Rol.COORDINATOR,), tuple(Thema)),
    ("a.drugs", "Anouk de Wit", (Rol.ANALIST,), (Thema.DRUGS, Thema.BEDRIJVENTERREINEN)),
    ("v.vastgoed", "Vincent Bakker", (Rol.ANALIST,), (Thema.VASTGOED,)),
    ("p.prostitutie", "Priya Jansen", (Rol.ANALIST,), (Thema.PROSTITUTIE,)),
    ("k.kernteam", "Karel Smit", (Rol.KERNTEAMLID,), (Thema.DRUGS, Thema.VASTGOED)),
)
TAKEN = (
    ("Gebruikers (beheerder)", "Accounts aanmaken, rollen en datarollen geven of afnemen, accounts "
     "uitzetten, wachtwoorden opnieuw instellen. De beheerder ziet zelf geen casusinhoud."),
    ("Auditlog (coördinator)", "Elke inlog, zoekvraag, objectkaart, export en wijziging, met een "
     "controle of de keten van regels intact is, en een export als CSV."),
    ("Bewaartermijn en vernietiging", "Hoe lang afgeronde casussen bewaard blijven, en het bewijs van "
     "vernietiging zonder persoonsgegevens."),
    ("Kaartrechten (beheerder)", "Per datarol welke branchegroepen, de RDW-laag en welke signalen "
     "die rol op de kaart, op elke pagina en in elke export toont, en de schakelaar die dat aanzet "
     "(standaard uit: iedereen ziet alles). Hieronder het voorbeeld van de demo."),
    ("Teamcontact", "Wie iemand zonder het thema benadert na een 'Ja' op de treffervraag."),
)


def render() -> None:
    st.info(UITLEG, icon=":material/theater_comedy:")
    st.markdown("##### Fictief team van Demostad")
    st.caption(ROL_UITLEG)
    st.dataframe([{"Gebruikersnaam": naam, "Naam": weergave,
                   "Rollen": ", ".join(r.label for r in rollen),
                   "Thema's": ", ".join(t.label for t in themas) or "geen"}
                  for naam, weergave, rollen, themas in TEAM], hide_index=True, width="stretch",
                 key="demo_team")
    st.markdown("##### Wat er in productie op deze pagina gebeurt")
    for kop, tekst in TAKEN:
        st.markdown(f"- **{kop}**: {tekst}")
    _kaartrechten()


def _kaartrechten() -> None:
    """The demo store's example map rights per datarol (read-only)."""
    try:
        instelling = kaartrollen.demo_instelling(cases_data.store())
    except CasusFout:
        return
    keuzes = kaartrollen.keuzes()
    st.markdown(f"##### Kaartrechten per datarol (voorbeeld; staat "
                f"{'aan' if instelling.aan else 'uit'})")
    st.dataframe([{"Datarol": thema.label,
                   "Branchegroepen": ", ".join(keuzes["groep"].get(g, g) for g in r.groepen) or "geen",
                   "Kaartlagen": ", ".join(keuzes["laag"].get(x, x) for x in r.lagen) or "geen",
                   "Signalen": ", ".join(keuzes["signaal"].get(x, x) for x in r.signalen) or "geen"}
                  for thema, r in instelling.per_thema.items()], hide_index=True, width="stretch",
                 key="demo_kaartrechten")
