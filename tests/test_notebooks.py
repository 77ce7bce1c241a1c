"""The analyst notebooks: stored without outputs, and they run top to bottom on the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = ("beauty_inventaris.ipynb", "bedrijventerrein_profiel.ipynb")
TIMEOUT_S = 300


def run(name: str, data_dir: Path, monkeypatch) -> nbformat.NotebookNode:
    """Execute a copy of the notebook in a fresh kernel that sees the demo data dir."""
    monkeypatch.setenv("ZICHT_DATA_DIR", str(data_dir))  # the kernel inherits the environment
    # Importing streamlit (other tests do, in this process) sets MPLBACKEND=Agg, which the kernel
    # would inherit and then show no figures; an analyst's kernel has the inline backend.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=TIMEOUT_S, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return notebook


def outputs(notebook) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def summary(notebook) -> str:
    """The text of the last cell's result: the 'Samenvatting' table."""
    return notebook.cells[-1].outputs[-1]["data"]["text/plain"]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs(name):
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert any(c.cell_type == "markdown" for c in notebook.cells)


def test_beauty_inventory_runs_and_finds_beauty_businesses(demo_data_dir, monkeypatch):
    notebook = run("beauty_inventaris.ipynb", demo_data_dir, monkeypatch)
    assert not [o for o in outputs(notebook) if o.output_type == "error"]
    tables = [o for o in outputs(notebook) if "text/html" in o.get("data", {})]
    assert len(tables) >= 6 and all("<table" in o["data"]["text/html"] for o in tables)
    assert any("image/png" in o.get("data", {}) for o in outputs(notebook))
    text = summary(notebook)
    count = int(text.split("actieve beautyvestigingen")[1].split()[0])
    assert count > 0
    assert "op een woonadres" in text and "nieuw in de laatste 12 maanden" in text


def test_bedrijventerrein_profile_runs_and_profiles_a_terrain(demo_data_dir, monkeypatch):
    notebook = run("bedrijventerrein_profiel.ipynb", demo_data_dir, monkeypatch)
    assert not [o for o in outputs(notebook) if o.output_type == "error"]
    text = summary(notebook)
    assert int(text.split("panden")[1].split()[0]) > 0
    assert int(text.split("actieve vestigingen")[1].split()[0]) > 0
    for expected in ("verloop per jaar (5 jaar)", "aandeel automotive", "automotive met RDW-erkenning"):
        assert expected in text
