"""What every export test reads: the demo snapshot, read-only, and its peildatum."""

import pytest


@pytest.fixture(scope="module")
def con(demo_con):
    return demo_con


@pytest.fixture(scope="module")
def peildatum(con) -> str:
    return con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]
