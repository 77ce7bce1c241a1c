"""Object cards beside the map: a pand with every verblijfsobject and every vestiging in it, a
ligplaats or standplaats with its addresses and vestigingen, or a vestiging with all vestigingen
of the same company. Everything comes from the snapshot, with the peildatum on the card; texts
from data pass ui.text (names and streets are data)."""

from __future__ import annotations

import html
import importlib.util

import streamlit as st

from geo.nlformat import LEEG, datum, getal, meervoud
from ui.components import focus
from ui.text import md_escape, md_html, plain

CASE_PANEL = "ui.components.cases.panel"
MATCH = {"bag_id": "op BAG-id", "adres": "op adres", "coordinaten": "op coördinaten",
         "geen": "niet gekoppeld"}
GEEN_PAND = "Het gegevensbestand kent dit pand niet (meer)."
GEEN_VESTIGING = "Het gegevensbestand kent deze vestiging niet (meer)."
GEEN_PLAATS = "Het gegevensbestand kent deze lig- of standplaats niet (meer)."
PLAATS_SOORT = {"ligplaats": "Ligplaats", "standplaats": "Standplaats"}
PLAATS_UITLEG = {"ligplaats": "een plaats in het water voor een woonboot of ander drijvend object",
                 "standplaats": "een plaats op het land voor een woonwagen, kraam of "
                                "ander niet-permanent object"}


def feiten(rijen: list[tuple[str, object]]) -> str:
    """A two-column table of label / value (values escaped)."""
    cellen = "".join(
        f'<tr><td style="color:#4a5561;padding:1px 10px 1px 0;vertical-align:top;'
        f'white-space:nowrap">{md_html(k)}</td><td style="padding:1px 0">'
        f"{md_html(LEEG if v is None or v == '' else str(v))}</td></tr>"
        for k, v in rijen)
    return f'<table style="border:none;font-size:0.95rem;margin-bottom:0.4rem">{cellen}</table>'


def signalen_html(signalen: list[dict]) -> str:
    if not signalen:
        return ""
    regels = "".join(
        f"<li><b>{md_html(s['naam'])}</b>"
        + (f" ({md_html(s['over'])})" if s.get("over") else "")
        + f": {md_html(s['reden'])}</li>" for s in signalen)
    return ('<div style="border-left:4px solid #b2182b;background:#fbeeee;padding:6px 10px;'
            'margin:4px 0 8px 0;border-radius:3px"><div style="font-weight:600">Signalen '
            '(geen oordeel; weeg zelf)</div>'
            f'<ul style="margin:2px 0 0 0;padding-left:1.1rem">{regels}</ul></div>')


def koppeling_tekst(c: dict) -> str:
    """How the vestiging is linked to BAG and how certain that is, in one line."""
    status = c.get("match_status") or "geen"
    if status == "meerdere kandidaten":
        return "meerdere kandidaten: geen BAG-object gekozen"
    if status == "geen" or c["match_methode"] in (None, "geen"):
        return MATCH["geen"]
    gekozen = next((k for k in c.get("kandidaten") or [] if k["gekozen"]), None)
    hoe = gekozen["reden"] if gekozen else MATCH.get(c["match_methode"], c["match_methode"])
    return f"{status}: {hoe} (score {getal(c['match_score'], 2)})"


def kandidaten_html(c: dict) -> str:
    """The candidates of a match that is not certain, for the analyst to weigh."""
    kandidaten = c.get("kandidaten") or []
    if (c.get("match_status") or "geen") == "zeker" or not kandidaten:
        return ""
    regels = "".join(
        f"<li>{md_html(k['adres'] or k['verblijfsobject_id'])} (score "
        f"{getal(k['score'], 2)}; {md_html(k['reden'])}"
        f"{', gekozen' if k['gekozen'] else ''})</li>" for k in kandidaten)
    return ('<div style="border-left:4px solid #8c6d1f;background:#fbf6e9;padding:6px 10px;'
            'margin:4px 0 8px 0;border-radius:3px"><div style="font-weight:600">'
            'Koppeling aan BAG niet zeker: kandidaten</div>'
            f'<ul style="margin:2px 0 0 0;padding-left:1.1rem">{regels}</ul></div>')


def status_tekst(v: dict) -> str:
    if v.get("datum_einde"):
        return f"beëindigd {datum(v['datum_einde'])}"
    return "actief" if v.get("actief", True) else "nog niet gestart"


