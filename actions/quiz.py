"""action_quiz: the O*NET Interest Profiler in the conversation, one question per message.

The catalog holds the questions, reads each reply and scores the answers (GET/POST /interests/...);
this action only keeps the quiz's place in the `quiz` slot ("quick:4531"), lays each question out
for the channel (five buttons on the web and Teams, "Reply 1-5" on SMS) and says the results.
Any other question mid-quiz goes to its own action and the quiz waits in the slot; "continue the
quiz", a number or a button picks it up again, also after a restart.

Someone undecided ("idk what I want to do") gets three careers to start from with the quiz offered
(the career answer, actions/answer.py); "career quiz" or the offer's button starts it here. While a
question waits, what the other actions would only meet with a general line ("idk what I want",
a long story the NLU calls off-topic) is a reply to that question (`reply_if_waiting`).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.base import CatalogAction
from actions.catalog_client import call
from actions.facts import ENTITY_SLOTS, facts_of, intent_of, slot_before_message

FORMS = ("quick", "short")
FULL_WORDS = ("full", "60", "long", "whole", "short form")
# "the 60 question quiz", "30-item quiz": a number that is the quiz's size.
QUIZ_SIZE = re.compile(r"\b(\d{2})[- ]?(?:questions?|items?|q)\b")
SMS_HINT = "Reply 1-5 (1 strongly dislike, 5 strongly like), skip or back."
PAUSE_WORDS = ("later", "not now", "stop", "pause", "break", "bye")

QUIZ_BUTTON = {"title": "Take the quiz", "payload": "/quiz_start"}
INTRO = {
    "quick": "Here's the career quiz: 30 kinds of work. For each, say how you'd feel doing it. No right answers; "
             "skip any, say back to change one, or stop the quiz any time.",
    "short": "Here's the full career quiz: 60 kinds of work. For each, say how you'd feel doing it. No right answers; "
             "skip any, say back to change one, or stop the quiz any time.",
}
EXPLORATION_ONLY = "It's for exploring careers only, never for screening."
NO_QUIZ = "There's no quiz going on right now. Want to take the career quiz?"


def state_of(tracker: Tracker) -> Optional[tuple[str, str]]:
    """(form, answers) of the quiz in progress, from its slot."""
    value = tracker.get_slot("quiz")
    if not isinstance(value, str) or ":" not in value:
        return None
    form, answers = value.split(":", 1)
    return (form, answers) if form in FORMS else None


def reply_of(tracker: Tracker) -> str:
    """The reply as typed, or the answer a button carries."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "quiz_answer" and entity.get("value") not in (None, ""):
            return str(entity["value"])
    return str(tracker.latest_message.get("text") or "")


def form_asked(tracker: Tracker) -> str:
    said = " ".join([str(tracker.latest_message.get("text") or "")] + [
        str(e.get("value")) for e in tracker.latest_message.get("entities") or [] if e.get("entity") == "quiz_form"])
    return "short" if any(word in said.lower() for word in FULL_WORDS) else "quick"


def ask_item(dispatcher: CollectingDispatcher, tracker: Tracker, step: dict[str, Any]) -> None:
    """One question as one message: buttons on the web and Teams, one SMS segment by text."""
    prompt = step["item"]["prompt"]
    if render.is_sms(tracker):
        render.say(dispatcher, f"{prompt} {SMS_HINT}")
        return
    buttons = [{"title": choice["name"], "payload": f'/quiz_reply{{"quiz_answer": "{choice["value"]}"}}'}
               for choice in step["choices"]]
    render.say(dispatcher, f"{prompt} How would you like this work?", buttons)


# A bare number while a question waits is meant for the quiz ("7" too), never an age or a grade.
BARE_NUMBER = re.compile(r"\s*\d{1,3}\s*[.!]?\s*")


def not_facts(tracker: Tracker) -> dict[str, Any]:
    """Slots the reply's entities filled (the NLU may mark "3" as an age), as they were before it:
    an answer to a quiz question tells nothing about the person."""
    slots = {ENTITY_SLOTS.get(found.get("entity")) for found in tracker.latest_message.get("entities") or []}
    slots.discard(None)
    return {slot: slot_before_message(tracker, slot) for slot in sorted(slots)
            if tracker.get_slot(slot) != slot_before_message(tracker, slot)}


def progress_events(form: str, step: dict[str, Any]) -> list[EventType]:
    return [SlotSet("quiz", f"{form}:{step['answers']}"), SlotSet("quiz_on", True)]


WAITING_FOR_FITS = "Finding careers that fit you is what this quiz is for."


async def reply_if_waiting(dispatcher: CollectingDispatcher, tracker: Tracker,
                           fits: bool = False) -> Optional[list[EventType]]:
    """With a quiz question waiting, the message as a reply to it (the catalog reads it: an answer,
    or its plain sentence and the question again); None when no question waits. `fits`: the
    message asked what careers fit, which the quiz under way is there to answer."""
    state = state_of(tracker)
    if state is None or not tracker.get_slot("quiz_on"):
        return None
    if fits:
        render.say(dispatcher, WAITING_FOR_FITS)
    return await ActionQuiz().reply(dispatcher, tracker, state, intent_of(tracker))


