"""The Microsoft Teams channel (Bot Framework): `connectors.teams.TeamsInput` in credentials.yml,
webhook /webhooks/teams/webhook.

Every activity's token is checked (auth.py) before anything else happens: a bad one gets 401 and
never reaches the assistant. Replies go to the Bot Connector API as Adaptive Cards (cards.py).
People from the employer's tenant reach the assistant marked as employees, so it need not ask.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable, Optional
from urllib.parse import quote, urlsplit

import aiohttp
from rasa.core.channels.channel import OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from core import settings
from core.apologies import UNAVAILABLE
from connectors.background import RESEND_TEXT, BackgroundTasks
from connectors.clean import clean_text, sender_problem
from connectors.guarded import DEFAULT_MAX_BYTES, DEFAULT_MESSAGES_PER_HOUR, DEFAULT_MESSAGES_PER_MINUTE, GuardedInput
from connectors.limits import read_body, too_large, too_many
from connectors.teams import cards
from connectors.teams.auth import (
    AuthError,
    ConnectorTokens,
    InboundAuth,
    KeysUnavailable,
    SigningKeys,
)

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
# An activity id seen within this time is handled once (the Bot Framework retries slow answers).
ACTIVITY_MEMORY_SECONDS = 24 * 3600


# The parts of an activity read as objects, and the ids read as strings.
OBJECT_FIELDS = ("from", "conversation", "recipient", "channelData", "value")


def shape_problem(activity: dict[str, Any]) -> Optional[str]:
    """Why this activity does not have the Bot Framework's shape (the message to answer), or None."""
    for name in OBJECT_FIELDS:
        if activity.get(name) is not None and not isinstance(activity[name], dict):
            return f"'{name}' must be a JSON object"
    tenant = (activity.get("channelData") or {}).get("tenant")
    if tenant is not None and not isinstance(tenant, dict):
        return "'channelData.tenant' must be a JSON object"
    conversation_id = (activity.get("conversation") or {}).get("id")
    if conversation_id is not None and not isinstance(conversation_id, str):
        return "'conversation.id' must be a string"
    if activity.get("membersAdded") is not None and not isinstance(activity["membersAdded"], list):
        return "'membersAdded' must be a JSON list"
    return None


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Connector:
    """Posts activities to a conversation through the Bot Connector API."""

    def __init__(self, tokens: ConnectorTokens, http: Callable[[], aiohttp.ClientSession]) -> None:
        self.tokens = tokens
        self.http = http

    async def post(self, service_url: str, conversation_id: str, activity: dict[str, Any]) -> None:
        base = service_url if service_url.endswith("/") else service_url + "/"
        url = f"{base}v3/conversations/{quote(conversation_id, safe='')}/activities"
        for attempt in (1, 2):
            headers = {"Authorization": f"Bearer {await self.tokens.get()}"}
            async with self.http().post(url, json=activity, headers=headers) as reply:
                if reply.status in (200, 201, 202):
                    return
                if reply.status == 401 and attempt == 1:
                    self.tokens.forget()  # revoked or rotated: try once with a fresh token
                    continue
                raise RuntimeError(f"the Bot Connector refused a reply: HTTP {reply.status}")


