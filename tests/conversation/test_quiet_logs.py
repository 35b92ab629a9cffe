"""Logs never hold what a person wrote: a message starting with "/" that is not an intent was
quoted verbatim in Rasa's warnings and structured log."""

from __future__ import annotations

import logging

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.training_data.message import Message

import bot.conversation_store  # noqa: F401 - what Rasa loads, and with it bot.quiet_logs

SECRET = "sam.rivera.2009@example.org"


@pytest.fixture(scope="module")
def domain():
    return Domain.load("domain")


@pytest.mark.parametrize("text", [f"/not_an_intent my email is {SECRET}", f"/greet{{{{{SECRET}", f"/ {SECRET}"])
def test_a_slash_message_is_not_quoted_in_warnings_or_logs(text, domain, capsys, caplog, recwarn):
    caplog.set_level(logging.DEBUG)
    unpacked = YAMLStoryReader.unpack_regex_message(Message({"text": text}), domain)
    assert unpacked.get("text").strip() == text  # read as what was written
    captured = capsys.readouterr()
    seen = captured.out + captured.err + caplog.text + " ".join(str(w.message) for w in recwarn)
    assert SECRET not in seen


def test_a_known_intent_still_works(domain):
    unpacked = YAMLStoryReader.unpack_regex_message(Message({"text": "/greet"}), domain)
    assert unpacked.get("intent")["name"] == "greet"