class ActionQuiz(CatalogAction):
    def name(self) -> str:
        return "action_quiz"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> list[EventType]:
        intent = intent_of(tracker)
        state = state_of(tracker)
        if intent == "quiz_start":
            return await self.start(dispatcher, tracker, state)
        if intent == "quiz_results":
            return await self.results_asked(dispatcher, tracker, state)
        if intent in ("quiz_stop", "goodbye") or (intent == "deny" and self.pausing(tracker)):
            return self.pause(dispatcher, state)
        if state is None:
            render.say(dispatcher, NO_QUIZ, [QUIZ_BUTTON])
            return [SlotSet("quiz_on", False)]
        return await self.reply(dispatcher, tracker, state, intent)

    @staticmethod
    def pausing(tracker: Tracker) -> bool:
        text = str(tracker.latest_message.get("text") or "").lower()
        return any(word in text for word in PAUSE_WORDS)

    async def start(self, dispatcher, tracker, state) -> list[EventType]:
        return self.size_not_age(tracker) + await self.begin(dispatcher, tracker, state)

    @staticmethod
    def size_not_age(tracker: Tracker) -> list[EventType]:
        """"the 60 question quiz": the NLU may take the quiz's size for an age; the age is put back."""
        text = str(tracker.latest_message.get("text") or "").lower()
        sizes = {int(size) for size in QUIZ_SIZE.findall(text)}
        ages = [e for e in tracker.latest_message.get("entities") or [] if e.get("entity") == "age"]
        if sizes and ages and all(str(e.get("value")).isdigit() and int(e["value"]) in sizes for e in ages):
            return [SlotSet("age", slot_before_message(tracker, "age"))]
        return []

    async def begin(self, dispatcher, tracker, state) -> list[EventType]:
        if state is not None:
            form, answers = state
            step = await call("GET", f"/interests/{form}/question", params={"answers": answers})
            render.say(dispatcher, f"Let's pick up where you left off, at {step['progress']['text']}.")
        else:
            form = form_asked(tracker)
            step = await call("GET", f"/interests/{form}/question", params={"answers": ""})
            render.say(dispatcher, f"{INTRO[form]} {EXPLORATION_ONLY}")
        ask_item(dispatcher, tracker, step)
        return progress_events(form, step)

    def pause(self, dispatcher, state) -> list[EventType]:
        if state is None:
            render.say(dispatcher, "Okay. Come back any time.")
            return [SlotSet("quiz_on", False)]
        form, answers = state
        render.say(dispatcher, f"Okay, I saved your place ({len(answers)} answered). "
                               'Say "continue the quiz" any time to pick up where you left off.')
        return [SlotSet("quiz_on", False)]

    async def results_asked(self, dispatcher, tracker, state) -> list[EventType]:
        kept = tracker.get_slot("quiz_results")
        if isinstance(kept, dict) and kept.get("answers"):
            return await self.results(dispatcher, tracker, kept["form"], kept["answers"])
        if state is not None:
            form, answers = state
            step = await call("GET", f"/interests/{form}/question", params={"answers": answers})
            render.say(dispatcher, f"Your results come after the last question; you're at {step['progress']['text']}.")
            ask_item(dispatcher, tracker, step)
            return progress_events(form, step)
        render.say(dispatcher, "You haven't taken the career quiz yet. Want to?", [QUIZ_BUTTON])
        return []

    async def reply(self, dispatcher, tracker, state, intent: str) -> list[EventType]:
        form, answers = state
        text = reply_of(tracker)
        step = await call("POST", f"/interests/{form}/reply", json={"answers": answers, "reply": text[:500]})
        put_back = not_facts(tracker) if step.get("understood") or BARE_NUMBER.fullmatch(text) else {}
        if intent == "inform" and tracker.latest_message.get("entities") and not put_back:
            render.say(dispatcher, "Got it, I'll remember that.")  # "I'm 17" said mid-quiz is kept
        events: list[EventType] = [SlotSet(slot, value) for slot, value in put_back.items()]
        if step.get("message"):
            render.say(dispatcher, step["message"])
        if not step["done"]:
            ask_item(dispatcher, tracker, step)
            return events + progress_events(form, step)
        return events + [SlotSet("quiz", None), SlotSet("quiz_on", False)] + await self.results(
            dispatcher, tracker, form, step["answers"], put_back)

    async def results(self, dispatcher, tracker, form: str, answers: str,
                      put_back: Optional[dict[str, Any]] = None) -> list[EventType]:
        limit = 2 if render.is_sms(tracker) else 3
        facts = facts_of({**tracker.slots, **(put_back or {})})
        found = await call("POST", f"/interests/{form}/results",
                           json={"answers": answers, "facts": facts, "limit": limit})
        lines = found.get("lines") or []
        if not found.get("clear"):
            render.answer(dispatcher, tracker, lines, None)
            return [SlotSet("quiz_results", None)]
        # The areas first, then each career as its own message (SMS-sized), then the notice.
        head = lines[:2]
        render.say(dispatcher, "\n".join(head))
        for career in found.get("careers") or []:
            render.answer(dispatcher, tracker, career["lines"], None)
        ask = found.get("ask") or {}
        render.answer(dispatcher, tracker, [lines[-1]], ask.get("question"))
        kept = {"form": form, "answers": answers, "top_areas": found.get("top_areas"),
                "scores": found.get("scores"), "careers": [c["key"] for c in found.get("careers") or []]}
        return [SlotSet("quiz_results", kept)]
