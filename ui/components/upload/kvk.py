"""Options of a KVK upload: which column holds what (DOOK preset, chosen here, or a TOML file)
and the SBI version. Columns chosen here become the same TOML mapping `zicht load kvk-file
--kolommen` reads, stored next to the upload and offered for download to reuse next time."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import streamlit as st

from loaders import admin
from loaders.admin import DOOK, REQUIRED
from loaders.errors import InvoerFout
from ui import cases_data
from ui.text import md_escape, plain

INDELINGEN = {
    "dook": "DOOK-export (kolomnamen als KVK_Vestigingsnummer, KVK_Handelsnaam, postcode, …)",
    "kiezen": "Andere indeling: kolommen hier koppelen",
    "toml": "Andere indeling: een eerder bewaarde kolomindeling (TOML) gebruiken",
}
SBI_VERSIES = {"": "Automatisch herkennen", "2008": "SBI 2008", "2025": "SBI 2025"}
SBI_UITLEG = ("KVK zette op 5–7 september 2025 het hele register om van SBI 2008 naar SBI 2025. "
              "Zicht herkent de versie aan de codes (codes van 4 cijfers bestaan alleen in SBI 2008) "
              "en aan de inschrijfdata. Kies zelf als u zeker weet welke versie het bestand heeft.")
VELDEN = {
    "vestigingsnummer": "Vestigingsnummer", "kvk_nummer": "KVK-nummer", "naam": "Handelsnaam",
    "postcode": "Postcode", "huisnummer": "Huisnummer", "straat": "Straat",
    "huisletter": "Huisletter", "toevoeging": "Huisnummertoevoeging", "plaats": "Plaats",
    "bag_id": "BAG-id (verblijfsobject of nummeraanduiding)",
    "sbi_hoofd": "SBI-code hoofdactiviteit", "sbi_codes": "SBI-codes (alle)",
    "datum_aanvang": "Datum inschrijving vestiging", "datum_einde": "Datum uitschrijving vestiging",
    "rechtsvorm": "Rechtsvorm", "activiteit": "Bedrijfsactiviteit (omschrijving)",
    "is_hoofdvestiging": "Hoofdvestiging (ja/nee)", "sbi_omschrijving": "Omschrijving hoofdactiviteit",
    "sbi_neven1": "SBI-code nevenactiviteit 1", "sbi_omschrijving_neven1": "Omschrijving nevenactiviteit 1",
    "sbi_neven2": "SBI-code nevenactiviteit 2", "sbi_omschrijving_neven2": "Omschrijving nevenactiviteit 2",
}
VAAK = REQUIRED + ["straat", "huisletter", "toevoeging", "plaats", "bag_id", "sbi_hoofd",
                   "datum_aanvang", "datum_einde"]
GEEN = ""


def opties(data_dir: Path, upload: admin.Upload) -> dict | None:
    """Loader options for this upload, or None while the column layout is incomplete."""
    sleutel = upload.checksum[:12]
    kolommen = _kolommen(upload)
    is_dook = kolommen is not None and all(DOOK[v] in kolommen for v in REQUIRED)
    links, rechts = st.columns([2, 1])
    indeling = links.radio("Indeling van de kolommen", list(INDELINGEN), format_func=INDELINGEN.get,
                           index=0 if is_dook or not kolommen else 1, key=f"gegevens_indeling_{sleutel}")
    sbi = rechts.selectbox("SBI-versie", list(SBI_VERSIES), format_func=SBI_VERSIES.get,
                           key=f"gegevens_sbi_{sleutel}", help=SBI_UITLEG)
    result = {"preset": "dook" if indeling == "dook" else "generic"}
    if sbi:
        result["sbi_versie"] = sbi
    if indeling == "dook":
        return result
    pad = _toml(data_dir, sleutel) if indeling == "toml" else _koppelen(data_dir, upload, kolommen, sbi)
    if pad is None:
        return None
    result["kolommen"] = str(pad)
    return result


def _kolommen(upload: admin.Upload) -> list[str] | None:
    """The file's column names (read once per upload); None when the header is unreadable."""
    cache = st.session_state.setdefault("gegevens_kolommen", {})
    if upload.checksum not in cache:
        try:
            cache[upload.checksum] = admin.column_names(upload.pad, upload.naam)
        except InvoerFout:
            cache[upload.checksum] = None  # the check reports it with file and row
    return cache[upload.checksum]


