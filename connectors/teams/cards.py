"""Teams activities: replies as Adaptive Cards with a plain-text fallback, and what an incoming
activity says.

Buttons are Action.Submit with an `msteams` messageBack, so a click comes back as an ordinary
message (its text is the payload) that the assistant understands like a typed one, while the chat
shows the button's title as what the person said.
"""

from __future__ import annotations

import re
from typing import Any, Optional

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_VERSION = "1.4"
MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)

WELCOME_TEXT = (
    "Hi! I'm the Health Careers Guide. I can help you find tuition support, training, "
    "and your next step in health care. What would you like to do?"
)
WELCOME_BUTTONS = [
    {"title": "Tuition support", "payload": "/tuition_support"},
    {"title": "My next career step", "payload": "/next_steps"},
    {"title": "Find training", "payload": "/find_programs"},
]


def adaptive_card(text: str, buttons: list[dict[str, Any]]) -> dict[str, Any]:
    body = [{"type": "TextBlock", "text": text, "wrap": True}] if text else []
    actions = []
    for button in buttons:
        title = str(button.get("title") or button.get("payload") or "")
        payload = str(button.get("payload") or title)
        actions.append(
            {
                "type": "Action.Submit",
                "title": title,
                "data": {
                    "payload": payload,
                    "msteams": {
                        "type": "messageBack",
                        "displayText": title,
                        "text": payload,
                        "value": {"payload": payload, "title": title},
                    },
                },
            }
        )
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def fallback_text(text: str, buttons: list[dict[str, Any]]) -> str:
    """What clients that cannot draw cards (and notifications) show."""
    choices = " | ".join(str(b.get("title") or b.get("payload")) for b in buttons)
    return "\n\n".join(part for part in (text, choices) if part)


def reply(inbound: dict[str, Any], text: str, buttons: list[dict[str, Any]]) -> dict[str, Any]:
    """A message activity answering `inbound` (same conversation, roles swapped)."""
    activity: dict[str, Any] = {
        "type": "message",
        "from": inbound.get("recipient") or {},
        "recipient": inbound.get("from") or {},
        "conversation": inbound.get("conversation") or {},
        "text": fallback_text(text, buttons),
        "textFormat": "plain",
        "attachments": [{"contentType": CARD_CONTENT_TYPE, "content": adaptive_card(text, buttons)}],
    }
    if inbound.get("type") == "message" and inbound.get("id"):
        activity["replyToId"] = inbound["id"]
    return activity


def message_text(activity: dict[str, Any]) -> tuple[str, Optional[str]]:
    """(what to hand the assistant, the button title when it was a button click)."""
    value = activity.get("value")
    if isinstance(value, dict) and isinstance(value.get("payload"), str) and value["payload"]:
        title = value.get("title")
        return value["payload"], title if isinstance(title, str) else None
    text = activity.get("text")
    # In channels and group chats the bot's name arrives as an <at> mention in the text.
    return (MENTION.sub("", text).strip() if isinstance(text, str) else ""), None


def welcomes(activity: dict[str, Any]) -> bool:
    """Whether a conversationUpdate means someone new should be greeted: the bot was added, or
    (in a one-to-one chat) the person was."""
    added = activity.get("membersAdded") or []
    bot_id = (activity.get("recipient") or {}).get("id")
    if any(isinstance(m, dict) and m.get("id") == bot_id for m in added):
        return True
    personal = (activity.get("conversation") or {}).get("conversationType", "personal") == "personal"
    return personal and bool(added)
