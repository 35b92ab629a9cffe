"""What the person told us, as the catalog's `facts` object (the same for every /guide call).

Slots fill from entities in any message (domain/profile.yml). Here we add what entities cannot
carry: a place said as two entities ("Houston" and "Texas"), and a bare reply ("19", "Pasadena,
CA", "GED") to the fact the last answer asked for. Nothing here decides what the facts mean:
the catalog decides who is a minor and which place a name is.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Tracker

from actions.parsers import LEAD_IN, first, names_grade, names_schooling, parse_age, parse_yes_no

# Facts a bare reply can give, and how to read it. Longer replies are sentences, not answers.
MAX_REPLY_CHARS = 80
QUESTION = re.compile(r"\?|^(?:how|what|whats|what's|when|where|why|who|which|is|are|can|could|do|does|will|"
                      r"should|tell|and|any)\b", re.I)
# "sorry I meant Modesto not Fresno": the place after "not" is the one taken back.
NOT_PLACE = re.compile(r"\b(?:not|instead of|rather than)\s+(?:in\s+)?$", re.I)
YES_NO_FACTS = {"employee", "student"}


def entity_value(tracker: Tracker, entity: str, role: Optional[str] = None) -> Optional[str]:
    """The first value of `entity` in the latest message; with role None, only entities without one."""
    for found in tracker.latest_message.get("entities") or []:
        if found.get("entity") == entity and found.get("role") == role:
            return found.get("value")
    return None


# "army vet", "I'm a navy vet": a veteran, never a veterinarian (the catalog reads the group).
SERVED = re.compile(r"\b(?:army|navy|marines?|military|air force|coast guard|national guard|served|usmc)\b", re.I)
VET = {"vet", "vets"}


def served_vet(tracker: Tracker, found: dict) -> bool:
    text = str(tracker.latest_message.get("text") or "")
    return str(found.get("value") or "").lower() in VET and bool(SERVED.search(text))


def subject_value(tracker: Tracker, entity: str) -> Optional[str]:
    """An occupation or program named in the latest message, unless the same words were also
    read as a place ("Pasadena" answering "where do you live?" is not a career)."""
    entities = tracker.latest_message.get("entities") or []
    places = [(e.get("start"), e.get("end")) for e in entities if e.get("entity") in ("GPE", "zip")]
    for found in entities:
        if found.get("entity") != entity or found.get("role") is not None or served_vet(tracker, found):
            continue
        start, end = found.get("start"), found.get("end")
        overlaps = start is not None and any(s is not None and s < end and start < e for s, e in places)
        if not overlaps:
            return found.get("value")
    return None


# "the KP School of Allied Health radiology program": which of the school's programs.
WHICH_PROGRAM = re.compile(r"^\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+(?:program|course|training|class)", re.I)


def program_said(tracker: Tracker) -> Optional[str]:
    """The program named in the latest message, with the words that say which of an
    organisation's programs is meant; the catalog resolves the name or says it back."""
    value = subject_value(tracker, "program")
    text = str(tracker.latest_message.get("text") or "")
    for found in tracker.latest_message.get("entities") or []:
        if found.get("entity") == "program" and found.get("value") == value and found.get("end"):
            which = WHICH_PROGRAM.match(text[found["end"]:])
            if which:
                return f"{value} {which.group(1)}"
    return value


def places_said(tracker: Tracker) -> Optional[str]:
    """The place named in the latest message: a ZIP code, else every GPE joined ("Houston, Texas"),
    since the slot keeps only one of several entities (two extractors may also give one twice)."""
    zip_code = entity_value(tracker, "zip")
    if zip_code:
        return str(zip_code)
    text = str(tracker.latest_message.get("text") or "")
    found = [e for e in tracker.latest_message.get("entities") or []
             if e.get("entity") == "GPE" and isinstance(e.get("value"), str)]
    names: dict[str, str] = {}
    for place in sorted(found, key=lambda e: e.get("start") or 0):  # in the order said: "Houston, Texas"
        value, start, end = place["value"], place.get("start"), place.get("end")
        if start is not None and NOT_PLACE.search(text[:start]):
            continue  # taken back ("not Fresno")
        # Two extractors may mark "san" and "san francisco": the words inside a longer one are that one.
        inside = any(o is not place and o.get("start") is not None and start is not None
                     and o["start"] <= start and end <= o.get("end", 0) and (o["end"] - o["start"]) > (end - start)
                     for o in found)
        if inside or any(re.search(rf"\b{re.escape(value.lower())}\b", other.lower()) and value.lower() != other.lower()
                         for other in (o["value"] for o in found)):
            continue
        names.setdefault(value.lower(), value)
    return ", ".join(names.values()) or None


