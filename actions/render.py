"""Wording answers for the person's channel: short, plain, and never a fact the catalog lacks.

Every message that carries buttons also reads fine without them (SMS turns buttons into a numbered
list, and some widgets do not show them at all).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

UNAVAILABLE = "Sorry, I can't look that up right now. Please try again in a minute."
NOT_PUBLISHED = "not published"
PAGE_SIZE = 3

SHOW_MORE = {"title": "Show more", "payload": "/show_more"}
TALK_TO_PERSON = {"title": "Talk to a person", "payload": "/human_handoff"}
START_OVER = {"title": "Start over", "payload": "/start_over"}


def channel_of(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "rest"


def is_sms(tracker: Tracker) -> bool:
    return channel_of(tracker) == "sms"


def say(dispatcher: CollectingDispatcher, text: str, buttons: Optional[list[dict]] = None) -> None:
    dispatcher.utter_message(text=text, buttons=buttons or [])


def unavailable(dispatcher: CollectingDispatcher) -> None:
    say(dispatcher, UNAVAILABLE)


def money(amount: Optional[float]) -> str:
    return f"${amount:,.0f}"


def date_words(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return f"{day:%B} {day.day}, {day.year}"


def join_words(words: list[str], last: str = "and") -> str:
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


# --- verdicts ---------------------------------------------------------------------------------

def verdict_words(item: dict) -> str:
    """The catalog's verdict as one plain sentence."""
    verdict = item.get("verdict")
    missing = item.get("missing") or []
    if verdict == "eligible":
        return "You seem to qualify."
    if verdict == "maybe":
        return f"You might qualify. It depends on {missing[0]}." if missing else "You might qualify."
    changes = item.get("what_would_change") or []
    return "You don't qualify right now." + (f" {sentence(changes[0])}" if changes else "")


# --- facts of one record -------------------------------------------------------------------------

def deadline_words(date: Optional[str], rolling: Optional[bool]) -> str:
    if rolling:
        return "Apply any time"
    when = date_words(date)
    return f"Apply by {when}" if when else f"Deadline: {NOT_PUBLISHED}"


def program_facts(record: dict) -> list[str]:
    tuition = (record.get("cost") or {}).get("tuition")
    if tuition == 0:
        cost = "Free to you"
    elif tuition is not None:
        cost = f"Costs {money(tuition)}"
    else:
        cost = f"Cost: {NOT_PUBLISHED}"
    facts = [cost]
    if record.get("length"):
        facts.append(f"Takes {record['length']}")
    facts.append(deadline_words(record.get("next_deadline"), record.get("rolling")))
    return facts


def funding_facts(record: dict) -> list[str]:
    amount = record.get("amount") or {}
    if record.get("covers_full_tuition"):
        value = "Can cover full tuition"
    elif amount.get("max"):
        value = f"Up to {money(amount['max'])}" + (f" per {amount['per']}" if amount.get("per") in ("year", "program") else "")
    else:
        value = f"Amount: {NOT_PUBLISHED}"
    return [value, deadline_words(record.get("deadline"), record.get("rolling"))]


def role_facts(record: dict) -> list[str]:
    facts = []
    place = record.get("location") or {}
    where = ", ".join(p for p in (place.get("city"), place.get("state")) if p)
    if record.get("employer"):
        facts.append(record["employer"] + (f" in {where}" if where else ""))
    elif where:
        facts.append(where)
    pay = record.get("pay") or {}
    low, high, period = pay.get("min"), pay.get("max"), pay.get("period") or ""
    per = f" an {period}" if period == "hour" else (f" a {period}" if period else "")
    if low and high and low != high:
        facts.append(f"Pays {money(low)} to {money(high)}{per}")
    elif low or high:
        facts.append(f"Pays {money(low or high)}{per}")
    else:
        facts.append(f"Pay: {NOT_PUBLISHED}")
    if record.get("demo"):
        facts.append("Example listing, not a real opening")
    return facts


FACTS = {"program": program_facts, "funding": funding_facts, "role": role_facts}


def _money_sentence(text: str) -> bool:
    """`why` lines about price or amount repeat what the facts line already says."""
    lowered = text.lower()
    return "$" in text or "free to you" in lowered or "full tuition" in lowered or "example" in lowered


def why_line(item: dict) -> Optional[str]:
    for reason in item.get("why") or []:
        if not _money_sentence(reason):
            return sentence(reason)
    return None


SHORT_VERDICTS = {"eligible": "You seem to qualify", "maybe": "You might qualify", "not_eligible": "Not open to you now"}


def item_lines(number: int, item: dict, sms: bool) -> str:
    record = item.get("record") or {}
    owner = (record.get("provider") or record.get("sponsor") or {}).get("name")
    title = item.get("title") or record.get("name") or record.get("title") or "This one"
    if owner and owner.lower() not in title.lower() and not sms:
        title += f" ({owner})"
    facts = FACTS.get(item.get("type"), lambda _: [])(record)
    # A role's verdict is only worth saying when something is unknown (an employer's minimum age).
    judged = item.get("type") != "role" or item.get("missing")
    if sms:
        # One line each, so three results fit in a few text messages; the eligibility check and the
        # advisor give the details.
        facts = [f for f in facts if "Example listing" not in f]
        verdict = SHORT_VERDICTS.get(item.get("verdict"), "") if judged else ""
        return f"{number}. {title}: " + ". ".join(p for p in [verdict, *facts] if p) + "."
    details = " ".join(p for p in (why_line(item), verdict_words(item) if judged else None,
                                   sentence(". ".join(facts)) if facts else None) if p)
    link = record.get("apply_url") or record.get("url") or record.get("source_url")
    return f"{number}. {title}\n{details}" + (f"\nMore: {link}" if link else "")


def results(dispatcher: CollectingDispatcher, tracker: Tracker, items: list[dict], intro: str,
            first_number: int = 1, has_more: bool = False) -> None:
    """A short list: the intro, up to PAGE_SIZE results, and what the person can say next."""
    sms = is_sms(tracker)
    shown = items[:PAGE_SIZE]
    lines = [intro]
    if any((item.get("record") or {}).get("demo") for item in shown):
        lines.append("These job listings are examples to show how this works, not real openings.")
    lines += [item_lines(first_number + i, item, sms) for i, item in enumerate(shown)]
    buttons = [SHOW_MORE] if has_more else []
    buttons.append(TALK_TO_PERSON)
    hint = 'Say "more" to see more, or "talk to a person" for help.' if has_more else 'Say "talk to a person" if you want help from an advisor.'
    lines.append(hint)
    say(dispatcher, ("\n" if sms else "\n\n").join(lines), buttons)


def as_payload(intent: str, entities: Optional[dict[str, Any]] = None) -> str:
    """A button payload that triggers an intent with entities, the way Rasa parses `/intent{...}`."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}"
