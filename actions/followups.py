"""Follow-ups: "how much does it cost?", "is the second one online?", "and for an LVN?".

The conversation keeps its subject (the career, program, fund or organisation last answered, as
the catalog named it), the last list shown (with positions) and the last aspect asked. The catalog
reads the message against them (POST /guide/aspect) and answers from the record; this module only
sends what the conversation holds and remembers what the catalog answered about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import render
from actions.catalog_client import call
from actions.facts import QUESTION, fact_events, facts_of

LIST_INTENTS = {"find_programs", "find_scholarships", "find_jobs", "tuition_support"}
# Intents whose messages are follow-ups only when they point at something ("is it paid?").
POINTING_ONLY = LIST_INTENTS | {"out_of_scope", "nlu_fallback"}
MAX_TEXT = 500


def _shown(value: Any) -> list[dict]:
    """The list as the catalog takes it back: each item's type, key and name, in order."""
    if not isinstance(value, list):
        return []
    return [{"type": item.get("type") or "program", "key": item["key"], "name": item.get("name")}
            for item in value if isinstance(item, dict) and item.get("key")][:20]


def _subject(value: Any) -> Optional[dict]:
    return {k: value.get(k) for k in ("type", "key", "name")} if isinstance(value, dict) and value.get("key") else None


@dataclass
class Heard:
    """What the catalog made of a message in the conversation (POST /guide/aspect)."""

    # The events of a follow-up answered, or None when the message is not one.
    events: Optional[list[EventType]] = None
    # Events to keep either way: the aspect a new question named, for "and for an LVN?" next.
    kept: list[EventType] = field(default_factory=list)
    # The record or career the message mostly names, when it is not a follow-up.
    named: Optional[dict] = None
    # The pending question's answer, when the message gives it: {"fact", "said"}.
    reply: Optional[dict] = None


async def followup(dispatcher: CollectingDispatcher, tracker: Tracker, intent: str, slots: dict[str, Any]) -> Heard:
    """A follow-up answered, or what the message is instead: a new question (with the aspect it
    named), a bare name, or the answer to the question we asked."""
    text = str(tracker.latest_message.get("text") or "").strip()
    if not text or text.startswith("/"):
        return Heard()
    # The question still waiting, for the catalog to read a reply as its answer; a question of
    # the person's own ("what about college programs") is never a reply.
    asked = tracker.get_slot("asked_fact") if tracker.get_slot("last_answer") and not QUESTION.search(text) else None
    body = {"text": text[:MAX_TEXT], "subject": _subject(slots.get("subject")), "shown": _shown(slots.get("shown")),
            "aspect": slots.get("last_aspect"), "list_asked": intent in POINTING_ONLY, "facts": facts_of(slots),
            "asked": asked if isinstance(asked, str) else None}
    answer = await call("POST", "/guide/aspect", json=body)
    if not answer.get("followup"):
        # "how much do MAs make?" gets the whole card; "and for an LVN?" next keeps "pay".
        kept = [SlotSet("last_aspect", answer["aspect"])] if answer.get("aspect") else []
        return Heard(None, kept, answer.get("named"), answer.get("reply"))
    render.answer(dispatcher, tracker, answer.get("lines") or [], None)
    events: list[EventType] = [SlotSet("last_aspect", answer.get("aspect"))]
    if answer.get("subject"):
        events.append(SlotSet("subject", answer["subject"]))
    if answer.get("items"):
        events.append(SlotSet("shown", answer["items"]))
    events += skipped_events(tracker, None)
    events.append(SlotSet("asked_fact", None))
    return Heard(events)


def replies_to_question(tracker: Tracker) -> bool:
    """A short reply, not a question, while one of our questions waits, that gives a fact."""
    text = str(tracker.latest_message.get("text") or "").strip()
    if not tracker.get_slot("asked_fact") or not tracker.get_slot("last_answer"):
        return False
    if len(text.split()) > 5 or QUESTION.search(text):
        return False
    given, bare = fact_events(tracker)
    return bool(given) or bare


def subject_events(request: dict, answer: dict, items: list[dict]) -> list[EventType]:
    """What a whole answer was about: its subject and the list it showed, with positions."""
    events: list[EventType] = []
    if request["kind"] == "career" and answer.get("found") and answer.get("occupation"):
        occupation = answer["occupation"]
        events.append(SlotSet("subject", {"type": "career", "key": occupation["key"], "name": occupation.get("title")}))
        events.append(SlotSet("shown", _shown(answer.get("programs"))))
    elif request["kind"] == "about" and answer.get("found") and answer.get("key"):
        events.append(SlotSet("subject", {"type": answer.get("kind"), "key": answer["key"], "name": answer.get("name")}))
        events.append(SlotSet("shown", _shown(answer.get("items"))))
    elif request["kind"] in ("list", "fits") and items:
        events.append(SlotSet("subject", None))
        events.append(SlotSet("shown", _shown(items)))
    return events


def skipped_events(tracker: Tracker, asking: Optional[str]) -> list[EventType]:
    """A question left unanswered (the person asked something else) is not asked again."""
    pending = tracker.get_slot("asked_fact")
    skipped = list(tracker.get_slot("skipped_facts") or [])
    if pending and pending != asking and pending not in skipped and tracker.get_slot(pending) is None:
        return [SlotSet("skipped_facts", [*skipped, pending])]
    return []
