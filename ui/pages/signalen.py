"""Signalen: every indicator with what it found on the peildatum, the reason per object, and an
export. Also the page frame the other analysis pages share (empty and error states, heading,
downloads, a small map, a link to the Kaart page)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb
import streamlit as st
from streamlit_folium import st_folium

from exports import dook_csv
from geo import indicators
from maps import layers
from ui import cases_data, data, data_analyse, theme
from ui.components.cases import links as case_links
from ui.format import datum, getal
from ui.tabel import nl_tabel
from ui.text import md_escape, md_html

GEEN_DATA = ("Er is nog geen gegevensbestand. Bouw de demogemeente met `zicht demo` of laat de "
             "beheerder de gegevens laden (pagina Gegevens).")
LEESFOUT = ("Het gegevensbestand kon niet worden gelezen. Laat de beheerder het opnieuw bouwen "
            "met `zicht build` en laad deze pagina daarna opnieuw.")
GEEN_OORDEEL = ("Een signaal is een aanwijzing voor een menselijke weging, geen oordeel en geen "
                "besluit. Zicht telt signalen niet op tot een score en rangschikt geen personen "
                "of bedrijven.")
NIETS_GEVONDEN = "Dit signaal vindt op de peildatum niets in deze gemeente."
KAART_SOORT = {"adres": "adres", "vestiging": "vestiging", "pand": "pand", "buurt": "buurt"}
KAART_HOOGTE = 420
RIJ_HOOGTE, MAX_RIJEN = 35, 16


def met_snapshot(pagina: Callable[[str, dict], None]) -> None:
    """Run a page on the current snapshot, or say in Dutch why there is nothing to show."""
    theme.apply()
    snapshot = data.snapshot_path()
    if snapshot is None:
        st.info(GEEN_DATA, icon=":material/info:")
        return
    try:
        pagina(snapshot, data.meta(snapshot))
    except duckdb.Error as exc:
        st.error(LEESFOUT, icon=":material/error:")
        with st.expander("Technische details voor de beheerder"):
            st.code(f"{Path(snapshot).name}\n{type(exc).__name__}: {exc}", language=None)


def kop(titel: str, meta: dict, uitleg: str, snapshot: str | None = None) -> None:
    """Page title, gemeente and peildatum, the peildatum of every source, what the page shows."""
    st.title(titel, anchor=False)
    gemeente = meta.get("gemeentenaam") or "Gemeente onbekend"
    st.markdown(f"**{md_escape(gemeente)}** · peildatum **{datum(meta.get('peildatum'))}**")
    if meta.get("is_demo") == "1":
        st.caption("Demostad is een fictieve demogemeente; alle adressen, bedrijven en personen "
                   "zijn verzonnen.")
    if snapshot:
        st.caption("Bronnen: " + " · ".join(
            f"{md_escape(b['omschrijving'] or b['bron'])} {datum(b['peildatum'])}"
            for b in data.bronnen(snapshot)))
    st.caption(uitleg)


def tabel(rijen: list[dict], key: str | None = None, selecteer: bool = False,
          smal: Sequence[str] = ()):
    """A table tall enough for its rows (up to MAX_RIJEN, then it scrolls); `smal` columns
    give room to the others; with `selecteer` a row can be chosen (returns the selection)."""
    hoogte = RIJ_HOOGTE * (min(len(rijen), MAX_RIJEN) + 1) + 3
    config = {naam: st.column_config.TextColumn(width="medium") for naam in smal}
    extra = {"on_select": "rerun", "selection_mode": "single-row"} if selecteer else {}
    return st.dataframe(nl_tabel(rijen), hide_index=True, width="stretch", height=hoogte, key=key,
                        column_config=config, **extra)


def gekozen_rij(selectie) -> int | None:
    """The index of the chosen row of a selectable table, or None."""
    rows = selectie.selection.rows if selectie else []
    return rows[0] if rows else None


def downloads(naam: str, csv: Callable[[], bytes] | None, xlsx: Callable[[], bytes],
              key: str) -> None:
    """CSV and XLSX buttons; the files are made only when clicked."""
    kolommen = st.columns([1, 2, 2] if csv else [2, 3], gap="small")
    xlsx = cases_data.audited(f"{naam} Excel", xlsx)
    if csv:
        csv = cases_data.audited(f"{naam} CSV", csv)
        kolommen[0].download_button("Download CSV", csv, file_name=f"{naam}.csv",
                                    mime="text/csv", key=f"{key}_csv", icon=":material/download:",
                                    on_click="ignore")
    kolommen[1 if csv else 0].download_button(
        "Download Excel (met verantwoording)", xlsx, file_name=f"{naam}.xlsx", key=f"{key}_xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:", on_click="ignore")


def kaart_link(objectsoort: str, object_id: str | None, label: str = "Toon op de kaart") -> None:
    """A link that opens the object on the Kaart page (the query parameters case_links uses)."""
    if object_id and objectsoort in KAART_SOORT:
        case_links.kaart_link(KAART_SOORT[objectsoort], object_id, label=label)


def kaart(key: str, vlakken: Sequence[tuple[list[dict], str]], punten: list[dict],
          panden: list[dict] = (), legenda: Sequence[tuple[str, str]] = ()) -> None:
    """A small map: outlines (areas, GRENS kind), grey panden, coloured points; with a legend."""
    m = layers.base_map(_bereik(vlakken, punten), tekenen=False)
    m.options["zoomSnap"] = 0.25  # fit the area snugly, not to the next whole zoom level
    if panden:
        layers.footprints(panden).add_to(m)
    for areas, soort in vlakken:
        layers.outlines(areas, soort).add_to(m)
    if punten:
        layers.points(punten).add_to(m)
    st_folium(m, key=key, height=KAART_HOOGTE, use_container_width=True, returned_objects=[])
    if legenda:
        st.markdown(" &nbsp; ".join(
            f'<span style="color:{kleur};font-size:1.2em">&#9679;</span> '
            f"{md_html(tekst)}"
            for kleur, tekst in legenda), unsafe_allow_html=True)


def omgeving(snapshot: str) -> list[tuple[list[dict], str]]:
    """Buurt and gemeente outlines, as context for a small map."""
    gebieden = data.gebieden(snapshot)
    return [([{"id": g["gebied_id"], "geometry": g["geometrie"], "label": g["naam"] or ""}
              for g in gebieden if g["soort"] == soort], soort) for soort in ("buurt", "gemeente")]


def _bereik(vlakken, punten) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) around every coordinate shown."""
    xs, ys = [p["lon"] for p in punten], [p["lat"] for p in punten]
    for areas, _ in vlakken:
        for area in areas:
            for x, y in _coords(area["geometry"]["coordinates"]):
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    d = 0.002
    return (min(xs) - d, min(ys) - d, max(xs) + d, max(ys) + d)


