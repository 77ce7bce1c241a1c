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

from loaders import admin
from loaders.admin import Bron, SourceKind
from loaders.errors import InvoerFout
from ui.components.upload import controle as upload_controle
from ui.components.upload import kvk as upload_kvk
from ui.components.upload.controle import FORMULIER
from ui.format import datum
from ui.text import md_escape

GEBIED_SOORTEN = {
    "bedrijventerrein": "Bedrijventerreinen",
    "buurt": "Buurten",
    "postcode": "Postcodegebieden (PC4)",
    "eigen": "Eigen gebieden (bijvoorbeeld een zelf ingetekend aandachtsgebied)",
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
    soorten = {k.naam: k for k in admin.upload_soorten()}
    naam = st.radio("Wat voegt u toe?", list(soorten), format_func=lambda n: soorten[n].upload.label,
                    horizontal=True, key="gegevens_soort")
    soort = soorten[naam]
    st.caption(soort.upload.uitleg)
    typen = [e.lstrip(".") for e in soort.upload.extensies]
    bestand = st.file_uploader(
        "Bestand", type=typen,
        key=f"gegevens_bestand_{soort.upload.naam_prefix}_{st.session_state.get(FORMULIER, 0)}",
        max_upload_size=admin.MAX_MB,
        help=f"Hoogstens {admin.MAX_MB} MB. Het bestand wordt pas gebruikt nadat u het hebt "
             "gecontroleerd, geregistreerd en een nieuwe snapshot hebt gebouwd.")
    st.caption(f"Hoogstens {admin.MAX_MB} MB per bestand; soort: "
               f"{', '.join(t.upper() for t in typen)}.")
    if bestand is None:
        return
    upload = _opslaan(data_dir, bestand, soort.upload.extensies)
    if upload is None:
        return
    invoer = _invoer(soort, upload)
    opties = OPTIES.get(soort.naam, _geen_opties)(data_dir, upload)
    if invoer is None or opties is None:
        return
    if invoer.omschrijving:
        opties["omschrijving"] = invoer.omschrijving
    bron = Bron(bron=invoer.naam, soort=soort.naam, pad=str(upload.pad),
                peildatum=invoer.peildatum.isoformat(), opties=opties, checksum=upload.checksum)
    upload_controle.toon(data_dir, bron, upload.naam, bestaande)


def _opslaan(data_dir: Path, bestand, allowed: tuple[str, ...]) -> admin.Upload | None:
    """Store the upload once per uploaded file; a refusal is shown in Dutch."""
    opgeslagen = st.session_state.setdefault(_UPLOADS, {})
    if bestand.file_id not in opgeslagen:
        try:
            bestand.seek(0)
            opgeslagen[bestand.file_id] = admin.save_upload(data_dir, bestand.name, bestand, allowed)
        except InvoerFout as exc:
            st.error(f"Het bestand is niet opgeslagen: {md_escape(exc)}", icon=":material/error:")
            return None
    return opgeslagen[bestand.file_id]


def _invoer(soort: SourceKind, upload: admin.Upload) -> Invoer | None:
    sleutel = upload.checksum[:12]
    links, rechts = st.columns(2)
    naam = links.text_input(
        "Naam van de bron", value=standaardnaam(soort, upload.naam), key=f"gegevens_naam_{sleutel}",
        max_chars=40, help="Korte naam waaronder de bron in Zicht bekend is, bijvoorbeeld "
                           "kvk-2026-11. Registreert u later een bestand onder dezelfde naam, dan "
                           "vervangt dat deze bron.")
    gezegd = admin.peildatum_uit_bestand(soort.naam, upload.pad)
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


def _gebied_opties(_data_dir: Path, upload: admin.Upload) -> dict | None:
    soort = st.radio("Soort gebied", list(GEBIED_SOORTEN), format_func=GEBIED_SOORTEN.get,
                     key=f"gegevens_gebied_soort_{upload.checksum[:12]}", horizontal=True,
                     help="Meerdere bronnen met bedrijventerreinen staan naast elkaar: er is geen "
                          "eenduidige definitie.")
    return {"soort": soort}


def standaardnaam(soort: SourceKind, bestandsnaam: str) -> str:
    """'kvk-selectie-nov' from 'Selectie nov.csv': a valid source name to start from."""
    stem = re.sub(r"[^a-z0-9]+", "-", Path(bestandsnaam).stem.lower()).strip("-")
    prefix = soort.upload.naam_prefix
    naam = stem if stem.startswith(prefix) else f"{prefix}-{stem}" if stem else prefix
    return naam[:40].rstrip("-")


def _geen_opties(_data_dir: Path, _upload: admin.Upload) -> dict:
    return {}


# The options a kind asks for on the form, beyond name, date and description.
OPTIES = {"kvk-file": upload_kvk.opties, "gebieden": _gebied_opties}
