"""Whether the person qualifies for one program or fund (check_eligibility), and why."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.base import CatalogAction
from actions.catalog_client import call
from actions.parsers import first
from actions.profile import build_profile
from actions.records import find_target

MAX_REASONS = 3


def verdict_sentence(verdict: str, name: str) -> str:
    if verdict == "eligible":
        return f"Good news: you seem to qualify for {name}."
    if verdict == "maybe":
        return f"You might qualify for {name}."
    return f"You don't qualify for {name} right now."


class ActionCheckEligibility(CatalogAction):
    def name(self) -> str:
        return "action_check_eligibility"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> list[EventType]:
        wanted = first(tracker.get_slot("program"))
        if not wanted:
            render.say(dispatcher, "Which program should I check? Tell me its name, like Futuro Health medical assistant training.")
            return []
        target = await find_target(str(wanted))
        if target is None:
            render.say(dispatcher, f"I couldn't find a program called \"{wanted}\". Try its full name, or say \"find training\" to see programs.")
            return [SlotSet("program", None)]
        kind, record = target
        answer = await call("POST", "/eligibility", json={"profile": build_profile(tracker), kind: record["key"]})
        sms = render.is_sms(tracker)
        lines = [verdict_sentence(answer["verdict"], record["name"])]
        if answer["verdict"] == "not_eligible":
            lines.append("Why: " + " ".join(render.sentence(r) for r in answer.get("reasons", [])[:MAX_REASONS]))
        elif answer.get("reasons"):
            lines.append(" ".join(render.sentence(r) for r in answer["reasons"][:MAX_REASONS]))
        if answer.get("missing"):
            lines.append("I'd still need to know " + render.join_words(answer["missing"][:MAX_REASONS]) + ".")
        changes = [c for c in answer.get("what_would_change", []) if c]
        if changes and answer["verdict"] != "eligible":
            lines.append(" ".join(render.sentence(c) for c in changes[:2]))
        link = record.get("apply_url") or record.get("source_url")
        if link and answer["verdict"] != "not_eligible":
            lines.append(f"How to apply: {link}")
        buttons = [{"title": "Find other programs", "payload": "/find_programs"}, render.TALK_TO_PERSON]
        lines.append('You can say "find training" to see other programs, or "talk to a person".')
        render.say(dispatcher, ("\n" if sms else "\n\n").join(lines), buttons)
        return [SlotSet("program", record["key"])]
