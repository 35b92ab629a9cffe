"""How near a message comes to one of the crisis examples the model was trained on, in the
sentence encoder's space (bot/nlu_sentence_encoder.py). It runs just before the crisis decision
(config.yml) and writes `crisis_resemblance` to the parse: the nearest crisis example, its
cosine similarity, and the margin by which it is nearer than any example of another intent.

Why: people in danger often say it without any word a list can hold ("I picked a day. It's the
Sunday after my last shift", "wearing long sleeves in june so nobody sees my arms"). When the model
says crisis, a message that says nearly what a known crisis message says is evidence in its own
right, and the example it resembles is kept as the reason (bot/nlu_safety.py decides). Career talk
worded like a crisis example ("wearing long sleeves in june for my clinical rotation") comes nearer
to an ordinary example, hence the margin. The vectors are the ones the featurizer already made for
the model, so a turn costs two matrix-vector products.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import logging

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

CRISIS_INTENT = "crisis"
ENCODER = "SentenceEncoderFeaturizer"
RESEMBLANCE = "crisis_resemblance"
logger = logging.getLogger(__name__)


def sentence_vector(message: Message) -> np.ndarray | None:
    """The sentence encoder's unit vector for the message's text, as featurized for the model."""
    for feature in message.features:
        if feature.attribute == TEXT and feature.type == "sentence" and ENCODER in str(feature.origin):
            vector = np.asarray(feature.features, dtype=np.float32).reshape(-1)
            norm = float(np.linalg.norm(vector))
            return vector / norm if norm else None
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class CrisisResemblance(GraphComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource, examples: list[str] | None = None,
                 vectors: np.ndarray | None = None, others: np.ndarray | None = None) -> None:
        self._model_storage, self._resource = model_storage, resource
        self.examples = examples or []
        self.vectors = vectors if vectors is not None else np.zeros((0, 0), dtype=np.float32)
        # Every other training example: what the margin is measured against.
        self.others = others if others is not None else np.zeros((0, 0), dtype=np.float32)

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisResemblance":
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        crisis = [m for m in training_data.intent_examples if m.get(INTENT) == CRISIS_INTENT]
        pairs = [(m.get(TEXT), sentence_vector(m)) for m in crisis]
        pairs = [(text, vector) for text, vector in pairs if vector is not None]
        if crisis and not pairs:
            # Without the encoder's features the resemblance is off; say so rather than fail quietly.
            logger.warning("No %s features on the crisis examples: the crisis resemblance is off", ENCODER)
        others = [sentence_vector(m) for m in training_data.intent_examples if m.get(INTENT) != CRISIS_INTENT]
        others = [vector for vector in others if vector is not None]
        self.examples = [text for text, _ in pairs]
        self.vectors = np.stack([vector for _, vector in pairs]) if pairs else np.zeros((0, 0), np.float32)
        self.others = np.stack(others) if others else np.zeros((0, 0), np.float32)
        with self._model_storage.write_to(self._resource) as directory:
            np.save(directory / "vectors.npy", self.vectors)
            # Half precision halves the model's share of them; cosines move by about 1e-3.
            np.save(directory / "others.npy", self.others.astype(np.float16))
            (directory / "examples.json").write_text(json.dumps(self.examples), encoding="utf-8")
        return self._resource

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "CrisisResemblance":
        with model_storage.read_from(resource) as directory:
            vectors = np.load(directory / "vectors.npy")
            others = np.load(directory / "others.npy").astype(np.float32)
            examples = json.loads((directory / "examples.json").read_text(encoding="utf-8"))
        return cls(model_storage, resource, examples, vectors, others)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            vector = sentence_vector(message)
            if vector is None or not self.examples or self.vectors.shape[1] != vector.shape[0]:
                continue
            similarities = self.vectors @ vector
            nearest = int(np.argmax(similarities))
            other = float(np.max(self.others @ vector)) if self.others.size else -1.0
            message.set(RESEMBLANCE, {"example": self.examples[nearest], "similarity": float(similarities[nearest]),
                                      "margin": float(similarities[nearest]) - other}, add_to_output=True)
        return messages
