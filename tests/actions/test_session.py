"""The session start: slots carried over, and what the channel knows about the person."""

from actions.session import ActionSessionStart
from tests.actions.conftest import make_tracker, run_action


def test_teams_employees_are_known_without_asking(domain):
    metadata = {"channel_profile": {"employee": True, "employer": "kaiser_permanente"}}
    tracker = make_tracker({"session_started_metadata": metadata}, channel="teams")
    _, events = run_action(ActionSessionStart(), tracker, domain)
    assert events[0]["event"] == "session_started"
    assert {"event": "slot", "timestamp": None, "name": "employee", "value": True} in events
    assert {"event": "slot", "timestamp": None, "name": "employer", "value": "kaiser_permanente"} in events
    assert events[-1]["event"] == "action" and events[-1]["name"] == "action_listen"


def test_slots_carry_over_and_other_channels_add_nothing(domain):
    for channel in ("sms", "rest", "teams"):
        tracker = make_tracker({"age": 16.0, "requested_slot": "education", "session_started_metadata": {"x": 1}},
                               channel=channel)
        _, events = run_action(ActionSessionStart(), tracker, domain)
        slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
        assert slots == {"age": 16.0}, channel


def test_a_new_web_session_starts_with_no_facts(domain):
    # A shared computer: whoever opens the chat after an hour away is told nothing of the last person.
    tracker = make_tracker({"age": 16.0, "place": "Oakland", "occupation": "Registered Nurse"}, channel="web")
    _, events = run_action(ActionSessionStart(), tracker, domain)
    assert [e["event"] for e in events] == ["session_started", "action"]
