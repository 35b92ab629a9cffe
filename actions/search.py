"""Ranked searches through the catalog's /match: programs, scholarships, tuition support, jobs.

Each feature module declares one `SearchAction` (what to match and how to introduce it). The
catalog ranks and judges every result; here we pick the page to show and remember the search so
"show more" can continue it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.base import CatalogAction
from actions.catalog_client import call
from actions.profile import build_profile

MAX_RESULTS = 50  # the most /match returns


def occupation_words(profile: dict) -> Optional[str]:
    interests = profile.get("interests") or []
    return interests[0] if interests else None


class SearchAction(CatalogAction, ABC):
    feature: str = ""
    kinds: list[str] = []
    empty = "I didn't find anything that fits yet."
    empty_buttons: list[dict] = []

    @abstractmethod
    def intro(self, profile: dict) -> str:
        """The line before the first page of results."""

    def more_intro(self, profile: dict) -> str:
        return "Here are more:"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> list[EventType]:
        return await self.show(dispatcher, tracker, build_profile(tracker), 0)

    async def show(self, dispatcher: CollectingDispatcher, tracker: Tracker, profile: dict,
                   offset: int) -> list[EventType]:
        """Show results offset+1..offset+3 of this search for `profile`."""
        limit = min(MAX_RESULTS, offset + render.PAGE_SIZE + 1)
        found = await call("POST", "/match", json={"profile": profile, "kinds": self.kinds, "limit": limit})
        items: list[dict[str, Any]] = found.get("items") or []
        page = items[offset:offset + render.PAGE_SIZE]
        notes = " ".join(found.get("notes") or [])
        if not page:
            if offset:
                render.say(dispatcher, "That's all I found. " + 'Say "talk to a person" if you want more help.', [render.TALK_TO_PERSON])
            else:
                render.say(dispatcher, " ".join(p for p in (notes, self.empty) if p),
                           self.empty_buttons + [render.TALK_TO_PERSON])
            return [SlotSet("results_offset", float(offset))]
        intro = self.intro(profile) if offset == 0 else self.more_intro(profile)
        has_more = len(items) > offset + len(page) and offset + len(page) < MAX_RESULTS
        render.results(dispatcher, tracker, page, " ".join(p for p in (notes, intro) if p),
                       first_number=offset + 1, has_more=has_more)
        return [
            SlotSet("last_search", {"feature": self.feature, "profile": profile}),
            SlotSet("results_offset", float(offset + len(page))),
        ]
