"""Gegevens: what every figure rests on, and where an administrator brings in new data.

The snapshot in use and its sources (peildatum, geladen op, rijen, bestand, checksum), how well
KVK matched onto the BAG per source and method, the vestigingen that did not match (with the
likely reason, downloadable), the list of snapshots, adding a KVK or area file (checked before
anything is registered), and building a new snapshot in the background with its progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import streamlit as st

from cases.model import Rol
from cases.store import DEMO
from exports.dook_csv import to_csv
from geo import db, snapshots
from loaders import admin
from loaders.admin import Bron
from ui import cases_data, data, data_gegevens, theme
from ui.components import gegevens_waarschuwingen
from ui.components.upload import bouw as upload_bouw
from ui.components.upload import controle as upload_controle
from ui.components.upload import form as upload_form
from ui.components.upload import register as upload_register
from ui.format import LEEG, datum, datumtijd, getal, kies, meervoud
from ui.tabel import nl_waarde
from ui.text import md_escape

INTRO = ("Waar de cijfers in Zicht op rusten: de bronnen met hun peildatum, hoe goed de KVK-"
         "vestigingen aan BAG-adressen zijn gekoppeld, en welke niet. Hier voegt de beheerder ook "
         "een KVK- of gebiedenbestand toe en bouwt een nieuwe snapshot.")
GEEN_SNAPSHOT = ("Er is nog geen snapshot. Zicht heeft eerst de BAG nodig: die laadt de beheerder op "
                 "de server met `zicht load bag-gpkg …` (of maak de demogemeente met `zicht demo`). "
                 "Daarna voegt u hier KVK- en gebiedenbestanden toe en bouwt u een snapshot.")
LEESFOUT = ("De snapshot die in gebruik is, kon niet worden gelezen. Bouw een nieuwe snapshot; "
            "lukt dat niet, vraag dan de beheerder de technische details te bekijken.")
ALLEEN_BEHEERDER = "Alleen een beheerder kan bestanden toevoegen en een nieuwe snapshot bouwen."
TABS = ["Bronnen", "Koppeling KVK → BAG", "Niet gekoppeld of onzeker", "Waarschuwingen",
        "Bestand toevoegen", "Snapshots"]
METHODEN = {"bag_id": "Via BAG-id", "adres": "Via adres", "coordinaten": "Via coördinaten",
            "geen": "Niet gekoppeld"}
KOPPEL_UITLEG = (
    "Zicht koppelt elke vestiging in deze volgorde: **BAG-id** (het verblijfsobject of de "
    "nummeraanduiding die KVK meegeeft; score 1), **adres** (postcode, huisnummer, huisletter en "
    "toevoeging; dezelfde toevoeging anders geschreven, zoals 'hs' voor H of '2e etage' voor 2, "
    "0,95; zonder postcode op straat en plaats 0,9; een toevoeging die de BAG daar niet kent of "
    "een straatnaam met een tikfout 0,6–0,85), **coördinaten** (de objecten op het dichtstbijzijnde "
    "BAG-punt binnen 50 m; hoogstens 0,85). **Zeker** is een score van 0,9 of hoger: gemeten op "
    "echte BAG-adressen klopt zo'n koppeling in meer dan 99 % van de gevallen. Daaronder heet de "
    "koppeling **onzeker**; passen meerdere BAG-objecten even goed (bijvoorbeeld flats op één "
    "punt), dan kiest Zicht er geen: **meerdere kandidaten**. De kandidaten staan op de kaart bij "
    "de vestiging en in de lijst 'Niet gekoppeld of onzeker'. Een BAG-id dat in deze BAG niet "
    "voorkomt, wordt gemeld (**BAG-id onbekend**) en Zicht probeert dan het adres. Wat niet lukt, "
    "blijft bewaard als **niet gekoppeld**: "
    "het telt mee in de cijfers, maar heeft geen plek op de kaart. Een vestiging die in meer "
    "bronnen staat, telt één keer: Zicht gebruikt de bron met de nieuwste peildatum, bij gelijke "
    "peildatum de meest volledige rij; een uitgeschreven vestiging blijft uitgeschreven. De "
    "andere rijen staan onder Waarschuwingen als 'dubbel geleverd'.")
REDENEN = {
    "meerdere kandidaten": "Meerdere BAG-objecten passen even goed (bijvoorbeeld flats op één punt "
                           "of een ontbrekende toevoeging); Zicht kiest er geen. Zie de kandidaten.",
    "onzeker": "Gekoppeld met een score onder 0,9 (bijvoorbeeld een toevoeging die de BAG daar niet "
               "kent). Controleer de kandidaten.",
    "BAG-id onbekend": "Het BAG-id dat KVK meegaf, komt in deze BAG niet voor; de vestiging is op "
                       "het adres gekoppeld.",
    "afgeschermd": "KVK toont het adres niet (afgeschermd), dus er is geen locatie.",
    "geen adres": "Er is geen adres geleverd.",
    "buiten gemeente": "De postcode of plaats komt niet voor in de BAG van deze gemeente.",
    "onbekend adres": "Postcode en plaats liggen in de gemeente, maar dit adres (huisnummer, "
                      "letter of toevoeging) staat niet in de BAG.",
}


_CSS = """<style>
[class*="st-key-gegevens-"] td:nth-child(n+2) p { white-space: nowrap; }
</style>"""


@dataclass(frozen=True)
class Rechten:
    beheren: bool  # add files, register, build
    paden: bool    # see server paths instead of file names


def render() -> None:
    theme.apply()
    st.markdown(_CSS, unsafe_allow_html=True)
    st.title("Gegevens", anchor=False)
    st.caption(INTRO)
    if melding := st.session_state.pop(upload_controle.MELDING, None):
        st.success(md_escape(melding), icon=":material/check_circle:")
    data_dir, snapshot, rechten = db.data_dir(), data.snapshot_path(), _rechten()
    register = admin.read_register(data_dir)
    try:
        _pagina(data_dir, snapshot, rechten, register)
    except duckdb.Error as exc:
        st.error(LEESFOUT, icon=":material/error:")
        with st.expander("Technische details voor de beheerder"):
            st.code(f"{Path(snapshot or '').name}\n{type(exc).__name__}: {exc}", language=None)


def _pagina(data_dir: Path, snapshot: str | None, rechten: Rechten, register: list[Bron]) -> None:
    bronnen = data_gegevens.bronnen(snapshot) if snapshot else []
    _kop(snapshot)
    heeft_bag = admin.heeft_bag(register)
    if rechten.beheren and snapshot and not heeft_bag:
        st.warning("Er is geen BAG-bron geregistreerd, dus er kan geen nieuwe snapshot worden "
                   "gebouwd. Laad de BAG op de server met `zicht load bag-gpkg …`.",
                   icon=":material/warning:")
    upload_bouw.toon(data_dir, rechten.beheren and heeft_bag, _wachtend(register, bronnen))
    tab_bronnen, tab_koppeling, tab_open, tab_waarsch, tab_toevoegen, tab_snapshots = st.tabs(TABS)
    with tab_bronnen:
        _bronnen(bronnen, register, rechten)
        if rechten.beheren:
            upload_register.toon(data_dir, register)
    peildatum = (data.meta(snapshot).get("peildatum") if snapshot else None) or date.today().isoformat()
    with tab_koppeling:
        _koppeling(snapshot, peildatum)
    with tab_open:
        _ongekoppeld(snapshot, peildatum)
    with tab_waarsch:
        gegevens_waarschuwingen.toon(snapshot, peildatum)
    with tab_toevoegen:
        if rechten.beheren:
            upload_form.toon(data_dir, register)
        else:
            st.info(ALLEEN_BEHEERDER, icon=":material/lock:")
    with tab_snapshots:
        _snapshots(data_dir, snapshot)


def _rechten() -> Rechten:
    """A beheerder sees and does everything; in demo mode everyone may add and build (fictional
    data); otherwise the page only shows. File names only, never server paths, for others."""
    gebruiker = _gebruiker()
    if gebruiker is not None and gebruiker.heeft_rol(Rol.BEHEERDER):
        return Rechten(beheren=True, paden=True)
    try:
        from ui import cases_data

        demo = cases_data.mode() == DEMO
    except Exception:  # an unknown mode, or demo asked for on real data, never means demo
        demo = False
    return Rechten(beheren=demo, paden=False)


def _gebruiker():
    """The logged-in user as the login gate knows them; None when there is none."""
    try:
        from ui import cases_data

        return cases_data.user()
    except Exception:  # no login gate, or the case store is unavailable: no beheerder rights
        return None


def _kop(snapshot: str | None) -> None:
    st.subheader("Snapshot in gebruik", anchor=False)
    if snapshot is None:
        st.info(GEEN_SNAPSHOT, icon=":material/info:")
        return
    meta = data.meta(snapshot)
    st.markdown(
        f"**{md_escape(meta.get('gemeentenaam') or 'Gemeente onbekend')}**, peildatum "
        f"{datum(meta.get('peildatum'))}, gebouwd op {datumtijd(meta.get('gebouwd_op'))} "
        f"({md_escape(Path(snapshot).name)})")
    st.caption("Een snapshot is een vastgezette kopie van alle bronnen samen; de hele app werkt "
               "met de snapshot die in gebruik is. Nieuwe bestanden tellen pas mee na een nieuwe bouw.")
    aantallen = data_gegevens.aantallen(snapshot)
    labels = [("pand", "Panden"), ("verblijfsobject", "Verblijfsobjecten"),
              ("vestiging", "Vestigingen"), ("vestiging_actief", "Niet uitgeschreven"),
              ("gebied", "Gebieden")]
    # and what further source kinds fill (loaders.registry), e.g. RDW-bedrijven
    labels += [(t, label) for t, label in admin.tabellen().items()
               if t in aantallen and t not in dict(labels)]
    for kolom, (sleutel, label) in zip(st.columns(len(labels)), labels, strict=True):
        kolom.metric(label, getal(aantallen.get(sleutel)))


def _tabel(rijen: list[dict], key: str) -> None:
    """A static table whose columns after the first do not wrap (dates stay on one line).
    st.table renders cells as Markdown, so every value is escaped."""
    veilig = [{k: md_escape(nl_waarde(k, v)) for k, v in r.items()} for r in rijen]
    with st.container(key=key):
        st.table(veilig, hide_index=True, border="horizontal")


def _wachtend(register: list[Bron], bronnen: list[dict]) -> list[str]:
    """Registered sources the snapshot does not (yet) hold as registered."""
    in_snapshot = {b["bron"]: b for b in bronnen}
    return [b.bron for b in register if _status(b, in_snapshot.get(b.bron)) != "in gebruik"]


def _status(bron: Bron | None, rij: dict | None) -> str:
    if bron is None:
        return "niet meer geregistreerd: verdwijnt bij de volgende bouw"
    if rij is None:
        return "nieuw: nog niet gebouwd"
    same = rij["checksum"] == bron.checksum and str(rij["peildatum"]) == bron.peildatum
    return "in gebruik" if same else "vervangen: nog niet gebouwd"


def _bronnen(bronnen: list[dict], register: list[Bron], rechten: Rechten) -> None:
    geregistreerd = {b.bron: b for b in register}
    rijen = [_bron_rij(b, geregistreerd.get(b["bron"]), rechten) for b in bronnen]
    in_snapshot = {b["bron"] for b in bronnen}
    rijen += [_register_rij(b, rechten) for b in register if b.bron not in in_snapshot]
    if not rijen:
        st.info("Er zijn nog geen bronnen.", icon=":material/info:")
        return
    if all(r["Status"] == "in gebruik" for r in rijen):
        rijen = [{k: v for k, v in r.items() if k != "Status"} for r in rijen]
    _tabel(rijen, "gegevens-bronnen")
    st.caption("Peildatum: de datum waarop de gegevens betrekking hebben. Geladen op: wanneer "
               "Zicht ze in de snapshot las. Checksum: het begin van de SHA-256 van het bestand, "
               "om te zien of twee bestanden hetzelfde zijn.")


def _bron_rij(b: dict, geregistreerd: Bron | None, rechten: Rechten) -> dict:
    return {
        "Bron": _bron_naam(b["omschrijving"] or b["soort"], b["bron"]),
        "Peildatum": datum(b["peildatum"]), "Geladen op": _tijd(b["geladen_op"]),
        "Rijen": getal(b["rijen"]), "Bestand of URL": _bestand(b["bestand"], rechten),
        "Checksum": (b["checksum"] or LEEG)[:10], "Status": _status(geregistreerd, b),
    }


def _register_rij(b: Bron, rechten: Rechten) -> dict:
    return {
        "Bron": _bron_naam(b.omschrijving, b.bron), "Peildatum": datum(b.peildatum),
        "Geladen op": LEEG, "Rijen": LEEG, "Bestand of URL": _bestand(b.pad, rechten),
        "Checksum": (b.checksum or LEEG)[:10], "Status": _status(b, None),
    }


def _bron_naam(omschrijving: str, naam: str) -> str:
    return f"{omschrijving} · {naam}" if omschrijving != naam else naam


def _bestand(bestand: str | None, rechten: Rechten) -> str:
    """A URL as is; of a local path only the file name, unless a beheerder looks."""
    if not bestand:
        return LEEG
    return bestand if "://" in bestand or rechten.paden else Path(bestand).name


def _tijd(value) -> str:
    """`geladen_op` is stored as UTC without a zone; shown in Dutch time."""
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return datumtijd(value)


def _koppeling(snapshot: str | None, peildatum: str) -> None:
    rijen = data_gegevens.koppeling(snapshot, peildatum) if snapshot else []
    if not rijen:
        st.info("Deze snapshot bevat geen KVK-vestigingen.", icon=":material/info:")
        return
    totaal = sum(r["aantal"] for r in rijen)
    gekoppeld = sum(r["aantal"] for r in rijen if r["methode"] != "geen")
    links, rechts = st.columns([1, 3])
    links.metric("Gekoppeld aan een BAG-adres", f"{getal(100 * gekoppeld / totaal, 1)} %")
    rechts.markdown(f"{getal(gekoppeld)} van {meervoud(totaal, 'vestiging', 'vestigingen')} "
                    f"{kies(gekoppeld, 'heeft', 'hebben')} een BAG-adres. "
                    "Per bron en per manier van koppelen; de score loopt van 0 tot 1 (via BAG-id "
                    "is die altijd 1):")
    with rechts:
        _tabel(_koppel_tabel(rijen), "gegevens-koppeling")
        st.markdown("Hoe zeker de koppeling is (zeker: score 0,9 of hoger):")
        _tabel(_zekerheid_tabel(data_gegevens.koppel_zekerheid(snapshot)),
               "gegevens-zekerheid")
    with st.expander("Hoe koppelt Zicht KVK aan de BAG?"):
        st.markdown(KOPPEL_UITLEG)


def _koppel_tabel(rijen: list[dict]) -> list[dict]:
    per_bron: dict[str, dict] = {}
    for r in rijen:
        rij = per_bron.setdefault(r["bron"], {"Bron": r["bron"], "Vestigingen": 0, "Gekoppeld": ""}
                                  | {label: "0" for label in METHODEN.values()})
        rij["Vestigingen"] += r["aantal"]
        cel = getal(r["aantal"])
        if r["methode"] in ("adres", "coordinaten"):
            cel += f" (gem. score {getal(r['gemiddelde_score'], 2)})"
        rij[METHODEN.get(r["methode"], r["methode"])] = cel
    for bron, rij in per_bron.items():
        open_ = sum(r["aantal"] for r in rijen if r["bron"] == bron and r["methode"] == "geen")
        rij["Gekoppeld"] = f"{getal(100 * (rij['Vestigingen'] - open_) / rij['Vestigingen'], 1)} %"
        rij["Vestigingen"] = getal(rij["Vestigingen"])
    return list(per_bron.values())


def _zekerheid_tabel(rijen: list[dict]) -> list[dict]:
    return [{"Bron": r["bron"], "Zeker": getal(r["zeker"]), "Onzeker": getal(r["onzeker"]),
             "Meerdere kandidaten": getal(r["meerdere"]),
             "BAG-id onbekend": getal(r["bag_id_onbekend"])} for r in rijen]


def _ongekoppeld(snapshot: str | None, peildatum: str) -> None:
    rijen = data_gegevens.ongekoppeld(snapshot, peildatum) if snapshot else []
    if not rijen:
        st.success("Alle vestigingen zijn zeker aan een BAG-object gekoppeld.",
                   icon=":material/check_circle:")
        return
    telling = {reden: sum(1 for r in rijen if r["reden"] == reden) for reden in REDENEN}
    st.markdown("\n".join(f"- **{reden}** ({getal(n)}): {REDENEN[reden]}"
                          for reden, n in telling.items() if n))
    links, rechts = st.columns([3, 1], vertical_alignment="bottom")
    redenen = links.multiselect("Reden", [r for r, n in telling.items() if n],
                                default=[r for r, n in telling.items() if n], key="gegevens_redenen")
    alleen_actief = rechts.checkbox("Alleen actieve vestigingen", key="gegevens_alleen_actief")
    gekozen = [r for r in rijen if r["reden"] in redenen and (r["actief"] or not alleen_actief)]
    tabel = [_open_rij(r) for r in gekozen]
    st.dataframe(tabel, hide_index=True, key="gegevens_ongekoppeld")
    kolommen = list(tabel[0]) if tabel else list(_open_rij(rijen[0]))
    st.download_button(
        f"Download {meervoud(len(tabel), 'vestiging', 'vestigingen')} die niet of onzeker "
        f"{kies(len(tabel), 'is', 'zijn')} gekoppeld (CSV)",
        cases_data.audited("niet of onzeker gekoppelde vestigingen CSV",
                           lambda: to_csv(kolommen, [tuple(r.values()) for r in tabel]), aantal=len(tabel)),
        file_name=f"niet-gekoppeld-{peildatum}.csv", mime="text/csv", icon=":material/download:",
        key="gegevens_ongekoppeld_csv", disabled=not tabel)


def _open_rij(r: dict) -> dict:
    nummer = "".join(x for x in (r["huisnummer"], r["huisletter"]) if x)
    adres = " ".join(x for x in (r["straat"], nummer, r["toevoeging"]) if x)
    return {
        "Naam": r["naam"], "Reden": r["reden"], "Adres zoals geleverd": adres or LEEG,
        "Postcode": r["postcode"] or LEEG, "Plaats": r["plaats"] or LEEG,
        "Actief": "ja" if r["actief"] else "nee", "Bron": r["bron"],
        "Vestigingsnummer": r["vestigingsnummer"], "KVK-nummer": r["kvk_nummer"],
        "BAG-id zoals geleverd": r["bag_id"] or LEEG,
        "Score": getal(r["match_score"], 2) if r["match_status"] == "onzeker" else LEEG,
        "Kandidaten": r["kandidaten"] or LEEG,
    }


def _snapshots(data_dir: Path, snapshot: str | None) -> None:
    lijst = list(reversed(snapshots.list_snapshots(data_dir)))
    if not lijst:
        st.info("Er zijn nog geen snapshots.", icon=":material/info:")
        return
    rijen = []
    for pad in lijst:
        stat = pad.stat()
        match = snapshots.SNAPSHOT_RE.match(pad.name)
        rijen.append({
            "In gebruik": "● in gebruik" if str(pad) == snapshot else "",
            "Snapshot": pad.name, "Peildatum": datum(match.group(1) if match else None),
            "Gebouwd op": datumtijd(datetime.fromtimestamp(stat.st_mtime, UTC)),
            "Grootte": f"{getal(stat.st_size / 1e6, 1)} MB",
        })
    _tabel(rijen, "gegevens-snapshots")
    st.caption("Zicht bewaart de laatste snapshots en ruimt oudere op na een nieuwe bouw. De app "
               "gebruikt altijd de snapshot die in gebruik is; een mislukte bouw verandert daar niets aan.")


if __name__ == "__main__":  # run as a page script: st.Page("ui/pages/gegevens.py") in app.py
    render()
