"""maps.config and maps.basemaps: tile servers only when configured, fallback, drawing tools, legend."""

from __future__ import annotations

import re

import folium
import pytest

from maps import basemaps
from maps import config as kaart_config

BOUNDS = (5.12, 52.51, 5.21, 52.55)
TOML = """
standaard_achtergrond = "eigen"
[achtergrond.eigen]
naam = "Eigen tegels"
url = "https://tegels.gemeente.example/{z}/{x}/{y}.png"
attributie = "© Gemeente <Voorbeeld>"
aan = true
[achtergrond.uit]
naam = "Staat uit"
url = "https://elders.example/{z}/{x}/{y}.png"
aan = false
[bag]
oppervlakte = [10, 20]
bouwjaar = [1950]
"""


def load(tmp_path, text: str) -> kaart_config.KaartConfig:
    path = tmp_path / "kaart.toml"
    path.write_text(text, encoding="utf-8")
    return kaart_config.load(path)


def render(m: folium.Map) -> str:
    return m.get_root().render()


def test_shipped_config_switches_every_server_off():
    config = kaart_config.load(kaart_config.SHIPPED)
    assert config.achtergronden == ()
    assert config.hosts == set()
    assert config.start_achtergrond(is_demo=False) == kaart_config.GEEN


def test_only_servers_switched_on_are_offered(tmp_path):
    config = load(tmp_path, TOML)
    assert [a.id for a in config.achtergronden] == ["eigen"]
    assert config.hosts == {"tegels.gemeente.example"}
    assert config.start_achtergrond(is_demo=False) == "eigen"
    assert config.start_achtergrond(is_demo=True) == kaart_config.GEEN  # Demostad lies in the water
    assert config.oppervlakte == (10, 20) and config.bouwjaar == (1950,)


def test_a_local_kaart_toml_replaces_the_shipped_one(tmp_path):
    assert kaart_config.config_path(tmp_path) == kaart_config.SHIPPED
    (tmp_path / "kaart.toml").write_text(TOML, encoding="utf-8")
    assert kaart_config.config_path(tmp_path) == tmp_path / "kaart.toml"


@pytest.mark.parametrize("url", ["ftp://x/{z}/{x}/{y}", "https://x/tiles.png", "/lokaal/{z}/{x}/{y}"])
def test_unusable_urls_are_refused_with_the_entry_named(tmp_path, url):
    with pytest.raises(kaart_config.ConfigError, match="achtergrond.fout"):
        load(tmp_path, f'[achtergrond.fout]\nurl = "{url}"\naan = true\n')


def test_unsorted_classes_are_refused(tmp_path):
    with pytest.raises(kaart_config.ConfigError, match="bag.oppervlakte"):
        load(tmp_path, "[bag]\noppervlakte = [100, 50]\n")


def test_base_map_asks_no_tile_until_one_is_chosen(tmp_path):
    config = load(tmp_path, TOML)
    html = render(basemaps.base_map(BOUNDS, config.achtergronden))
    assert "tegels.gemeente.example" in html  # known to the map ...
    assert "tileLayer(def.url" in html  # ... but only made when chosen
    assert "L.tileLayer(\"" not in html and "elders.example" not in html
    assert "&lt;Voorbeeld&gt;" not in html or "\\u003c" in html  # attribution passes tojson
    assert "niet bereikbaar" in html and "tileerror" in html


def test_background_choice_and_legend_are_safe_scripts():
    m = basemaps.base_map(BOUNDS)
    group = folium.FeatureGroup().add_to(m)
    basemaps.background_choice('x"); alert(1); ("').add_to(group)
    basemaps.legend_control('<div class="kop">Legenda</div></script><script>alert(2)</script>'
                            ).add_to(group)
    html = render(m)
    assert 'window.zichtAchtergrond("x\\"); alert(1); (\\"")' in html  # one JS string
    assert "</script><script>alert(2)" not in html


def test_draw_tools_come_from_the_app_and_speak_dutch():
    html = render(basemaps.base_map(BOUNDS))
    assert "/app/static/vendor/leaflet-draw/leaflet.draw.js" in html
    assert "Gebied tekenen (vlak)" in html
    assert re.findall(r"https?://", html) == []
    assert '"circle": false' in html and '"marker": false' in html
