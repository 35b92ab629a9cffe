"""Wording answers for the person's channel: short, plain, and never a fact the catalog lacks.

The catalog writes the sentences (`lines`); here they are laid out for the channel. Every message
that carries buttons also reads fine without them (SMS turns buttons into a numbered list, and
some widgets do not show them at all).
"""

from __future__ import annotations

import re
from typing import Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from core.apologies import UNAVAILABLE
# A text message of about three SMS segments: the lines that fit, whole, in order (the catalog
# puts what matters most first); the rest is one "more" away on the web.
SMS_MAX_CHARS = 480

SHOW_MORE = {"title": "Show more", "payload": "/show_more"}
TALK_TO_PERSON = {"title": "Talk to a person", "payload": "/human_handoff"}


def channel_of(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "rest"


def is_sms(tracker: Tracker) -> bool:
    return channel_of(tracker) == "sms"


def say(dispatcher: CollectingDispatcher, text: str, buttons: Optional[list[dict]] = None) -> None:
    dispatcher.utter_message(text=text, buttons=buttons or [])


def unavailable(dispatcher: CollectingDispatcher) -> None:
    say(dispatcher, UNAVAILABLE)


def fit_sms(lines: list[str], limit: int = SMS_MAX_CHARS) -> list[str]:
    """The first lines that fit in `limit` characters (always at least the first)."""
    kept: list[str] = []
    used = 0
    for line in lines:
        if kept and used + len(line) + 1 > limit:
            break
        kept.append(line)
        used += len(line) + 1
    return kept


URL = re.compile(r"https?://\S+")
# A line that only names where to read more ("Futuro Health's page: https://...", "More: https://...").
PAGE_LINE = re.compile(r"^(?:[^:]{1,80}'s (?:page|wage page)|More|Source):\s*https?://\S+$")
CITED = re.compile(r"\s*\(source https?://[^,)]+(?:, as of [^)]*)?\)")


def one_link(lines: list[str]) -> list[str]:
    """By text message, one link per answer (each costs characters the person pays for): the
    first link stays; a later line that is only a link goes, and later links in sentences go."""
    kept: list[str] = []
    linked = False
    for line in lines:
        if linked and PAGE_LINE.match(line):
            continue
        if linked:
            line = URL.sub("", CITED.sub("", line)).replace(" .", ".").rstrip(" :")
        linked = linked or bool(URL.search(line))
        kept.append(line)
    return kept


def answer(dispatcher: CollectingDispatcher, tracker: Tracker, lines: list[str],
           question: Optional[str], buttons: Optional[list[dict]] = None) -> None:
    """The catalog's lines as one message, then the one question as its own message, so the
    question is the last thing read."""
    lines = [str(line).strip() for line in lines if str(line or "").strip()]
    if is_sms(tracker):
        lines = fit_sms(one_link(lines))
    if lines:
        say(dispatcher, "\n".join(lines), buttons)
    if question:
        say(dispatcher, question)
