"""cases.kaartrollen: map rights per datarol in the encrypted store (off by default, audited,
beheerder only, union over datarollen, migrated from an older store)."""

from __future__ import annotations

import json

import pytest

from cases import accounts, kaartrollen
from cases.model import GeenToegang, OngeldigeInvoer
from cases.store import SCHEMA_VERSIE, open_store
from geo.kaartrechten import OVERIG, Kaartrechten
from tests.cases.conftest import KEY


def test_off_by_default_everyone_sees_everything(store, team):
    assert kaartrollen.kaartrechten(store, team.drugs) is None
    assert kaartrollen.instelling(store, team.beheerder).aan is False


def test_on_a_user_sees_the_union_of_his_datarollen(store, team):
    kaartrollen.zet_rechten(store, team.beheerder, "drugs", groepen=["beauty"], signalen=["verloop"])
    kaartrollen.zet_rechten(store, team.beheerder, "vastgoed", groepen=["automotive", OVERIG], lagen=["rdw"])
    kaartrollen.zet_aan(store, team.beheerder, True)
    assert kaartrollen.kaartrechten(store, team.drugs) == Kaartrechten.van(["beauty"], [], ["verloop"])
    assert kaartrollen.kaartrechten(store, team.coordinator) == Kaartrechten.van(
        ["automotive", "beauty", OVERIG], ["rdw"], ["verloop"])


def test_without_datarollen_only_the_public_base(store, team):
    kaartrollen.zet_rechten(store, team.beheerder, "drugs", groepen=["beauty"])
    kaartrollen.zet_aan(store, team.beheerder, True)
    assert kaartrollen.kaartrechten(store, team.beheerder) == Kaartrechten()


def test_a_revoked_datarol_counts_at_once(store, team):
    kaartrollen.zet_rechten(store, team.beheerder, "drugs", groepen=["beauty"])
    kaartrollen.zet_aan(store, team.beheerder, True)
    accounts.set_roles(store, team.beheerder, team.drugs.gebruikersnaam, ["analist"], [])
    assert kaartrollen.kaartrechten(store, team.drugs) == Kaartrechten()


def test_only_a_beheerder_changes_the_setting(store, team):
    with pytest.raises(GeenToegang):
        kaartrollen.zet_aan(store, team.coordinator, True)
    with pytest.raises(GeenToegang):
        kaartrollen.zet_rechten(store, team.drugs, "drugs", groepen=["automotive"])
    with pytest.raises(GeenToegang):
        kaartrollen.instelling(store, team.coordinator)
    assert kaartrollen.kaartrechten(store, team.drugs) is None


def test_an_unknown_choice_is_refused_and_nothing_changes(store, team):
    kaartrollen.zet_rechten(store, team.beheerder, "drugs", groepen=["beauty"])
    with pytest.raises(OngeldigeInvoer, match="wapenhandel"):
        kaartrollen.zet_rechten(store, team.beheerder, "drugs", groepen=["automotive", "wapenhandel"])
    assert kaartrollen.instelling(store, team.beheerder).per_thema["drugs"].groepen == ("beauty",)


def test_every_change_is_audited(store, team):
    kaartrollen.zet_rechten(store, team.beheerder, "drugs", groepen=["beauty"], lagen=["rdw"])
    kaartrollen.zet_aan(store, team.beheerder, True)
    rows = [r for r in store.audit.read_rows() if r["actie"] == "instelling"]
    assert [(r["gebruiker"], json.loads(r["details"])) for r in rows[-2:]] == [
        ("beheer", {"instelling": "kaartrechten per datarol", "thema": "drugs", "groepen": ["beauty"],
                    "lagen": ["rdw"], "signalen": []}),
        ("beheer", {"instelling": "kaartrechten per datarol", "aan": True})]


def test_the_setting_persists_across_openings(tmp_path):
    path = tmp_path / "cases.duckdb"
    with open_store(path, KEY, mode="productie") as store:
        baas = accounts.register_user(store, "test", "beheer", "Bea Beheer", ["beheerder"])
        kaartrollen.zet_rechten(store, baas, "overig", groepen=["contant"])
        kaartrollen.zet_aan(store, baas, True)
    with open_store(path, KEY, mode="productie") as store:
        setting = kaartrollen.instelling(store, baas)
        assert setting.aan and setting.per_thema["overig"] == Kaartrechten.van(["contant"])


def test_an_older_store_is_migrated_and_the_setting_is_off(tmp_path):
    path = tmp_path / "cases.duckdb"
    with open_store(path, KEY, mode="productie") as store, store.cursor() as cur:
        cur.execute("DROP TABLE kaartrol")
        cur.execute("UPDATE meta SET waarde = '2' WHERE sleutel = 'schema_versie'")
    with open_store(path, KEY, mode="productie") as store:
        with store.cursor() as cur:
            assert cur.execute("SELECT waarde FROM meta WHERE sleutel = 'schema_versie'").fetchall() == \
                [(str(SCHEMA_VERSIE),)]
            assert cur.execute("SELECT count(*) FROM kaartrol").fetchall() == [(0,)]
        assert kaartrollen.kaartrechten(store, "niemand") is None


def test_the_demo_store_has_an_example_but_stays_off(tmp_path):
    import cases

    with cases.open_for_app(tmp_path / "cases.duckdb", mode="demo") as store:
        demo = accounts.demo_user(store)
        assert kaartrollen.kaartrechten(store, demo) is None
        assert store.query("kaartrollen")
