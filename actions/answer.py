"""action_answer: every question answered at once from what is known, then at most one question.

The catalog writes the answer (POST /guide/career, /guide/about, /guide/list: ready `lines`, the
one fact to `ask`, the resolved `place`); this action picks which question was asked, sends the
facts, words the lines for the channel and remembers the answer, so that a fact given next
("Pasadena, CA", "actually I'm 19") re-runs it with that fact.
"""

from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import render
from actions.base import CatalogAction
from actions.catalog_client import CatalogError, CatalogUnavailable, call
from actions.quiz import QUIZ_BUTTON, reply_if_waiting
from actions.followups import Heard, followup, replies_to_question, skipped_events, subject_events
from actions.facts import answered, entity_value, fact_events, facts_of, intent_of, known, program_said, subject_value
from actions.parsers import career_asked, first, name_asked

LIST_KINDS = {"find_programs": "programs", "find_scholarships": "scholarships",
              "find_jobs": "jobs", "tuition_support": "tuition"}
CAREER_INTENTS = {"explore_career", "next_steps"}
# Messages that give facts (or yes/no) rather than ask something new.
REPLY_INTENTS = {"inform", "affirm", "deny"}

GOT_IT = "Got it, thanks."
WHAT_NEXT = ('What do you want to know? For example: "how do I become a nurse?", '
             '"scholarships for me" or "jobs near me".')


# The catalog takes names of up to 120 characters.
MAX_NAME_CHARS = 120


def said(value: Any) -> Optional[str]:
    value = first(value)
    return str(value).strip()[:MAX_NAME_CHARS] if value not in (None, "") else None


def question_of(intent: str, tracker: Tracker, slots: dict[str, Any]) -> Optional[dict[str, Any]]:
    """The request a question intent makes ({"kind": "career"|"about"|"list", ...}), or None when
    it names nothing to answer about (then a reply re-runs the last answer instead)."""
    text = str(tracker.latest_message.get("text") or "")
    text = "" if text.startswith("/") else text  # a button's payload, not words
    occupation = said(subject_value(tracker, "occupation"))
    program = said(program_said(tracker))
    last = slots.get("last_answer") if isinstance(slots.get("last_answer"), dict) else {}
    if intent in CAREER_INTENTS:
        occupation = career_said(tracker, occupation)
        plan = intent == "next_steps"  # "what do I do next?": a numbered plan for the career
        if not occupation and last.get("kind") == "career" and not plan:
            return None  # "how much do they make?": the last career again
        occupation = occupation or said(slots.get("occupation")) or (last.get("occupation") if plan else None)
        if occupation:
            return {"kind": "career", "occupation": occupation, **({"plan": True} if plan else {})}
        if not text:
            return None  # the menu button: which career?
        # "what fits me?", "a career in medicine": three careers for what they said they like.
        return {"kind": "fits", "text": text[:300]}
    if intent == "program_info" or (intent == "check_eligibility" and program):
        name = (program or (last.get("name") if last.get("kind") == "about" else None)
                or said(slots.get("program")) or name_asked(text))
        return {"kind": "about", "name": name, "text": text[:500] or None} if name else None
    if intent == "check_eligibility" and last.get("kind") == "about":
        return dict(last)  # "am I eligible?" right after hearing about one program
    if intent in LIST_KINDS or intent == "check_eligibility":
        return {"kind": "list", "list": LIST_KINDS.get(intent, "any"),
                "occupation": occupation or said(slots.get("occupation")),
                "group": said(entity_value(tracker, "group")), "text": text[:300] or None}
    return None


def career_said(tracker: Tracker, occupation: Optional[str]) -> Optional[str]:
    """The career as the person named it. The NLU may mark only part of a name ("therapist" in
    "respiratory therapist"), whose value would be a different career: then the whole name goes
    to the catalog as said, which answers for it or names it back."""
    text = str(tracker.latest_message.get("text") or "")
    named = career_asked(text)
    if not occupation or not named:
        return occupation or named
    for found in tracker.latest_message.get("entities") or []:
        if found.get("entity") == "occupation" and found.get("role") is None:
            marked = text[found.get("start", 0):found.get("end", 0)].lower().split()
            words = named.lower().split()
            if marked and len(words) > len(marked) and words[-len(marked):] == marked:
                return named
    return occupation


def again(last: dict[str, Any], tracker: Tracker) -> dict[str, Any]:
    """The last request, with a new subject when the reply names one ("what about a nurse?")."""
    request = dict(last)
    occupation = said(subject_value(tracker, "occupation"))
    program = said(program_said(tracker))
    if occupation and request["kind"] in ("career", "list"):
        request["occupation"] = occupation
    if program and request["kind"] == "about":
        request["name"] = program
    return request


