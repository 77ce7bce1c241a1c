"""The map on screen ('kaart' means map): base maps and tile servers from data/kaart.toml, the
Leaflet set-up served from the app's own files, and the folium layers drawn on it.

No database and no Streamlit here; ui/ puts it on the page, exports/ prints its own maps.
"""
