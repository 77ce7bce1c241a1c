"""Check an upload, show what Zicht read, and register it only on an explicit button.

The check reads the file into a scratch database (loaders.admin.inspect, the same reading
`zicht load` does); the register (bronnen.json) and the snapshot in use are not touched until
"Registreren" is pressed, and a failed check changes nothing at all.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import streamlit as st

from exports.dook_csv import to_csv
from geo import crs
from geo.nlformat import waarde
from loaders import admin
from loaders.admin import Bron
from loaders.errors import InvoerFout, InvoerFouten
from ui import data
from ui.format import LEEG, datum, getal, meervoud
from ui.text import md_escape

_CONTROLE = "gegevens_controle"   # session: the last check {vingerafdruk, controle, fout}
MELDING = "gegevens_melding"      # session: the message after registering, shown once
FORMULIER = "gegevens_formulier"  # session: bumped after registering, so the form starts empty
NIETS_VERANDERD = ("Er is niets veranderd: de geregistreerde bronnen en de snapshot die in "
                   "gebruik is, zijn dezelfde als voor de controle.")
TOON_FOUTEN = 50  # problems shown on the page; the download holds all (up to InvoerFouten.MAX)
KOPPEN = {
    "rij": "Rij", "vestigingsnummer": "Vestigingsnummer", "kvk_nummer": "KVK-nummer",
    "naam": "Naam", "adres": "Adres", "postcode": "Postcode", "plaats": "Plaats",
    "sbi_hoofd": "SBI hoofdactiviteit", "datum_aanvang": "Ingeschreven", "datum_einde": "Uitgeschreven",
    "bag_id": "BAG-id", "soort": "Soort", "code": "Code", "oppervlakte_ha": "Oppervlakte (ha)",
    "inwoners": "Inwoners", "geometrie": "Geometrie",
}
# What the command-line loaders tell you to do, said the way this page lets you do it.
CLI_HINTS = {
    "of geef een kolomindeling met --kolommen": "of kies bij Bestand toevoegen een andere indeling "
                                                "van de kolommen",
    "geef --soort mee": "kies bij Bestand toevoegen de soort gebied",
    "begin met `zicht load bag-gpkg` of `zicht demo`": "laat de beheerder eerst de BAG laden "
                                                       "(zicht load bag-gpkg)",
}


def toon(data_dir: Path, bron: Bron, weergavenaam: str, bestaande: list[Bron]) -> None:
    vingerafdruk = json.dumps(asdict(bron), sort_keys=True)
    if st.button("Controleren", type="primary", icon=":material/fact_check:", key="gegevens_controleren"):
        st.session_state[_CONTROLE] = _controleer(bron, weergavenaam, vingerafdruk)
    laatste = st.session_state.get(_CONTROLE)
    if not laatste:
        st.caption("Controleren leest het bestand zoals Zicht het zal gebruiken en toont het "
                   "resultaat. Er verandert nog niets.")
        return
    if laatste["vingerafdruk"] != vingerafdruk:
        st.info("U hebt het bestand of de gegevens gewijzigd na de controle; controleer opnieuw.",
                icon=":material/refresh:")
        return
    if laatste["fout"]:
        st.error(f"**Het bestand is niet in orde.**\n\n{laatste['fout']}", icon=":material/error:")
        if laatste.get("fouten"):
            _foutenlijst(laatste["fouten"], laatste["totaal"])
        st.caption(NIETS_VERANDERD + " Verbeter het bestand en upload het opnieuw.")
        return
    _toon_resultaat(bron, laatste["controle"])
    _registreren(data_dir, bron, bestaande)


def _controleer(bron: Bron, weergavenaam: str, vingerafdruk: str) -> dict:
    with st.spinner("Bestand controleren…"):
        try:
            controle = admin.inspect(bron, weergavenaam)
        except InvoerFouten as exc:
            if exc.totaal == 1:
                return {"vingerafdruk": vingerafdruk, "controle": None, "fout": foutmelding(exc.fouten[0])}
            fouten = [{"Rij": f.rij, "Veld": f.veld or "", "Probleem": pagina_advies(f.melding)}
                      for f in exc.fouten]
            return {"vingerafdruk": vingerafdruk, "controle": None, "fout": samenvatting(exc),
                    "fouten": fouten, "totaal": exc.totaal}
        except InvoerFout as exc:
            return {"vingerafdruk": vingerafdruk, "controle": None, "fout": foutmelding(exc)}
    return {"vingerafdruk": vingerafdruk, "controle": controle, "fout": None}


def samenvatting(exc: InvoerFouten) -> str:
    """How many problems, in which file; the list itself follows as a table."""
    wat = "probleem" if exc.totaal == 1 else "problemen"
    return f"- Bestand: {md_escape(exc.bestand)}\n- {getal(exc.totaal)} {wat} gevonden, hieronder per rij."


def _foutenlijst(fouten: list[dict], totaal: int) -> None:
    """Every problem (up to the cap) in a table and as a download, so the file is fixed in one go."""
    st.dataframe(fouten[:TOON_FOUTEN], hide_index=True, key="gegevens_fouten")
    if len(fouten) > TOON_FOUTEN:
        st.caption(f"De eerste {getal(TOON_FOUTEN)} hierboven; de download bevat er {getal(len(fouten))}.")
    if totaal > len(fouten):
        st.caption(f"Er zijn {getal(totaal)} problemen; de lijst houdt op na {getal(len(fouten))}. "
                   "Verbeter deze en controleer opnieuw.")
    rijen = [[f["Rij"], f["Veld"], f["Probleem"]] for f in fouten]
    csv = to_csv(["Rij", "Veld", "Probleem"], rijen)
    st.download_button("Lijst van problemen downloaden (CSV)", data=csv,
                       file_name="problemen-in-bestand.csv", mime="text/csv", on_click="ignore",
                       icon=":material/download:", key="gegevens_fouten_download")


def pagina_advies(tekst: str) -> str:
    for cli, pagina in CLI_HINTS.items():
        tekst = tekst.replace(cli, pagina)
    return tekst


def foutmelding(exc: InvoerFout) -> str:
    """Markdown naming file, row and field on their own lines (all data escaped), with
    command-line advice turned into advice for this page."""
    melding = pagina_advies(exc.melding)
    regels = [f"- Bestand: {md_escape(exc.bestand)}"]
    if exc.rij is not None:
        regels.append(f"- Rij: {getal(exc.rij)}" + (" (de kopregel is rij 1)" if exc.rij > 1 else
                                                     " (de kopregel)"))
    if exc.veld:
        regels.append(f"- Veld: {md_escape(exc.veld)}")
    regels.append(f"- Probleem: {md_escape(melding)}")
    return "\n".join(regels)


def _toon_resultaat(bron: Bron, controle: admin.UploadInspectie) -> None:
    kop, regels, bijschrift = WEERGAVE[admin.REGISTRY[bron.soort].upload.controle](bron, controle)
    waarschuwing = any(r.startswith("**Let op:**") for r in regels)
    kop = f"**Het bestand is leesbaar{', maar kijk hieronder' if waarschuwing else ' en in orde'}.** {kop}"
    if waarschuwing:
        st.warning(kop, icon=":material/warning:")
    else:
        st.success(kop, icon=":material/check_circle:")
    for regel in regels:
        st.markdown(f"- {regel}")
    st.caption(bijschrift)
    st.dataframe(_voorbeeld(controle.voorbeeld), hide_index=True, key="gegevens_voorbeeld")


def _kvk(bron: Bron, controle: admin.UploadInspectie) -> tuple[str, list[str], str]:
    kop = f"{meervoud(controle.rijen, 'vestiging', 'vestigingen')} gelezen; {_sbi(bron, controle.feiten)}."
    return (kop, _kvk_feiten(controle.feiten),
            "De eerste rijen zoals Zicht ze leest (codes met voorloopnullen, datums als datum):")


def _gebied(_bron: Bron, controle: admin.UploadInspectie) -> tuple[str, list[str], str]:
    kop = (f"{meervoud(controle.rijen, 'gebied', 'gebieden')} gelezen, samen "
           f"{getal(controle.feiten['oppervlakte_ha'], 1)} ha.")
    return kop, _gebied_feiten(controle.feiten), "De eerste gebieden zoals Zicht ze leest:"


def _sbi(bron: Bron, feiten: dict) -> str:
    if not feiten["met_sbi"]:
        return "geen SBI-codes in het bestand"
    if feiten["sbi_2008"] and feiten["sbi_2025"]:  # decided per vestiging from the lists
        return (f"SBI 2008 bij {getal(feiten['sbi_2008'])} en SBI 2025 bij "
                f"{getal(feiten['sbi_2025'])} vestigingen (per code opgezocht in de officiële lijsten)")
    hoe = ("opgegeven, voor codes die in beide lijsten staan" if bron.opties.get("sbi_versie")
           else "per code opgezocht in de officiële lijsten")
    return f"SBI-versie {md_escape(feiten['sbi_versie'])} ({hoe})"


def _kvk_feiten(f: dict) -> list[str]:
    regels = [f"{getal(f['met_bag_id'])} met een BAG-id, {getal(f['zonder_postcode'])} zonder postcode, "
              f"{getal(f['uitgeschreven'])} met een datum van uitschrijving."]
    if not f["met_sbi"]:
        regels.append("**Let op:** zonder SBI-codes vallen deze vestigingen in geen enkele branche; "
                      "koppel zo nodig de kolom met SBI-codes.")
    if f["sbi_onbekend"]:
        codes = f["sbi_onbekend_codes"] or []
        regels.append(f"**Let op:** {getal(f['sbi_onbekend'])} vestigingen hebben een SBI-code die "
                      "niet in de officiële lijst van SBI 2008 of SBI 2025 staat ("
                      + md_escape(", ".join(codes[:12]) + (" …" if len(codes) > 12 else ""))
                      + "); ze blijven zichtbaar als ‘SBI onbekend’.")
    if f["eerste_aanvang"]:
        regels.append(f"Inschrijvingen van {datum(f['eerste_aanvang'])} tot {datum(f['laatste_aanvang'])}.")
    if f["dubbel"]:
        regels.append(f"{getal(f['dubbel'])} vestigingsnummers komen meer dan eens voor; Zicht "
                      "gebruikt per vestiging de meest recente inschrijving.")
    return regels


def _gebied_feiten(f: dict) -> list[str]:
    regels = []
    if f["leeg"]:
        regels.append(f"{meervoud(f['leeg'], 'gebied heeft', 'gebieden hebben')} een lege geometrie.")
    if f["geen_vlak"]:
        welke = meervoud(f["geen_vlak"], "gebied is", "gebieden zijn")
        regels.append(f"**Let op:** {welke} geen vlak (maar punten of "
                      "lijnen) en hebben daarom geen oppervlakte.")
    buiten = _buiten_huidige_gegevens(f)
    if buiten:
        regels.append(f"**Let op:** de gebieden liggen helemaal buiten het gebied van de huidige "
                      f"gegevens ({md_escape(buiten)}). Klopt het coördinatenstelsel van het bestand?")
    return regels


def _buiten_huidige_gegevens(f: dict) -> str | None:
    """The gemeente's name when the areas' box does not touch the current snapshot's box."""
    snapshot = data.snapshot_path()
    bereik = data.bereik(snapshot) if snapshot else None
    if bereik is None or f["xmin"] is None:
        return None
    xs, ys = crs.lonlat_to_rd([bereik[0], bereik[2]], [bereik[1], bereik[3]])
    raakt = f["xmin"] <= max(xs) and f["xmax"] >= min(xs) and f["ymin"] <= max(ys) and f["ymax"] >= min(ys)
    return None if raakt else data.meta(snapshot).get("gemeentenaam", "de gemeente")


