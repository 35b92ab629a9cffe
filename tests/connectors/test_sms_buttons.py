"""Buttons over SMS: a numbered list in the same text, and "1" meaning the first button."""

from connectors.sms.buttons import ExpiringMap, chosen, numbered
from connectors.sms.replies import Turn

BUTTONS = [
    {"title": "Training programs", "payload": "/find_programs"},
    {"title": "Jobs near me", "payload": "/find_jobs"},
]


def test_buttons_become_numbered_lines():
    assert numbered("What next?", BUTTONS) == "What next?\n1. Training programs\n2. Jobs near me"
    assert numbered("More:", BUTTONS[:1], start=3) == "More:\n3. Training programs"


def test_a_number_reply_picks_that_button():
    assert chosen("1", BUTTONS) == BUTTONS[0]
    assert chosen(" 2. ", BUTTONS) == BUTTONS[1]
    assert chosen("#2", BUTTONS) == BUTTONS[1]
    assert chosen("3", BUTTONS) is None
    assert chosen("0", BUTTONS) is None
    assert chosen("93701", BUTTONS) is None
    assert chosen("1 please tell me more", BUTTONS) is None
    assert chosen("1", None) is None


def test_a_turn_numbers_buttons_across_messages_and_sends_one_text():
    turn = Turn()
    turn.add({"text": "Hi! I'm the Health Careers Guide."})
    turn.add({"text": "What can I help with?", "buttons": BUTTONS})
    turn.add({"text": "Or:", "buttons": [{"title": "Talk to a person", "payload": "/human_handoff"}]})
    bodies, buttons = turn.render()
    assert bodies == [
        "Hi! I'm the Health Careers Guide.\n\n"
        "What can I help with?\n1. Training programs\n2. Jobs near me\n\n"
        "Or:\n3. Talk to a person\n\nReply with a number."
    ]
    assert [b["payload"] for b in buttons] == ["/find_programs", "/find_jobs", "/human_handoff"]


def test_a_turn_without_buttons_has_no_number_hint():
    turn = Turn()
    turn.add({"text": "Good luck!"})
    assert turn.render() == (["Good luck!"], [])


def test_remembered_buttons_expire():
    now = [1000.0]
    memory: ExpiringMap[list] = ExpiringMap(ttl_seconds=60, clock=lambda: now[0])
    memory.set("sms-a", BUTTONS)
    assert memory.get("sms-a") == BUTTONS
    now[0] += 61
    assert memory.get("sms-a") is None
    assert len(memory) == 0


def test_remembered_buttons_are_bounded():
    memory: ExpiringMap[int] = ExpiringMap(ttl_seconds=60, max_entries=2)
    for i, key in enumerate("abc"):
        memory.set(key, i)
    assert memory.get("a") is None and memory.get("c") == 2
    assert memory.pop("c") == 2 and memory.get("c") is None