def pand(card: dict | None, buurt_signalen: list[dict]) -> None:
    if card is None:
        st.info(GEEN_PAND, icon=":material/info:")
        return
    adres = (focus.geopend() or {}).get("adres")
    if not _gelogd("verblijfsobject" if adres else "pand", adres or card["identificatie"],
                   pand=card["identificatie"]):
        return
    _kop(f"Pand {card['identificatie']}", card["peildatum"])
    st.markdown(feiten([
        ("Bouwjaar", card["bouwjaar"]), ("Status", card["status"]),
        ("Oppervlak (footprint)", f"{getal(card['footprint_m2'])} m²"
         if card["footprint_m2"] is not None else None),
        ("Buurt", _buurt(card)),
    ]), unsafe_allow_html=True)
    st.markdown(signalen_html(_alle_signalen(card, buurt_signalen)), unsafe_allow_html=True)
    _verblijfsobjecten(card)
    _links(card["bag_viewer"], "Pand in de BAG-viewer van het Kadaster")
    _casussen("pand", card["identificatie"], card.get("buurtcode"))


def plaats(card: dict | None) -> None:
    """A ligplaats or standplaats: no pand, but an address (or several) and vestigingen."""
    if card is None:
        st.info(GEEN_PLAATS, icon=":material/info:")
        return
    soort = PLAATS_SOORT.get(card["soort"], card["soort"])
    _kop(f"{soort} {card['adres']}", card["peildatum"])
    st.caption(f"{soort}: {PLAATS_UITLEG.get(card['soort'], '')}.")
    st.markdown(feiten([
        ("Adres", " ".join(p for p in (card["adres"], card["postcode"], card["woonplaats"]) if p)),
        ("Nevenadressen", _neven_tekst(card["nevenadressen"])),
        ("Status", card["status"]),
        ("Oppervlak", f"{getal(card['oppervlakte_m2'])} m²"
         if card["oppervlakte_m2"] is not None else None),
        ("BAG-id", card["identificatie"]), ("Buurt", _buurt(card)),
    ]), unsafe_allow_html=True)
    namen = {v["vestigingsnummer"]: v["naam"] for v in card["vestigingen"]}
    alle = [{**x, "over": "adres"} for x in card["signalen"]]
    alle += [{**x, "over": namen.get(nr) or nr}
             for nr, lijst in card["signalen_vestigingen"].items() for x in lijst]
    st.markdown(signalen_html(alle), unsafe_allow_html=True)
    actief = sum(1 for v in card["vestigingen"] if v["actief"])
    st.markdown(f"**{meervoud(len(card['vestigingen']), 'vestiging', 'vestigingen')} ingeschreven, "
                f"waarvan {getal(actief)} actief**")
    st.markdown(_vestigingen_html(card["vestigingen"]), unsafe_allow_html=True)
    if card["vestigingen"]:
        _kies_onderneming(card["vestigingen"], key=f"plaats_ond_{card['identificatie']}")
    _links(card["bag_viewer"], f"{soort} in de BAG-viewer van het Kadaster")
    _casussen("adres", card["identificatie"], card.get("buurtcode"))


def _neven_tekst(nevenadressen: list[dict]) -> str | None:
    return "; ".join(" ".join(p for p in (n["adres"], n["postcode"], n["woonplaats"]) if p)
                     for n in nevenadressen) or None


def _alle_signalen(card: dict, buurt_signalen: list[dict]) -> list[dict]:
    """Every signal about the pand, its addresses, its vestigingen and its buurt, each saying
    what it is about."""
    namen = {v["vestigingsnummer"]: v["naam"] for vbo in card["verblijfsobjecten"]
             for v in vbo["vestigingen"]}
    alle = [{**x, "over": "pand"} for x in card["signalen"]]
    alle += [{**x, "over": vbo["adres"]} for vbo in card["verblijfsobjecten"]
             for x in vbo["signalen"]]
    alle += [{**x, "over": namen.get(nr) or nr}
             for nr, lijst in card["signalen_vestigingen"].items() for x in lijst]
    return alle + [{**x, "over": f"buurt {card.get('buurtnaam') or ''}".strip()}
                   for x in buurt_signalen]


def _buurt(card: dict) -> str | None:
    delen = [p for p in (card.get("buurtnaam"), card.get("wijknaam") and
                         f"wijk {card['wijknaam']}") if p]
    return ", ".join(delen) or None


def _kop(titel: str, peildatum: str) -> None:
    st.markdown(f"#### {md_html(titel)}", unsafe_allow_html=True)
    st.caption(f"Peildatum {datum(peildatum)} · bron: BAG en Handelsregister in dit gegevensbestand")


