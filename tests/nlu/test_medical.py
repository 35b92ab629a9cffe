"""The medical net (bot/nlu_medical.py): someone describing their own or a close person's symptom,
injury or dose gets medical_question whatever the model guessed; career talk about health, and a
crisis, are left alone."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_medical import MEDICAL_STATEMENTS, MedicalStatementClassifier
from tests.nlu import ordinary_messages


@pytest.fixture(scope="module")
def net():
    return MedicalStatementClassifier({"patterns": MEDICAL_STATEMENTS})


def parsed(net, text: str, intent: str) -> Message:
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.8},
                            INTENT_RANKING_KEY: [{"name": intent, "confidence": 0.8}]})
    return net.process([message])[0]


@pytest.mark.parametrize("text", [
    "i got a fever and my whole body aches", "my little brother is vomiting blood", "im super dizzy rn",
    "my grandpa fainted at dinner", "i sprained my ankle at practice what do i do", "can my kid take benadryl",
    "how much ibuprofen is too much", "should we go to urgent care", "does my daughter need an x-ray",
    "i sliced my finger pretty deep", "my girlfriend has a weird bruise that wont go away",
])
def test_a_statement_about_ones_health_is_a_medical_question(net, text):
    message = parsed(net, text, "out_of_scope")
    assert message.get(INTENT)["name"] == "medical_question"
    assert message.get(INTENT_RANKING_KEY)[0]["name"] == "medical_question"
    assert message.get("medical_check")["model"] == "out_of_scope" and message.get("medical_check")["words"]


@pytest.mark.parametrize("text", [
    "i hurt my back lifting patients, can i still be a cna", "do medical assistants take blood pressure",
    "i have a fever for nursing lol", "what do emts do when someone has a seizure", "i got a bump in pay",
    "my mom has a job at kaiser", "i have a GED and 2 kids", "is it normal to feel nervous before an interview",
    "how many hours is the phlebotomy class", "my phone died",
])
def test_career_talk_and_everyday_words_are_left_alone(net, text):
    message = parsed(net, text, "explore_career")
    assert message.get(INTENT)["name"] == "explore_career"
    assert message.get("medical_check") == {"model": "explore_career", "words": None}


def test_a_crisis_is_never_changed(net):
    message = parsed(net, "i cut my wrist and its bleeding a lot", "crisis")
    assert message.get(INTENT)["name"] == "crisis"


def test_no_ordinary_message_is_made_medical(net):
    said = ordinary_messages.ordinary_messages()
    assert len(said) > 1000
    assert [text for text in said if net.statement(text)] == []
