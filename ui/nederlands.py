"""Streamlit's own English in Dutch: texts its frontend fixes and no Python option reaches.

The file uploader's button ("Upload") and drop text, the multiselect's "Select all" and "Clear
all", the empty-list "No results" and the placeholders "Choose an option". A small script in the
page replaces exactly these texts, and only inside Streamlit's own widget parts (never text that
came from data: an option that happens to read "No results" is a data value and stays). It runs
again whenever the page changes, because Streamlit redraws its widgets at every rerun.
"""

from __future__ import annotations

import json

import streamlit as st

# English text (exact, after trimming) -> Dutch, per place in Streamlit's frontend.
TEKSTEN = {
    "Upload": "Bestand kiezen",
    "Upload directories": "Map kiezen",
    "Drag and drop a file here": "Sleep een bestand hierheen",
    "Drag and drop files here": "Sleep bestanden hierheen",
    "Drag and drop directories here": "Sleep mappen hierheen",
    "Select all": "Alles selecteren",
    "No results": "Geen resultaten",
}
PLAATSHOUDERS = {
    "Choose an option": "Kies een optie",
    "Choose options": "Kies een of meer opties",
    "No options to select": "Geen opties",
    "No options to select.": "Geen opties",
}
ARIA = {"Clear all": "Alles wissen", "Selectbox options": "Keuzelijst", "Clear value": "Wissen"}
# Where Streamlit draws its own texts: the uploader's drop zone, and the popover lists of
# selectbox and multiselect (their bulk action and empty state, not the options themselves).
WIDGET_DELEN = ('[data-testid="stFileUploaderDropzone"]', '[data-testid="stSelectboxVirtualDropdown"]',
                '[data-baseweb="popover"]', '[role="listbox"]')

_SCRIPT = """<script>
(function () {
  if (window.zichtNederlands) { window.zichtNederlands(); return; }
  var TEKSTEN = __TEKSTEN__, PLAATS = __PLAATSHOUDERS__, ARIA = __ARIA__, DELEN = __DELEN__;
  var gepland = false;
  function vertaal() {
    gepland = false;
    document.querySelectorAll(DELEN.join(',')).forEach(function (deel) {
      var loper = document.createTreeWalker(deel, NodeFilter.SHOW_TEXT);
      for (var n = loper.nextNode(); n; n = loper.nextNode()) {
        var t = n.nodeValue.trim();
        // An option of a list is data (a company name may be anything): leave it, except the
        // bulk action "Select all" that Streamlit adds as the first option.
        var optie = n.parentElement && n.parentElement.closest('[role="option"]');
        if (!TEKSTEN.hasOwnProperty(t)) { continue; }
        if (optie && t !== 'Select all') { continue; }
        n.nodeValue = n.nodeValue.replace(t, TEKSTEN[t]);
      }
    });
    document.querySelectorAll('input[placeholder]').forEach(function (el) {
      var p = el.getAttribute('placeholder');
      if (PLAATS.hasOwnProperty(p)) { el.setAttribute('placeholder', PLAATS[p]); }
    });
    document.querySelectorAll('[aria-label]').forEach(function (el) {
      var a = el.getAttribute('aria-label');
      if (ARIA.hasOwnProperty(a)) { el.setAttribute('aria-label', ARIA[a]); }
    });
  }
  window.zichtNederlands = function () {
    if (!gepland) { gepland = true; window.requestAnimationFrame(vertaal); }
  };
  new MutationObserver(window.zichtNederlands).observe(document.body,
    {childList: true, subtree: true, characterData: true, attributes: true,
     attributeFilter: ['placeholder', 'aria-label']});
  window.zichtNederlands();
})();
</script>"""


def script() -> str:
    return (_SCRIPT.replace("__TEKSTEN__", json.dumps(TEKSTEN))
            .replace("__PLAATSHOUDERS__", json.dumps(PLAATSHOUDERS))
            .replace("__ARIA__", json.dumps(ARIA)).replace("__DELEN__", json.dumps(WIDGET_DELEN)))


def apply() -> None:
    """Once per run, from app.py (a second call would add a second element with the same key)."""
    with st.container(key="zicht_nederlands"):
        st.html(script(), unsafe_allow_javascript=True)
