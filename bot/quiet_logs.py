"""Logs never hold what a person wrote. Rasa 3.6 quotes a message that starts with "/" but is not
one of the assistant's intents ("/hello my email is ...") in a warning and a structured log line;
here those warnings are dropped and the log line keeps its event name without the text.

Rasa loads this module with the tracker store (bot/conversation_store.py imports it); importing
it again changes nothing.
"""

from __future__ import annotations

import logging
import warnings
from typing import Any

from rasa.shared.core.training_data.story_reader import yaml_story_reader
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

logger = logging.getLogger(__name__)
# Keys under which Rasa's structured log lines carry a person's words.
PERSONAL_KEYS = ("user_text", "text", "message")


class _Redacting:
    """A structlog logger that leaves out what a person wrote."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._inner, name)
        if not callable(method):
            return method

        def call(*args: Any, **kwargs: Any) -> Any:
            for key in PERSONAL_KEYS:
                if key in kwargs:
                    kwargs[key] = "[left out]"
            return method(*args, **kwargs)

        return call


def _unpack_quietly(message, domain=None, entity_extractor_name=None):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        unpacked = _ORIGINAL(message, domain, entity_extractor_name)
    if caught:
        logger.info("A message starting with '/' was read as text, not as an intent (%d warning(s) left out)",
                    len(caught))
    return unpacked


if not isinstance(yaml_story_reader.structlogger, _Redacting):
    yaml_story_reader.structlogger = _Redacting(yaml_story_reader.structlogger)
if getattr(YAMLStoryReader.unpack_regex_message, "__name__", "") != "_unpack_quietly":
    _ORIGINAL = YAMLStoryReader.unpack_regex_message
    YAMLStoryReader.unpack_regex_message = staticmethod(_unpack_quietly)
