"""A Bot Framework stand-in: OpenID metadata and JWKS with its own RSA key, the login service's
token endpoint, and the Bot Connector API that records the bot's replies. It also makes the
inbound tokens the Bot Framework would send, valid by default or broken in a chosen way."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
import uuid
from typing import Any, Optional
from urllib.parse import urlsplit, unquote

import jwt
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from standins import HTTPStandIn, Received, Reply

OPENID_PATH = "/v1/.well-known/openidconfiguration"
KEYS_PATH = "/v1/.well-known/keys"
TOKEN_PATH = re.compile(r"^/([^/]+)/oauth2/v2\.0/token$")
ACTIVITIES_PATH = re.compile(r"^/v3/conversations/([^/]+)/activities$")
SCOPE = "https://api.botframework.com/.default"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class BotFrameworkStandIn(HTTPStandIn):
    def __init__(
        self,
        app_id: Optional[str] = None,
        app_password: Optional[str] = None,
        tenant_id: str = "botframework.com",
        employer_tenant_id: Optional[str] = None,
        issuer: str = "https://api.botframework.com",
    ) -> None:
        super().__init__()
        self.app_id = app_id or str(uuid.uuid4())
        self.app_password = app_password or secrets.token_urlsafe(24)
        self.tenant_id = tenant_id
        self.employer_tenant_id = employer_tenant_id or str(uuid.uuid4())
        self.issuer = issuer
        self.key = _new_key()
        self.kid = secrets.token_hex(8)
        self.other_key = _new_key()
        self.endorsements = ["msteams", "emulator"]
        self.replies: list[dict[str, Any]] = []
        self.access_tokens: set[str] = set()
        self.token_requests = 0
        self.jwks_fetches = 0
        self.token_lifetime = 3600
        # Statuses to answer the next posted replies with (e.g. [502] to test a retry).
        self.fail_next: list[int] = []

    @property
    def service_url(self) -> str:
        return self.url + "/"

    @property
    def bot_id(self) -> str:
        return f"28:{self.app_id}"

    def env(self) -> dict[str, str]:
        return {
            "TEAMS_APP_ID": self.app_id,
            "TEAMS_APP_PASSWORD": self.app_password,
            "TEAMS_TENANT_ID": self.tenant_id,
            "TEAMS_OPENID_URL": self.url + OPENID_PATH,
            "TEAMS_ISSUER": self.issuer,
            "TEAMS_LOGIN_BASE": self.url,
            "TEAMS_EMPLOYER_TENANT_ID": self.employer_tenant_id,
            # The stand-in's own address is where its activities say replies go.
            "TEAMS_SERVICE_HOSTS": urlsplit(self.url).hostname,
        }

    def rotate_key(self) -> None:
        """A new signing key with a new id, as the Bot Framework does from time to time."""
        with self.lock:
            self.key = _new_key()
            self.kid = secrets.token_hex(8)

    # HTTP side

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "endorsements": self.endorsements})
        return {"keys": [jwk]}

    def handle(self, request: Received) -> Reply:
        path = request.path.split("?")[0]
        if request.method == "GET" and path == OPENID_PATH:
            return Reply(200, {
                "issuer": self.issuer,
                "jwks_uri": self.url + KEYS_PATH,
                "id_token_signing_alg_values_supported": ["RS256"],
            })
        if request.method == "GET" and path == KEYS_PATH:
            with self.lock:
                self.jwks_fetches += 1
                return Reply(200, self.jwks())
        token_match = TOKEN_PATH.match(path)
        if request.method == "POST" and token_match:
            return self._token(request, token_match.group(1))
        activity_match = ACTIVITIES_PATH.match(path)
        if request.method == "POST" and activity_match:
            return self._activity(request, unquote(activity_match.group(1)))
        return Reply(404, {"error": "not found"})

    def _token(self, request: Received, tenant: str) -> Reply:
        form = request.form()
        with self.lock:
            self.token_requests += 1
        if tenant != self.tenant_id or form.get("grant_type") != "client_credentials":
            return Reply(400, {"error": "invalid_request"})
        if form.get("client_id") != self.app_id or form.get("client_secret") != self.app_password:
            return Reply(401, {"error": "invalid_client"})
        if form.get("scope") != SCOPE:
            return Reply(400, {"error": "invalid_scope"})
        token = secrets.token_urlsafe(32)
        with self.lock:
            self.access_tokens.add(token)
        return Reply(200, {"token_type": "Bearer", "expires_in": self.token_lifetime, "access_token": token})

    def _activity(self, request: Received, conversation_id: str) -> Reply:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        with self.lock:
            known = scheme == "Bearer" and token in self.access_tokens
        if not known:
            return Reply(401, {"error": {"code": "Unauthorized"}})
        with self.lock:
            failure = self.fail_next.pop(0) if self.fail_next else None
        if failure:
            return Reply(failure, {"error": {"code": "ServiceError", "message": "Internal error"}})
        activity = request.json()
        reply_id = secrets.token_hex(8)
        self.record(self.replies, {"conversation_id": conversation_id, "activity": activity, "id": reply_id})
        return Reply(200, {"id": reply_id})

    # What the Bot Framework sends

    def make_token(self, **overrides: Any) -> str:
        """An inbound token, valid by default. Override claims (iss, aud, exp, nbf, serviceUrl;
        None removes one) or the header (kid, alg: "none" and "HS256" make those forgeries);
        key="other" signs with a key the JWKS does not list."""
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.app_id,
            "exp": now + 3600,
            "nbf": now - 60,
            "iat": now - 60,
            "serviceUrl": self.service_url,
        }
        header_fields = {k: overrides.pop(k) for k in ("kid", "alg", "key") if k in overrides}
        for name, value in overrides.items():
            if value is None:
                claims.pop(name, None)
            else:
                claims[name] = value
        alg = header_fields.get("alg", "RS256")
        kid = header_fields.get("kid", self.kid)
        if alg == "RS256":
            key = self.other_key if header_fields.get("key") == "other" else self.key
            return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})
        # Forgeries are put together by hand: pyjwt rightly refuses to make some of them.
        header = _b64(json.dumps({"alg": alg, "kid": kid, "typ": "JWT"}).encode())
        body = _b64(json.dumps(claims).encode())
        signing_input = f"{header}.{body}".encode()
        if alg == "none":
            return f"{header}.{body}."
        if alg == "HS256":
            # The classic confusion: the public key (anyone can fetch it) used as an HMAC secret.
            public_pem = self.key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            return f"{header}.{body}.{_b64(hmac.new(public_pem, signing_input, hashlib.sha256).digest())}"
        raise ValueError(f"no forgery recipe for alg {alg!r}")

    def activity(
        self,
        text: str = "",
        *,
        type: str = "message",
        conversation_id: Optional[str] = None,
        user_id: Optional[str] = None,
        aad_object_id: Optional[str] = None,
        tenant_id: Optional[str] = None,
        value: Optional[dict[str, Any]] = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """An activity as Teams sends it to the bot (a personal chat by default)."""
        tenant = tenant_id or str(uuid.uuid4())
        user = {"id": user_id or f"29:{secrets.token_hex(12)}", "name": "Test User"}
        user["aadObjectId"] = aad_object_id or str(uuid.uuid4())
        activity: dict[str, Any] = {
            "type": type,
            "id": secrets.token_hex(8),
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
            "serviceUrl": self.service_url,
            "channelId": "msteams",
            "from": user,
            "conversation": {
                "id": conversation_id or f"a:{secrets.token_hex(16)}",
                "conversationType": "personal",
                "tenantId": tenant,
            },
            "recipient": {"id": self.bot_id, "name": "Health Careers Guide"},
            "channelData": {"tenant": {"id": tenant}},
            "locale": "en-US",
        }
        if type == "message":
            activity["text"] = text
            activity["textFormat"] = "plain"
        if value is not None:
            activity["value"] = value
        activity.update(extra)
        return activity

    def conversation_update(self, conversation_id: Optional[str] = None, **kwargs: Any) -> dict[str, Any]:
        """The bot being added to a personal chat (what Teams sends when someone installs it)."""
        return self.activity(
            type="conversationUpdate",
            conversation_id=conversation_id,
            membersAdded=[{"id": self.bot_id}],
            **kwargs,
        )

    def post_activity(
        self, webhook_url: str, activity: dict[str, Any], token: Optional[str] = None
    ) -> requests.Response:
        """Posts like the Bot Framework: token None makes a valid one, "" sends none."""
        token = self.make_token() if token is None else token
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return requests.post(webhook_url, json=activity, headers=headers, timeout=30)

    def replies_in(self, conversation_id: str) -> list[dict[str, Any]]:
        with self.lock:
            return [r["activity"] for r in self.replies if r["conversation_id"] == conversation_id]

    def wait_for_replies(
        self, conversation_id: str, count: int = 1, timeout: float = 30.0
    ) -> list[dict[str, Any]]:
        return self.wait_for(
            lambda: self.replies_in(conversation_id), count, timeout, f"replies in {conversation_id}"
        )
