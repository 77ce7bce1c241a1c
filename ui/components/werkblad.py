"""The map as the workspace: one layout for every page that shows a map.

A compact line on top (title, peildatum, key figures, a small demo notice), below it the map
filling the rest of the window's height, and beside it a panel that can be folded away. The
height cannot be known in Python, so a small script in the page measures where the map starts
and gives it the rest of the window (CSS variable --zicht-kaart-h); inside the map's iframe the
map follows the iframe's height (maps.basemaps' CSS), so Leaflet keeps its centre when the window
or the panel changes size. Folding the panel is CSS only: the map's iframe is never rebuilt, so
the map keeps its view.

The containers carry Streamlit keys (class st-key-…), which the CSS targets.
"""

from __future__ import annotations

from contextlib import contextmanager

import streamlit as st

from ui.text import html_text, md_escape

KAART = "zicht_kaart"  # container around a map: its iframe gets the rest of the window's height
PANEEL = "zicht_paneel"  # the side panel: as high as the map, scrolls on its own
WERKBLAD = "zicht_werkblad"  # map + panel
KOP = "zicht_kop"  # the one compact line on top
K_PANEEL_DICHT = "werkblad_paneel_dicht"
MIN_HOOGTE = 360  # px: below this the map may run past the fold rather than become a stamp
ONDERMARGE = 10  # px between the map and the window's bottom edge

_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding: 0.6rem 1rem 1rem 1rem; max-width: none; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] { gap: 0.5rem; }
/* Elements that only carry a style sheet take no room (nor a gap) */
[data-testid="stElementContainer"]:has(style):not(:has(p, span, table, h1, h2, h3, li)),
[data-testid="stLayoutWrapper"]:has(> .st-key-zicht_script) { display: none; }
section[data-testid="stSidebar"][data-collapsed="false"] { width: 265px !important; }
.st-key-zicht_kop { gap: 0.2rem 1.1rem; align-items: baseline; }
.st-key-zicht_kop h1, .st-key-zicht_kop h2 { font-size: 1.45rem; padding: 0; margin: 0; }
.st-key-zicht_kop [data-testid="stMetric"] { display: flex; gap: 0.35rem; align-items: baseline; }
.st-key-zicht_kop [data-testid="stMetricLabel"] { min-height: 0; }
.st-key-zicht_kop [data-testid="stMetricLabel"] p { font-size: 0.85rem; }
.st-key-zicht_kop [data-testid="stMetricValue"] { font-size: 1.05rem; font-weight: 600; }
.st-key-zicht_kop [data-testid="stMarkdownContainer"] p { margin: 0; }
.st-key-zicht_demo [data-testid="stAlertContainer"] { padding: 0.15rem 0.7rem; }
.st-key-zicht_demo [data-testid="stAlertContainer"] p { font-size: 0.85rem; }
[class*="st-key-zicht_kaart"] iframe { height: var(--zicht-kaart-h, 560px) !important; }
.st-key-zicht_paneel { height: var(--zicht-kaart-h, 560px); overflow-y: auto;
  padding-right: 0.3rem; }
.st-key-zicht_werkblad [data-testid="stColumn"]:nth-child(2) { flex: 0 0 min(360px, 34%);
  min-width: 260px; }
.st-key-zicht_werkblad [data-testid="stColumn"]:nth-child(1) { flex: 1 1 0; min-width: 0; }
</style>"""

_DICHT_CSS = """<style>
.st-key-zicht_werkblad [data-testid="stColumn"]:nth-child(2) { display: none; }
</style>"""

# Measures each map container's top and gives its iframe the rest of the window. Runs on resize
# and whenever the page changes (a search result above the map, a rerun); writes only when the
# height really changes, so its own change does not trigger it again.
_SCRIPT = """<script>
(function () {
  if (window.zichtWerkblad) { window.zichtWerkblad(); return; }
  var gepland = false;
  function pas() {
    gepland = false;
    var kaarten = document.querySelectorAll('[class*="st-key-KAART"]');
    kaarten.forEach(function (el) {
      // The map's top in the page, whatever is scrolled (Streamlit scrolls an inner container,
      // not the window): otherwise opening an expander that scrolls the page would stretch the
      // map past the fold and change its view.
      var boven = el.getBoundingClientRect().top + window.scrollY;
      for (var a = el.parentElement; a; a = a.parentElement) { boven += a.scrollTop || 0; }
      var h = Math.max(MIN_HOOGTE, Math.floor(window.innerHeight - boven - ONDERMARGE));
      if (el.dataset.zichtH !== String(h)) {
        el.dataset.zichtH = String(h);
        el.style.setProperty('--zicht-kaart-h', h + 'px');
        var blad = el.closest('.st-key-WERKBLAD');
        if (blad) { blad.style.setProperty('--zicht-kaart-h', h + 'px'); }
      }
    });
  }
  window.zichtWerkblad = function () {
    if (!gepland) { gepland = true; window.requestAnimationFrame(pas); }
  };
  window.addEventListener('resize', window.zichtWerkblad);
  new MutationObserver(window.zichtWerkblad).observe(document.body,
    {childList: true, subtree: true});
  window.zichtWerkblad();
})();
</script>""".replace("KAART", KAART).replace("WERKBLAD", WERKBLAD).replace(
    "MIN_HOOGTE", str(MIN_HOOGTE)).replace("ONDERMARGE", str(ONDERMARGE))


def stijl() -> None:
    """The workspace's CSS and the script that sizes the map; once per page run."""
    # One element whatever the panel's state: an element more or less would shift the map's
    # place in the page, and Streamlit would build its iframe anew (losing the view).
    dicht = _DICHT_CSS if st.session_state.get(K_PANEEL_DICHT) else ""
    st.markdown(_CSS + dicht, unsafe_allow_html=True)
    with st.container(key="zicht_script"):
        st.html(_SCRIPT, unsafe_allow_javascript=True)