def _coords(nested):
    if nested and isinstance(nested[0], (int, float)):
        yield nested[0], nested[1]
        return
    for part in nested:
        yield from _coords(part)


GEEN_SIGNALEN = "Uw datarollen tonen geen signalen. Vraag de beheerder als u signalen nodig heeft."


# ----------------------------------------------------------------------------- the page
def render() -> None:
    met_snapshot(_pagina)


def _pagina(snapshot: str, meta: dict) -> None:
    kop("Signalen", meta, GEEN_OORDEEL, snapshot)
    uitkomst = data_analyse.analyse(snapshot)
    alle = data.zichtbare_indicatoren()
    if not alle:
        st.info(GEEN_SIGNALEN, icon=":material/lock:")
        return
    tabel(_overzicht(alle, uitkomst))
    keuze = st.selectbox("Bekijk een signaal", alle, key="signaal_keuze",
                         format_func=lambda i: f"{i.naam} ({getal(len(uitkomst['resultaten'][i.id]))})")
    _signaal(snapshot, meta, keuze, uitkomst)


def _overzicht(alle, uitkomst: dict) -> list[dict]:
    fouten = uitkomst["fouten"]
    regels = [{"Signaal": i.naam,
               "Gevonden": None if i.id in fouten else len(uitkomst["resultaten"][i.id]),
               "Soort object": indicators.OBJECTSOORT.get(i.objectsoort, i.objectsoort)}
              for i in alle]
    if fouten:
        for regel, i in zip(regels, alle, strict=True):
            regel["Opmerking"] = fouten.get(i.id, "")
    return regels


def _signaal(snapshot: str, meta: dict, indicator: indicators.Indicator, uitkomst: dict) -> None:
    st.subheader(md_escape(indicator.naam), anchor=False)
    st.markdown(md_escape(indicator.uitleg))
    instellingen = indicator.parameters_tekst().replace("`", "'")
    st.caption(f"Instellingen (de beheerder kan ze wijzigen in data/indicators.toml): "
               f"`{instellingen}`")
    if indicator.id in uitkomst["fouten"]:
        st.warning(md_escape(uitkomst["fouten"][indicator.id]), icon=":material/warning:")
        return
    rijen = uitkomst["resultaten"][indicator.id]
    if not rijen:
        st.info(NIETS_GEVONDEN, icon=":material/check_circle:")
        return
    _tabel(indicator, rijen)
    _export(snapshot, indicator, rijen)
    punten = [{"id": r["object_id"], "lat": r["lat"], "lon": r["lon"], "kleur": layers.SIGNAAL_KLEUR,
               "label": f"{r['label']}\n{r['reden']}"} for r in rijen if r.get("lat") is not None]
    kaart(f"signaal_kaart_{indicator.id}", omgeving(snapshot), punten,
          legenda=[(layers.SIGNAAL_KLEUR, f"{indicator.naam} (ga met de muis over een punt)")])


def _tabel(indicator: indicators.Indicator, rijen: list[dict]) -> None:
    met_naam = any(r.get("naam") for r in rijen)
    regels = [{"Adres of gebied": r["label"], **({"Naam": r.get("naam") or ""} if met_naam else {}),
               "Reden": r["reden"]} for r in rijen]
    keuze = gekozen_rij(tabel(regels, key=f"tabel_{indicator.id}", selecteer=True,
                              smal=["Adres of gebied", "Naam"]))
    if keuze is not None:
        rij = rijen[keuze]
        st.markdown(f"**{md_escape(rij['label'])}**: {md_escape(rij['reden'])}")
        kaart_link(indicator.objectsoort, _kaart_id(indicator.objectsoort, rij))
    else:
        st.caption("Kies een regel om het object op de kaart te openen.")


def _kaart_id(objectsoort: str, rij: dict) -> str | None:
    return {"adres": rij.get("verblijfsobject_id"), "pand": rij.get("pand_id"),
            "buurt": rij.get("buurt") or rij["object_id"]}.get(objectsoort, rij["object_id"])


def _export(snapshot: str, indicator: indicators.Indicator, rijen: list[dict]) -> None:
    kolommen, tabel = indicators.table(indicator, rijen)
    lines = data_analyse.verantwoording(snapshot, f"Signaal: {indicator.naam}",
                                        data_analyse.gebruiker())
    lines = lines + indicators.accountability_lines(indicator)
    downloads(f"signaal-{indicator.id}", lambda: dook_csv.to_csv(kolommen, tabel),
              lambda: dook_csv.to_xlsx(kolommen, tabel, lines, sheet=indicator.naam),
              key=f"export_{indicator.id}")


if __name__ == "__main__":  # a page of st.navigation in app.py, given by its file path
    render()
