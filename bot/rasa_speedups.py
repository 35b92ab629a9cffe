"""Two per-turn costs of Rasa 3.6 cut without changing what it does (measured with
`make bench-bot PROFILE=1`, see bench/turn_profile.py).

1. Rasa checks every answer of the action server against its JSON schema before using it, with
`jsonschema.validate`, which first checks the schema itself against the JSON Schema meta-schema
and builds a new validator: 40-170 ms of CPU per custom action call on this machine, the largest
single cost of a turn that runs an action. The same check with the validator built once takes
under a millisecond and raises the same errors with the same message.

2. Loading a conversation turns each stored event back into an object; finding the event's class
   by its name walks every subclass of Event, every time (about a third of loading a tracker).
   The class found for a name is remembered; names not found still go the original way.

Rasa loads this module with the tracker store (bot/conversation_store.py imports it), before the
first action call; importing it again changes nothing.
"""

from __future__ import annotations

from typing import Any, Optional

import jsonschema
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event

_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR = jsonschema.validators.validator_for(_SCHEMA)(_SCHEMA)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result, with the validator made once."""
    error = jsonschema.exceptions.best_match(_VALIDATOR.iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


RemoteAction._validate_action_result = validate_action_result


_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type] = {}


def resolve_by_type(type_name: str, default: Optional[type] = None) -> Optional[type]:
    """Event.resolve_by_type, remembering each class it finds by the name."""
    found = _event_classes.get(type_name)
    if found is None:
        found = _resolve_by_type(type_name, default)
        if found is not None and getattr(found, "type_name", None) == type_name:
            _event_classes[type_name] = found
    return found


Event.resolve_by_type = staticmethod(resolve_by_type)
