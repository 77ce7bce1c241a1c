"""Wat is er veranderd: the current snapshot against the previous one. New and ended
registrations per branch group and per buurt, and signals that appeared or went (a list and
a map), each exportable."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from exports import dook_csv
from geo import changes, indicators
from geo.branches import load_branches
from ui import data_analyse
from ui.format import datum, getal
from ui.pages import signalen as frame
from ui.text import md_escape

UITLEG = ("Vergelijkt dit gegevensbestand met het vorige. Nieuw: actief op de peildatum van nu "
          "en niet op die van toen. Beëindigd: andersom (ook als de vestiging niet meer in de "
          "KVK-levering zit). Signalen worden in beide bestanden met de huidige instellingen "
          "berekend en per object vergeleken. Branchegroep naar SBI-hoofdactiviteit.")
GEEN_VORIGE = ("Er is nog geen eerder gegevensbestand om mee te vergelijken. Zodra de gegevens "
               "opnieuw zijn gebouwd (pagina Gegevens, of `zicht build`), toont deze pagina wat er "
               "sinds de vorige keer is veranderd. Zicht bewaart de laatste drie.")
GEEN_SIGNAALWIJZIGING = "Er zijn geen signalen bijgekomen of vervallen."
KLEUR = {"nieuw": "#CC3311", "vervallen": "#0077BB"}


def render() -> None:
    frame.met_snapshot(_pagina)


def _pagina(snapshot: str, meta: dict) -> None:
    frame.kop("Wat is er veranderd", meta, UITLEG, snapshot)
    vorige = data_analyse.vorige_snapshot()
    if vorige is None:
        st.info(GEEN_VORIGE, icon=":material/info:")
        return
    wijziging = data_analyse.veranderingen(snapshot, vorige)
    signalen = changes.signalen(data_analyse.analyse(snapshot)["resultaten"],
                                data_analyse.analyse(vorige)["resultaten"])
    st.markdown(f"Van peildatum **{datum(wijziging['peildatum_vorige'])}** (vorige: "
                f"{md_escape(Path(vorige).name)}) naar **{datum(wijziging['peildatum'])}**.")
    _kerncijfers(wijziging["registraties"], signalen)
    _signalen(snapshot, signalen)
    _registraties(snapshot, wijziging["registraties"])


def _kerncijfers(registraties: list[dict], signalen: list[dict]) -> None:
    tel = {k: sum(r["verandering"] == k for r in registraties) for k in changes.VERANDERING}
    sig = {k: sum(s["verandering"] == k for s in signalen) for k in changes.SIGNAAL}
    cijfers = [("Nieuw ingeschreven", tel["nieuw"]), ("Beëindigd", tel["beeindigd"]),
               ("Nieuwe signalen", sig["nieuw"]), ("Vervallen signalen", sig["vervallen"])]
    for kolom, (label, waarde) in zip(st.columns(len(cijfers)), cijfers, strict=True):
        kolom.metric(label, getal(waarde))


def _signalen(snapshot: str, signalen: list[dict]) -> None:
    st.subheader("Signalen die bijkwamen of vervielen", anchor=False)
    wissel = [s for s in signalen if s["verandering"] in ("nieuw", "vervallen")]
    if not wissel:
        st.info(GEEN_SIGNAALWIJZIGING, icon=":material/check_circle:")
    else:
        keuze = frame.gekozen_rij(frame.tabel(_signaaltabel(wissel), key="signaal_wissel",
                                              selecteer=True, smal=["Signaal", "Adres of gebied"]))
        if keuze is None:
            st.caption("Kies een regel voor de hele reden en om het object op de kaart te openen.")
        else:
            _gekozen(wissel[keuze])
        _kaart(snapshot, wissel)
    anders = [s for s in signalen if s["verandering"] == "gewijzigd"]
    if anders:
        with st.expander(f"Signalen die bleven, met een andere reden ({getal(len(anders))})"):
            frame.tabel(_signaaltabel(anders), smal=["Signaal", "Adres of gebied"])
    if signalen:
        kolommen, rijen = _export_signalen(signalen)
        lines = data_analyse.verantwoording(snapshot, "Veranderde signalen",
                                            data_analyse.gebruiker())
        frame.downloads("veranderde-signalen", lambda: dook_csv.to_csv(kolommen, rijen),
                        lambda: dook_csv.to_xlsx(kolommen, rijen, lines, sheet="Signalen"),
                        key="export_signalen")


def _gekozen(s: dict) -> None:
    st.markdown(f"**{md_escape(s['indicator_naam'])}**, {md_escape(s['label'])}: "
                f"{md_escape(_reden(s))}")
    soort = indicators.by_id(s["indicator"]).objectsoort
    doel = {"adres": s["verblijfsobject_id"], "pand": s["pand_id"]}.get(soort, s["object_id"])
    frame.kaart_link(soort, doel.split(":")[0] if doel else None)


def _signaaltabel(signalen: list[dict]) -> list[dict]:
    return [{"Verandering": changes.SIGNAAL[s["verandering"]], "Signaal": s["indicator_naam"],
             "Adres of gebied": s["label"], "Reden": _reden(s)} for s in signalen]


def _reden(s: dict) -> str:
    if s["verandering"] == "nieuw":
        return s["reden"]
    if s["verandering"] == "vervallen":
        return f"vorige keer: {s['reden_vorige']}"
    return f"{s['reden']} (vorige keer: {s['reden_vorige']})"


def _export_signalen(signalen: list[dict]) -> tuple[list[str], list[tuple]]:
    kolommen = ["Verandering", "Signaal", "Adres of gebied", "Reden nu", "Reden vorige keer",
                "Id", "Verblijfsobject", "Pand"]
    return kolommen, [(changes.SIGNAAL[s["verandering"]], s["indicator_naam"], s["label"],
                       s["reden"], s["reden_vorige"], s["object_id"], s["verblijfsobject_id"],
                       s["pand_id"]) for s in signalen]


def _kaart(snapshot: str, signalen: list[dict]) -> None:
    punten = [{"id": f"{s['indicator']}_{s['object_id']}", "lat": s["lat"], "lon": s["lon"],
               "kleur": KLEUR[s["verandering"]],
               "label": f"{changes.SIGNAAL[s['verandering']]}: {s['indicator_naam']}\n{s['label']}"}
              for s in signalen if s["lat"] is not None]
    frame.kaart("veranderingen_kaart", frame.omgeving(snapshot), punten,
                legenda=[(KLEUR["nieuw"], "nieuw signaal"), (KLEUR["vervallen"], "vervallen signaal")])


def _registraties(snapshot: str, registraties: list[dict]) -> None:
    st.subheader("Inschrijvingen", anchor=False)
    groep, buurt = st.columns(2, gap="medium")
    with groep:
        st.markdown("**Per branchegroep**")
        frame.tabel([{"Branchegroep": g["naam"], "Nieuw": g["nieuw"], "Beëindigd": g["beeindigd"]}
                     for g in changes.per_groep(registraties)])
    with buurt:
        st.markdown("**Per buurt**")
        frame.tabel([{"Buurt": b["buurt"], "Nieuw": b["nieuw"], "Beëindigd": b["beeindigd"]}
                     for b in changes.per_buurt(registraties)])
    st.markdown("**Alle nieuwe en beëindigde inschrijvingen**")
    kolommen, rijen = _registratietabel(registraties)
    frame.tabel([dict(zip(kolommen, r, strict=True)) for r in rijen])
    lines = data_analyse.verantwoording(snapshot, "Nieuwe en beëindigde inschrijvingen",
                                        data_analyse.gebruiker())
    frame.downloads("veranderde-inschrijvingen", lambda: dook_csv.to_csv(kolommen, rijen),
                    lambda: dook_csv.to_xlsx(kolommen, rijen, lines, sheet="Inschrijvingen"),
                    key="export_registraties")


def _registratietabel(registraties: list[dict]) -> tuple[list[str], list[tuple]]:
    kolommen = ["Verandering", "Naam", "Adres", "Buurt", "Branchegroep", "SBI", "Ingeschreven",
                "Beëindigd op", "KVK-nummer", "Vestigingsnummer"]
    groepen = {g.id: g.naam for g in load_branches().groepen}
    rijen = [(_wat(r), r["naam"], r["adres"] or "adres niet gekoppeld", r["buurtnaam"] or "",
              ", ".join(groepen[g] for g in r["groepen"]) or "–", r["sbi_hoofd"],
              datum(r["datum_aanvang"]), datum(r["datum_einde"]), r["kvk_nummer"],
              r["vestigingsnummer"]) for r in registraties]
    return kolommen, rijen


def _wat(r: dict) -> str:
    if r["niet_meer_geleverd"]:
        return "Niet meer in de KVK-levering"
    return changes.VERANDERING[r["verandering"]]


if __name__ == "__main__":  # a page of st.navigation in app.py, given by its file path
    render()
