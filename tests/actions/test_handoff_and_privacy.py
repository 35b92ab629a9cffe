"""Hand-off to a person (a referral in the catalog), forget me, and start over."""

import asyncio
import uuid

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionHandoff, ValidateHandoffForm
from actions.privacy import ActionForgetMe, ActionStartOver
from tests.actions.conftest import make_tracker, run_action, slot_events, text_of

FORM = "handoff_form"


def validate(domain, slot, value, slots=None, channel="rest"):
    tracker = make_tracker({"requested_slot": slot, **(slots or {})}, text=str(value), new_slots={slot: value},
                           active_loop=FORM, channel=channel)
    messages, events = run_action(ValidateHandoffForm(), tracker, domain)
    return text_of(messages), slot_events(events)


# Adults are asked the domain's three questions, so the form (not the validation) picks the next one.
def test_adults_choose_how_to_be_reached(domain):
    said, slots = validate(domain, "contact_method", "text message")
    assert slots == {"contact_method": "sms"}
    said, slots = validate(domain, "contact", "(559) 555-0134", slots={"contact_method": "sms"})
    assert slots == {"contact": "(559) 555-0134", "contact_method": "sms"}
    said, slots = validate(domain, "contact", "me@example.org", slots={"contact_method": "sms"})
    assert slots == {"contact": "me@example.org", "contact_method": "email"}


def test_minors_get_one_question_fewer_and_give_only_an_email_or_phone(domain):
    tracker = make_tracker({"is_minor": True}, active_loop=FORM)
    form = ValidateHandoffForm()
    wanted = asyncio.run(form.required_slots(form.domain_slots(domain), CollectingDispatcher(), tracker, domain))
    assert wanted == ["contact", "consent"]
    said, slots = validate(domain, "contact", "teen@example.org", slots={"is_minor": True})
    assert slots == {"contact": "teen@example.org", "contact_method": "email", "requested_slot": "consent"}
    said, slots = validate(domain, "contact", "Jo, 12 Oak Street", slots={"is_minor": True})
    assert slots["contact"] is None and "No name or address needed" in said


def test_a_contact_that_is_neither_email_nor_phone_is_asked_again(domain):
    said, slots = validate(domain, "contact", "find me at the mall", slots={"contact_method": "email"})
    assert slots == {"contact": None}
    assert "name@example.com" in said


def test_consent_is_yes_or_no(domain):
    said, slots = validate(domain, "consent", True, slots={"contact_method": "email", "contact": "a@example.org"})
    assert slots == {"consent": True}
    said, slots = validate(domain, "consent", "hmm", slots={"contact_method": "email", "contact": "a@example.org"})
    assert slots == {"consent": None} and "yes or no" in said


@pytest.fixture
def conversation():
    return f"test-{uuid.uuid4().hex[:12]}"


def referrals_of(catalog, conversation):
    return catalog.get("/referrals", conversation_id=conversation)["items"]


def test_handoff_records_a_referral_and_forget_me_deletes_it(catalog, domain, conversation, monkeypatch):
    monkeypatch.setenv("HANDOFF_TEAM", "a Futuro Health advisor")
    monkeypatch.setenv("HANDOFF_RESPONSE_TIME", "within 1 business day")
    slots = {"contact_method": "email", "contact": "sam@example.org", "consent": True,
             "occupation": "medical_assistant", "age": "24", "place": "93701", "education": "high_school",
             "last_answer": {"kind": "list", "list": "programs", "occupation": "medical_assistant"}}
    messages, events = run_action(ActionHandoff(), make_tracker(slots, sender=conversation, channel="web"), domain)
    said = text_of(messages)
    assert "A Futuro Health advisor will contact you by email within 1 business day" in said
    assert slot_events(events) == {"contact_method": None, "contact": None, "consent": None}

    [referral] = referrals_of(catalog, conversation)
    assert referral["contact"] == "sam@example.org" and referral["contact_method"] == "email"
    assert referral["consent"] is True and referral["channel"] == "web" and referral["name"] is None
    assert referral["topic"] == "programs: medical assistant"
    assert referral["context"]["facts"] == {"age": 24, "place": "93701", "education": "high_school"}
    assert referral["context"]["last_answer"] == "list"

    messages, events = run_action(ActionForgetMe(), make_tracker({"age": 24.0}, sender=conversation, intent="forget_me"), domain)
    assert messages[0]["response"] == "utter_forgot"
    assert [e["event"] for e in events] == ["reset_slots", "restart"]
    assert referrals_of(catalog, conversation) == []


def test_without_consent_nothing_is_recorded(catalog, domain, conversation):
    slots = {"contact_method": "email", "contact": "sam@example.org", "consent": False}
    messages, _ = run_action(ActionHandoff(), make_tracker(slots, sender=conversation), domain)
    assert messages[0]["response"] == "utter_handoff_cancelled"
    assert referrals_of(catalog, conversation) == []


def test_start_over_says_so_and_resets(domain):
    messages, events = run_action(ActionStartOver(), make_tracker({"age": 30.0}, intent="start_over"), domain)
    assert messages[0]["response"] == "utter_started_over"
    assert [e["event"] for e in events] == ["reset_slots", "restart"]
