"""Hand-off to a person: the form that collects how to reach them, and the referral it records.

Minors get one question fewer: they give just an email or a phone number of their choosing (we
read which it is from the answer), and nobody is ever asked for a name or an address.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import render
from actions.catalog_client import CatalogError, CatalogUnavailable, call
from actions.parsers import first, parse_yes_no
from actions.facts import entity_value, facts_of
from core import settings as bot_settings

EMAIL = re.compile(r"[^@\s<>,;]+@[^@\s<>,;]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?:\+|\()?\d[\d\s().-]{5,18}\d")
METHOD_WORDS = [
    ("email", r"e-?mail|\bmail\b"),
    ("sms", r"\btext|\bsms\b|message"),
    ("phone", r"\bcall|phone|ring"),
    ("teams", r"\bteams\b"),
]
METHOD_NAMES = {"sms": "text message", "email": "email", "phone": "phone", "teams": "Teams"}
HANDOFF_SLOTS = ("contact_method", "contact", "consent")


def parse_method(value: Any) -> Optional[str]:
    text = str(value or "").strip().lower()
    if text in METHOD_NAMES:
        return text
    for method, pattern in METHOD_WORDS:
        if re.search(pattern, text):
            return method
    return None


def parse_contact(text: str) -> tuple[Optional[str], Optional[str]]:
    """(kind, contact): kind is "email" or "phone" as the answer shows, else (None, None)."""
    found = EMAIL.search(text)
    if found:
        return "email", found.group(0)
    found = PHONE.search(text)
    if found and 7 <= len(re.sub(r"\D", "", found.group(0))) <= 15:
        return "phone", found.group(0).strip()
    return None, None


class ValidateHandoffForm(FormValidationAction):
    def name(self) -> str:
        return "validate_handoff_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        if tracker.get_slot("is_minor"):
            return ["contact", "consent"]
        return ["contact_method", "contact", "consent"]

    async def validate_contact_method(self, value: Any, dispatcher: CollectingDispatcher,
                                      tracker: Tracker, domain: DomainDict) -> dict:
        method = parse_method(first(value))
        if method is None:
            render.say(dispatcher, 'Sorry, how should they reach you? You can say "text", "email" or "call".')
        return {"contact_method": method}

    async def validate_contact(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> dict:
        text = str(entity_value(tracker, "contact") or first(value) or "")
        kind, contact = parse_contact(text)
        method = tracker.get_slot("contact_method")
        if method == "teams" and not tracker.get_slot("is_minor"):
            # In Teams the advisor finds people by their work email or name as Teams shows it.
            contact = contact or (text.strip() if len(text.strip()) >= 3 else None)
            return self._contact(dispatcher, contact, "teams")
        if kind == "email":
            return self._contact(dispatcher, contact, "email")
        if kind == "phone":
            # A phone number given after asking for email still reaches them: follow the answer.
            wanted = method if method in ("sms", "phone") else ("sms" if render.is_sms(tracker) else "phone")
            return self._contact(dispatcher, contact, wanted)
        return self._contact(dispatcher, None, method)

    @staticmethod
    def _contact(dispatcher: CollectingDispatcher, contact: Optional[str], method: Optional[str]) -> dict:
        if contact is None:
            render.say(dispatcher, "Sorry, that doesn't look like an email or phone number. "
                       "Please send just one, like name@example.com or 555-123-4567. No name or address needed.")
            return {"contact": None}
        return {"contact": contact, "contact_method": method}

    async def validate_consent(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> dict:
        answer = parse_yes_no(value)
        if answer is None:
            render.say(dispatcher, "Sorry, please answer yes or no.")
        return {"consent": answer}


def topic_of(tracker: Tracker) -> str:
    """What the person last asked about, in a few words for the advisor."""
    last = tracker.get_slot("last_answer")
    if not isinstance(last, dict):
        return "general question"
    subject = last.get("occupation") or last.get("name") or last.get("group")
    parts = [str(p).replace("_", " ") for p in (last.get("list") or last.get("kind"), subject) if p]
    return ": ".join(parts) or "general question"


def context_of(tracker: Tracker) -> dict:
    """What the advisor should know before calling: the known facts, nothing more."""
    context: dict[str, Any] = {"facts": {k: v for k, v in facts_of(tracker.slots).items() if v not in (None, [])}}
    if tracker.get_slot("is_minor") is not None:
        context["is_minor"] = tracker.get_slot("is_minor")
    last = tracker.get_slot("last_answer")
    if isinstance(last, dict) and last.get("kind"):
        context["last_answer"] = last["kind"]
    quiz = tracker.get_slot("quiz_results")  # the career quiz's result (actions/quiz.py)
    if isinstance(quiz, dict):
        context["interests"] = {key: quiz.get(key) for key in ("top_areas", "scores", "careers")}
    return context


class ActionHandoff(Action):
    def name(self) -> str:
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        reset = [SlotSet(name, None) for name in HANDOFF_SLOTS]
        contact, method = first(tracker.get_slot("contact")), tracker.get_slot("contact_method")
        if tracker.get_slot("consent") is not True or not contact or not method:
            dispatcher.utter_message(response="utter_handoff_cancelled")
            return reset
        settings = bot_settings.load()
        body = {
            "contact": contact, "contact_method": method, "consent": True, "name": None,
            "conversation_id": tracker.sender_id, "channel": render.channel_of(tracker),
            "topic": topic_of(tracker)[:300], "context": context_of(tracker),
        }
        try:
            await call("POST", "/referrals", json=body, keyed=True)
        except CatalogUnavailable:
            render.say(dispatcher, "Sorry, I couldn't send your request right now. Please try again in a minute, "
                       f"or write to {settings.support_contact}.")
            return reset
        except CatalogError as error:
            render.say(dispatcher, f"Sorry, that didn't work: {error.detail} Let's try again: say \"talk to a person\".")
            return reset
        team = settings.handoff_team[:1].upper() + settings.handoff_team[1:]
        render.say(dispatcher, f"Thanks! I passed your request on. {team} will contact you "
                   f"by {METHOD_NAMES[method]} {settings.handoff_response_time}.")
        return reset