# The slot each entity fills (domain/profile.yml, domain/search.yml); an occupation with the role
# "current" fills current_occupation.
ENTITY_SLOTS = {"zip": "place", "GPE": "place", "age": "age", "grade": "grade", "education": "education",
                "employee_status": "employee", "employer": "employer", "union": "union", "group": "group",
                "occupation": "occupation", "program": "program"}


def _plain(text: str) -> str:
    return f" {' '.join(re.findall(r'[a-z0-9]+', text.lower()))} "


def slot_before_message(tracker: Tracker, name: str) -> Any:
    """The slot's value before the latest message (and the slot mappings it ran)."""
    events = list(tracker.events or [])
    last_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))
    value = None
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") == name:
            value = event.get("value")
        elif event.get("event") in ("restart", "reset_slots"):
            value = None
    return value


def answered(tracker: Tracker, fact: str, words: str) -> dict[str, Any]:
    """Slot values for a reply the catalog read as the fact asked (`words`, e.g. "California Nurses
    Association" for the union): that fact, and every other slot an entity inside those words
    filled put back as it was ("California" is not a program, "Association" not a degree)."""
    values: dict[str, Any] = {}
    text = str(tracker.latest_message.get("text") or "")
    inside = _plain(words)
    for found in tracker.latest_message.get("entities") or []:
        start, end = found.get("start"), found.get("end")
        slot = "current_occupation" if found.get("role") == "current" else ENTITY_SLOTS.get(found.get("entity"))
        if slot and slot != fact and start is not None and text[start:end].strip() and _plain(text[start:end]) in inside:
            values[slot] = slot_before_message(tracker, slot)
    return {**values, fact: words}