class TeamsOutput(OutputChannel):
    """Answers in the conversation one activity came from."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    def __init__(self, connector: Connector, inbound: dict[str, Any]) -> None:
        self.connector = connector
        self.inbound = inbound
        self.posted = 0  # replies posted (a turn that said nothing posted none)

    async def _post(self, text: str, buttons: list[dict[str, Any]]) -> None:
        self.posted += 1
        conversation_id = (self.inbound.get("conversation") or {}).get("id", "")
        await self.connector.post(
            self.inbound["serviceUrl"], conversation_id, cards.reply(self.inbound, text, buttons)
        )

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        text = message.get("text") or ""
        if message.get("image"):
            text = f"{text}\n\n{message['image']}".strip()
        buttons = [b for b in message.get("buttons") or [] if isinstance(b, dict)]
        if text or buttons:
            await self._post(text, buttons)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._post(text, [])

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._post(text, buttons)


class TeamsInput(GuardedInput):
    """The Teams channel, named "teams"."""

    durable_memory = True

    @classmethod
    def name(cls) -> str:
        return "teams"

    @classmethod
    def settings_of(cls, config: settings.Settings) -> dict[str, Any]:
        return dict(
            app_id=config.teams_app_id,
            app_password=config.teams_app_password,
            tenant_id=config.teams_tenant_id,
            openid_url=config.teams_openid_url,
            issuer=config.teams_issuer,
            login_base=config.teams_login_base,
            employer_tenant_id=config.teams_employer_tenant_id,
            employer=config.teams_employer_key,
            allowed_tenants=config.teams_allowed_tenants,
            service_hosts=config.teams_service_hosts,
        )

    def __init__(
        self,
        app_id: str,
        app_password: str,
        tenant_id: str,
        openid_url: str,
        issuer: str,
        login_base: str,
        employer_tenant_id: str,
        employer: str,
        allowed_tenants: tuple[str, ...] = (),
        service_hosts: tuple[str, ...] = settings.TEAMS_SERVICE_HOSTS,
        memory_file: Optional[Path] = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        messages_per_minute: int = DEFAULT_MESSAGES_PER_MINUTE,
        messages_per_hour: int = DEFAULT_MESSAGES_PER_HOUR,
        redis_url: str = "",
    ) -> None:
        self.configured = bool(app_id and app_password)
        # Empty: people from any tenant may write (the bot's Teams app decides who can install it).
        self.allowed_tenants = frozenset(allowed_tenants)
        self.service_hosts = frozenset(host.lower() for host in service_hosts)
        self.guard(max_bytes, messages_per_minute, redis_url, memory_file, messages_per_hour)
        if not self.configured:
            logger.warning(
                "TEAMS_APP_ID or TEAMS_APP_PASSWORD is unset: the Teams channel refuses every request."
            )
        self.employer_tenant_id = employer_tenant_id
        self.employer = employer
        self._http: Optional[aiohttp.ClientSession] = None
        # Nothing is fetched here: Rasa starts even when the Bot Framework is unreachable.
        self.keys = SigningKeys(openid_url, self.http)
        self.auth = InboundAuth(app_id, issuer, self.keys)
        self.connector = Connector(
            ConnectorTokens(app_id, app_password, login_base, tenant_id, self.http), self.http
        )
        self.background = BackgroundTasks("Handling a Teams activity", logger)

    def http(self) -> aiohttp.ClientSession:
        # Made on first use, inside the running loop (Sanic starts its loop after channels load).
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        return self._http

    def get_output_channel(self) -> Optional[OutputChannel]:
        # A reply needs the conversation an activity came from; there is none outside a request.
        return None

    def refusal(self, activity: dict[str, Any]) -> Optional[str]:
        """Why a correctly signed activity is still not taken, or None. The token says the Bot
        Framework sent it; only Teams activities from allowed tenants reach the assistant (another
        Bot Framework channel would bring senders the tenant rules know nothing about)."""
        if activity.get("channelId") != "msteams":
            return "only Microsoft Teams activities are taken here"
        if not self.service_url_ok(activity.get("serviceUrl")):
            # Replies carry the bot's token to the serviceUrl: never anywhere but Teams.
            return "the serviceUrl is not a Microsoft Teams service"
        tenant = ((activity.get("channelData") or {}).get("tenant") or {}).get("id")
        if self.allowed_tenants and tenant not in self.allowed_tenants:
            return "this organization is not allowed to use this bot"
        return None

    def service_url_ok(self, url: Any) -> bool:
        try:
            parts = urlsplit(url) if isinstance(url, str) else None
            host = (parts.hostname or "").lower() if parts else ""
        except ValueError:
            return False
        if not host or host not in self.service_hosts or parts.username or parts.password:
            return False
        return parts.scheme == "https" or (parts.scheme == "http" and _loopback(host))

    def metadata(self, activity: dict[str, Any]) -> dict[str, Any]:
        """Who is writing, as far as Teams says: their Entra object id and their tenant."""
        aad_object_id = (activity.get("from") or {}).get("aadObjectId")
        tenant_id = ((activity.get("channelData") or {}).get("tenant") or {}).get("id")
        metadata: dict[str, Any] = {}
        if isinstance(aad_object_id, str):
            metadata["aad_object_id"] = aad_object_id
        if isinstance(tenant_id, str):
            metadata["tenant_id"] = tenant_id
            if self.employer_tenant_id and tenant_id == self.employer_tenant_id:
                metadata["channel_profile"] = {"employee": True, "employer": self.employer}
        return metadata

    async def _message(
        self, activity: dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        text, title = (clean_text(part) if part else part for part in cards.message_text(activity))
        sender = (activity.get("from") or {}).get("id")
        if not text or not isinstance(sender, str):
            return
        output = TeamsOutput(self.connector, activity)
        if len(text) > MAX_MESSAGE_CHARS:
            await output.send_text_message(
                sender,
                f"That message is a bit long for me. Could you say it in under "
                f"{MAX_MESSAGE_CHARS} characters?",
            )
            return
        metadata = self.metadata(activity)
        if title:
            metadata["title"] = title
        message = UserMessage(
            text, output, sender, input_channel=self.name(), metadata=metadata
        )
        # A failure here (the assistant, or posting its reply) propagates: the background runner
        # tries the message again, then apologises.
        await on_new_message(message)
        if not output.posted:
            # A turn whose custom action Rasa could not reach (the action server down) says
            # nothing; the person would wait for an answer that never comes.
            await output.send_text_message(sender, UNAVAILABLE)

    async def _apologise(self, activity: dict[str, Any]) -> None:
        sender = (activity.get("from") or {}).get("id")
        await TeamsOutput(self.connector, activity).send_text_message(str(sender), RESEND_TEXT)

    async def _welcome(self, activity: dict[str, Any]) -> None:
        await TeamsOutput(self.connector, activity).send_text_with_buttons(
            "", cards.WELCOME_TEXT, cards.WELCOME_BUTTONS
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        teams = Blueprint("teams_webhook", __name__)

        @teams.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            status = "ok" if self.configured else "not configured"
            return response.json({"status": status}, status=200 if self.configured else 503)

        @teams.route("/webhook", methods=["POST"], stream=True)
        async def webhook(request: Request) -> HTTPResponse:
            if not self.configured:
                return response.json({"error": "not configured"}, status=403)
            # Nothing is read or parsed for a call without a token or with a body too large.
            if not request.headers.get("Authorization"):
                return response.json({"error": "unauthorized"}, status=401)
            if not await read_body(request, self.max_bytes):
                return too_large(self.max_bytes)
            try:
                activity = json.loads(request.body or b"null")
            except ValueError:
                activity = None
            if not isinstance(activity, dict) or not isinstance(activity.get("serviceUrl"), str):
                # Without a serviceUrl there is nothing to hold the token's claim against.
                return response.json({"error": "unauthorized"}, status=401)
            try:
                await self.auth.check(request.headers.get("Authorization"), activity)
            except KeysUnavailable as exc:
                logger.warning("Refused a Teams activity: %s", exc)
                return response.json({"error": "try again later"}, status=503)
            except AuthError as exc:
                logger.info("Refused a Teams activity: %s", exc)
                return response.json({"error": "unauthorized"}, status=401)

            malformed = shape_problem(activity)
            if malformed:
                return response.json({"error": malformed}, status=400)
            refused = self.refusal(activity)
            if refused:
                logger.info("Refused a Teams activity: %s", refused)
                return response.json({"error": refused}, status=403)
            kind = activity.get("type")
            if kind == "message":
                # The person's id names their conversation: a plain one, or the activity is refused.
                problem = sender_problem((activity.get("from") or {}).get("id"))
                if problem:
                    logger.info("Refused a Teams message: its from.id is not a plain id")
                    return response.json({"error": problem.replace("'sender'", "'from.id'")}, status=400)
                wait = await self.messages.wait(activity["from"]["id"])
                if wait is not None:
                    return too_many(wait)
                activity_id = activity.get("id")
                if isinstance(activity_id, str) and activity_id:
                    # The Bot Framework sends an activity again when our answer was slow: once is enough.
                    seen = hashlib.sha256(repr(((activity.get("conversation") or {}).get("id"), activity_id))
                                          .encode("utf-8", "surrogatepass")).hexdigest()
                    if not await self.memory.add(f"teams-activity:{seen}", ACTIVITY_MEMORY_SECONDS):
                        logger.info("A Teams activity already taken in came again; handled once")
                        return response.empty(status=202)
            # Bot Framework waits at most 15 s for this answer; replies go out separately.
            if kind == "message":
                self.background.spawn(
                    lambda: self._message(activity, on_new_message),
                    apology=lambda: self._apologise(activity),
                )
            elif kind == "conversationUpdate" and cards.welcomes(activity):
                self.background.spawn(lambda: self._welcome(activity))
            return response.empty(status=202)

        @teams.listener("after_server_stop")
        async def close(*_: Any) -> None:
            await self.background.drain()
            if self._http is not None:
                await self._http.close()

        return teams

