"""Inventarisatie beautybranche: the first action of the prostitution theme. How many beauty
businesses, of which types, where, on a dwelling or a business address, which are new; keyword
hits apart from SBI types; every business in a table; XLSX with one sheet per type."""

from __future__ import annotations

import streamlit as st

from exports import dook_csv, inventory_xlsx
from geo import inventory
from ui import data_analyse
from ui.format import datum, getal, meervoud
from ui.pages import signalen as frame
from ui.text import md_escape

UITLEG = ("Thema illegale/onvergunde prostitutie, eerste actie: hoeveel en welke typen "
          "beautybedrijven zijn er, en waar. Telt actieve vestigingen op de peildatum, ingedeeld "
          "naar SBI-hoofdactiviteit. Bedrijven die alleen via een nevenactiviteit of alleen via "
          "een trefwoord in de naam (massage, thai, spa, tantra, …) gevonden worden, staan apart: "
          "een trefwoord is een aanwijzing, geen indeling. Woonadres: het BAG-adres heeft "
          "alleen woonfunctie.")
ALLE_ADRESSEN = "Alle adressen"
KLEUR = {"woonadres": "#EE7733", "bedrijfsadres": "#0077BB", "onbekend": "#BBBBBB"}


def render() -> None:
    frame.met_snapshot(_pagina)


def _pagina(snapshot: str, meta: dict) -> None:
    frame.kop("Inventarisatie beautybranche", meta, UITLEG, snapshot)
    rijen = data_analyse.analyse(snapshot)["inventaris"]
    telling = {s["soort"]: s for s in inventory.per_soort(rijen)}
    _kerncijfers(telling)
    st.subheader("Per soort", anchor=False)
    frame.tabel(_soorten(telling, inventory.SBI_SOORTEN, totaalregel=True))
    st.caption("Trefwoord seksbranche: de naam of omschrijving bevat een trefwoord van de groep "
               "'Mogelijke seksbranche' (massage, thai, tantra, wellness, spa, …). Dat is een "
               "aanwijzing om te wegen, geen vaststelling.")
    st.markdown("**Apart geteld** (niet in de soorten hierboven)")
    apart = [s for s in inventory.SOORTEN if not s.sbi_2008]
    frame.tabel(_soorten(telling, apart))
    st.caption(" · ".join(f"{s.naam}: {s.uitleg}." for s in apart))
    st.subheader("Per wijk en buurt", anchor=False)
    st.caption("Alle bedrijven van het overzicht, ook nevenactiviteit en alleen trefwoord; "
               "'Op woonadres' telt ze allemaal.")
    frame.tabel(_buurten(rijen))
    _bedrijven(snapshot, rijen)


def _kerncijfers(telling: dict) -> None:
    sbi = [telling[s.id] for s in inventory.SBI_SOORTEN]
    totaal, thuis = sum(s["totaal"] for s in sbi), sum(s["woonadres"] for s in sbi)
    aandeel = f"{getal(100 * thuis / totaal)} %" if totaal else "–"
    cijfers = [("Beautybedrijven (SBI)", getal(totaal)),
               ("Waarvan op een woonadres", f"{getal(thuis)} ({aandeel})"),
               ("Nieuw (12 maanden)", getal(sum(s["nieuw"] for s in sbi))),
               ("Alleen nevenactiviteit", getal(telling["neven"]["totaal"])),
               ("Alleen trefwoord in de naam", getal(telling["trefwoord"]["totaal"]))]
    for kolom, (label, waarde) in zip(st.columns(len(cijfers)), cijfers, strict=True):
        kolom.metric(label, waarde)


def _soorten(telling: dict, soorten, totaalregel: bool = False) -> list[dict]:
    regels = [_soortregel(s.naam, telling[s.id]) for s in soorten]
    if totaalregel:
        som = {k: sum(telling[s.id][k] for s in soorten)
               for k in ("totaal", "woonadres", "bedrijfsadres", "onbekend", "nieuw", "seksbranche")}
        regels.append(_soortregel("Totaal", som))
    return regels


def _soortregel(naam: str, s: dict) -> dict:
    return {"Soort": naam, "Aantal": s["totaal"], "Op woonadres": s["woonadres"],
            "Op bedrijfsadres": s["bedrijfsadres"], "Niet gekoppeld": s["onbekend"],
            "Nieuw (12 mnd)": s["nieuw"], "Trefwoord seksbranche": s["seksbranche"]}


