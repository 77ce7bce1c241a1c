"""Login through the real app.py (AppTest): nothing without login in productie, local accounts with
argon2 and lockout, OIDC identities mapped onto Zicht users, the demo user in demo mode."""

from __future__ import annotations

from cases import accounts
from tests.ui import test_cases_support as support
from tests.ui.test_cases_support import KEY, PASSWORD, app, audit_lines, has_map, plain, run, texts
from ui import auth, cases_data
from ui.components.cases.links import CASUS_PARAM

case_env, store, team, two_cases = support.case_env, support.store, support.team, support.two_cases

OIDC_SECRETS = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                "client_id": "zicht", "client_secret": "geheim",
                "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


def login(at, naam: str, wachtwoord: str):
    at.text_input(key="login_naam").input(naam)
    at.text_input(key="login_wachtwoord").input(wachtwoord)
    at.button(key="FormSubmitter:inloggen-Inloggen").click()
    return run(at)


def is_login_screen(at) -> bool:
    return [t.key for t in at.text_input] == ["login_naam", "login_wachtwoord"]


def test_productie_without_key_refuses_to_start_in_dutch(case_env, monkeypatch):
    monkeypatch.delenv("ZICHT_CASES_KEY")
    at = run(app())
    assert auth.GEEN_OPSLAG_PRODUCTIE in at.error[0].value
    assert "Geen sleutel voor de casusopslag" in plain(at.error[0].value)
    assert not has_map(at) and not at.text_input and not at.button


def test_without_login_every_page_shows_only_the_login_screen(team, two_cases):
    drugs, _ = two_cases
    for page, query in (("kaart", {}), ("casussen", {CASUS_PARAM: drugs.id}), ("beheer", {})):
        at = run(app(page, query=query))
        assert is_login_screen(at), page
        assert not has_map(at)
        shown = texts(at)
        assert drugs.titel not in shown and drugs.casusnummer not in shown
        assert "Casussen" not in [h.value for h in at.header]


def test_local_login_opens_the_map_and_is_audited(team, store):
    at = login(run(app()), "Ana.Drugs ", PASSWORD)
    assert has_map(at)
    assert not is_login_screen(at)
    assert "Ana Drugs" in texts(at)
    assert at.session_state[cases_data.SESSION_USER] == "ana.drugs"
    assert audit_lines(store)[-1]["actie"] in {"inloggen", "zoekopdracht", "objectkaart_bekeken"}
    assert any(r["actie"] == "inloggen" and r["gebruiker"] == "ana.drugs" for r in audit_lines(store))


def test_wrong_password_gives_the_dutch_refusal_and_no_map(team):
    at = login(run(app()), "ana.drugs", "fout-wachtwoord-123")
    assert [e.value for e in at.error] == [accounts.ONJUIST]
    assert is_login_screen(at) and not has_map(at)
    at = login(at, "bestaat.niet", PASSWORD)
    assert [e.value for e in at.error] == [accounts.ONJUIST]  # unknown name: same message


def test_account_is_locked_after_five_failures_even_for_the_right_password(team):
    at = run(app())
    for _ in range(accounts.MAX_POGINGEN):
        at = login(at, "ana.drugs", "fout-wachtwoord-123")
    assert "tijdelijk geblokkeerd" in at.error[0].value
    at = login(at, "ana.drugs", PASSWORD)
    assert "tijdelijk geblokkeerd" in at.error[0].value
    assert not has_map(at)


def test_beheerder_lifts_the_lockout(team, store):
    at = run(app())
    for _ in range(accounts.MAX_POGINGEN):
        at = login(at, "ana.drugs", "fout-wachtwoord-123")
    accounts.update_user(store, team.beheerder, "ana.drugs", deblokkeer=True)
    assert has_map(login(at, "ana.drugs", PASSWORD))


def test_a_disabled_account_is_logged_out_on_the_next_click(team, store):
    at = login(run(app()), "ana.drugs", PASSWORD)
    assert has_map(at)
    accounts.disable_user(store, team.beheerder, "ana.drugs")
    at = run(at)
    assert is_login_screen(at) and not has_map(at)


def test_logout_returns_to_the_login_screen(team):
    at = login(run(app()), "ana.drugs", PASSWORD)
    at.button(key="uitloggen").click()
    assert is_login_screen(run(at))


def test_oidc_login_maps_the_email_onto_the_zicht_user(team, store):
    at = app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": "Cor@Gemeente.example", "name": "Cor"}
    run(at)
    assert has_map(at)
    assert "Cor Coördinator" in texts(at)
    assert any(r["actie"] == "inloggen" and '"methode":"oidc"' in r["details"] for r in audit_lines(store))


def test_oidc_login_with_an_unknown_email_is_refused_in_dutch(team, store):
    at = app()
    at.secrets["auth"] = OIDC_SECRETS
    at.user = {"is_logged_in": True, "email": "onbekend@gemeente.example"}
    run(at)
    assert not has_map(at)
    assert "onbekend@gemeente.example" in plain(at.error[0].value)
    assert "geen (actief) account in Zicht" in plain(at.error[0].value)
    assert audit_lines(store)[-1]["actie"] == "inloggen_mislukt"


def test_the_login_screen_offers_the_municipal_login_when_oidc_is_configured(team):
    at = app()
    at.secrets["auth"] = OIDC_SECRETS
    run(at)
    assert auth.OIDC_KNOP in [b.label for b in at.button]
    assert is_login_screen(at)


def test_demo_mode_needs_no_password_and_marks_every_page(case_env, monkeypatch):
    monkeypatch.setenv("ZICHT_MODE", "demo")
    monkeypatch.delenv("ZICHT_CASES_KEY")
    for page in ("kaart", "casussen", "beheer"):
        at = run(app(page))
        assert not is_login_screen(at), page
        badges = [m.value for m in at.markdown if auth.DEMO_BADGE in m.value]
        assert badges, page  # main area and sidebar
    assert "Demo-gebruiker" in texts(at)


def test_the_key_comes_from_streamlit_secrets_too(case_env, monkeypatch):
    monkeypatch.delenv("ZICHT_CASES_KEY")
    at = app()
    at.secrets["zicht_cases_key"] = KEY
    run(at)
    assert is_login_screen(at)
