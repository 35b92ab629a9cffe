"""Forget me and start over."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, Restarted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.catalog_client import CatalogError, CatalogUnavailable, call
from core import settings as bot_settings


class ActionForgetMe(Action):
    def name(self) -> str:
        return "action_forget_me"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        try:
            await call("DELETE", "/referrals", params={"conversation_id": tracker.sender_id}, keyed=True)
        except (CatalogUnavailable, CatalogError):
            # The chat itself is deleted by the tracker store whatever happens here; say plainly
            # that the contact request is not, so the person can ask again.
            render.say(dispatcher, "I deleted our chat, but I couldn't reach the place where requests to contact you "
                       'are kept. Please say "forget me" again in a minute, or write to '
                       f"{bot_settings.load().support_contact}.")
        else:
            dispatcher.utter_message(response="utter_forgot")
        return [AllSlotsReset(), Restarted()]


class ActionStartOver(Action):
    def name(self) -> str:
        return "action_start_over"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_started_over")
        return [AllSlotsReset(), Restarted()]
