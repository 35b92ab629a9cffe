"""Session tokens of the web widget: only the server can mint one, and only until it expires."""

from __future__ import annotations

import pytest

from connectors.web import tokens

SECRET = "a-test-secret-that-is-long-enough"
NOW = 1_800_000_000


def test_a_token_names_a_fresh_session_and_verifies():
    token = tokens.issue(SECRET, 3600, now=NOW)
    session_id = tokens.verify(SECRET, token, now=NOW + 10)
    assert tokens.SESSION_ID.fullmatch(session_id)
    assert token.startswith(f"{session_id}.{NOW + 3600}.")


def test_every_token_gets_its_own_session():
    ids = {tokens.verify(SECRET, tokens.issue(SECRET, 60, now=NOW), now=NOW) for _ in range(50)}
    assert len(ids) == 50


def test_a_known_session_can_be_renewed():
    session_id = tokens.new_session_id()
    token = tokens.issue(SECRET, 60, session_id=session_id, now=NOW)
    assert tokens.verify(SECRET, token, now=NOW) == session_id


def test_an_expired_token_is_refused():
    token = tokens.issue(SECRET, 60, now=NOW)
    assert tokens.verify(SECRET, token, now=NOW + 59)
    with pytest.raises(tokens.TokenError, match="expired"):
        tokens.verify(SECRET, token, now=NOW + 60)


def test_a_token_signed_with_another_secret_is_refused():
    token = tokens.issue("some-other-secret", 3600, now=NOW)
    with pytest.raises(tokens.TokenError, match="signature"):
        tokens.verify(SECRET, token, now=NOW)


def test_choosing_another_session_id_breaks_the_signature():
    token = tokens.issue(SECRET, 3600, now=NOW)
    _, expires, signature = token.split(".")
    someone_else = tokens.new_session_id()
    with pytest.raises(tokens.TokenError, match="signature"):
        tokens.verify(SECRET, f"{someone_else}.{expires}.{signature}", now=NOW)


def test_stretching_the_expiry_breaks_the_signature():
    token = tokens.issue(SECRET, 60, now=NOW)
    session_id, expires, signature = token.split(".")
    later = int(expires) + 10 * 365 * 24 * 3600
    with pytest.raises(tokens.TokenError, match="signature"):
        tokens.verify(SECRET, f"{session_id}.{later}.{signature}", now=NOW)


@pytest.mark.parametrize(
    "token",
    [
        None,
        "",
        42,
        {"token": "x"},
        "not-a-token",
        "a.b.c",
        "a.b.c.d",
        "ABCDEF0123456789ABCDEF0123456789.1800000060.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "0123456789abcdef0123456789abcdef.-5.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "0123456789abcdef0123456789abcdef.1800000060.é" + "x" * 42,
        "0123456789abcdef0123456789abcdef.1800000060." + "x" * 5000,
    ],
)
def test_malformed_tokens_are_refused_cleanly(token):
    with pytest.raises(tokens.TokenError):
        tokens.verify(SECRET, token, now=NOW)


def test_without_a_secret_nothing_is_issued_or_accepted():
    token = tokens.issue(SECRET, 3600, now=NOW)
    with pytest.raises(tokens.TokenError, match="WEB_SESSION_SECRET"):
        tokens.verify("", token, now=NOW)
    with pytest.raises(tokens.TokenError, match="WEB_SESSION_SECRET"):
        tokens.issue("", 3600, now=NOW)


def test_a_client_cannot_pass_its_own_session_id_format():
    with pytest.raises(tokens.TokenError, match="session id"):
        tokens.issue(SECRET, 60, session_id="../../admin", now=NOW)
