"""A catalog that is down: a polite answer within seconds, the conversation goes on, and it
recovers when the catalog is back."""

import signal
import threading
import time

import pytest

from actions.answer import ActionAnswer
from actions import catalog_client
from actions.catalog_client import Breaker
from actions.handoff import ActionHandoff
from actions.privacy import ActionForgetMe
from actions.render import UNAVAILABLE
from tests.actions.conftest import make_tracker, run_action, text_of

@pytest.fixture(autouse=True)
def fresh_client():
    """Each test starts with a closed breaker and no saved answers from earlier tests."""
    catalog_client._clients.clear()
    yield
    catalog_client._clients.clear()


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
        # Past the pause one quick probe tries again (and fails quickly: the catalog is still stuck).
        time.sleep(3.1)
        started = time.monotonic()
        messages, _ = run_action(ActionAnswer(), question(), domain)
        assert time.monotonic() - started < 0.8 and text_of(messages) == UNAVAILABLE
    finally:
        catalog.service.popen.send_signal(signal.SIGCONT)
    time.sleep(3.1)
    messages, _ = run_action(ActionAnswer(), question(), domain)
    assert "Futuro Health" in text_of(messages)


def test_the_breaker_probes_at_once_after_a_timeout_and_waits_after_a_failed_probe():
    now = [0.0]
    breaker = Breaker(pause=5, clock=lambda: now[0])
    assert breaker.allow() == "call"
    breaker.timed_out()
    assert breaker.allow() == "probe"    # the next caller probes at once
    assert breaker.allow() == "fail"     # everyone else fails fast while it runs
    breaker.probe_failed()
    now[0] = 4.9
    assert breaker.allow() == "fail"
    now[0] = 5.0
    assert breaker.allow() == "probe"
    breaker.answered()
    assert breaker.allow() == "call" and breaker.allow() == "call" and not breaker.is_open


def test_one_slow_call_costs_one_turn_and_the_next_turn_is_answered(catalog, domain):
    catalog.service.popen.send_signal(signal.SIGSTOP)
    resumed = threading.Timer(2.3, catalog.service.popen.send_signal, (signal.SIGCONT,))
    resumed.start()
    try:
        started = time.monotonic()
        messages, _ = run_action(ActionAnswer(), question(intent="program_info", slots={**SLOTS, "program": "Futuro Health"}), domain)
        assert time.monotonic() - started < 2.8 and text_of(messages) == UNAVAILABLE
    finally:
        resumed.join()
    # The catalog was only slow: the breaker's quick probe finds it, and the next turn is answered.
    messages, _ = run_action(ActionAnswer(), question(), domain)
    assert "Futuro Health" in text_of(messages)


def test_a_saved_answer_to_the_same_question_is_served_with_its_day_while_the_catalog_is_down(catalog, domain):
    from datetime import datetime, timezone

    slots = {**SLOTS, "place": "Bakersfield, CA"}
    fresh, _ = run_action(ActionAnswer(), question(slots), domain)
    assert "Futuro Health" in text_of(fresh)
    catalog.service.popen.send_signal(signal.SIGSTOP)
    try:
        messages, _ = run_action(ActionAnswer(), question(slots), domain)
        day = f"{datetime.now(timezone.utc):%d %B %Y}".lstrip("0")
        assert f"Saved answer from {day}." in text_of(messages)
        assert text_of(fresh).split("\n")[0] in text_of(messages)
        # Another question has nothing saved: the plain apology.
        other, _ = run_action(ActionAnswer(), question({**slots, "age": "31"}), domain)
        assert text_of(other) == UNAVAILABLE
    finally:
        catalog.service.popen.send_signal(signal.SIGCONT)
