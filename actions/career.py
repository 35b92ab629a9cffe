"""What a career is like (explore_career): the work, pay, training time and outlook."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.base import CatalogAction
from actions.catalog_client import call
from actions.parsers import first


def pay_words(wage: dict) -> str:
    median, period = wage.get("median"), wage.get("period")
    if not median:
        return f"Pay: {render.NOT_PUBLISHED}."
    per = "an hour" if period == "hour" else "a year"
    source = ", ".join(str(p) for p in (wage.get("source"), wage.get("year")) if p)
    return f"Typical pay: about {render.money(median)} {per}" + (f" ({source})." if source else ".")


def first_sentence(text: str) -> str:
    head = (text or "").strip().split(". ")[0]
    return render.sentence(head) if head else ""


class ActionExploreCareer(CatalogAction):
    def name(self) -> str:
        return "action_explore_career"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> list[EventType]:
        wanted = first(tracker.get_slot("occupation"))
        if not wanted:
            dispatcher.utter_message(response="utter_ask_explore_which")
            return []
        found = await call("GET", "/occupations/lookup", params={"name": str(wanted).replace("_", " ")})
        career = found.get("match")
        if not career:
            guesses = found.get("alternatives") or []
            if guesses:
                names = [g["title"] for g in guesses[:3]]
                render.say(dispatcher, f"I'm not sure which career you mean. Did you mean {render.join_words(names, 'or')}?",
                           [{"title": g["title"], "payload": render.as_payload("explore_career", {"occupation": g["key"]})}
                            for g in guesses[:3]])
            else:
                render.say(dispatcher, f"I don't know the career \"{wanted}\" yet. Try another one, like medical assistant, nurse or pharmacy technician.")
            return [SlotSet("occupation", None)]
        sms = render.is_sms(tracker)
        lines = [f"{career['title']}: {first_sentence(career.get('description', ''))}".strip()]
        lines.append(pay_words(career.get("wage") or {}))
        if career.get("time_to_enter"):
            lines.append(f"Training: {render.sentence(career['time_to_enter'])}")
        if career.get("outlook"):
            lines.append(f"Jobs: {render.sentence(career['outlook'])}")
        related = [r["title"] for r in career.get("related") or []][:3]
        if related and not sms:
            lines.append(f"Related careers: {render.join_words(related)}.")
        entities = {"occupation": career["key"]}
        buttons = [
            {"title": "Find training", "payload": render.as_payload("find_programs", entities)},
            {"title": "Next steps", "payload": render.as_payload("next_steps", entities)},
            {"title": "Jobs near me", "payload": render.as_payload("find_jobs", entities)},
        ]
        lines.append('Want to go on? Say "find training", "next steps" or "jobs near me".')
        render.say(dispatcher, "\n".join(lines), buttons)
        return [SlotSet("occupation", career["key"])]
