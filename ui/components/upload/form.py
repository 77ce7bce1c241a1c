"""Adding a source in the app: pick a KVK or area file, name it, date it, then check it.

Nothing is registered here: the file is stored under the data directory's uploads folder (which
no build reads unless a source is registered for it) and handed to upload_controle, which shows
the check and the explicit "Registreren" button.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import streamlit as st

from loaders import uploads
from loaders.errors import InvoerFout
from loaders.peildatum import uit_bestand as peildatum_uit_bestand
from loaders.sources import Bron
from ui.components.upload import controle as upload_controle
from ui.components.upload import kvk as upload_kvk
from ui.components.upload.controle import FORMULIER
from ui.format import datum
from ui.text import md_escape

KVK, GEBIEDEN = "kvk", "gebieden"
SOORT_LABELS = {
    KVK: "KVK-selectie (CSV of Excel)",
    GEBIEDEN: "Gebieden (GeoJSON, GeoPackage of gezipte Shapefile)",
}
BESTANDSTYPEN = {
    KVK: [e.lstrip(".") for e in uploads.KVK_EXTENSIONS],
    GEBIEDEN: [e.lstrip(".") for e in uploads.GEBIEDEN_EXTENSIONS],
}
GEBIED_SOORTEN = {
    "bedrijventerrein": "Bedrijventerreinen",
    "buurt": "Buurten",
    "postcode": "Postcodegebieden (PC4)",
    "eigen": "Eigen gebieden (bijvoorbeeld een zelf ingetekend aandachtsgebied)",
}
UITLEG = {
    KVK: "Een selectie uit het Handelsregister zoals de gemeente die van KVK krijgt: CSV (; of ,) "
         "of Excel (.xlsx, eerste werkblad). Standaard in de DOOK-indeling; een andere indeling "
         "koppelt u hieronder kolom voor kolom.",
    GEBIEDEN: "Vlakken met een naam en bij voorkeur een code, in elk coördinatenstelsel (RD, WGS84, "
              "…). Een Shapefile uploadt u als één zip met daarin .shp, .shx, .dbf en .prj.",
}
NAAM_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_UPLOADS = "gegevens_uploads"  # session: file_id -> Upload (the stored file)



@dataclass(frozen=True)
class Invoer:
    naam: str
    peildatum: date
    omschrijving: str


def toon(data_dir: Path, bestaande: list[Bron]) -> None:
    """The whole 'Bestand toevoegen' form."""
    soort = st.radio("Wat voegt u toe?", list(SOORT_LABELS), format_func=SOORT_LABELS.get,
                     horizontal=True, key="gegevens_soort")
    st.caption(UITLEG[soort])
    bestand = st.file_uploader(
        "Bestand", type=BESTANDSTYPEN[soort],
        key=f"gegevens_bestand_{soort}_{st.session_state.get(FORMULIER, 0)}",
        max_upload_size=uploads.MAX_MB,
        help=f"Hoogstens {uploads.MAX_MB} MB. Het bestand wordt pas gebruikt nadat u het hebt "
             "gecontroleerd, geregistreerd en een nieuwe snapshot hebt gebouwd.")
    st.caption(f"Hoogstens {uploads.MAX_MB} MB per bestand; soort: "
               f"{', '.join(t.upper() for t in BESTANDSTYPEN[soort])}.")
    if bestand is None:
        return
    upload = _opslaan(data_dir, bestand, tuple(f".{t}" for t in BESTANDSTYPEN[soort]))
    if upload is None:
        return
    invoer = _invoer(soort, upload)
    opties = upload_kvk.opties(data_dir, upload) if soort == KVK else _gebied_opties(upload)
    if invoer is None or opties is None:
        return
    if invoer.omschrijving:
        opties["omschrijving"] = invoer.omschrijving
    bron = Bron(bron=invoer.naam, soort="kvk-file" if soort == KVK else "gebieden",
                pad=str(upload.pad), peildatum=invoer.peildatum.isoformat(), opties=opties,
                checksum=upload.checksum)
    upload_controle.toon(data_dir, bron, upload.naam, bestaande)


def _opslaan(data_dir: Path, bestand, allowed: tuple[str, ...]) -> uploads.Upload | None:
    """Store the upload once per uploaded file; a refusal is shown in Dutch."""
    opgeslagen = st.session_state.setdefault(_UPLOADS, {})
    if bestand.file_id not in opgeslagen:
        try:
            bestand.seek(0)
            opgeslagen[bestand.file_id] = uploads.save_upload(data_dir, bestand.name, bestand, allowed)
        except InvoerFout as exc:
            st.error(f"Het bestand is niet opgeslagen: {md_escape(exc)}", icon=":material/error:")
            return None
    return opgeslagen[bestand.file_id]


def _invoer(soort: str, upload: uploads.Upload) -> Invoer | None:
    sleutel = upload.checksum[:12]
    links, rechts = st.columns(2)
    naam = links.text_input(
        "Naam van de bron", value=standaardnaam(soort, upload.naam), key=f"gegevens_naam_{sleutel}",
        max_chars=40, help="Korte naam waaronder de bron in Zicht bekend is, bijvoorbeeld "
                           "kvk-2026-11. Registreert u later een bestand onder dezelfde naam, dan "
                           "vervangt dat deze bron.")
    gezegd = peildatum_uit_bestand("kvk-file" if soort == KVK else "gebieden", upload.pad)
    peildatum = rechts.date_input(
        "Peildatum", value=date.fromisoformat(gezegd[0]) if gezegd else None, format="DD-MM-YYYY",
        key=f"gegevens_peildatum_{sleutel}",
        help="De datum waarop de gegevens betrekking hebben, bijvoorbeeld de datum van de "
             "KVK-selectie. Kaarten en exports tonen deze datum.")
    if gezegd:
        rechts.caption(md_escape(f"Het bestand noemt {datum(gezegd[0])} ({gezegd[1]})."))
    omschrijving = st.text_input(
        "Omschrijving (optioneel)", key=f"gegevens_omschrijving_{sleutel}", max_chars=120,
        placeholder="bijvoorbeeld: KVK-selectie november 2026, alle vestigingen")
    if peildatum is None:
        st.warning("Vul de peildatum in: de datum waarop de gegevens betrekking hebben. Het bestand "
                   "noemt er geen, en Zicht neemt niet zomaar de datum van vandaag.",
                   icon=":material/edit:")
        return None
    if not NAAM_RE.match(naam):
        st.warning("Geef de bron een naam van kleine letters, cijfers en streepjes (hoogstens 40 "
                   "tekens), bijvoorbeeld kvk-2026-11.", icon=":material/edit:")
        return None
    return Invoer(naam, peildatum, omschrijving.strip())


def _gebied_opties(upload: uploads.Upload) -> dict | None:
    soort = st.radio("Soort gebied", list(GEBIED_SOORTEN), format_func=GEBIED_SOORTEN.get,
                     key=f"gegevens_gebied_soort_{upload.checksum[:12]}", horizontal=True,
                     help="Meerdere bronnen met bedrijventerreinen staan naast elkaar: er is geen "
                          "eenduidige definitie.")
    return {"soort": soort}


def standaardnaam(soort: str, bestandsnaam: str) -> str:
    """'kvk-selectie-nov' from 'Selectie nov.csv': a valid source name to start from."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(bestandsnaam).stem.lower()).strip("-")
    prefix = "kvk" if soort == KVK else "gebieden"
    naam = stem if stem.startswith(prefix) else f"{prefix}-{stem}" if stem else prefix
    return naam[:40].rstrip("-")
