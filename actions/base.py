"""What every catalog-backed action shares: a polite answer, and a live conversation, when the
catalog is away or refuses a request."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.catalog_client import CatalogError, CatalogUnavailable

log = logging.getLogger(__name__)

TRY_AGAIN = 'Sorry, that search didn\'t work. Check your ZIP code or career name, or say "start over".'


def refusal_words(error: CatalogError) -> str:
    # The catalog's own sentences that start "We ..." are written for people ("We could not find
    # the city ..."); other details are for developers.
    if error.detail.startswith(("We ", "ZIP code", "'zip' must")):
        return error.detail
    return TRY_AGAIN


class CatalogAction(Action, ABC):
    """An action that asks the catalog. Subclasses write `answer`; `run` turns an unreachable or
    failing catalog into the polite message so the conversation goes on."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        try:
            return await self.answer(dispatcher, tracker, domain)
        except CatalogUnavailable:
            render.unavailable(dispatcher)
        except CatalogError as error:
            log.info("%s: the catalog refused: %s", self.name(), error)
            render.say(dispatcher, refusal_words(error))
        return []

    @abstractmethod
    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> list[dict[str, Any]]:
        ...
