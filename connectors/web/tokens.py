"""Signed session tokens for the web widget.

The server, never the browser, picks the session id (which is the Rasa sender id). The browser
gets back `<session id>.<expiry>.<signature>` and shows it on every socket connection; only the
holder of WEB_SESSION_SECRET can make a signature, so nobody can open someone else's
conversation by guessing or choosing an id.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time

SESSION_ID = re.compile(r"[0-9a-f]{32}")
EXPIRY = re.compile(r"[0-9]{1,12}")
SIGNATURE = re.compile(r"[A-Za-z0-9_-]{43}")  # 32 bytes of HMAC-SHA256, base64url, no padding
# Tags what is signed, so a signature made with the same secret for anything else never fits.
PURPOSE = b"web-session-v1|"


class TokenError(ValueError):
    """A token that must be refused; the message says why (for logs, never for users)."""


def new_session_id() -> str:
    return secrets.token_hex(16)


def _sign(secret: str, body: str) -> str:
    digest = hmac.new(secret.encode(), PURPOSE + body.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def issue(
    secret: str, ttl_seconds: int, *, session_id: str | None = None, now: float | None = None
) -> str:
    """A token for a new session (or the given one), valid for `ttl_seconds`."""
    if not secret:
        raise TokenError("WEB_SESSION_SECRET is not set")
    if ttl_seconds <= 0:
        raise TokenError("the token lifetime must be positive")
    session_id = session_id or new_session_id()
    if not SESSION_ID.fullmatch(session_id):
        raise TokenError("malformed session id")
    expires = int(time.time() if now is None else now) + int(ttl_seconds)
    body = f"{session_id}.{expires}"
    return f"{body}.{_sign(secret, body)}"


def verify(secret: str, token: object, *, now: float | None = None) -> str:
    """The session id a valid token names; raises TokenError for anything else."""
    if not secret:
        raise TokenError("WEB_SESSION_SECRET is not set")
    if not isinstance(token, str) or not token:
        raise TokenError("no token")
    parts = token.split(".")
    if len(parts) != 3:
        raise TokenError("malformed token")
    session_id, expires, signature = parts
    if not (
        SESSION_ID.fullmatch(session_id)
        and EXPIRY.fullmatch(expires)
        and SIGNATURE.fullmatch(signature)
    ):
        raise TokenError("malformed token")
    if not hmac.compare_digest(signature, _sign(secret, f"{session_id}.{expires}")):
        raise TokenError("bad signature")
    if int(expires) <= (time.time() if now is None else now):
        raise TokenError("expired")
    return session_id
