"""Bot Framework tokens checked against the stand-in's real OpenID metadata and JWKS, and the
outbound token cache against its login endpoint."""

from __future__ import annotations

import time

import aiohttp
import pytest
import pytest_asyncio

from connectors.teams.auth import (
    AuthError,
    ConnectorTokens,
    InboundAuth,
    KeysUnavailable,
    SigningKeys,
)
from standins.botframework import BotFrameworkStandIn


@pytest.fixture(scope="module")
def bf():
    standin = BotFrameworkStandIn().start()
    yield standin
    standin.stop()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest_asyncio.fixture
async def http():
    session = aiohttp.ClientSession()
    yield session
    await session.close()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def auth(bf, http, clock):
    keys = SigningKeys(bf.env()["TEAMS_OPENID_URL"], lambda: http, clock=clock)
    return InboundAuth(bf.app_id, bf.issuer, keys)


def bearer(token: str) -> str:
    return f"Bearer {token}"


@pytest.mark.asyncio
async def test_a_valid_token_passes_and_keys_are_cached(bf, auth):
    activity = bf.activity("hi")
    claims = await auth.check(bearer(bf.make_token()), activity)
    assert claims["aud"] == bf.app_id and claims["serviceUrl"] == activity["serviceUrl"]
    await auth.check(bearer(bf.make_token()), activity)
    assert auth.keys.fetches == 1


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "overrides, why",
    [
        ({"exp": int(time.time()) - 600}, "expired"),
        ({"nbf": int(time.time()) + 600}, "not yet valid"),
        ({"aud": "someone-elses-bot"}, "audience"),
        ({"aud": None}, "aud"),
        ({"iss": "https://sts.windows.net/evil/"}, "issuer"),
        ({"key": "other"}, "signature"),
        ({"serviceUrl": "https://evil.example/"}, "serviceUrl"),
        ({"serviceUrl": None}, "serviceUrl"),
        ({"alg": "none"}, "algorithm"),
        ({"alg": "HS256"}, "algorithm"),
    ],
)
async def test_bad_tokens_are_refused(bf, auth, overrides, why):
    with pytest.raises(AuthError) as refused:
        await auth.check(bearer(bf.make_token(**overrides)), bf.activity("hi"))
    assert why.lower() in str(refused.value).lower()


@pytest.mark.asyncio
async def test_clock_skew_of_five_minutes_is_allowed(bf, auth):
    now = int(time.time())
    await auth.check(bearer(bf.make_token(exp=now - 240)), bf.activity("hi"))
    await auth.check(bearer(bf.make_token(nbf=now + 240)), bf.activity("hi"))


@pytest.mark.asyncio
@pytest.mark.parametrize("header", [None, "", "Basic abc", "Bearer ", "Bearer not.a.jwt"])
async def test_missing_or_malformed_authorization_is_refused(bf, auth, header):
    with pytest.raises(AuthError):
        await auth.check(header, bf.activity("hi"))


@pytest.mark.asyncio
async def test_keys_are_only_trusted_for_the_channels_they_endorse(bf, auth):
    with pytest.raises(AuthError, match="endorsed"):
        await auth.check(bearer(bf.make_token()), bf.activity("hi", channelId="webchat"))


@pytest.mark.asyncio
async def test_a_new_key_id_triggers_a_refresh_at_most_once_a_minute(bf, auth, clock):
    await auth.check(bearer(bf.make_token()), bf.activity("hi"))
    clock.now += 61
    with pytest.raises(AuthError, match="unknown key"):
        await auth.check(bearer(bf.make_token(kid="made-up")), bf.activity("hi"))
    assert auth.keys.fetches == 2
    # More made-up ids within the minute do not reach the metadata endpoint again.
    for _ in range(5):
        with pytest.raises(AuthError):
            await auth.check(bearer(bf.make_token(kid="made-up-too")), bf.activity("hi"))
    assert auth.keys.fetches == 2

    bf.rotate_key()
    clock.now += 61
    await auth.check(bearer(bf.make_token()), bf.activity("hi"))  # the new key is fetched
    assert auth.keys.fetches == 3


@pytest.mark.asyncio
async def test_keys_are_fetched_lazily_and_their_absence_refuses_everything(bf, http, clock):
    keys = SigningKeys("http://127.0.0.1:9/nothing-here", lambda: http, clock=clock)
    assert keys.fetches == 0  # nothing at construction: Rasa starts without the Bot Framework
    auth = InboundAuth(bf.app_id, bf.issuer, keys)
    with pytest.raises(KeysUnavailable):
        await auth.check(bearer(bf.make_token()), bf.activity("hi"))


@pytest.mark.asyncio
async def test_without_an_app_id_nothing_passes(bf, http):
    keys = SigningKeys(bf.env()["TEAMS_OPENID_URL"], lambda: http)
    with pytest.raises(AuthError, match="TEAMS_APP_ID"):
        await InboundAuth("", bf.issuer, keys).check(bearer(bf.make_token()), bf.activity("hi"))


@pytest.mark.asyncio
async def test_outbound_token_is_cached_until_five_minutes_before_expiry(bf, http, clock):
    tokens = ConnectorTokens(bf.app_id, bf.app_password, bf.url, bf.tenant_id, lambda: http, clock)
    first = await tokens.get()
    assert first in bf.access_tokens
    clock.now += 3600 - 301
    assert await tokens.get() == first
    assert tokens.requests == 1
    clock.now += 2  # inside the last five minutes
    second = await tokens.get()
    assert second != first and tokens.requests == 2
    tokens.forget()
    assert await tokens.get() not in (first, second)


@pytest.mark.asyncio
async def test_outbound_token_with_a_wrong_password_fails(bf, http):
    tokens = ConnectorTokens(bf.app_id, "wrong", bf.url, bf.tenant_id, lambda: http)
    with pytest.raises(AuthError, match="401"):
        await tokens.get()
