"""Fixtures for the loader tests: a local replay server (never the internet) and a scratch
database with the snapshot schema and the staging tables every loader writes to."""

from __future__ import annotations

import pytest

from tests.loaders.replay_server import ReplayServer


@pytest.fixture
def replay(monkeypatch):
    """A started ReplayServer on 127.0.0.1 (free port); stopped after the test."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    with ReplayServer() as server:
        yield server


@pytest.fixture
def con():
    """An in-memory database with the snapshot schema and the loaders' staging tables."""
    from geo.db import connect
    from geo.sqlfiles import run_script
    from loaders.pipeline import prepare_staging

    c = connect()
    run_script(c, "schema")
    prepare_staging(c)
    yield c
    c.close()
