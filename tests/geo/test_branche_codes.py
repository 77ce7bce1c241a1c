"""data/branches.toml against KVK's official lists: every code exists in its version, and each
group covers the same activities in SBI 2008 and SBI 2025 through the conversion table
data/sbi/omzetting_branches.csv, except the intended differences in branche_verschillen.csv."""

from __future__ import annotations

import csv

import pytest

from geo import sbi_lijst
from geo.branches import load_branches

OMZETTING = sbi_lijst.LIJST_DIR / "omzetting_branches.csv"
VERSCHILLEN = sbi_lijst.LIJST_DIR / "branche_verschillen.csv"
GROEPEN = load_branches().groepen


def read(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def covered(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(code.startswith(p) for p in prefixes)


def test_shipped_lists_have_the_published_number_of_codes():
    def count(versie):
        return sum(1 for c in sbi_lijst.codes(versie).values() if c.code.isdigit())

    assert (count("2008"), count("2025")) == (1438, 1932)
    assert sbi_lijst.omschrijving("2025", "96") == "Persoonlijke dienstverlening"


@pytest.mark.parametrize("groep", GROEPEN, ids=lambda g: g.id)
def test_every_branch_group_code_exists_in_its_versions_official_list(groep):
    for versie, codes in (("2008", groep.sbi_2008), ("2025", groep.sbi_2025)):
        missing = [c for c in codes if not sbi_lijst.bestaat(versie, c)]
        assert not missing, f"{groep.id}: niet in SBI {versie}: {missing}"


def test_conversion_table_uses_only_official_codes():
    for row in read(OMZETTING):
        assert sbi_lijst.bestaat("2008", row["sbi_2008"]), row
        assert sbi_lijst.bestaat("2025", row["sbi_2025"]), row


@pytest.mark.parametrize("groep", GROEPEN, ids=lambda g: g.id)
def test_conversion_table_covers_every_code_of_the_group(groep):
    rows = read(OMZETTING)
    for versie, prefixes, kolom in (("2008", groep.sbi_2008, "sbi_2008"),
                                    ("2025", groep.sbi_2025, "sbi_2025")):
        for prefix in prefixes:
            for leaf in sbi_lijst.bladeren(versie, prefix):
                assert any(leaf.startswith(r[kolom]) for r in rows), (
                    f"{groep.id}: SBI {versie} {leaf} staat niet in omzetting_branches.csv")


@pytest.mark.parametrize("groep", GROEPEN, ids=lambda g: g.id)
def test_group_covers_the_same_activities_in_2008_and_2025_except_written_differences(groep):
    gedocumenteerd = {(v["sbi_2008"], v["sbi_2025"]) for v in read(VERSCHILLEN)
                      if v["groep"] == groep.id}
    gevonden = set()
    for row in read(OMZETTING):
        a, b = row["sbi_2008"], row["sbi_2025"]
        for code, prefixes in ((a, groep.sbi_2008), (b, groep.sbi_2025)):
            grover = [p for p in prefixes if p.startswith(code) and p != code]
            assert not grover, f"{a} → {b} is grover dan de groepscode {grover} van {groep.id}"
        if covered(a, groep.sbi_2008) != covered(b, groep.sbi_2025):
            gevonden.add((a, b))
    assert gevonden - gedocumenteerd == set(), "verschil zonder uitleg in branche_verschillen.csv"
    assert gedocumenteerd - gevonden == set(), "uitleg bij iets dat geen verschil (meer) is"


def test_every_written_difference_has_a_reason_and_a_known_group():
    ids = {g.id for g in GROEPEN}
    for v in read(VERSCHILLEN):
        assert v["groep"] in ids and len(v["reden"]) > 10, v


def test_fixed_2025_codes_of_the_issue():
    groep = {g.id: g for g in GROEPEN}
    assert "5229" not in groep["opslag_logistiek"].sbi_2025  # gone in SBI 2025
    assert {"5225", "5231"} <= set(groep["opslag_logistiek"].sbi_2025)
    assert "7751" in groep["automotive"].sbi_2025  # intermediation for car rental
    assert "96400" in groep["seksbranche"].sbi_2025  # intermediation for personal services
    assert "6422" in groep["holdings"].sbi_2025  # the 2025 split of 6420
    assert "4110" in groep["vastgoed"].sbi_2008  # project development, 6812 in SBI 2025


def test_afdeling_09_has_its_leading_zero_in_the_shipped_2008_list():
    # the reference copy had it as '9', level 'sectie': a delivered 09 must not look SBI 2025-only
    assert sbi_lijst.codes("2008")["09"].niveau == "afdeling"
    assert "9" not in sbi_lijst.codes("2008")
    assert all(sbi_lijst.codes(v)[c].ouder in sbi_lijst.codes(v) for v in ("2008", "2025")
               for c in sbi_lijst.codes(v) if sbi_lijst.codes(v)[c].ouder)


def test_section_table_agrees_with_the_official_lists():
    # data/sbi_secties.toml (the tree's sections) put 2008 afdeling 09 nowhere: its codes
    # vanished from the tree
    from geo import sbi

    for versie in ("2008", "2025"):
        for c in sbi_lijst.codes(versie).values():
            if c.niveau == "afdeling":
                sectie = sbi.section_of(versie, c.code)
                assert sectie is not None and sectie.letter == c.ouder, (versie, c.code)