def _voorbeeld(rijen: list[dict]) -> list[dict]:
    """Dutch column names, dates in Dutch form, empty cells as '–'."""
    return [{KOPPEN.get(k, k): _cel(v) for k, v in r.items()} for r in rijen]


def _cel(value) -> str:
    if value is None or value == "":
        return LEEG
    if hasattr(value, "isoformat"):
        return datum(value)
    return value if isinstance(value, str) else waarde(value)


def _registreren(data_dir: Path, bron: Bron, bestaande: list[Bron]) -> None:
    oud = next((b for b in bestaande if b.bron == bron.bron), None)
    if oud and oud.soort != bron.soort:
        st.error(f"De naam '{md_escape(bron.bron)}' is al in gebruik voor een bron van een andere "
                 f"soort ({md_escape(oud.omschrijving)}). Kies een andere naam.", icon=":material/error:")
        return
    if oud:
        st.warning(f"Er is al een bron '{md_escape(bron.bron)}' (peildatum {datum(oud.peildatum)}). "
                   "Registreren vervangt die bij de volgende bouw.", icon=":material/swap_horiz:")
    if st.button("Registreren", type="primary", icon=":material/playlist_add:", key="gegevens_registreren"):
        admin.register(data_dir, bron)
        st.session_state.pop(_CONTROLE, None)
        st.session_state[FORMULIER] = st.session_state.get(FORMULIER, 0) + 1
        st.session_state[MELDING] = (
            f"Bron '{bron.bron}' is geregistreerd. Bouw een nieuwe snapshot om de bron in Zicht "
            "te gebruiken; tot dan blijft alles zoals het was.")
        st.rerun()


# How a check reads, per kind of check (SourceKind.upload.controle): heading, facts, caption.
WEERGAVE = {"kvk": _kvk, "gebied": _gebied}