def _verblijfsobjecten(card: dict) -> None:
    vbos = card["verblijfsobjecten"]
    vestigingen = [v for vbo in vbos for v in vbo["vestigingen"]]
    actief = sum(1 for v in vestigingen if v["actief"])
    st.markdown(f"**{meervoud(len(vbos), 'verblijfsobject', 'verblijfsobjecten')}, "
                f"{meervoud(len(vestigingen), 'vestiging', 'vestigingen')} ingeschreven, "
                f"waarvan {getal(actief)} actief**")
    for vbo in vbos:
        open_ = len(vbos) <= 3 or vbo["identificatie"] == (focus.geopend() or {}).get("adres")
        titel = f"{vbo['adres']} · {meervoud(len(vbo['vestigingen']), 'vestiging', 'vestigingen')}"
        with st.expander(md_escape(titel), expanded=open_):
            st.markdown(_vbo_html(vbo), unsafe_allow_html=True)
    if vestigingen:
        _kies_onderneming(vestigingen, key=f"pand_ond_{card['identificatie']}")


def _vbo_html(vbo: dict) -> str:
    doelen = ", ".join(vbo["gebruiksdoelen"] or []) or None
    rijen = [("Adres", " ".join(p for p in (vbo["postcode"], vbo["woonplaats"]) if p)),
             ("Nevenadressen", _neven_tekst(vbo.get("nevenadressen") or [])),
             ("Gebruiksdoel", doelen),
             ("Oppervlakte", f"{getal(vbo['oppervlakte'])} m²" if vbo["oppervlakte"] else None),
             ("Status", vbo["status"]), ("BAG-id", vbo["identificatie"])]
    tekst = feiten(rijen) + signalen_html(vbo["signalen"])
    return tekst + _vestigingen_html(vbo["vestigingen"]) + link_html(vbo["bag_viewer"],
                                                                      "Adres in de BAG-viewer")


def _vestigingen_html(vestigingen: list[dict]) -> str:
    if not vestigingen:
        return "<p>Geen vestigingen ingeschreven op dit adres.</p>"
    rijen = "".join(
        "<tr>"
        f"<td style='padding:2px 8px 2px 0'><b>{md_html(v['naam'] or '(naam onbekend)')}</b>"
        f"<br><span style='color:#4a5561'>KVK {md_html(v['kvk_nummer'] or LEEG)} · "
        f"{'hoofd' if v['is_hoofdvestiging'] else 'neven'}vestiging · SBI "
        f"{md_html(v['sbi_hoofd'] or LEEG)} {md_html(v['sbi_omschrijving'] or '')}"
        f"{_onzeker_html(v)}</span></td>"
        f"<td style='padding:2px 0;white-space:nowrap;vertical-align:top'>"
        f"{md_html('sinds ' + datum(v['datum_aanvang']))}<br>{md_html(status_tekst(v))}</td>"
        "</tr>" for v in vestigingen)
    return f'<table style="border:none;font-size:0.92rem;width:100%">{rijen}</table>'


def _onzeker_html(v: dict) -> str:
    """A warning on a vestiging in a pand card whose link to this address is not certain."""
    if v.get("match_status") != "onzeker":
        return ""
    return (f"<br><span style='color:#8c6d1f'>koppeling aan dit adres onzeker (score "
            f"{getal(v['match_score'], 2)}); zie de kaart van de vestiging</span>")


def _kies_onderneming(vestigingen: list[dict], key: str) -> None:
    opties = {v["vestigingsnummer"]: v for v in vestigingen}
    st.selectbox("Onderneming openen (alle vestigingen op de kaart)", list(opties),
                 index=None, key=key, placeholder="Kies een vestiging",
                 format_func=lambda n: plain(f"{opties[n]['naam'] or n} ({status_tekst(opties[n])})"),
                 on_change=_onderneming_gekozen, args=(key,))


def _onderneming_gekozen(key: str) -> None:
    keuze = st.session_state.get(key)
    st.session_state[key] = None
    if keuze:
        focus.open_vestiging(keuze)


def vestiging(card: dict | None) -> None:
    if card is None:
        st.info(GEEN_VESTIGING, icon=":material/info:")
        return
    if not _gelogd("vestiging", card["vestigingsnummer"], onderneming=card["kvk_nummer"]):
        return
    _kop(card["naam"] or f"Vestiging {card['vestigingsnummer']}", card["peildatum"])
    st.markdown(feiten(_vestiging_feiten(card)), unsafe_allow_html=True)
    st.markdown(kandidaten_html(card), unsafe_allow_html=True)
    st.markdown(signalen_html(card["signalen"]), unsafe_allow_html=True)
    if card.get("pand_identificatie"):
        st.button("Pand openen", key=f"pand_{card['vestigingsnummer']}", icon=":material/domain:",
                  on_click=focus.open_pand, args=(card["pand_identificatie"],
                                                  card.get("verblijfsobject_id")))
    elif card.get("object_soort") in PLAATS_SOORT:
        st.button(f"{PLAATS_SOORT[card['object_soort']]} openen",
                  key=f"plaats_{card['vestigingsnummer']}", icon=":material/sailing:",
                  on_click=focus.open_plaats, args=(card["verblijfsobject_id"],))
    _onderneming(card)
    _casussen("vestiging", card["vestigingsnummer"], card.get("buurtcode"))


