"""A catalog that is down: a polite answer within seconds, the conversation goes on, and it
recovers when the catalog is back."""

import time

from actions.eligibility import ActionCheckEligibility
from actions.handoff import ActionHandoff
from actions.privacy import ActionForgetMe
from actions.profile_form import ValidateProfileForm
from actions.programs import ActionSearchPrograms
from actions.render import UNAVAILABLE
from tests.actions.conftest import make_tracker, run_action, slot_events, text_of

SLOTS = {"age": 24.0, "location": "Fresno, CA", "city": "Fresno", "state": "CA", "education": "high_school",
         "occupation": "medical_assistant"}


def test_catalog_down_then_back(catalog, domain):
    catalog.stop()
    try:
        started = time.monotonic()
        messages, events = run_action(ActionSearchPrograms(), make_tracker(SLOTS), domain)
        assert time.monotonic() - started < 5
        assert text_of(messages) == UNAVAILABLE and events == []

        messages, events = run_action(ActionCheckEligibility(), make_tracker({**SLOTS, "program": "futuro_health_medical_assistant"}), domain)
        assert text_of(messages) == UNAVAILABLE

        # The profile form keeps a plausible answer rather than blaming the person for the outage.
        tracker = make_tracker({"search_kind": "programs", "requested_slot": "location"}, text="Fresno, CA",
                               new_slots={"location": "Fresno, CA"}, active_loop="profile_form")
        messages, events = run_action(ValidateProfileForm(), tracker, domain)
        assert slot_events(events)["city"] == "Fresno" and text_of(messages) == ""

        handoff = {"contact_method": "email", "contact": "sam@example.org", "consent": True}
        messages, events = run_action(ActionHandoff(), make_tracker(handoff, sender="outage-person"), domain)
        assert "couldn't send your request" in text_of(messages)

        messages, events = run_action(ActionForgetMe(), make_tracker({}, sender="outage-person"), domain)
        assert 'say "forget me" again' in text_of(messages)
        assert [e["event"] for e in events] == ["reset_slots", "restart"]
    finally:
        catalog.start()

    messages, _ = run_action(ActionSearchPrograms(), make_tracker(SLOTS), domain)
    assert "Futuro Health" in text_of(messages)


def test_closed_port_answers_within_five_seconds(catalog, domain, monkeypatch):
    from bot.launcher import free_port

    monkeypatch.setenv("CATALOG_URL", f"http://127.0.0.1:{free_port()}")
    started = time.monotonic()
    messages, _ = run_action(ActionSearchPrograms(), make_tracker(SLOTS), domain)
    assert time.monotonic() - started < 5 and text_of(messages) == UNAVAILABLE
    monkeypatch.undo()
    messages, _ = run_action(ActionSearchPrograms(), make_tracker(SLOTS), domain)
    assert "Futuro Health" in text_of(messages)
