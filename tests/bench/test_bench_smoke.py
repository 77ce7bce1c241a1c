"""The benchmark suite runs end to end at a tiny scale (the benchmark itself is `make bench`).

The peers take part when they are installed (`make bench` installs them; `make test` does
not): geopandas when it imports, PostGIS when Debian's postgresql + postgis and psycopg are
there. A missing peer is left out of the run and its own test is skipped.
"""

from __future__ import annotations

import json
from importlib.util import find_spec

import pytest

from bench import latency, postgis_server, report, suite

TINY = 0.02
HAS_GEOPANDAS = find_spec("geopandas") is not None
HAS_POSTGIS = postgis_server.available() and find_spec("psycopg") is not None


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    zonder = ("postgis",) + (() if HAS_GEOPANDAS else ("geopandas",))
    opties = suite.Opties(scales=[("mini", TINY)], runs=1, werkmap=work / "werk",
                          uit=work / "results", indicator_limiet=20, zonder=zonder,
                          in_proces=True)
    out = suite.run(opties, echo=lambda _line: None)
    out["_uit"] = work / "results"
    out["_data"] = work / "werk" / f"mini-s{TINY:g}-seed42" / "data"
    return out


def test_suite_writes_one_json_with_machine_and_table(result):
    files = list(result["_uit"].glob("bench-*-mini.json"))
    assert len(files) == 1
    stored = json.loads(files[0].read_text(encoding="utf-8"))
    assert {"kernen", "geheugen_gb", "load_begin", "datum"} <= set(stored["machine"])
    assert any("Zicht ÷ geopandas" in line for line in stored["tabel"])


def test_zicht_side_builds_and_measures(result):
    zicht = result["schalen"]["mini"]["zicht"]
    assert "fout" not in zicht, zicht
    assert report.total(result["schalen"]["mini"], "zicht") > 0
    assert zicht["aantallen"]["gekoppeld"] > 0


def test_latency_has_every_ui_query(result):
    lat = result["schalen"]["mini"]["zicht"]["latentie"]
    timed = {name: f for name, f in lat.items() if "p50_ms" in f}
    assert len(timed) == 8
    for figures in timed.values():
        assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["max_ms"]


@pytest.mark.skipif(not HAS_GEOPANDAS, reason="geopandas niet geïnstalleerd (make bench doet dat)")
def test_geopandas_counts_like_zicht(result):
    scale = result["schalen"]["mini"]
    assert "fout" not in scale["geopandas"], scale["geopandas"]
    agree = scale["overeenstemming"]["geopandas"]
    assert agree["som_peer"] > 0
    # compared under the peers' own rules, the counts agree; what Zicht adds is explained
    assert agree["verschil_pct"] < 1
    extra = scale["zicht_extra"]
    assert extra["alle"] == extra["zelfde_regels"] + extra["andere_bron"] + extra["andere_laag"] \
        + extra["extra_regel"]


@pytest.mark.skipif(not HAS_POSTGIS, reason="PostgreSQL + PostGIS of psycopg niet geïnstalleerd")
def test_postgis_peer_counts_and_cleans_up(result, tmp_path):
    from bench import peer_postgis

    out = peer_postgis.run(result["_data"], tmp_path / "pg", report=lambda _m: None)
    assert 0 < out["aantallen"]["actief_in_buurt"] <= out["aantallen"]["gekoppeld"]
    if HAS_GEOPANDAS:
        geopandas = result["schalen"]["mini"]["geopandas"]["aantallen"]
        assert abs(out["aantallen"]["actief_in_buurt"] - geopandas["actief_in_buurt"]) <= 5
    assert not (tmp_path / "pg").exists()  # stopped and removed


def test_scales_and_viewport():
    assert suite.parse_scales("demo,x=0.5") == [("demo", 1.0), ("x", 0.5)]
    with pytest.raises(ValueError):
        suite.parse_scales("wereld")
    xmin, ymin, xmax, ymax = latency.viewport(150000, 450000, 15)
    assert xmin % 500 == 0 and xmax - xmin > 3000 and ymax - ymin > 1000
