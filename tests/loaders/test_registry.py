"""Sources as a registry: every part of Zicht that deals with source kinds asks the registry, the
`zicht` command lives at the top, and the app reaches loading through one door."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.errors import InvoerFout
from loaders.pipeline import load_source, scratch, stappen
from loaders.registry import REGISTRY, kind
from loaders.sources import Bron
from loaders.status import tabellen

REPO = Path(__file__).resolve().parents[2]


def imports_of(package: str) -> dict[str, set[str]]:
    """module file -> the top-level modules and loaders.* modules it imports."""
    found = {}
    for path in (REPO / package).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        found[str(path.relative_to(REPO))] = names
    return found


def zicht(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZICHT_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "cli", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_every_kind_with_a_path_is_a_zicht_load_command(tmp_path):
    shown = zicht("load", "--help", data_dir=tmp_path).stdout
    for soort in REGISTRY.values():
        if soort.hulp:
            assert soort.naam in shown
    assert "bag-api" in shown and "cbs" in shown and "kvk-api" in shown  # the download commands


def test_a_kind_describes_a_source_registered_without_a_description():
    bron = Bron(bron="r", soort="rdw", pad="/tmp/rdw", peildatum="2026-01-01")
    assert bron.omschrijving == REGISTRY["rdw"].omschrijving == "RDW erkende bedrijven"
    assert Bron(bron="k", soort="kvk-file", pad="/x.csv", peildatum="2026-01-01",
                opties={"omschrijving": "eigen"}).omschrijving == "eigen"
    assert bron.rol == "aanvulling" and kind("bag-xml").rol == "bag"


def test_an_unknown_kind_in_the_register_is_refused_by_name(tmp_path):
    """A register written by another version of Zicht: the source is named, nothing is read."""
    with pytest.raises(InvoerFout, match="onbekende bronsoort 'bovag-2019'"):
        kind("bovag-2019")
    oud = Bron(bron="oud", soort="bovag-2019", pad=str(tmp_path), peildatum="2026-01-01")
    with scratch() as con, pytest.raises(InvoerFout) as refused:
        load_source(con, oud)
    assert refused.value.bestand == "bronnen.json" and refused.value.veld == "oud"
    assert oud.rol is None and oud.omschrijving == "bovag-2019"


def test_a_kind_with_a_match_step_adds_it_to_the_build_plan():
    bag = Bron(bron="bag", soort="bag-gpkg", pad="/b.gpkg", peildatum="2026-01-01")
    rdw = Bron(bron="rdw", soort="rdw", pad="/rdw", peildatum="2026-01-01")
    zonder, met = stappen([bag]), stappen([rdw, bag])
    assert zonder[0] == "Laden bag (bag-gpkg)" and met[:2] == ["Laden bag (bag-gpkg)", "Laden rdw (rdw)"]
    assert "RDW koppelen aan BAG" not in zonder
    assert met.index("RDW koppelen aan BAG") > met.index("KVK koppelen aan BAG")
    assert len(met) == len(zonder) + 2


def test_the_tables_a_kind_fills_are_counted_with_its_label():
    labels = tabellen()
    assert labels["rdw_bedrijf"] == "RDW-bedrijven" and labels["gebied"] == "Gebieden"
    assert labels["pand"] == "Panden"


def test_loaders_import_neither_cases_nor_the_ui_nor_the_command():
    for module, names in imports_of("loaders").items():
        wrong = {n for n in names if n.split(".")[0] in ("cases", "ui", "cli", "demo", "streamlit")}
        assert not wrong, f"{module} importeert {sorted(wrong)}"


def test_the_ui_reaches_loading_only_through_the_admin_facade():
    allowed = {"loaders", "loaders.admin", "loaders.errors"}
    for module, names in imports_of("ui").items():
        wrong = {n for n in names if n.startswith("loaders") and n not in allowed
                 and not n.startswith(("loaders.admin.", "loaders.errors."))}
        assert not wrong, f"{module} importeert {sorted(wrong)}"
