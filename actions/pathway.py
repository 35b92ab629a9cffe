"""The steps from here to a first job in one career (next_steps), planned by the catalog."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.base import CatalogAction
from actions.catalog_client import call
from actions.parsers import first
from actions.profile import build_profile

MAX_STEPS = 5


def cost_words(plan: dict) -> str:
    net = plan.get("net_cost")
    if net == 0:
        return "Cost to you: free, once the funding above is counted."
    if net is not None:
        return f"Cost to you: about {render.money(net)}."
    return f"Cost to you: {render.NOT_PUBLISHED}."


class ActionNextSteps(CatalogAction):
    def name(self) -> str:
        return "action_next_steps"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> list[EventType]:
        occupation = first(tracker.get_slot("occupation"))
        if not occupation:
            dispatcher.utter_message(response="utter_ask_explore_which")
            return []
        plan = await call("POST", "/pathway", json={
            "profile": build_profile(tracker), "occupation": str(occupation).replace("_", " ")})
        title = (plan.get("occupation") or {}).get("title") or str(occupation)
        key = (plan.get("occupation") or {}).get("key")
        sms = render.is_sms(tracker)
        lines = [f"Your path to {title}:"]
        for step in sorted(plan.get("steps") or [], key=lambda s: s.get("order", 0))[:MAX_STEPS]:
            detail = f" {render.sentence(step['detail'])}" if step.get("detail") and not sms else ""
            lines.append(f"{step.get('order')}. {render.sentence(step['title'])}{detail}")
        program = plan.get("program")
        if program:
            lines.append(f"Suggested program: {program['name']}. {render.verdict_words(plan)}")
            lines.append(cost_words(plan))
        if plan.get("months_to_first_job"):
            lines.append(f"Time to a first job: about {plan['months_to_first_job']:g} months.")
        entities = {"occupation": key} if key else None
        buttons = [
            {"title": "Find training", "payload": render.as_payload("find_programs", entities)},
            {"title": "Scholarships", "payload": render.as_payload("find_scholarships", entities)},
            render.TALK_TO_PERSON,
        ]
        lines.append('Say "find training", "scholarships" or "talk to a person" to keep going.')
        render.say(dispatcher, "\n".join(lines), buttons)
        return []
