"""The web widget's Rasa channel: signed sessions, socket.io under /webhooks/web/, the widget files.

Rasa's own socketio channel lets the browser pick its session id, so anyone who learns an id can
read and write that conversation, and it turns CORS checks off. Here the server issues the session
id inside a signed token (see tokens.py), binds each socket to the id its token names, and accepts
socket.io connections and session requests only from the configured origins.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
from pathlib import Path
from string import Template
from typing import Any, Awaitable, Callable, Optional
from urllib.parse import urlsplit

from rasa.core.channels.channel import OutputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncRedisManager, AsyncServer
from socketio.exceptions import ConnectionRefusedError as SocketRefused

from core import settings
from core.apologies import UNAVAILABLE
from connectors.background import RESEND_TEXT
from connectors.clean import clean_text
from connectors.limits import RateLimit, client_ip, read_body, too_large, too_many, trusted_networks, wait_words
from connectors.guarded import DEFAULT_MAX_BYTES, DEFAULT_MESSAGES_PER_HOUR, DEFAULT_MESSAGES_PER_MINUTE, GuardedInput
from connectors.web import tokens
from connectors.web.history import bot_message, messages_from_events
from connectors.web.sockets import BOT_EVENT, WebOutput, WebSocketBlueprint, room_of

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
DEMO_PAGE = HERE / "demo.html"

USER_EVENT = "user_uttered"
SESSION_EVENT = "session_request"
# Told to every tab of a session that "start over" or "forget me" ended: the widget takes a new
# session, so the old conversation never shows again in this browser.
ROTATE_EVENT = "session_rotate"
# Turns that end a web session, and the reason the widget is given.
ROTATING_ACTIONS = {"action_forget_me": "forget", "action_start_over": "start_over"}
# Said to the browser when its token is refused; the widget then asks for a fresh session.
REFUSED = "session refused"
# Named on each socket.io handshake answer: the proxy in front of Rasa replicas learns from it
# which replica holds a socket (ops/proxy.py). Browsers may drop it; the proxy does not need them to.
SID_COOKIE = "io"
MAX_MESSAGE_CHARS = 1000
SLOW_DOWN = "You're sending messages very fast. Please wait {wait}, then try again."
MAX_TITLE_CHARS = 200


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def allowed_origins(config: settings.Settings) -> tuple[str, ...]:
    """The configured origins plus the public one, so the demo page on Rasa itself always works."""
    origins = list(config.web_allowed_origins)
    public = origin_of(config.public_base_url)
    if public and public not in origins:
        origins.append(public)
    return tuple(origins)


class WebInput(GuardedInput):
    """The web widget channel, named "web": everything lives under /webhooks/web/."""

    durable_memory = True

    @classmethod
    def name(cls) -> str:
        return "web"

    @classmethod
    def settings_of(cls, config: settings.Settings) -> dict[str, Any]:
        return dict(
            secret=config.web_session_secret,
            origins=allowed_origins(config),
            ttl_seconds=config.web_session_ttl_seconds,
            public_base_url=config.public_base_url,
            sessions_per_hour=config.web_sessions_per_ip_per_hour,
            all_sessions_per_hour=config.web_sessions_per_hour,
            trusted_proxies=config.trusted_proxies,
        )

    def __init__(
        self,
        secret: str,
        origins: tuple[str, ...],
        ttl_seconds: int,
        public_base_url: str,
        static_dir: Path = STATIC_DIR,
        redis_url: str = "",
        max_bytes: int = DEFAULT_MAX_BYTES,
        sessions_per_hour: int = 150,
        messages_per_minute: int = DEFAULT_MESSAGES_PER_MINUTE,
        messages_per_hour: int = DEFAULT_MESSAGES_PER_HOUR,
        all_sessions_per_hour: int = 6000,
        trusted_proxies: tuple[str, ...] = (),
        memory_file: Optional[Path] = None,
    ) -> None:
        self.secret = secret
        self.origins = origins
        self.ttl_seconds = ttl_seconds
        self.public_base_url = public_base_url.rstrip("/")
        self.static_dir = static_dir
        self.redis_url = redis_url
        # Ended sessions (End chat, start over, forget me) and the rate counters; in Redis with
        # replicas, so a session ended on one is refused on all.
        self.guard(max_bytes, messages_per_minute, redis_url, memory_file, messages_per_hour)
        self.new_sessions = RateLimit(self.memory, "web-session", sessions_per_hour, 3600)
        self.all_new_sessions = RateLimit(self.memory, "web-session-all", all_sessions_per_hour, 3600)
        self.trusted_proxies = trusted_networks(trusted_proxies)
        self.sio: Optional[AsyncServer] = None
        self.app: Optional[Sanic] = None
        if not secret:
            logger.warning("WEB_SESSION_SECRET is unset: the web widget refuses every session.")

    def get_output_channel(self) -> Optional[OutputChannel]:
        return WebOutput(self.sio) if self.sio else None

    def _remember_app(self, app: Sanic) -> None:
        self.app = app

    async def _history(self, session_id: str) -> list[dict[str, Any]]:
        agent = getattr(self.app.ctx, "agent", None) if self.app else None
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return []
        tracker = await store.retrieve_full_tracker(session_id)
        if tracker is None:
            return []
        return messages_from_events(event.as_dict() for event in tracker.events)

    def _conversation_store(self) -> Any:
        """Our ConversationStore under the wrappers Rasa puts around a custom tracker store."""
        agent = getattr(self.app.ctx, "agent", None) if self.app else None
        store = getattr(agent, "tracker_store", None)
        while hasattr(store, "_tracker_store"):
            store = store._tracker_store
        return store

    async def end(self, session_id: str) -> None:
        """No token of this session opens a socket or is answered again, on any replica."""
        await self.memory.add(f"web-ended:{session_id}", self.ttl_seconds)

    async def ended(self, session_id: str) -> bool:
        return await self.memory.has(f"web-ended:{session_id}")

    async def _rotation(self, session_id: str) -> Optional[str]:
        """Why this turn ended the session ("forget", "start_over"), or None."""
        agent = getattr(self.app.ctx, "agent", None) if self.app else None
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return None
        tracker = await store.retrieve_full_tracker(session_id)
        events = list(tracker.events) if tracker is not None else []
        if not any(event.as_dict().get("event") == "user" for event in events):
            return "forget"  # the store deleted the conversation: "forget me" ran
        for event in reversed(events):
            data = event.as_dict()
            if data.get("event") == "user":
                return None
            if data.get("event") == "action" and data.get("name") in ROTATING_ACTIONS:
                return ROTATING_ACTIONS[data["name"]]
        return None

    @staticmethod
    def _body(request: Request) -> dict[str, Any]:
        # Sent as text/plain by the widget (a "simple" cross-site request: no preflight).
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            return {}
        return body if isinstance(body, dict) else {}

    async def _continue_person(self, request: Request, session_id: str) -> None:
        """A new session asked for with the person's still-valid token (as when they start over)
        continues that person's conversations, so "forget me" later reaches them all."""
        previous = self._body(request).get("previous")
        if not previous:
            return
        try:
            previous_id = tokens.verify(self.secret, previous)
        except tokens.TokenError:
            return  # expired or not ours: whoever this is starts afresh
        link = getattr(self._conversation_store(), "link", None)
        if link is None:
            return
        try:
            await asyncio.to_thread(link, session_id, previous_id)
        except Exception:  # noqa: BLE001 - the new session works all the same, only unlinked
            logger.exception("Could not record that a web chat session continues another")

    @staticmethod
    def _foreign_site(verb: str) -> HTTPResponse:
        # No CORS headers: the page of a site not on the list cannot even read this answer.
        return response.json({"error": f"This website is not allowed to {verb} a chat here."}, status=403)

    def _cors_headers(self, origin: str) -> dict[str, str]:
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # With Redis (as replicas have), an emit to a session's room reaches its sockets on every replica.
        manager = AsyncRedisManager(self.redis_url) if self.redis_url else None
        sio = AsyncServer(
            async_mode="sanic", cors_allowed_origins=list(self.origins), client_manager=manager,
            cookie=SID_COOKIE,
        )
        self.sio = sio
        web = WebSocketBlueprint(sio, self._remember_app, "web_widget", __name__)

        @web.route("/", methods=["GET"])
        async def demo_page(_: Request) -> HTTPResponse:
            page = Template(DEMO_PAGE.read_text(encoding="utf-8"))
            return response.html(
                page.safe_substitute(server=html.escape(self.public_base_url, quote=True))
            )

        @web.route("/widget.js", methods=["GET", "HEAD"])
        async def widget_js(_: Request) -> HTTPResponse:
            bundle = self.static_dir / "widget.js"
            if not bundle.is_file():
                return response.text(
                    "The chat widget has not been built yet: run `make widget`.", status=404
                )
            return await response.file(
                bundle,
                mime_type="application/javascript; charset=utf-8",
                # Other sites load this file with a <script> tag; let them, and pick up new builds.
                headers={
                    "Cache-Control": "no-cache",
                    "Cross-Origin-Resource-Policy": "cross-origin",
                },
            )

        @web.route("/session", methods=["POST"], stream=True)
        async def new_session(request: Request) -> HTTPResponse:
            origin = request.headers.get("origin", "")
            if origin not in self.origins:
                return self._foreign_site("start")
            if not self.secret:
                return response.json(
                    {"error": "The chat is not set up on this server yet."},
                    status=503,
                    headers=self._cors_headers(origin),
                )
            if not await read_body(request, self.max_bytes):
                return too_large(self.max_bytes)
            # Per address first (one school's lab), then all together (a flood from many addresses).
            wait = await self.new_sessions.wait(client_ip(request, self.trusted_proxies))
            if wait is None:
                wait = await self.all_new_sessions.wait("all")
            if wait is not None:
                refused = too_many(wait)
                refused.headers.update(self._cors_headers(origin))
                return refused
            session_id = tokens.new_session_id()
            token = tokens.issue(self.secret, self.ttl_seconds, session_id=session_id)
            await self._continue_person(request, session_id)
            return response.json(
                {"token": token, "expires_in": self.ttl_seconds},
                headers={**self._cors_headers(origin), "Cache-Control": "no-store"},
            )

        @web.route("/session/end", methods=["POST"], stream=True)
        async def end_session(request: Request) -> HTTPResponse:
            """End chat: the session's token stops working here; the widget forgets it."""
            origin = request.headers.get("origin", "")
            if origin not in self.origins:
                return self._foreign_site("end")
            headers = {**self._cors_headers(origin), "Cache-Control": "no-store"}
            if not await read_body(request, self.max_bytes):
                return too_large(self.max_bytes)
            try:
                session_id = tokens.verify(self.secret, self._body(request).get("token"))
            except tokens.TokenError:
                # Expired or never ours: there is nothing to end.
                return response.json({"ended": False}, headers=headers)
            await self.end(session_id)
            await sio.emit(ROTATE_EVENT, {"reason": "ended"}, room=room_of(session_id))
            return response.json({"ended": True}, headers=headers)

        @sio.on("connect")
        async def connect(sid: str, environ: dict, auth: Optional[dict] = None) -> bool:
            token = auth.get("token") if isinstance(auth, dict) else None
            try:
                session_id = tokens.verify(self.secret, token)
                if await self.ended(session_id):
                    raise tokens.TokenError("the session was ended")
            except tokens.TokenError as exc:
                logger.info("Refused a web chat connection: %s", exc)
                raise SocketRefused(REFUSED) from None
            await sio.save_session(sid, {"session_id": session_id})
            await sio.enter_room(sid, room_of(session_id))
            return True

        @sio.on(SESSION_EVENT)
        async def session_request(sid: str, _: Any = None) -> dict[str, Any]:
            """Answered (as the acknowledgement) with the conversation so far."""
            session_id = (await sio.get_session(sid))["session_id"]
            if await self.ended(session_id):
                return {"history": [], "ended": True}
            try:
                history = await self._history(session_id)
            except Exception:  # a broken store must not break the live chat
                logger.exception("Could not read the history of a web chat session")
                history = []
            return {"history": history}

        @sio.on(USER_EVENT)
        async def user_uttered(sid: str, data: Any) -> None:
            session_id = (await sio.get_session(sid))["session_id"]
            data = data if isinstance(data, dict) else {}
            text = clean_text(data.get("message"))
            title = clean_text(data.get("title"))
            if not text.strip():
                return
            if await self.ended(session_id):
                # A tab still open after End chat elsewhere: it must start a new session.
                await sio.emit(ROTATE_EVENT, {"reason": "ended"}, to=sid)
                return
            wait = await self.messages.wait(session_id)
            if wait is not None:
                await sio.emit(BOT_EVENT, bot_message(SLOW_DOWN.format(wait=wait_words(wait))), to=sid)
                return
            if len(text) > MAX_MESSAGE_CHARS:
                await sio.emit(
                    BOT_EVENT,
                    bot_message(
                        f"That message is a bit long for me. Could you say it in under "
                        f"{MAX_MESSAGE_CHARS} characters?"
                    ),
                    to=sid,
                )
                return
            metadata = {}
            if title.strip():
                metadata["title"] = title.strip()[:MAX_TITLE_CHARS]
            # Other open tabs of the same session show what was said here.
            await sio.emit(
                "user_echo",
                {"text": metadata.get("title", text)},
                room=room_of(session_id),
                skip_sid=sid,
            )
            output = WebOutput(sio)
            message = UserMessage(
                text.strip(),
                output,
                session_id,
                input_channel=self.name(),
                metadata=metadata,
            )
            try:
                await on_new_message(message)
            except Exception:
                logger.exception("The assistant failed to handle a web chat message")
                await sio.emit(
                    BOT_EVENT,
                    bot_message(RESEND_TEXT),
                    to=sid,
                )
                return
            if not output.sent:
                # A turn whose custom action Rasa could not reach (the action server down) says
                # nothing; the person would wait for an answer that never comes.
                await sio.emit(BOT_EVENT, bot_message(UNAVAILABLE), to=sid)
                return
            try:
                reason = await self._rotation(session_id)
            except Exception:  # noqa: BLE001 - the reply is out; a store hiccup must not hide it
                logger.exception("Could not tell whether a web chat turn ended its session")
                reason = None
            if reason:
                await self.end(session_id)
                await sio.emit(ROTATE_EVENT, {"reason": reason}, room=room_of(session_id))

        return web
