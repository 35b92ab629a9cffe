"""'Show more': the next page of the person's last search."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.base import CatalogAction
from actions.funding import ActionSearchFunding, ActionSearchTuition
from actions.jobs import ActionSearchJobs
from actions.programs import ActionSearchPrograms

SEARCHES = {search.feature: search for search in
            (ActionSearchPrograms, ActionSearchFunding, ActionSearchTuition, ActionSearchJobs)}


class ActionShowMore(CatalogAction):
    def name(self) -> str:
        return "action_show_more"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> list[EventType]:
        last = tracker.get_slot("last_search")
        search = SEARCHES.get(last.get("feature")) if isinstance(last, dict) else None
        if search is None:
            render.say(dispatcher, "There's nothing more to show yet. What do you want to look for? "
                       "You can say: find training, scholarships, jobs near me or tuition support.",
                       [{"title": "Find training", "payload": "/find_programs"},
                        {"title": "Scholarships", "payload": "/find_scholarships"},
                        {"title": "Jobs near me", "payload": "/find_jobs"}])
            return []
        # The search runs with the profile it started with, so page two continues page one.
        offset = int(tracker.get_slot("results_offset") or 0)
        return await search().show(dispatcher, tracker, last.get("profile") or {}, offset)
