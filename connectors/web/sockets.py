"""The web channel's socket side: the output that reaches every tab of a session (each session's
sockets share a room) and the blueprint that mounts socket.io under the channel's URL prefix."""

from __future__ import annotations

from typing import Any, Callable

from rasa.core.channels.channel import OutputChannel
from sanic import Blueprint, Sanic
from socketio import AsyncServer

from connectors.web.history import bot_message, bot_messages

BOT_EVENT = "bot_uttered"


def room_of(session_id: str) -> str:
    # Every tab of one session shares a room, so a reply reaches all of them.
    return f"session:{session_id}"


class WebOutput(OutputChannel):
    """Sends bot messages to every socket of a session as `{"text", "buttons"}`."""

    @classmethod
    def name(cls) -> str:
        return "web"

    def __init__(self, sio: AsyncServer) -> None:
        self.sio = sio
        self.sent = 0  # messages sent through this output (a turn that said nothing sent none)

    async def _emit(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.sent += 1
        await self.sio.emit(BOT_EVENT, message, room=room_of(recipient_id))

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        # One rule for live messages and redrawn history (history.bot_messages).
        for part in bot_messages(message.get("text"), message):
            await self._emit(recipient_id, part)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._emit(recipient_id, bot_message(text))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})


class WebSocketBlueprint(Blueprint):
    """A blueprint that also mounts the socket.io server under its own URL prefix."""

    def __init__(self, sio: AsyncServer, on_app: Callable[[Sanic], None], *args: Any, **kw: Any):
        super().__init__(*args, **kw)
        # Sanic blueprints only take custom attributes on `ctx`.
        self.ctx.sio = sio
        self.ctx.on_app = on_app

    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        prefix = (options.get("url_prefix") or self.url_prefix or "").rstrip("/")
        self.ctx.sio.attach(app, f"{prefix}/socket.io")
        self.ctx.on_app(app)
        super().register(app, options)
