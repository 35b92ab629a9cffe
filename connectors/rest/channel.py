"""The REST channel: POST /webhooks/rest/webhook with `{"sender": ..., "message": ...}`, answered
with the assistant's messages as a JSON list, as Rasa's own `rest:` channel answers.

Rasa's own channel takes anyone's word: any caller could write as any sender (a web session id, an
SMS sender hash), set `metadata` (and be taken for a Teams employee) or name another channel. This
one is for trusted integrations only: the caller sends `Authorization: Bearer <REST_CHANNEL_TOKEN>`
(no token set on the server: every request is refused), only `sender` and `message` are read, and
the message reaches the assistant as the "rest" channel with no metadata.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from core import settings
from core.apologies import UNAVAILABLE
from connectors.background import RESEND_TEXT
from connectors.clean import clean_text, sender_problem
from connectors.guarded import DEFAULT_MAX_BYTES, DEFAULT_MESSAGES_PER_HOUR, DEFAULT_MESSAGES_PER_MINUTE, GuardedInput
from connectors.limits import read_body, too_large, too_many

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 1000
TOO_LONG = (
    f"That message is a bit long for me. Could you say it in under {MAX_MESSAGE_CHARS} characters?"
)


def bearer_token(request: Request) -> str:
    scheme, _, token = (request.headers.get("authorization") or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def token_matches(given: str, expected: str) -> bool:
    # In constant time, so the token cannot be guessed a character at a time.
    return bool(given and expected) and hmac.compare_digest(given.encode(), expected.encode())


class RestInput(GuardedInput):
    """The REST channel, named "rest" (so its URL stays /webhooks/rest/webhook)."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def settings_of(cls, config: settings.Settings) -> dict[str, Any]:
        return {"token": config.rest_channel_token}

    def __init__(self, token: str, max_bytes: int = DEFAULT_MAX_BYTES,
                 messages_per_minute: int = DEFAULT_MESSAGES_PER_MINUTE, redis_url: str = "",
                 messages_per_hour: int = DEFAULT_MESSAGES_PER_HOUR) -> None:
        self.token = token
        self.guard(max_bytes, messages_per_minute, redis_url, messages_per_hour=messages_per_hour)
        if not token:
            logger.warning("REST_CHANNEL_TOKEN is unset: the REST channel refuses every request.")

    def refusal(self, request: Request) -> Optional[HTTPResponse]:
        """Why this caller may not post, as the answer to give; None when they may."""
        if not self.token:
            return response.json(
                {"error": "The REST channel is turned off on this server (REST_CHANNEL_TOKEN is not set)."},
                status=403,
            )
        if not token_matches(bearer_token(request), self.token):
            return response.json(
                {"error": "This needs the REST channel token: send 'Authorization: Bearer <token>'."},
                status=401, headers={"WWW-Authenticate": 'Bearer realm="rest"'},
            )
        return None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        rest = Blueprint("rest_webhook", __name__)

        @rest.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            status = "ok" if self.token else "not configured"
            return response.json({"status": status}, status=200 if self.token else 503)

        @rest.route("/webhook", methods=["POST"], stream=True)
        async def receive(request: Request) -> HTTPResponse:
            # The token first, then the size, and only then is the body read and parsed.
            refused = self.refusal(request)
            if refused is not None:
                return refused
            if not await read_body(request, self.max_bytes):
                return too_large(self.max_bytes)
            try:
                body = json.loads(request.body or b"null")
            except ValueError:
                body = None
            if not isinstance(body, dict):
                return response.json({"error": 'Send a JSON object: {"sender": "...", "message": "..."}.'}, status=400)
            sender, text = body.get("sender"), body.get("message")
            problem = sender_problem(sender)
            if problem:
                return response.json({"error": problem}, status=400)
            if not isinstance(text, str):
                return response.json({"error": "'message' must be a string."}, status=400)
            text = clean_text(text)
            wait = await self.messages.wait(sender)
            if wait is not None:
                return too_many(wait)
            if len(text) > MAX_MESSAGE_CHARS:
                return response.json([{"recipient_id": sender, "text": TOO_LONG}])
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(text, collector, sender, input_channel=self.name(), metadata=None)
                )
            except Exception:  # noqa: BLE001 - the client gets what was said so far and an apology
                logger.exception("The assistant failed to handle a REST message")
                collector.messages.append({"recipient_id": sender, "text": RESEND_TEXT})
            if not collector.messages:
                # Rasa ends a turn whose custom action it could not reach (the action server
                # down) with nothing to say; an empty list would leave the person waiting.
                collector.messages.append({"recipient_id": sender, "text": UNAVAILABLE})
            return response.json(collector.messages)

        return rest