def kop():
    """The one compact line on top: put the title, peildatum and key figures in it."""
    return st.container(key=KOP, horizontal=True, vertical_alignment="bottom", gap="small")


def zoekregel(demo: str | None):
    """The line below the top line: the search box (the container returned), beside it the
    demo notice when there is one (small but always visible) and the panel's fold button."""
    with st.container(key="zicht_zoekregel", horizontal=True, gap="small"):
        zoek = st.container()
        if demo:
            with st.container(key="zicht_demo", width=440):
                st.info(demo, icon=":material/info:")
        paneel_knop()
        presentatie_knop()
    return zoek


def paneel_knop() -> None:
    """Fold the side panel away or bring it back; the map keeps its view (CSS only)."""
    dicht = bool(st.session_state.get(K_PANEEL_DICHT))
    st.button("Paneel tonen" if dicht else "Paneel verbergen", key="werkblad_paneel_knop",
              icon=":material/right_panel_open:" if dicht else ":material/right_panel_close:",
              on_click=_wissel, help="Het paneel naast de kaart met de selectie of het kaartje "
                                     "van wat u opende.")


def _wissel() -> None:
    st.session_state[K_PANEEL_DICHT] = not st.session_state.get(K_PANEEL_DICHT)


@contextmanager
def kaart_vlak(naam: str = ""):
    """The container a map goes in: its height becomes the rest of the window. `naam` tells
    maps on one page apart."""
    with st.container(key=f"{KAART}_{naam}" if naam else KAART):
        yield


def kolommen():
    """(map column, panel) side by side; the panel scrolls on its own, as high as the map."""
    with st.container(key=WERKBLAD):
        kaart, paneel = st.columns([3, 1], gap="small")
    return kaart, paneel.container(key=PANEEL)


# --- The presentation view for the KernCluster meeting -------------------------------------
# The map and its legend over the whole screen in large text, no editing controls (no sidebar,
# no panel, no drawing tools, no search) and the confidentiality mark always in view. A URL
# parameter, so the projector's browser can open it directly and a reload keeps it.
WEERGAVE, PRESENTATIE = "weergave", "presentatie"

_PRESENTATIE_CSS = """<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], .st-key-zicht_werkblad [data-testid="stColumn"]:nth-child(2) {
  display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.4rem 0.8rem 0 0.8rem; }
.st-key-zicht_presentatie_kop { align-items: center; gap: 0.4rem 1.4rem; }
.st-key-zicht_presentatie_kop h1 { font-size: 2rem; padding: 0; }
.st-key-zicht_presentatie_kop p { font-size: 1.35rem; margin: 0; }
.zicht-vertrouwelijk { background: #8b0000; color: #ffffff; font-weight: 700; padding: 0.2rem 0.7rem;
  border-radius: 4px; letter-spacing: 0.02em; }
</style>"""


def presentatie() -> bool:
    return st.query_params.get(WEERGAVE) == PRESENTATIE


def presentatie_knop() -> None:
    st.button("Presentatie", key="werkblad_presentatie", icon=":material/slideshow:",
              on_click=_zet_presentatie, args=(True,),
              help="De kaart en de legenda over het hele scherm, in grote letters, zonder "
                   "bewerkknoppen, voor het KernCluster-overleg.")


def _zet_presentatie(aan: bool) -> None:
    if aan:
        st.query_params[WEERGAVE] = PRESENTATIE
    else:
        st.query_params.pop(WEERGAVE, None)


def presentatie_kop(titel: str, peildatum: str, markering: str, demo: str | None) -> None:
    """The presentation's one line: the confidentiality mark, gemeente, peildatum, the way back."""
    st.markdown(_PRESENTATIE_CSS, unsafe_allow_html=True)
    with st.container(key="zicht_presentatie_kop", horizontal=True):
        st.markdown(f'<span class="zicht-vertrouwelijk">{html_text(markering)}</span>',
                    unsafe_allow_html=True, width="content")
        st.title(md_escape(titel), anchor=False, width="content")
        st.markdown(f"Peildatum {md_escape(peildatum)}", width="content")
        if demo:
            st.caption(md_escape(demo), width="content")
        st.button("Presentatie sluiten", key="werkblad_presentatie_uit", icon=":material/close:",
                  on_click=_zet_presentatie, args=(False,))