# A reply this short that gives the fact asked is an answer, not a new question.
SHORT_REPLY_WORDS = 5
ENTITIES_OF = {"place": {"zip", "GPE"}, "employee": {"employee_status"}, "current_occupation": {"occupation"}}


def gives_asked_fact(tracker: Tracker, given: dict[str, Any]) -> bool:
    asked = tracker.get_slot("asked_fact")
    text = str(tracker.latest_message.get("text") or "")
    if not asked or len(text.split()) > SHORT_REPLY_WORDS:
        return False
    said = {e.get("entity") for e in tracker.latest_message.get("entities") or []}
    return asked in given or bool(ENTITIES_OF.get(asked, {asked}) & said)


class ActionAnswer(CatalogAction):
    def name(self) -> str:
        return "action_answer"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: DomainDict) -> list[EventType]:
        intent = intent_of(tracker)
        given, bare_reply = fact_events(tracker)
        slots = {**tracker.slots, **given}
        last = slots.get("last_answer") if isinstance(slots.get("last_answer"), dict) else None
        if entity_value(tracker, "occupation") and not subject_value(tracker, "occupation"):
            # The slot mapping took a place for a career; keep the career we were talking about.
            given["occupation"] = (last or {}).get("occupation")
            slots["occupation"] = given["occupation"]

        heard = await followup(dispatcher, tracker, intent, slots)
        if heard.events is not None:
            return [SlotSet(name, value) for name, value in given.items()] + heard.events
        if heard.reply:
            # The answer to the question we asked, whatever else its words read as.
            given.update(answered(tracker, heard.reply["fact"], heard.reply["said"]))
            slots, bare_reply = {**tracker.slots, **given}, True
        events: list[EventType] = [SlotSet(name, value) for name, value in given.items()] + heard.kept
        # A short reply giving the fact asked ("Pasadena, CA") answers it, whatever intent it got.
        asks = intent not in REPLY_INTENTS and not (last and (bare_reply or gives_asked_fact(tracker, given)))
        request = question_of(intent, tracker, slots) if asks else None
        rerun = not asks or given or (intent in CAREER_INTENTS and last and last.get("kind") == "career")
        if request is None and last and rerun:
            # A fact for the last answer, or a question that names nothing new ("Pasadena, CA"
            # read as a career question): the last answer again, with what we know now. A reply
            # to our question names no new subject ("OFNHP" is the union, not a new program).
            request = dict(last) if heard.reply else again(last, tracker)
        if request is not None and request["kind"] == "fits":
            # "idk what I want" with a quiz question waiting: the quiz is the answer.
            waiting = await reply_if_waiting(dispatcher, tracker, fits=True)
            if waiting is not None:
                return events + waiting
        if request is None and intent == "inform":
            # Facts with a career and nothing to re-run ("I'm 16 in Oakland and want to be a
            # nurse"): answer about that career.
            occupation = career_said(tracker, said(subject_value(tracker, "occupation")))
            program = said(program_said(tracker))
            # A program named with its career ("futuro health medical assistant") is that program.
            request = ({"kind": "about", "name": program, "text": str(tracker.latest_message.get("text") or "")[:500]}
                       if program else {"kind": "career", "occupation": occupation} if occupation else None)
        if request is None:
            if intent in CAREER_INTENTS:
                dispatcher.utter_message(response="utter_ask_explore_which")
            elif intent in REPLY_INTENTS and (given or tracker.latest_message.get("entities")):
                render.say(dispatcher, f"{GOT_IT} {WHAT_NEXT}")
            else:
                render.say(dispatcher, WHAT_NEXT)
            return events
        return events + await ask_catalog(dispatcher, tracker, request, facts_of(slots), offset=0)


def body_of(request: dict[str, Any], facts: dict[str, Any], offset: int) -> tuple[str, dict[str, Any]]:
    if request["kind"] == "career":
        return "/guide/career", {"occupation": request["occupation"], "facts": facts, "plan": bool(request.get("plan"))}
    if request["kind"] == "fits":
        return "/guide/fits", {"text": request["text"], "facts": facts}
    if request["kind"] == "about":
        return "/guide/about", {"name": request["name"], "facts": facts, "text": request.get("text")}
    return "/guide/list", {"kind": request.get("list") or "any", "occupation": request.get("occupation"),
                           "group": request.get("group"), "text": request.get("text"),
                           "facts": facts, "offset": offset}


