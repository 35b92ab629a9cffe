"""A Twilio stand-in: the Messages API (with basic auth) that records what the assistant sends,
and a signer for inbound webhooks built straight from Twilio's documented algorithm (not from the
twilio library the channel uses, so a mistake in either shows up)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time
from typing import Any, Optional, Union

import requests

from standins import HTTPStandIn, Received, Reply

MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/([^/]+)/Messages\.json$")


class TwilioStandIn(HTTPStandIn):
    def __init__(
        self,
        auth_token: Optional[str] = None,
        account_sid: Optional[str] = None,
        from_number: str = "+15550001234",
    ) -> None:
        super().__init__()
        self.auth_token = auth_token or secrets.token_hex(16)
        self.account_sid = account_sid or "AC" + secrets.token_hex(16)
        self.from_number = from_number
        self.sender_key = secrets.token_urlsafe(24)
        self.messages: list[dict[str, Any]] = []
        # Statuses to answer the next sends with (e.g. [503] to test a retry).
        self.fail_next: list[int] = []
        # Seconds to wait before answering a send, like a slow day at Twilio.
        self.delay = 0.0

    def env(self) -> dict[str, str]:
        return {
            "TWILIO_ACCOUNT_SID": self.account_sid,
            "TWILIO_AUTH_TOKEN": self.auth_token,
            "TWILIO_FROM_NUMBER": self.from_number,
            "TWILIO_API_BASE": self.url,
            "SMS_SENDER_KEY": self.sender_key,
        }

    def _authorized(self, request: Received, account_sid: str) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        given = request.headers.get("authorization", "")
        return account_sid == self.account_sid and hmac.compare_digest(given, f"Basic {expected}")

    def handle(self, request: Received) -> Reply:
        match = MESSAGES_PATH.match(request.path)
        if request.method != "POST" or not match:
            return Reply(404, {"code": 20404, "message": "The requested resource was not found"})
        if not self._authorized(request, match.group(1)):
            return Reply(401, {"code": 20003, "message": "Authenticate", "status": 401})
        time.sleep(self.delay)
        with self.lock:
            failure = self.fail_next.pop(0) if self.fail_next else None
        if failure:
            return Reply(failure, {"code": 20500, "message": "Internal Server Error"})
        form = request.form()
        if not form.get("To") or not form.get("Body") or form.get("From") != self.from_number:
            return Reply(400, {"code": 21604, "message": "A 'To' and 'Body' are required"})
        if len(form["Body"]) > 1600:
            return Reply(400, {"code": 21617, "message": "The concatenated message body exceeds the 1600 character limit"})
        sid = "SM" + secrets.token_hex(16)
        self.record(self.messages, {"sid": sid, "to": form["To"], "from": form["From"], "body": form["Body"]})
        return Reply(201, {"sid": sid, "status": "queued", "to": form["To"], "body": form["Body"]})

    def sign(self, url: str, params: dict[str, Any]) -> str:
        """X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + sorted name+value pairs))."""
        data = url
        for name in sorted(params):
            values = params[name] if isinstance(params[name], list) else [params[name]]
            for value in sorted(str(v) for v in values):
                data += name + value
        digest = hmac.new(self.auth_token.encode(), data.encode(), hashlib.sha1).digest()
        return base64.b64encode(digest).decode()

    def inbound_params(self, **params: Any) -> dict[str, str]:
        """What Twilio posts for an incoming text; pass From, Body, NumMedia... to change it."""
        base = {
            "MessageSid": "SM" + secrets.token_hex(16),
            "AccountSid": self.account_sid,
            "To": self.from_number,
            "From": "+15555550100",
            "Body": "",
            "NumMedia": "0",
            "NumSegments": "1",
        }
        base.update({k: str(v) for k, v in params.items()})
        return base

    def post_inbound(
        self,
        webhook_url: str,
        params: dict[str, Any],
        signature: Union[None, str] = None,
        signed_url: Optional[str] = None,
    ) -> requests.Response:
        """Posts an incoming text as Twilio would. signature: None signs it properly, "bad" signs
        it with another token, "missing" sends no signature, anything else is sent as given."""
        params = self.inbound_params(**params)
        headers = {}
        if signature is None:
            headers["X-Twilio-Signature"] = self.sign(signed_url or webhook_url, params)
        elif signature == "bad":
            forger = TwilioStandIn(auth_token=secrets.token_hex(16))
            headers["X-Twilio-Signature"] = forger.sign(signed_url or webhook_url, params)
        elif signature != "missing":
            headers["X-Twilio-Signature"] = signature
        return requests.post(webhook_url, data=params, headers=headers, timeout=30)

    def messages_to(self, to: str) -> list[dict[str, Any]]:
        with self.lock:
            return [m for m in self.messages if m["to"] == to]

    def wait_for_messages(self, to: str, count: int = 1, timeout: float = 30.0) -> list[dict[str, Any]]:
        return self.wait_for(lambda: self.messages_to(to), count, timeout, f"texts to {to}")