KORT = {"kapper": "Kappers", "schoonheid": "Schoonheid/nagels", "wellness": "Wellness",
        "overig": "Overig", "neven": "Nevenactiviteit", "trefwoord": "Alleen trefwoord"}


def _buurten(rijen: list[dict]) -> list[dict]:
    return [{"Wijk": b["wijk"], "Buurt": b["buurt"], **{KORT[s.id]: b[s.id] for s in inventory.SOORTEN},
             "Op woonadres": b["woonadres"]} for b in inventory.per_buurt(rijen)]


def _bedrijven(snapshot: str, rijen: list[dict]) -> None:
    st.subheader("Alle bedrijven", anchor=False)
    gekozen = _filter(rijen)
    st.caption(f"{getal(len(gekozen))} van {meervoud(len(rijen), 'bedrijf', 'bedrijven')} getoond.")
    _tabel(gekozen)
    _export(snapshot, gekozen)
    _kaart(snapshot, gekozen)


def _kaart(snapshot: str, gekozen: list[dict]) -> None:
    punten = [{"id": r["vestigingsnummer"], "lat": r["lat"], "lon": r["lon"],
               "kleur": KLEUR[r["adrestype"]], "label": f"{r['naam']}\n{r['adres']}"}
              for r in gekozen if r["lat"] is not None]
    frame.kaart("inventaris_kaart", frame.omgeving(snapshot), punten,
                legenda=[(KLEUR["woonadres"], "op een woonadres"),
                         (KLEUR["bedrijfsadres"], "op een bedrijfsadres")])


def _filter(rijen: list[dict]) -> list[dict]:
    links, rechts = st.columns([3, 1], vertical_alignment="bottom")
    soorten = links.multiselect("Soort", inventory.SOORTEN, default=list(inventory.SOORTEN),
                                format_func=lambda s: s.naam, key="inventaris_soort")
    adres = rechts.selectbox("Adres", [ALLE_ADRESSEN, *inventory.ADRESTYPEN.values()],
                             key="inventaris_adres")
    een, twee = st.columns(2)
    nieuw = een.checkbox("Alleen nieuw (12 maanden)", key="inventaris_nieuw")
    seks = twee.checkbox("Alleen met een trefwoord van 'mogelijke seksbranche'",
                         key="inventaris_seks")
    ids = {s.id for s in soorten}
    return [r for r in rijen if r["type"] in ids
            and adres in (ALLE_ADRESSEN, inventory.ADRESTYPEN[r["adrestype"]])
            and (r["nieuw"] or not nieuw) and (r["seksbranche"] or not seks)]


def _tabel(rijen: list[dict]) -> None:
    tabel = [{"Naam": r["naam"], "Soort": KORT[r["type"]], "Adres": r["adres"],
              "Adrestype": inventory.ADRESTYPEN[r["adrestype"]], "Buurt": r["buurtnaam"] or "",
              "SBI": r["sbi_hoofd"], "Trefwoord": r["trefwoord"] or "",
              "Ingeschreven": datum(r["datum_aanvang"])} for r in rijen]
    keuze = frame.gekozen_rij(frame.tabel(tabel, key="inventaris_tabel", selecteer=True))
    if keuze is None:
        st.caption("Kies een regel om het bedrijf op de kaart te openen.")
        return
    r = rijen[keuze]
    st.markdown(f"**{md_escape(r['naam'])}**, {md_escape(r['adres'])} "
                f"({md_escape(r['sbi_omschrijving'] or 'SBI ' + (r['sbi_hoofd'] or '?'))}); "
                f"KVK {md_escape(r['kvk_nummer'])}, vestiging {md_escape(r['vestigingsnummer'])}")
    frame.kaart_link("vestiging", r["vestigingsnummer"])


def _export(snapshot: str, gekozen: list[dict]) -> None:
    gebruiker = data_analyse.gebruiker()
    lines = data_analyse.verantwoording(snapshot, "Inventarisatie beautybranche", gebruiker)
    alles = data_analyse.analyse(snapshot)["inventaris"]
    kolommen, tabel = inventory.table(gekozen)
    st.markdown("Excel: het hele overzicht, één tabblad per soort, met verantwoording. "
                "CSV: de bedrijven die nu getoond worden.")
    frame.downloads("inventarisatie-beautybranche", lambda: dook_csv.to_csv(kolommen, tabel),
                    lambda: inventory_xlsx.workbook(alles, lines), key="inventaris_export")


if __name__ == "__main__":  # a page of st.navigation in app.py, given by its file path
    render()
