"""A message the model could not place and that says nothing of what the assistant covers gets
`out_of_scope` (its one plain line about what the assistant does) instead of `nlu_fallback`
("Sorry, I didn't get that. Could you say it another way?"). It runs last (config.yml).

Asking someone to rephrase "is chocolate bad for you" or "start a timer for me" invites the same
question again; telling them plainly what the assistant is for does not. The model alone leaves
such text unplaced when no intent is sure enough (the public development set showed dozens), so
the decision is made here, from the words:
- the model fell back (`nlu_fallback`), and nothing was extracted (no career, program, place,
  age, ZIP or contact);
- no word of the assistant's own subjects: health and care work, school and training, money for
  it, jobs and pay, the person's facts, reaching a person, the quiz, or this chat itself;
- at least five words and no digits: a short reply ("naw", "Clovis", "text me", a name given to
  the hand-off's questions) may answer a question just asked, and stays with the dialogue.
Everything else keeps the model's decision. Each decision is written to the parse result as
`off_topic_check`.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

FALLBACK = "nlu_fallback"
OUT_OF_SCOPE = "out_of_scope"
MIN_WORDS = 5

# Stems of the assistant's subjects; a match anywhere keeps the fallback (and its "say it another
# way"), since such a message may be a question the model did not know how to place.
SUBJECT_WORDS = re.compile(
    r"\b(health\w*|care\w*|medic\w*|nurs\w*|doctor\w*|physician\w*|hospital\w*|clinic\w*|patient\w*|"
    r"therap\w*|tech|techs|technician\w*|technolog\w*|assistant\w*|aide\w*|dental|dentist\w*|pharm\w*|lab|labs|"
    r"blood|emt|ems|cna|lvn|rn|ma|mental|counsel\w*|psych\w*|surg\w*|sonogra\w*|radiolog\w*|phlebot\w*|"
    r"vet|vets|veteran\w*|job\w*|work\w*|employ\w*|hir\w*|career\w*|shift\w*|pay\w*|paid|wage\w*|salar\w*|"
    r"earn\w*|money|cost\w*|price\w*|afford\w*|scholar\w*|grant\w*|tuition|fund\w*|loan\w*|stipend\w*|"
    r"school\w*|class\w*|course\w*|college\w*|universit\w*|train\w*|program\w*|certif\w*|licen\w*|degree\w*|"
    r"diploma|ged|stud\w*|teen\w*|grade|interns?|internships?|apprentic\w*|appl\w*|requir\w*|qualif\w*|eligib\w*|"
    r"deadline\w*|online|in person|human|advisor\w*|coach\w*|contact\w*|e-?mail\w*|text\w*|call\w*|phone\w*|"
    r"union\w*|seiu|kaiser|kp|quiz\w*|skip|more|next|else|other|help\w*|bot|chatbot|robot|ai|message\w*|ring|teams|sms|mail|dm)\b",
    re.IGNORECASE)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class OffTopicWhenUnplaced(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"min_words": MIN_WORDS}

    def __init__(self, config: dict[str, Any]) -> None:
        self.min_words = int(config["min_words"])

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "OffTopicWhenUnplaced":
        return cls(config)

    def off_topic(self, text: str, entities: list) -> bool:
        text = text.replace("\u2019", "'").lower()
        return (not entities and len(text.split()) >= self.min_words and not re.search(r"\d", text)
                and not SUBJECT_WORDS.search(text))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            decided = intent.get("name") == FALLBACK and self.off_topic(
                message.get(TEXT) or "", message.get(ENTITIES) or [])
            if decided:
                off = {"name": OUT_OF_SCOPE, "confidence": intent.get("confidence")}
                ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != OUT_OF_SCOPE]
                message.set(INTENT, off, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [off, *ranking], add_to_output=True)
            message.set("off_topic_check", {"unplaced_and_off_topic": decided}, add_to_output=True)
        return messages