def _gelogd(soort: str, object_id: str, **details) -> bool:
    """Write the audit line of this card (once per opening); False, with the reason, when it could
    not be written: a card nobody may see unlogged is then not shown."""
    try:
        from ui import cases_data
    except ImportError:  # the case register is optional for the map
        return True
    weigering = cases_data.log_card((soort, object_id, focus.opening()), soort, object_id, **details)
    if weigering:
        st.error(md_escape(weigering), icon=":material/gpp_bad:")
    return weigering is None


def _vestiging_feiten(c: dict) -> list[tuple[str, object]]:
    namen = [n for n in (c.get("handelsnamen") or []) if n and n != c["naam"]]
    codes = ", ".join(c.get("sbi_codes") or []) or None
    adres = ("afgeschermd in het Handelsregister" if c["adres_afgeschermd"] else
             " ".join(str(p) for p in (c["straat"], c["huisnummer"], c["huisletter"],
                                       c["toevoeging"], c["postcode"], c["plaats"]) if p))
    koppeling = koppeling_tekst(c)
    return [("Andere handelsnamen", ", ".join(namen) or None),
            ("KVK-nummer", c["kvk_nummer"]), ("Vestigingsnummer", c["vestigingsnummer"]),
            ("Rechtsvorm", c["rechtsvorm"]),
            ("Soort", "hoofdvestiging" if c["is_hoofdvestiging"] else "nevenvestiging"),
            ("Status", status_tekst(c)), ("Ingeschreven", datum(c["datum_aanvang"])),
            ("Hoofdactiviteit", f"SBI {c['sbi_versie']} {c['sbi_hoofd'] or LEEG} "
                                f"{c['sbi_omschrijving'] or ''}".strip()),
            ("Alle SBI-codes", codes),
            *([("SBI onbekend (niet in de officiële lijst)", ", ".join(c["sbi_onbekend"]))]
              if c.get("sbi_onbekend") else []),
            ("Activiteit", c.get("activiteit")),
            ("Werkzame personen", c.get("werkzame_personen")), ("Adres (KVK)", adres),
            ("Koppeling aan BAG", koppeling), ("Buurt", _buurt(c))]


def _onderneming(card: dict) -> None:
    andere = [v for v in card["onderneming"] if v["vestigingsnummer"] != card["vestigingsnummer"]]
    if not andere:
        st.caption("Deze onderneming heeft in dit gegevensbestand geen andere vestigingen.")
        return
    st.markdown(f"**Onderneming: {meervoud(len(card['onderneming']), 'vestiging', 'vestigingen')}** "
                "(zwarte ringen op de kaart)")
    plekken = [(v["lat"], v["lon"]) for v in card["onderneming"] if v["lat"] is not None]
    if len(plekken) > 1:
        st.button("Alle vestigingen in beeld", icon=":material/zoom_out_map:",
                  key=f"alles_{card['vestigingsnummer']}", on_click=focus.toon_alles,
                  args=(plekken,))
    regels = "".join(
        f"<li>{md_html(v['naam'] or v['vestigingsnummer'])}, "
        f"{md_html(v['adres'] or 'adres onbekend')} {md_html(v['plaats'] or '')} "
        f"({md_html(status_tekst(v))}{'' if v['lon'] is not None else ', geen locatie'})</li>"
        for v in andere)
    st.markdown(f'<ul style="padding-left:1.1rem;margin-top:0">{regels}</ul>',
                unsafe_allow_html=True)


def _links(url: str | None, tekst: str) -> None:
    if url:
        st.markdown(link_html(url, tekst), unsafe_allow_html=True)


def link_html(url: str | None, tekst: str) -> str:
    """A link Zicht made itself (geo.cards builds it from a validated id only); none without."""
    if not url:
        return ""
    return (f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer">'
            f"{md_html(tekst)}</a>")


def _casussen(soort: str, object_id: str, buurtcode: str | None) -> None:
    """The linked cases, drawn by the case register's own component when it is installed."""
    st.divider()
    if importlib.util.find_spec(CASE_PANEL) is None:
        st.caption("Casussen: de casusregistratie is in deze installatie niet beschikbaar.")
        return
    module = importlib.import_module(CASE_PANEL)
    module.render(soort, object_id, buurtcode)
