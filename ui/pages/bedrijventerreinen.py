"""Bedrijventerreinen: every park per source side by side (IBIS and the municipality's own
drawing define parks differently, so both are shown), against the whole municipality; then a
section for one park with its map, branch mix, turnover, automotive and RDW, and signals."""

from __future__ import annotations

import streamlit as st

from exports import dook_csv
from geo import indicators, parks
from maps import layers
from ui import data, data_analyse
from ui.format import getal
from ui.pages import signalen as frame
from ui.text import md_escape, plain

UITLEG = ("Elk bedrijventerrein per bron naast elkaar: IBIS en de eigen intekening begrenzen "
          "terreinen verschillend, daarom staan ze allebei. Een pand hoort bij een terrein als "
          "zijn middelpunt erin ligt; vestigingen via hun adres. Automotive: SBI-hoofdactiviteit "
          "zoals in het signaal 'Autobedrijf zonder RDW-erkenning'.")
GEEN_TERREINEN = ("Dit gegevensbestand heeft geen bedrijventerreinen. De beheerder kan ze laden "
                  "als gebieden (IBIS of een eigen intekening) op de pagina Gegevens.")
GEMEENTE = "Hele gemeente"
KLEUR_ADRES, KLEUR_SIGNAAL = layers.ACCENT, layers.SIGNAAL_KLEUR


def render() -> None:
    frame.met_snapshot(_pagina)


def _pagina(snapshot: str, meta: dict) -> None:
    frame.kop("Bedrijventerreinen", meta, UITLEG, snapshot)
    profielen = data_analyse.analyse(snapshot)["profielen"]
    terreinen, gemeente = parks.parken(profielen), parks.gemeente(profielen)
    if not terreinen:
        st.info(GEEN_TERREINEN, icon=":material/info:")
        return
    kolommen = [(_kolomnaam(p), p) for p in terreinen]
    if gemeente:
        kolommen.append((GEMEENTE, gemeente))
    st.subheader("Naast elkaar", anchor=False)
    tabel = _naast_elkaar(kolommen)
    frame.tabel(tabel)
    st.subheader("Branchemix: aandeel van de actieve vestigingen", anchor=False)
    frame.tabel(_mix_naast_elkaar(kolommen, gemeente))
    st.caption("Tussen haakjes: hoeveel keer zo vaak als in de hele gemeente (LQ). Branchegroepen "
               "overlappen, dus de aandelen tellen niet op tot 100 %.")
    _export(snapshot, tabel)
    _sectie(snapshot, meta, st.selectbox("Bekijk één bedrijventerrein", kolommen[:len(terreinen)],
                                         format_func=lambda k: plain(k[0]), key="terrein_keuze")[1],
            gemeente)


def _kolomnaam(p: dict) -> str:
    return f"{p['naam']} ({_bron(p)})"


def _bron(p: dict) -> str:
    """'Bedrijventerreinen (IBIS)' -> 'IBIS': the part that tells the sources apart."""
    naam = p["bron_naam"] or p["bron"] or "bron onbekend"
    binnen = naam.rsplit("(", 1)[-1].rstrip(")") if naam.endswith(")") else naam
    return binnen.strip() or naam


def _naast_elkaar(kolommen: list[tuple[str, dict]]) -> list[dict]:
    """Rows are figures, columns are parks (and the municipality)."""
    regels = [("Oppervlakte (ha)", lambda p: getal(p["oppervlakte_ha"], 1)),
              ("Panden", lambda p: getal(p["panden"])),
              ("Verblijfsobjecten", lambda p: getal(p["verblijfsobjecten"])),
              ("Actieve vestigingen", lambda p: getal(p["vestigingen"])),
              ("Vestigingen per pand met vestigingen", lambda p: getal(p["per_pand"], 1)),
              ("Meeste vestigingen in één pand", lambda p: getal(p["max_per_pand"]))]
    for jaren in parks.JAREN:
        regels.append((f"Ingeschreven / beëindigd, laatste {_jaren(jaren)}",
                       lambda p, j=jaren: " / ".join(getal(n) for n in p["verloop"][j])))
    regels += [("Automotive (aantal, % van actief)", _automotive),
               ("RDW-erkenning op het adres (% automotive)",
                lambda p: _pct(parks.rdw_dekking(p)[0])),
               ("RDW-erkenning op adres of in het pand", lambda p: _pct(parks.rdw_dekking(p)[1])),
               ("Signalen op het terrein", lambda p: "–" if p["soort"] == "gemeente"
                else getal(sum(p["signalen"].values())))]
    return [{"": label, **{naam: f(p) for naam, p in kolommen}} for label, f in regels]


def _jaren(n: int) -> str:
    return "jaar" if n == 1 else f"{n} jaar"


def _automotive(p: dict) -> str:
    aandeel = 100 * p["automotive"] / p["vestigingen"] if p["vestigingen"] else None
    return f"{getal(p['automotive'])} ({_pct(aandeel)})"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{getal(value, 1)} %"


def _mix_naast_elkaar(kolommen: list[tuple[str, dict]], gemeente: dict | None) -> list[dict]:
    mixen = {naam: {m["groep"]: m for m in parks.branche_mix(p, gemeente)} for naam, p in kolommen}
    regels = []
    for groep in next(iter(mixen.values())).values():
        regel = {"Branchegroep": groep["naam"]}
        for naam, mix in mixen.items():
            m = mix[groep["groep"]]
            lq = f" ({getal(m['lq'], 1)}×)" if m["lq"] and naam != GEMEENTE else ""
            regel[naam] = f"{_pct(m['aandeel'])}{lq}" if m["aantal"] else "–"
        regels.append(regel)
    return regels