def intent_of(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


FACT_ENTITIES = {"zip", "GPE", "age", "grade", "education", "employee_status", "employer", "union",
                 "group", "occupation", "program"}


# "I'm not in a union", "I'm non-union": the NLU may mark the word "union" alone, which reads as
# being in one. The words with their "not" go to the catalog instead, which reads them.
NOT_BEFORE = re.compile(r"\b(?:not|never|no longer|isn'?t|aren'?t|non-?)\s*(?:[a-z]+\s+){0,2}$", re.I)


def union_said(tracker: Tracker) -> Optional[str]:
    """The union as said when the NLU's words alone would mislead the catalog: with the negation
    before it ("not in a union"), or with the program named right after it, when the NLU split one
    fund's name in two ("SEIU-UHW & Joint Employer" + "Education Fund Tuition Support"): the whole
    name goes to the catalog, which knows it is a fund, not the person's union."""
    text = str(tracker.latest_message.get("text") or "")
    entities = tracker.latest_message.get("entities") or []
    for found in entities:
        start, end = found.get("start"), found.get("end")
        if found.get("entity") == "union" and start is not None and end:
            negation = NOT_BEFORE.search(text[:start])
            if negation:
                return text[negation.start():end]
            rest = next((o for o in entities if o.get("entity") == "program" and o.get("start") is not None
                         and o["start"] >= end and not text[end:o["start"]].strip(" &-")), None)
            if rest is not None:
                return text[start:rest["end"]]
    return None


def fact_events(tracker: Tracker) -> tuple[dict[str, Any], bool]:
    """Slot values this message gives beyond what the slot mappings took (a place said in several
    entities, a bare reply to the asked fact), and whether the message was such a bare reply."""
    values: dict[str, Any] = {}
    place = places_said(tracker)
    if place:
        values["place"] = place
    if any(served_vet(tracker, found) for found in tracker.latest_message.get("entities") or []):
        values["group"] = "veteran"
    union = union_said(tracker)
    if union:
        values["union"] = union
    # A message with a fact entity said what it is; only a bare reply is read here.
    said_facts = {e.get("entity") for e in tracker.latest_message.get("entities") or []} & FACT_ENTITIES
    reply = {} if said_facts else reply_to(tracker.get_slot("asked_fact"), tracker)
    return {**values, **reply}, bool(reply)


def reply_to(asked: Optional[str], tracker: Tracker) -> dict[str, Any]:
    """Slot values a short reply with no fact entity gives: the fact that was asked when the
    reply reads as one, else the fact it plainly is ("16" answering "where do you live?" is an age)."""
    text = str(tracker.latest_message.get("text") or "").strip()
    intent = intent_of(tracker)
    if not asked or text.startswith("/") or intent in ("affirm", "deny"):
        answer = intent == "affirm" if intent in ("affirm", "deny") else None
        if asked in YES_NO_FACTS and answer is not None:
            return {asked: answer}
        if asked == "union" and answer is not None:
            return {"union": "member" if answer else "none"}
        return {}
    if len(text) > MAX_REPLY_CHARS or QUESTION.search(text):
        return {}  # a question ("how much school?") is asked, not a reply to ours
    if asked in YES_NO_FACTS:
        answer = parse_yes_no(text)
        return {asked: answer} if answer is not None else {}
    plain = plain_fact(text)
    if asked in ("age", "grade", "education"):
        return plain
    if plain:
        return plain  # a different fact than the one asked is kept, not refused
    if asked == "place":
        # The catalog places it or says plainly that it can't; never guessed here.
        words = LEAD_IN.sub("", text).strip(" .!?")
        return {"place": words} if words and not re.search(r"[@/]", words) else {}
    if asked in ("employer", "union", "current_occupation"):
        words = re.sub(r"^(?:i\s+work\s+(?:at|for)|at|for|i'?m\s+an?|i\s+am\s+an?)\s+", "", text, flags=re.I)
        return {asked: words.strip(" .!?")} if words.strip(" .!?") else {}
    return {}


def plain_fact(text: str) -> dict[str, Any]:
    """A reply that is plainly an age ("19"), a grade ("11th grade") or schooling ("GED")."""
    if names_grade(text):
        return {"grade": text}
    if re.fullmatch(r"(?:i'?m\s+|i\s+am\s+)?\d{1,3}(?:\s*(?:years?\s*old|y/?o))?", text.strip(" .!?"), re.I):
        age = parse_age(text)
        return {"age": str(age)} if age is not None else {}
    return {"education": text.strip(" .!?")} if names_schooling(text) else {}


def as_bool(value: Any) -> Optional[bool]:
    """The employee slot: True/False from a yes/no reply, or the employee_status entity's value."""
    value = first(value)
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in ("not_employee", "not employee", "unemployed"):
        return False
    return True if text else None


def as_list(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [str(v) for v in values if v not in (None, "")]


def facts_of(slots: dict[str, Any]) -> dict[str, Any]:
    """The catalog's facts object from slot values: what we know, as said; null when unknown."""
    def text(name: str) -> Optional[str]:
        value = first(slots.get(name))
        return str(value).strip() if value not in (None, "") else None

    age = parse_age(first(slots.get("age"))) if slots.get("age") is not None else None
    student = slots.get("student")
    # A grade or "still in high school" says they are a student: the catalog reads that.
    return {
        "age": age,
        "grade": text("grade"),
        "place": text("place"),
        "education": text("education"),
        "student": student if isinstance(student, bool) else None,
        "employee": as_bool(slots.get("employee")),
        "employer": text("employer"),
        "union": text("union"),
        "current_occupation": text("current_occupation"),
        "groups": as_list(slots.get("group")),
    }


def known(facts: dict[str, Any], fact: str) -> bool:
    """Whether the person already told us `fact` (so it is never asked again)."""
    if fact == "groups" or fact == "group":
        return bool(facts.get("groups"))
    return facts.get(fact) is not None
