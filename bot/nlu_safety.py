"""A safety net under the intent classifier: messages that plainly speak of suicide, self-harm or
danger are classified as `crisis` whatever the statistical model says, so the 988 answer never
depends on how well the model generalises. It runs last in the NLU pipeline (config.yml)."""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

CRISIS_INTENT = "crisis"
# Plain statements only: wide enough for SMS spelling, narrow enough that "end my shift" or
# "hurt my back" are not caught. A false alarm costs one extra message with the 988 number.
CRISIS_PATTERNS = [
    r"\bsuicid",
    r"\bkill(ing)? (my ?self|me)\b",
    r"\b(hurt|harm|cut|cutting|hurting|harming) (my ?self)\b",
    r"\bself[- ]?harm",
    r"\b(want|wanna|going|gonna|plan(ning)?|ready) to die\b",
    r"\bi (want|wish) i (was|were) dead\b",
    r"\bend(ing)? (my life|it all)\b",
    r"\b(don'?t|do not|dont) want to (live|be alive|be here( anymore)?|wake up)\b",
    r"\bno reason to live\b",
    r"\bbetter off without me\b",
    r"\bcan'?t go on\b",
    r"\boverdos",
    r"\btook (a bunch of|too many|all my) pills\b",
    r"\bnot safe (right now|at home|here)\b",
    r"\b(someone|somebody|he|she|they) (is|are|keeps?) (hurting|hitting|beating|abusing) me\b",
]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisKeywordClassifier(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"patterns": CRISIS_PATTERNS}

    def __init__(self, config: dict[str, Any]) -> None:
        self.pattern = re.compile("|".join(f"(?:{p})" for p in config["patterns"]), re.IGNORECASE)

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisKeywordClassifier":
        return cls(config)

    def is_crisis(self, text: str) -> bool:
        # Curly apostrophes from phones read as plain ones.
        return bool(self.pattern.search(text.replace("\u2019", "'")))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not self.is_crisis(text):
                continue
            crisis = {"name": CRISIS_INTENT, "confidence": 1.0}
            message.set(INTENT, crisis, add_to_output=True)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != CRISIS_INTENT]
            message.set(INTENT_RANKING_KEY, [crisis, *ranking], add_to_output=True)
        return messages