def _export(snapshot: str, tabel: list[dict]) -> None:
    kolommen = list(tabel[0])
    rijen = [tuple(r.values()) for r in tabel]
    lines = data_analyse.verantwoording(snapshot, "Bedrijventerreinen naast elkaar",
                                        data_analyse.gebruiker())
    frame.downloads("bedrijventerreinen", lambda: dook_csv.to_csv(kolommen, rijen),
                    lambda: dook_csv.to_xlsx(kolommen, rijen, lines, sheet="Bedrijventerreinen"),
                    key="terreinen_export")


def _sectie(snapshot: str, meta: dict, p: dict, gemeente: dict | None) -> None:
    st.subheader(md_escape(_kolomnaam(p)), anchor=False)
    k = data_analyse.park_kaart(snapshot, p["gebied_id"], meta.get("peildatum"))
    signalen = _signalen_hier(snapshot, k)
    kaart_kolom, tekst_kolom = st.columns([3, 2], gap="medium")
    with kaart_kolom:
        _kaart(p, k, signalen)
    with tekst_kolom:
        _automotive_tekst(p)
        _signaaltelling(p)
    st.markdown("**Branchemix tegen de hele gemeente**")
    frame.tabel(_mix(p, gemeente))
    st.markdown(f"**Signalen op dit terrein** ({getal(len(signalen))})")
    if signalen:
        keuze = frame.gekozen_rij(frame.tabel(
            [{"Signaal": s["naam"], "Adres": s["label"], "Reden": s["reden"]} for s in signalen],
            key=f"terrein_signalen_{p['gebied_id']}", selecteer=True, smal=["Signaal", "Adres"]))
        if keuze is not None:
            s = signalen[keuze]
            st.markdown(f"**{md_escape(s['label'])}**: {md_escape(s['reden'])}")
            soort = indicators.by_id(s["indicator"]).objectsoort
            frame.kaart_link(soort, s["verblijfsobject_id"] if soort == "adres"
                             else s["pand_id"] if soort == "pand" else s["object_id"])
    else:
        st.markdown("Geen signalen op dit terrein.")


def _kaart(p: dict, k: dict, signalen: list[dict]) -> None:
    soort = "bedrijventerrein_eigen" if "eigen" in (p["bron"] or "") else "bedrijventerrein"
    vlakken = [{"id": g["id"], "geometry": g["geometrie"], "label": g["label"]}
               for g in k["gebied"]]
    panden = [{"id": g["id"], "geometry": g["geometrie"]} for g in k["panden"]]
    punten = [{"id": a["id"], "lat": a["lat"], "lon": a["lon"], "kleur": KLEUR_ADRES,
               "label": "\n".join([a["adres"], *a["namen"][:6]])} for a in k["adressen"]]
    punten += [{"id": f"{s['indicator']}_{s['object_id']}", "lat": s["lat"], "lon": s["lon"],
                "kleur": KLEUR_SIGNAAL, "label": f"{s['naam']}\n{s['label']}\n{s['reden']}"}
               for s in signalen if s.get("lat") is not None]
    frame.kaart(f"terrein_kaart_{p['gebied_id']}", [(vlakken, soort)], punten, panden,
                [(KLEUR_ADRES, "adres met actieve vestigingen"), (KLEUR_SIGNAAL, "signaal"),
                 ("#c9ced4", "pand")])


def _signalen_hier(snapshot: str, kaart: dict) -> list[dict]:
    """Results of object-level indicators on this park (as counted in the profile)."""
    uitkomst = data_analyse.analyse(snapshot)["resultaten"]
    return [{**r, "naam": i.naam} for i in data.zichtbare_indicatoren()
            for r in parks.in_park(uitkomst[i.id], kaart)]


def _signaaltelling(p: dict) -> None:
    st.markdown("**Signalen per soort**")
    if not p["signalen"]:
        st.markdown("Geen.")
        return
    namen = {i.id: i.naam for i in indicators.load_indicators()}
    st.markdown("\n".join(f"- {md_escape(namen.get(k, k))}: {getal(n)}"
                          for k, n in sorted(p["signalen"].items())))


def _automotive_tekst(p: dict) -> None:
    adres, pand = parks.rdw_dekking(p)
    st.markdown("**Automotive en RDW**")
    st.markdown(f"{getal(p['automotive'])} actieve autobedrijven; {_pct(adres)} heeft een "
                f"RDW-erkenning op het eigen adres, {_pct(pand)} op het adres of elders in "
                "hetzelfde pand.")


def _mix(p: dict, gemeente: dict | None) -> list[dict]:
    return [{"Branchegroep": m["naam"], "Aantal": m["aantal"], "Aandeel hier": _pct(m["aandeel"]),
             "Aandeel gemeente": _pct(m["aandeel_gemeente"]),
             "Verhouding (LQ)": f"{getal(m['lq'], 1)}×" if m["lq"] else "–"}
            for m in parks.branche_mix(p, gemeente)]


if __name__ == "__main__":  # a page of st.navigation in app.py, given by its file path
    render()
