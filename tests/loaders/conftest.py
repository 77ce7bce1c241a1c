"""Fixtures for the network loader tests: a local replay server, never the internet."""

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
