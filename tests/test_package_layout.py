"""The direction of imports between the packages: exports/ and maps/ build on geo/ and never on
ui/ or streamlit; geo/ uses neither exports/ nor maps/. Read from the source, not by importing."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_packages(package: str) -> dict[str, set[str]]:
    """{module path: the top-level packages it imports} for every module of `package`."""
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        tops = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = tops
    return found


@pytest.mark.parametrize(("package", "forbidden"), [
    ("exports", {"ui", "streamlit", "streamlit_folium"}),
    ("maps", {"ui", "streamlit", "streamlit_folium", "exports"}),
    ("geo", {"ui", "streamlit", "streamlit_folium", "exports", "maps"}),
])
def test_a_package_never_imports_the_layers_above_it(package, forbidden):
    modules = imported_packages(package)
    assert modules, f"{package}/ has no modules"
    wrong = {m: sorted(tops & forbidden) for m, tops in modules.items() if tops & forbidden}
    assert wrong == {}
