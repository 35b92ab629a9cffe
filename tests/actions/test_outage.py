"""A catalog that is down: a polite answer within seconds, the conversation goes on, and it
recovers when the catalog is back."""

import signal
import time

from actions.answer import ActionAnswer
from actions.catalog_client import Breaker
from actions.handoff import ActionHandoff
from actions.privacy import ActionForgetMe
from actions.render import UNAVAILABLE
from tests.actions.conftest import make_tracker, run_action, text_of

SLOTS = {"age": "24", "place": "Fresno, CA", "education": "high_school", "occupation": "medical_assistant"}


def question(slots=SLOTS, intent="find_programs"):
    return make_tracker(slots, text="medical assistant training", intent=intent)


def test_catalog_down_then_back(catalog, domain):
    catalog.stop()
    try:
        started = time.monotonic()
        messages, events = run_action(ActionAnswer(), question(), domain)
        assert time.monotonic() - started < 5
        assert text_of(messages) == UNAVAILABLE and events == []

        messages, events = run_action(ActionAnswer(), question({"program": "Futuro Health"}, "program_info"), domain)
        assert text_of(messages) == UNAVAILABLE

        handoff = {"contact_method": "email", "contact": "sam@example.org", "consent": True}
        messages, events = run_action(ActionHandoff(), make_tracker(handoff, sender="outage-person"), domain)
        assert "couldn't send your request" in text_of(messages)

        messages, events = run_action(ActionForgetMe(), make_tracker({}, sender="outage-person"), domain)
        assert 'say "forget me" again' in text_of(messages)
        assert [e["event"] for e in events] == ["reset_slots", "restart"]
    finally:
        catalog.start()

    messages, _ = run_action(ActionAnswer(), question(), domain)
    assert "Futuro Health" in text_of(messages)


def test_closed_port_answers_within_five_seconds(catalog, domain, monkeypatch):
    from ops.launcher import free_port

    monkeypatch.setenv("CATALOG_URL", f"http://127.0.0.1:{free_port()}")
    started = time.monotonic()
    messages, _ = run_action(ActionAnswer(), question(), domain)
    assert time.monotonic() - started < 5 and text_of(messages) == UNAVAILABLE
    monkeypatch.undo()
    messages, _ = run_action(ActionAnswer(), question(), domain)
    assert "Futuro Health" in text_of(messages)


def test_a_hung_catalog_costs_one_deadline_then_fails_fast_until_it_is_back(catalog, domain, monkeypatch):
    # A paused process: the kernel still accepts connections, nothing ever answers.
    monkeypatch.setenv("CATALOG_BREAKER_SECONDS", "3")
    catalog.service.popen.send_signal(signal.SIGSTOP)
    try:
        waits = []
        for _ in range(3):
            started = time.monotonic()
            messages, events = run_action(ActionAnswer(), question(), domain)
            waits.append(time.monotonic() - started)
            assert text_of(messages) == UNAVAILABLE and events == []
        # The first turn waits out one deadline (2 s), well inside 3 s; the next ones do not wait.
        assert waits[0] < 2.8, waits
        assert max(waits[1:]) < 0.5, waits
        # Past the pause one call tries again (and waits again: the catalog is still stuck).
        time.sleep(3.1)
        started = time.monotonic()
        messages, _ = run_action(ActionAnswer(), question(), domain)
        assert 1.5 < time.monotonic() - started < 2.8 and text_of(messages) == UNAVAILABLE
    finally:
        catalog.service.popen.send_signal(signal.SIGCONT)
    time.sleep(3.1)
    messages, _ = run_action(ActionAnswer(), question(), domain)
    assert "Futuro Health" in text_of(messages)


def test_the_breaker_lets_one_trial_through_after_its_pause():
    now = [0.0]
    breaker = Breaker(pause=5, clock=lambda: now[0])
    assert breaker.allow()
    breaker.timed_out()
    assert not breaker.allow()
    now[0] = 5.0
    assert breaker.allow()          # the trial
    assert not breaker.allow()      # everyone else still fails fast while it runs
    breaker.answered()
    assert breaker.allow() and breaker.allow() and not breaker.is_open