def _toml(data_dir: Path, sleutel: str) -> Path | None:
    bestand = st.file_uploader("Kolomindeling (TOML)", type=["toml"], key=f"gegevens_toml_{sleutel}",
                               help="Een bestand met een sectie [kolommen], zoals Zicht het aanbiedt "
                                    "nadat u de kolommen hier hebt gekoppeld.")
    st.caption("Eén TOML-bestand met een sectie [kolommen].")
    if bestand is None:
        return None
    try:
        bestand.seek(0)
        return admin.save_upload(data_dir, bestand.name, bestand, admin.KOLOMMEN_EXTENSIONS).pad
    except InvoerFout as exc:
        st.error(f"De kolomindeling is niet opgeslagen: {md_escape(exc)}", icon=":material/error:")
        return None


def _koppelen(data_dir: Path, upload: admin.Upload, kolommen: list[str] | None,
              sbi: str) -> Path | None:
    if not kolommen:
        st.error("De kopregel van het bestand is niet te lezen; controleer het bestand hieronder "
                 "voor de precieze fout.", icon=":material/error:")
        return None
    st.markdown("**Welke kolom bevat wat?** Zicht heeft een voorstel gedaan op grond van de "
                "kolomnamen; controleer het. De eerste vijf zijn verplicht.")
    gok = admin.guess_mapping(kolommen)
    keuze = _raster(VAAK, kolommen, gok, upload.checksum[:12])
    with st.expander("Meer kolommen (optioneel)"):
        overig = [v for v in DOOK if v not in VAAK]
        keuze |= _raster(overig, kolommen, gok, upload.checksum[:12])
    mapping = {veld: kolom for veld, kolom in keuze.items() if kolom}
    if not _compleet(mapping):
        return None
    tekst = admin.mapping_toml(mapping, sbi or None)
    st.download_button("Kolomindeling bewaren voor een volgende keer (TOML)",
                       cases_data.audited("kolomindeling TOML", lambda: tekst),
                       file_name="kolomindeling.toml", mime="application/toml",
                       icon=":material/download:", key=f"gegevens_toml_download_{upload.checksum[:12]}")
    return admin.save_text(data_dir, "kolomindeling.toml", tekst)


def _raster(velden: list[str], kolommen: list[str], gok: dict, sleutel: str) -> dict[str, str]:
    keuze = {}
    kolommen_ui = st.columns(3)
    for i, veld in enumerate(velden):
        opties = [GEEN, *kolommen]
        label = VELDEN[veld] + (" (verplicht)" if veld in REQUIRED else "")
        with kolommen_ui[i % 3]:
            keuze[veld] = st.selectbox(
                label, opties, index=opties.index(gok[veld]) if veld in gok else 0,
                format_func=lambda k: plain(k) or "— niet in dit bestand —",
                key=f"gegevens_kolom_{sleutel}_{veld}")
    return keuze


def _compleet(mapping: dict[str, str]) -> bool:
    ontbreekt = [VELDEN[v] for v in REQUIRED if v not in mapping]
    if ontbreekt:
        st.info("Kies nog een kolom voor: " + md_escape(", ".join(ontbreekt)) + ".",
                icon=":material/edit:")
        return False
    dubbel = [kolom for kolom, n in Counter(mapping.values()).items() if n > 1]
    if dubbel:
        st.warning(f"De kolom '{md_escape(dubbel[0])}' is voor meer dan één gegeven gekozen; "
                   "kies voor elk gegeven een eigen kolom.", icon=":material/warning:")
        return False
    return True