async def ask_catalog(dispatcher: CollectingDispatcher, tracker: Tracker, request: dict[str, Any],
                      facts: dict[str, Any], offset: int) -> list[EventType]:
    """One /guide call: say its lines, ask its one question unless the fact is already known,
    and remember what was answered and asked."""
    path, body = body_of(request, facts, offset)
    answer = await call("POST", path, json=body)
    events: list[EventType] = []
    if request["kind"] == "list" and answer.get("kind") in ("program", "funding") and answer.get("key"):
        # The list request named one program or fund ("Am I eligible for the ... Tuition
        # Support?"): the catalog answered about it, and the conversation is about it now.
        request = {"kind": "about", "name": said(answer.get("name")) or answer["key"], "text": request.get("text")}
    place = answer.get("place") or {}
    if place.get("problem"):
        # Not understood: forget it, so the question about the place can be asked again.
        facts = {**facts, "place": None}
        events.append(SlotSet("place", None))
    for fact in (answer.get("facts") or {}).get("not_taken") or []:
        # Words that are not this fact (a fund's name taken for a union): forget them, so the
        # question can be asked.
        if fact in facts:
            facts = {**facts, fact: None}
            events.append(SlotSet(fact, None))
    ask = answer.get("ask") or {}
    fact = ask.get("fact")
    pending = tracker.get_slot("asked_fact")
    # The question still waiting when the person asked something else counts as skipped.
    skipped = [*(tracker.get_slot("skipped_facts") or []), *([pending] if pending and not known(facts, pending) else [])]
    question = ask.get("question") if fact and not known(facts, fact) and fact not in skipped else None
    items = answer.get("items") or []
    lines = answer.get("lines") or []
    buttons = [render.SHOW_MORE] if answer.get("more") else []
    if request["kind"] == "fits" and not render.is_sms(tracker):
        buttons.append(QUIZ_BUTTON)  # the answer's last line offers the quiz; SMS says "quiz"
    elif request["kind"] == "fits" and lines:
        # By text the careers are cut to SMS size; the offer of the quiz (the last line) stays.
        lines = render.fit_sms(render.one_link(lines[:-1]), render.SMS_MAX_CHARS - len(lines[-1]) - 1) + lines[-1:]
    render.answer(dispatcher, tracker, lines, question, buttons)
    if request["kind"] == "career" and answer.get("found") is False:
        events.append(SlotSet("occupation", None))
    elif request["kind"] == "career" and answer.get("occupation"):
        events.append(SlotSet("occupation", answer["occupation"].get("key") or request["occupation"]))
    if request["kind"] == "about" and answer.get("found") is False:
        events.append(SlotSet("program", None))
    events += subject_events(request, answer, items)
    minor = (answer.get("facts") or {}).get("is_minor")
    if isinstance(minor, bool):
        events.append(SlotSet("is_minor", minor))
    events += [
        SlotSet("last_answer", request),
        SlotSet("asked_fact", fact if question else None),
        *skipped_events(tracker, fact if question else None),
        SlotSet("results_offset", float(offset + len(items))),
    ]
    return events


class ActionFollowup(Action):
    """Messages the NLU could not place or called off-topic: a follow-up that points at what was
    shown ("is it paid?") is answered; anything else gets the usual short line."""

    def name(self) -> str:
        return "action_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        try:
            heard = await followup(dispatcher, tracker, intent, dict(tracker.slots))
        except (CatalogError, CatalogUnavailable):
            heard = Heard()
        if heard.events is not None:
            return heard.events
        named = heard.named
        if heard.reply or replies_to_question(tracker):
            # "san francisco" answering "where do you live?": the NLU's label does not matter.
            return await ActionAnswer().run(dispatcher, tracker, domain)
        relabelled = tracker.latest_message.get("off_topic_check") or {}
        unplaced = intent == "nlu_fallback" or any(relabelled.values())
        if named and unplaced:
            # A bare name the NLU could not place ("futuro health medical assistant"), also when the
            # off-topic net (bot/nlu_off_topic.py) then called it off-topic: the catalog knows it, so
            # answer about it. Off-topic text the model itself called off-topic keeps its one line.
            text = str(tracker.latest_message.get("text") or "")[:500]
            request = ({"kind": "career", "occupation": named["key"]} if named["type"] == "career"
                       else {"kind": "about", "name": named["name"], "text": text})
            try:
                return await ask_catalog(dispatcher, tracker, request, facts_of(dict(tracker.slots)), offset=0)
            except (CatalogError, CatalogUnavailable):
                pass  # the usual short line below; the catalog's own errors are for its answers
        try:
            # With a quiz question waiting, a story the NLU called off-topic is a reply to it.
            waiting = await reply_if_waiting(dispatcher, tracker)
        except (CatalogError, CatalogUnavailable):
            waiting = None
        if waiting is not None:
            return waiting
        dispatcher.utter_message(response="utter_out_of_scope" if intent == "out_of_scope" else "utter_fallback")
        return []
