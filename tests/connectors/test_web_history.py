"""What the widget redraws after a reload, built from stored tracker events."""

from __future__ import annotations

from connectors.web.history import messages_from_events

BUTTONS = [{"title": "Find programs", "payload": "/find_programs"}]


def test_user_and_bot_messages_in_order_with_clicked_titles():
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "text": "hi", "metadata": {}},
        {"event": "bot", "text": "Hi! What would you like to do?", "data": {"buttons": BUTTONS}},
        {"event": "user", "text": "/find_programs", "metadata": {"title": "Find programs"}},
        {"event": "slot", "name": "occupation", "value": None},
        {"event": "bot", "text": "Which job are you interested in?", "data": {}},
    ]
    assert messages_from_events(events) == [
        {"from": "user", "text": "hi"},
        {"from": "bot", "text": "Hi! What would you like to do?"},
        {"from": "user", "text": "Find programs"},
        {"from": "bot", "text": "Which job are you interested in?"},
    ]


def test_buttons_stay_only_on_a_last_bot_message():
    events = [
        {"event": "user", "text": "hi"},
        {"event": "bot", "text": "Pick one", "data": {"buttons": BUTTONS + [{"title": 3}]}},
    ]
    assert messages_from_events(events)[-1] == {"from": "bot", "text": "Pick one", "buttons": BUTTONS}


def test_only_the_latest_messages_are_sent():
    events = [{"event": "user", "text": f"message {n}"} for n in range(100)]
    messages = messages_from_events(events, limit=10)
    assert [m["text"] for m in messages] == [f"message {n}" for n in range(90, 100)]


def test_images_and_custom_payloads_show_as_they_did_live():
    events = [
        {
            "event": "bot",
            "text": "Here is something to cheer you up:",
            "data": {
                "image": "https://example.org/cat.jpg",
                "attachment": "https://example.org/cat.jpg",
                "custom": {"text": "Extra"},
            },
        },
        {"event": "bot", "text": None, "data": {"custom": {"kind": "unknown to the widget"}}},
    ]
    assert messages_from_events(events) == [
        {"from": "bot", "text": "Here is something to cheer you up:"},
        {"from": "bot", "text": "Extra"},
        {"from": "bot", "text": "https://example.org/cat.jpg"},
    ]


def test_only_the_current_session_is_shown():
    """Start over (a restart) and a new session after time away hide what came before."""
    events = [
        {"event": "session_started"},
        {"event": "user", "text": "my email is someone@example.org"},
        {"event": "bot", "text": "Thanks!"},
        {"event": "user", "text": "start over"},
        {"event": "bot", "text": "Okay, let's start over."},
        {"event": "restart"},
        {"event": "session_started"},
        {"event": "user", "text": "hi"},
        {"event": "bot", "text": "Hello!"},
    ]
    assert messages_from_events(events) == [{"from": "user", "text": "hi"}, {"from": "bot", "text": "Hello!"}]
    assert messages_from_events(events[:6]) == []
