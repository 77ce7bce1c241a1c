"""The case-register fixtures (a real encrypted store) for the retention checks here."""

from tests.cases.conftest import store  # noqa: F401
