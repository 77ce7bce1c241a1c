"""Shared fixtures: a small Demostad built once per test session through the real pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEMO_SCALE = 0.05
DEMO_SEED = 7


@pytest.fixture(scope="session", autouse=True)
def _isolated_data_dir(tmp_path_factory):
    """No test writes into the developer's ./data: the default data dir is a temporary one."""
    os.environ["ZICHT_DATA_DIR"] = str(tmp_path_factory.mktemp("zicht-data"))


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory) -> Path:
    """A data dir with a built small Demostad snapshot (current pointer set). Do not modify."""
    from demo.sources import generate_and_register
    from loaders.pipeline import build

    folder = tmp_path_factory.mktemp("demostad")
    generate_and_register(folder, DEMO_SCALE, DEMO_SEED, vervang=False)
    build(folder)
    return folder


@pytest.fixture(scope="session")
def planted(demo_data_dir) -> dict:
    import json

    return json.loads((demo_data_dir / "demo-bronnen" / "planted.json").read_text())


def shared_file(*parts: str) -> Path:
    """A file from ../shared; the test is skipped when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} ontbreekt (../shared is er niet); deze test leest echte voorbeeldbestanden")
    return path


@pytest.fixture(scope="module")
def demo_con(demo_data_dir):
    """A read-only connection to the demo snapshot, shared by one test module."""
    from geo import db, snapshots

    con = db.connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    yield con
    con.close()
