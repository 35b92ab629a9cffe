"""'Show more': the next page of the person's last list, with the facts known now."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.answer import ask_catalog
from actions.base import CatalogAction
from actions.facts import facts_of

NOTHING_YET = ('There\'s nothing more to show yet. Ask me something like "training near me", '
               '"scholarships" or "jobs near me".')


class ActionShowMore(CatalogAction):
    def name(self) -> str:
        return "action_show_more"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> list[EventType]:
        last = tracker.get_slot("last_answer")
        if not isinstance(last, dict) or last.get("kind") != "list":
            render.say(dispatcher, NOTHING_YET)
            return []
        offset = int(tracker.get_slot("results_offset") or 0)
        return await ask_catalog(dispatcher, tracker, last, facts_of(tracker.slots), offset)
