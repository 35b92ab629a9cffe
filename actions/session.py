"""The start of every conversation session: carry slots over (not on the web), and take what the
channel already knows about the person (Teams tells us they are an employee and of which employer)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.parsers import as_key

NOT_CARRIED = {"session_started_metadata", "requested_slot"}
# A web chat may be on a shared computer (a school lab, a library): a session started after an hour
# away is likely someone else, so it starts with no facts (age, place, ...). A phone or a Teams
# account is one person's.
STARTS_EMPTY = {"web"}


def channel_profile(tracker: Tracker) -> dict[str, Any]:
    metadata = tracker.get_slot("session_started_metadata") or tracker.latest_message.get("metadata") or {}
    profile = metadata.get("channel_profile") if isinstance(metadata, dict) else None
    return profile if isinstance(profile, dict) else {}


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        carry = (domain.get("session_config") or {}).get("carry_over_slots_to_new_session", True)
        if carry and tracker.get_latest_input_channel() not in STARTS_EMPTY:
            events += [SlotSet(name, value) for name, value in tracker.slots.items()
                       if value is not None and name not in NOT_CARRIED]
        profile = channel_profile(tracker)
        if profile.get("employee") is True:
            events.append(SlotSet("employee", True))
            employer = as_key(profile.get("employer"))
            if employer:
                events.append(SlotSet("employer", employer))
        events.append(ActionExecuted("action_listen"))
        return events
