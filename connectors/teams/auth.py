"""Bot Framework authentication, both ways.

Inbound: every activity carries a JWT that must be checked fully. Rasa's own channel takes the
algorithm from the token itself (so "none" or HS256 tricks are possible), skips the issuer and the
serviceUrl claim, and fetches keys with a blocking client inside the event loop. Here: RS256 only,
keys from the OpenID metadata's JWKS (fetched with aiohttp on first use, cached, refreshed when an
unknown key id shows up, at most once a minute), issuer, audience, expiry with 5 minutes of skew,
the signing key's channel endorsement, and the serviceUrl claim against the activity.

Outbound: a client-credentials token, cached until 5 minutes before it expires.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Callable, Optional

import aiohttp
import jwt

ALGORITHM = "RS256"
CLOCK_SKEW_SECONDS = 300
KEYS_MAX_AGE_SECONDS = 24 * 3600
KEYS_MIN_REFRESH_GAP_SECONDS = 60
TOKEN_SCOPE = "https://api.botframework.com/.default"
TOKEN_RENEW_BEFORE_SECONDS = 300

HttpFactory = Callable[[], aiohttp.ClientSession]


class AuthError(Exception):
    """A request that must be refused; the message says why (for logs only)."""


class KeysUnavailable(AuthError):
    """The signing keys could not be fetched: nothing can be checked, so nothing is trusted."""


class SigningKeys:
    """The Bot Framework's public signing keys, by key id."""

    def __init__(
        self,
        openid_url: str,
        http: HttpFactory,
        clock: Callable[[], float] = time.monotonic,
        min_refresh_gap: float = KEYS_MIN_REFRESH_GAP_SECONDS,
    ) -> None:
        self.openid_url = openid_url
        self.http = http
        self.clock = clock
        self.min_refresh_gap = min_refresh_gap
        self.keys: dict[str, dict[str, Any]] = {}
        self.fetched_at: Optional[float] = None
        self.attempted_at: Optional[float] = None
        self.fetches = 0
        self._lock = asyncio.Lock()

    def _due(self, kid: str) -> bool:
        now = self.clock()
        if self.fetched_at is None or now - self.fetched_at > KEYS_MAX_AGE_SECONDS:
            return self.attempted_at is None or now - self.attempted_at >= self.min_refresh_gap
        # An unknown key id may be a new key; look again, but never more than once a minute, so
        # a stream of made-up ids cannot make us hammer the metadata endpoint.
        return kid not in self.keys and now - self.attempted_at >= self.min_refresh_gap

    async def get(self, kid: str) -> dict[str, Any]:
        if self._due(kid):
            async with self._lock:
                if self._due(kid):
                    await self._refresh()
        if kid not in self.keys:
            if self.fetched_at is None:
                raise KeysUnavailable("the Bot Framework signing keys could not be fetched")
            raise AuthError("token signed with an unknown key")
        return self.keys[kid]

    async def _refresh(self) -> None:
        self.attempted_at = self.clock()
        self.fetches += 1
        try:
            http = self.http()
            async with http.get(self.openid_url) as reply:
                reply.raise_for_status()
                jwks_uri = (await reply.json(content_type=None))["jwks_uri"]
            async with http.get(jwks_uri) as reply:
                reply.raise_for_status()
                listed = (await reply.json(content_type=None))["keys"]
        except (aiohttp.ClientError, asyncio.TimeoutError, KeyError, TypeError, ValueError):
            # Keep the keys we had: a hiccup at the metadata endpoint must not lock everyone out.
            return
        self.keys = {k["kid"]: k for k in listed if isinstance(k, dict) and k.get("kid")}
        self.fetched_at = self.clock()


def bearer_token(authorization: Optional[str]) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("no bearer token")
    return token.strip()


class InboundAuth:
    """Checks the token on an incoming activity; returns its claims or raises AuthError."""

    def __init__(self, app_id: str, issuer: str, keys: SigningKeys) -> None:
        self.app_id = app_id
        self.issuer = issuer
        self.keys = keys

    async def check(self, authorization: Optional[str], activity: dict[str, Any]) -> dict[str, Any]:
        if not self.app_id:
            raise AuthError("TEAMS_APP_ID is not set")
        token = bearer_token(authorization)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthError(f"malformed token: {exc}") from exc
        if header.get("alg") != ALGORITHM:
            raise AuthError(f"algorithm {header.get('alg')!r} is not allowed")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise AuthError("token without a key id")
        jwk = await self.keys.get(kid)
        endorsements = jwk.get("endorsements")
        # A key endorsed for some channels only may sign activities from those channels only.
        if isinstance(endorsements, list) and activity.get("channelId") not in endorsements:
            raise AuthError("signing key not endorsed for this channel")
        try:
            key = jwt.PyJWK(jwk, algorithm=ALGORITHM).key
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self.app_id,
                issuer=self.issuer,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as exc:
            raise AuthError(f"invalid token: {exc}") from exc
        service_url = claims.get("serviceUrl") or claims.get("serviceurl")
        if not service_url or service_url != activity.get("serviceUrl"):
            raise AuthError("serviceUrl claim does not match the activity")
        return claims


class ConnectorTokens:
    """Tokens for calling the Bot Connector API, cached until shortly before they expire."""

    def __init__(
        self,
        app_id: str,
        app_password: str,
        login_base: str,
        tenant: str,
        http: HttpFactory,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = f"{login_base.rstrip('/')}/{tenant or 'botframework.com'}/oauth2/v2.0/token"
        self.app_id = app_id
        self.app_password = app_password
        self.http = http
        self.clock = clock
        self.requests = 0
        self._token: Optional[str] = None
        self._renew_at = 0.0
        self._lock = asyncio.Lock()

    def forget(self) -> None:
        """Drops the cached token (after the connector refused it)."""
        self._token = None

    async def get(self) -> str:
        async with self._lock:
            if self._token is None or self.clock() >= self._renew_at:
                await self._fetch()
            return self._token  # type: ignore[return-value]

    async def _fetch(self) -> None:
        form = {
            "grant_type": "client_credentials",
            "client_id": self.app_id,
            "client_secret": self.app_password,
            "scope": TOKEN_SCOPE,
        }
        self.requests += 1
        async with self.http().post(self.url, data=form) as reply:
            if reply.status != 200:
                raise AuthError(f"the login service refused our credentials: HTTP {reply.status}")
            payload = await reply.json(content_type=None)
        token = payload.get("access_token") if isinstance(payload, dict) else None
        if not token:
            raise AuthError("the login service sent no access token")
        lifetime = float(payload.get("expires_in") or 0)
        self._token = token
        self._renew_at = self.clock() + max(lifetime - TOKEN_RENEW_BEFORE_SECONDS, 0)
