"""Action server answers are checked against Rasa's schema by a validator built once (the
benchmark's profile shows the cost); the check still accepts and refuses exactly what Rasa's own
does, with its message."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import bot.conversation_store  # noqa: F401 - what Rasa imports, and with it the faster check

GOOD = {"events": [{"event": "slot", "name": "city", "value": "Fresno", "timestamp": None}],
        "responses": [{"text": "Here are programs near Fresno."}]}
BAD = [
    {"events": [{"event": 42}]},
    {"events": "not a list"},
    {"events": [{"event": "slot", "name": "city", "value": "x", "timestamp": "yesterday"}]},
]


def rasa_check(result):
    """Rasa's own check, as it is written in rasa.core.actions.action."""
    jsonschema.validate(result, RemoteAction.action_response_format_spec())


def test_the_check_is_the_one_built_once():
    assert RemoteAction._validate_action_result.__module__ == "bot.rasa_speedups"


def test_it_accepts_what_rasa_accepts():
    rasa_check(GOOD)
    assert RemoteAction("action_search_programs", None)._validate_action_result(GOOD) is True


@pytest.mark.parametrize("result", BAD)
def test_it_refuses_what_rasa_refuses_with_the_same_reason(result):
    with pytest.raises(jsonschema.ValidationError) as rasa_error:
        rasa_check(result)
    with pytest.raises(jsonschema.ValidationError) as ours:
        RemoteAction("action_search_programs", None)._validate_action_result(result)
    assert ours.value.message.startswith(rasa_error.value.message)
    assert "Failed to validate Action server response" in ours.value.message


def test_events_are_read_back_as_the_same_classes():
    from rasa.shared.core import events as rasa_events
    from rasa.shared.utils.common import all_subclasses

    for cls in all_subclasses(rasa_events.Event):
        assert rasa_events.Event.resolve_by_type(cls.type_name) is next(
            c for c in all_subclasses(rasa_events.Event) if c.type_name == cls.type_name
        )
    assert rasa_events.Event.resolve_by_type("topic") is None
    assert rasa_events.Event.resolve_by_type("no_such_event", default=rasa_events.UserUttered) is rasa_events.UserUttered
    with pytest.raises(ValueError, match="Unknown event name"):
        rasa_events.Event.resolve_by_type("no_such_event")
