"""Local accounts: argon2 hashes, lockout, OIDC mapping, beheer rights and the demo user."""

from __future__ import annotations

import io

import pytest

from cases import accounts
from cases.cli import main as cli_main
from cases.model import GeenToegang, InlogFout, OngeldigeInvoer, Rol, Thema
from cases.store import open_store
from tests.cases.conftest import KEY

PASSWORD = "correct paard batterij niet"


@pytest.fixture
def anna(store):
    return accounts.register_user(store, "test", "anna", "Anna", ["analist"], ["drugs"], wachtwoord=PASSWORD)


def test_passwords_are_stored_as_argon2id_hashes_only(store, anna):
    stored = store.query("gebruiker_login", gebruikersnaam="anna")[0]["wachtwoord_hash"]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert PASSWORD.encode() not in store.path.read_bytes()


def test_the_right_password_logs_in_and_is_audited(store, anna):
    user = accounts.verify_password(store, "Anna ", PASSWORD)
    assert user.gebruikersnaam == "anna" and user.datarollen == {Thema.DRUGS}
    last = store.audit.read_rows()[-1]
    assert (last["actie"], last["gebruiker"]) == ("inloggen", "anna")


def test_unknown_user_and_wrong_password_get_the_same_answer(store, anna):
    with pytest.raises(InlogFout) as unknown:
        accounts.verify_password(store, "niemand", PASSWORD)
    with pytest.raises(InlogFout) as wrong:
        accounts.verify_password(store, "anna", "fout wachtwoord!!")
    assert str(unknown.value) == str(wrong.value) == accounts.ONJUIST
    assert store.audit.read_rows()[-2]["gebruiker"] == "onbekend"


def test_lockout_after_too_many_failures_until_a_beheerder_lifts_it(store, team, anna):
    for _ in range(accounts.MAX_POGINGEN - 1):
        with pytest.raises(InlogFout, match="onjuist wachtwoord"):
            accounts.verify_password(store, "anna", "fout wachtwoord!!")
    with pytest.raises(InlogFout, match="geblokkeerd"):
        accounts.verify_password(store, "anna", "fout wachtwoord!!")
    with pytest.raises(InlogFout, match="geblokkeerd"):
        accounts.verify_password(store, "anna", PASSWORD)  # even the right password
    accounts.update_user(store, team.beheerder, "anna", deblokkeer=True)
    assert accounts.verify_password(store, "anna", PASSWORD).gebruikersnaam == "anna"


def test_a_disabled_account_cannot_log_in(store, team, anna):
    accounts.disable_user(store, team.beheerder, "anna")
    with pytest.raises(InlogFout):
        accounts.verify_password(store, "anna", PASSWORD)


def test_short_passwords_are_refused(store, team):
    with pytest.raises(OngeldigeInvoer, match="minstens 12 tekens"):
        accounts.create_user(store, team.beheerder, "kort", "Kort", ["analist"], wachtwoord="kort")


def test_oidc_identity_maps_onto_the_user_by_email(store, team):
    assert accounts.user_for_oidc(store, " Cor@Gemeente.example") == team.coordinator
    assert accounts.user_for_oidc(store, "onbekend@gemeente.example") is None
    with pytest.raises(OngeldigeInvoer, match="hoort al bij"):
        accounts.create_user(store, team.beheerder, "cor2", "Cor 2", ["analist"],
                             email="cor@gemeente.example")


def test_only_a_beheerder_manages_users_and_one_beheerder_always_remains(store, team):
    with pytest.raises(GeenToegang, match="beheerder"):
        accounts.create_user(store, team.coordinator, "nieuw", "Nieuw", ["analist"])
    with pytest.raises(OngeldigeInvoer, match="minstens één actieve beheerder"):
        accounts.set_roles(store, team.beheerder, "beheer", ["analist"], [])
    granted = accounts.set_roles(store, team.beheerder, "beheer", ["beheerder", "coordinator"], ["drugs"])
    assert granted.rollen == {Rol.BEHEERDER, Rol.COORDINATOR} and granted.datarollen == {Thema.DRUGS}
    assert '"datarollen":["drugs"]' in store.audit.read_rows()[-1]["details"]


def test_demo_user_exists_only_in_demo_mode(tmp_path):
    path = tmp_path / "cases.duckdb"
    with open_store(path, KEY, mode="demo") as store:
        demo = accounts.demo_user(store)
        assert (demo.rollen, demo.datarollen, demo.is_demo) == ({Rol.ANALIST}, set(Thema), True)
        assert "demomodus" in demo.weergavenaam
        with pytest.raises(InlogFout):
            accounts.verify_password(store, "demo", "")
    with open_store(path, KEY, mode="productie") as store:
        assert accounts.get_user(store, "demo") is None
        with pytest.raises(GeenToegang):
            accounts.demo_user(store)


def test_zicht_gebruiker_toevoegen_creates_the_first_beheerder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ZICHT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ZICHT_MODE", "productie")
    monkeypatch.setenv("ZICHT_CASES_KEY", KEY)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = cli_main(["gebruiker", "toevoegen", "bea", "--naam", "Bea", "--rol", "beheerder",
                     "--wachtwoord-stdin"])
    assert code == 0 and "zonder datarollen ziet deze beheerder geen casusinhoud" in capsys.readouterr().out
    with open_store() as store:
        assert Rol.BEHEERDER in accounts.verify_password(store, "bea", PASSWORD).rollen
    refused = ["gebruiker", "toevoegen", "xander", "--naam", "X", "--rol", "baas", "--alleen-oidc"]
    assert cli_main(refused) == 2
    assert "Onbekende rol" in capsys.readouterr().err
