"""Turns a stored conversation into the messages the widget draws after a page reload."""

from __future__ import annotations

from typing import Any, Iterable

# Enough to pick up where the person left off without sending a whole archive to the browser.
HISTORY_LIMIT = 60
# Events after which earlier messages belong to another session.
NEW_SESSION_EVENTS = {"session_started", "restart"}


def buttons_of(data: dict[str, Any] | None) -> list[dict[str, str]]:
    """Quick replies as the widget shows them: a title to read and a payload to send."""
    data = data or {}
    raw = data.get("buttons") or data.get("quick_replies") or []
    buttons = []
    for button in raw:
        if not isinstance(button, dict):
            continue
        title, payload = button.get("title"), button.get("payload")
        if isinstance(title, str) and isinstance(payload, str) and title and payload:
            buttons.append({"title": title, "payload": payload})
    return buttons


def bot_message(text: str | None, buttons: list[dict[str, str]] | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"text": text or ""}
    if buttons:
        message["buttons"] = buttons
    return message


def bot_messages(text: str | None, data: dict[str, Any] | None) -> list[dict[str, Any]]:
    """How one bot response shows in the widget, live and after a reload alike: its text with any
    quick replies, a custom payload's text and buttons, then an image or attachment URL (which
    the widget makes a link)."""
    data = data or {}
    parts = [bot_message(text, buttons_of(data))]
    custom = data.get("custom")
    if isinstance(custom, dict):
        custom_text = custom.get("text")
        parts.append(bot_message(custom_text if isinstance(custom_text, str) else None,
                                 buttons_of(custom)))
    image, attachment = data.get("image"), data.get("attachment")
    if isinstance(image, str):
        parts.append(bot_message(image))
    # Rasa stores an image a second time as the attachment; show it once.
    if isinstance(attachment, str) and attachment != image:
        parts.append(bot_message(attachment))
    return [part for part in parts if part["text"] or part.get("buttons")]


def messages_from_events(
    events: Iterable[dict[str, Any]], limit: int = HISTORY_LIMIT
) -> list[dict[str, Any]]:
    """User and bot messages, oldest first, from tracker events in their dict form, of the current
    conversation session only: a conversation restarted or a session started anew (after an hour
    away) is not shown again, so the next person at a shared computer does not see it.

    A quick reply is stored as its payload; the widget sends the button title along as message
    metadata so the history shows what the person actually clicked. Buttons are kept only on the
    last message, because answering later makes the earlier choices stale.
    """
    messages: list[dict[str, Any]] = []
    for event in events:
        kind = event.get("event")
        if kind in NEW_SESSION_EVENTS:
            messages = []
        elif kind == "user":
            metadata = event.get("metadata") or {}
            title = metadata.get("title") if isinstance(metadata, dict) else None
            text = title if isinstance(title, str) and title else event.get("text")
            if text:
                messages.append({"from": "user", "text": text})
        elif kind == "bot":
            for message in bot_messages(event.get("text"), event.get("data")):
                messages.append({"from": "bot", **message})
    messages = messages[-limit:] if limit > 0 else []
    for message in messages[:-1]:
        message.pop("buttons", None)
    return messages
