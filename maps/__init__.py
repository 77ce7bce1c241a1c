"""The map on screen (in code and in Dutch names, 'kaart' means map): the configuration in
data/kaart.toml (config), the Leaflet base map and its controls served from the app's own files
(basemaps), the folium layers drawn on it (layers) and what the browser reports back (klik).

No database and no Streamlit here; ui/ puts it on the page, exports/ prints its own maps.
"""
