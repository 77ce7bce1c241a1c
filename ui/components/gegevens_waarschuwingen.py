"""The Waarschuwingen tab of the Gegevens page: what the build noticed but did not refuse.

Counts per source and kind (the same as `zicht status`), the list itself with a filter, and the
list as CSV or XLSX. A file is made only after its button and offered only once the export is in
the audit log; both are formula-safe (exports.dook_csv), the XLSX carries its accountability sheet.
"""

from __future__ import annotations

import streamlit as st

from exports.dook_csv import accountability, to_csv, to_xlsx
from loaders.admin import WAARSCHUWING_KOPPEN as KOPPEN
from loaders.admin import WAARSCHUWING_SOORTEN as SOORTEN
from loaders.admin import soort_label
from ui import data, data_gegevens
from ui.format import getal, md_escape

ALLE = "Alle"
BESTAND = "_gegevens_waarschuwingen_bestand"  # {"sleutel": (snapshot, bron, soort), ext: bytes}
UITLEG = {
    "dubbel": "dezelfde vestiging kwam uit meer bronnen of rijen; Zicht gebruikt de rij met de "
              "nieuwste peildatum, daarna de meest volledige, en een uitgeschreven vestiging "
              "blijft uitgeschreven",
    "sbi_onbekend": "de SBI-code staat niet in de officiële lijst; de vestiging telt wel mee",
    "koppeling_onzeker": "gekoppeld aan een BAG-adres, maar niet zeker: controleer het adres",
    "bag_id_onbekend": "het BAG-id dat KVK meegaf staat niet in de geladen BAG",
    "geen_locatie": "alleen een postbus of geen bruikbaar adres: geen plek op de kaart",
    "niet_gevonden": "de KVK kende dit nummer niet toen het werd opgevraagd",
    "overgeslagen": "het bestand bevatte geen vestiging om te laden",
    "andere_gemeente": "een landelijk gemeentenbestand: alleen de eigen gemeentegrens is gebruikt",
}
FORMATEN = {"csv": ("Maak CSV", "CSV downloaden", "text/csv"),
            "xlsx": ("Maak Excel", "Excel downloaden",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


def toon(snapshot: str | None, peildatum: str) -> None:
    tellingen = data_gegevens.waarschuwing_tellingen(snapshot) if snapshot else []
    if not tellingen:
        st.success("Geen waarschuwingen: de bouw kwam niets tegen dat gemeld moest worden.",
                   icon=":material/check_circle:")
        return
    st.markdown("Wat Zicht bij het bouwen opmerkte maar niet weigerde. Niets is weggelaten: elke "
                "regel hieronder hoort bij een gegeven dat wel in de snapshot staat (of bij een "
                "bestand dat is overgeslagen).")
    _tabel([{"Bron": t["bron"] or "(bouw)", "Soort": soort_label(t["soort"]),
             "Aantal": getal(t["aantal"])} for t in tellingen])
    gebruikt = [s for s in SOORTEN if any(t["soort"] == s for t in tellingen)]
    st.markdown("\n".join(f"- **{md_escape(soort_label(s))}**: {md_escape(UITLEG[s])}"
                          for s in gebruikt if s in UITLEG))
    bron, soort = _filter(tellingen)
    rijen = data_gegevens.waarschuwing_lijst(snapshot, bron, soort)
    tabel = [_rij(r) for r in rijen]
    st.dataframe(tabel, hide_index=True, key="gegevens_waarschuwingen_lijst")
    _downloads(snapshot, peildatum, bron, soort, tabel)


def _tabel(rijen: list[dict]) -> None:
    veilig = [{k: md_escape(v) for k, v in r.items()} for r in rijen]
    with st.container(key="gegevens-waarschuwingen"):
        st.table(veilig, hide_index=True, border="horizontal")


def _filter(tellingen: list[dict]) -> tuple[str | None, str | None]:
    links, rechts = st.columns(2)
    bronnen = sorted({t["bron"] for t in tellingen})
    soorten = sorted({t["soort"] for t in tellingen}, key=soort_label)
    bron = links.selectbox("Bron", [ALLE, *bronnen], key="gegevens_waarschuwingen_bron",
                           format_func=lambda b: b or "(bouw)")
    soort = rechts.selectbox("Soort", [ALLE, *soorten], key="gegevens_waarschuwingen_soort",
                             format_func=lambda s: s if s == ALLE else soort_label(s))
    return (None if bron == ALLE else bron), (None if soort == ALLE else soort)


def _rij(r: tuple) -> dict:
    """One warning for the table and the files, as text: an absent value is an empty cell, not
    'None' (and a column of text and numbers would not convert for st.dataframe)."""
    bron, soort, *rest = r
    waarden = ["" if v is None else str(v) for v in rest]
    return dict(zip(KOPPEN, [bron or "(bouw)", soort_label(soort), *waarden], strict=True))


def _downloads(snapshot: str, peildatum: str, bron: str | None, soort: str | None,
               tabel: list[dict]) -> None:
    sleutel = (snapshot, bron, soort)
    bestanden = st.session_state.get(BESTAND)
    if not isinstance(bestanden, dict) or bestanden.get("sleutel") != sleutel:
        bestanden = st.session_state[BESTAND] = {"sleutel": sleutel}
    selectie = f"bron: {bron or 'alle'}; soort: {soort_label(soort) if soort else 'alle'}"
    for kolom, (ext, (knop, label, mime)) in zip(st.columns(len(FORMATEN)), FORMATEN.items(),
                                                 strict=True):
        with kolom:
            if st.button(knop, key=f"gegevens_waarschuwingen_maak_{ext}", disabled=not tabel):
                inhoud = _maak(snapshot, ext, tabel, selectie)
                if _gelogd(f"waarschuwingen {ext.upper()}", selectie, len(tabel)):
                    bestanden[ext] = inhoud
            if ext in bestanden:
                st.download_button(label, bestanden[ext], mime=mime, on_click="ignore",
                                   file_name=f"waarschuwingen-{peildatum}.{ext}",
                                   key=f"gegevens_waarschuwingen_{ext}", icon=":material/download:")


def _maak(snapshot: str, ext: str, tabel: list[dict], selectie: str) -> bytes:
    rijen = [tuple(r.values()) for r in tabel]
    if ext == "csv":
        return to_csv(KOPPEN, rijen)
    with data.cursor(snapshot) as cur:
        verantwoording = accountability(cur, f"Waarschuwingen, {selectie}", _gebruiker())
    return to_xlsx(KOPPEN, rijen, verantwoording, sheet="Waarschuwingen")


def _gebruiker() -> str:
    try:
        from ui import cases_data

        return getattr(cases_data.user(), "weergavenaam", None) or "onbekend (niet ingelogd)"
    except Exception:  # no case register: the file still says it was not logged in
        return "onbekend (niet ingelogd)"


def _gelogd(wat: str, selectie: str, aantal: int) -> bool:
    """Audit line first; without it the file is not offered."""
    try:
        from ui import cases_data

        cases_data.log_export(wat, selectie=selectie, regels=aantal)
    except Exception as exc:  # the audit log is unavailable: say why, offer nothing
        st.error(md_escape(f"De export kon niet in het auditlog worden vastgelegd en wordt daarom "
                           f"niet aangeboden: {exc}"), icon=":material/error:")
        return False
    return True
