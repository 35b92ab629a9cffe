"""The crisis resemblance (bot/nlu_crisis_resemblance.py) and its use in the crisis decision: a
message that nearly repeats a crisis training example is evidence when the model says crisis."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu_crisis_resemblance import RESEMBLANCE, CrisisResemblance
from bot.nlu_safety import (EVIDENCE_MARGIN_MIN, RESEMBLANCE_LONG_MARGIN, RESEMBLANCE_LONG_MIN, RESEMBLANCE_LONG_WORDS, RESEMBLANCE_MIN,
                            RESEMBLANCE_PLAIN_MIN,
                            CrisisKeywordClassifier)
from bot.nlu_sentence_encoder import SentenceEncoderFeaturizer

ENCODER = Path(__file__).resolve().parents[2] / "models" / "sentence-encoder"
CRISIS = ["I picked a day. It's the Sunday after my last shift this pay period.",
          "wearing long sleeves in june so nobody sees my arms"]
OTHER = ["how do i become a nurse", "wearing scrubs in june is so hot"]


@pytest.fixture(scope="module")
def featurizer():
    config = {**SentenceEncoderFeaturizer.get_default_config(), "model_path": str(ENCODER)}
    # The node name the recipe gives the featurizer in the served graph.
    return SentenceEncoderFeaturizer(config, "run_bot.nlu_sentence_encoder.SentenceEncoderFeaturizer3")


@pytest.fixture(scope="module")
def resemblance(featurizer, tmp_path_factory):
    examples = [Message(data={TEXT: text, INTENT: "crisis"}) for text in CRISIS]
    examples += [Message(data={TEXT: text, INTENT: "explore_career"}) for text in OTHER]
    featurizer.process(examples)
    storage, resource = LocalModelStorage(tmp_path_factory.mktemp("storage")), Resource("crisis_resemblance")
    CrisisResemblance.create({}, storage, resource, None).train(TrainingData(training_examples=examples))
    # What is served is what was saved: load it back.
    return CrisisResemblance.load({}, storage, resource, None)


def nearest(featurizer, resemblance, text):
    message = Message(data={TEXT: text})
    featurizer.process([message])
    return resemblance.process([message])[0].get(RESEMBLANCE)


def test_crisis_examples_are_kept_with_the_others_to_measure_against(resemblance):
    assert resemblance.examples == CRISIS
    assert resemblance.vectors.shape == (2, 384) and resemblance.others.shape == (2, 384)


def test_a_new_wording_of_a_crisis_example_comes_near_it(featurizer, resemblance):
    found = nearest(featurizer, resemblance, "i picked the day, its the sunday after my last shift")
    assert found["example"] == CRISIS[0] and found["similarity"] >= RESEMBLANCE_MIN and found["margin"] > 0


def test_ordinary_text_stays_far_from_every_crisis_example(featurizer, resemblance):
    for text in ("how much do nurses make", "which summer programs take 15 year olds", "wearing scrubs in july"):
        assert nearest(featurizer, resemblance, text)["similarity"] < RESEMBLANCE_MIN, text
    # Nearer to an example of another intent than to any crisis example.
    assert nearest(featurizer, resemblance, "how do you become a nurse")["margin"] < 0


def test_a_message_without_sentence_features_is_left_alone(resemblance):
    assert resemblance.process([Message(data={TEXT: "hello"})])[0].get(RESEMBLANCE) is None


def decided(text, model, similarity, margin=0.1, ranking=None):
    ranking = ranking or [(model, 0.6), ("explore_career", 0.3)]
    message = Message(data={TEXT: text, INTENT: {"name": model, "confidence": ranking[0][1]},
                            INTENT_RANKING_KEY: [{"name": n, "confidence": c} for n, c in ranking]})
    message.set(RESEMBLANCE, {"example": CRISIS[0], "similarity": similarity, "margin": margin})
    return CrisisKeywordClassifier(CrisisKeywordClassifier.get_default_config()).process([message])[0]


def test_the_models_crisis_stands_on_a_near_resemblance():
    message = decided("i chose the sunday after payday", "crisis", RESEMBLANCE_MIN)
    assert message.get(INTENT)["name"] == "crisis"
    assert message.get("crisis_check") == {"model": "crisis", "by": "model and resemblance", "words": CRISIS[0]}


def test_a_far_resemblance_is_no_evidence():
    message = decided("i chose the sunday after payday", "crisis", RESEMBLANCE_PLAIN_MIN - 0.01)
    assert message.get(INTENT)["name"] == "explore_career"


def test_a_plain_message_stands_on_a_looser_resemblance_and_one_with_an_ordinary_sense_does_not():
    assert decided("so tired of being here", "crisis", RESEMBLANCE_PLAIN_MIN).get(INTENT)["name"] == "crisis"
    # "hang out" is an ordinary sense: then not even a near repeat counts ("can i be a paramedic if
    # ive never seen someone die" came within 0.73 of a crisis example).
    text = "i just hang out in my car after work now"
    assert decided(text, "crisis", RESEMBLANCE_MIN - 0.01).get(INTENT)["name"] == "explore_career"
    assert decided(text, "crisis", 0.9).get(INTENT)["name"] == "explore_career"
    assert decided("i just sit in my car after work now", "crisis", RESEMBLANCE_MIN).get(INTENT)["name"] == "crisis"


def test_resemblance_alone_never_decides():
    message = decided("i chose the sunday after payday", "explore_career", 0.99)
    assert message.get(INTENT)["name"] == "explore_career"


def test_a_resemblance_nearer_to_another_intent_is_no_evidence():
    message = decided("i chose the sunday after payday", "crisis", 0.9, margin=-0.02)
    assert message.get(INTENT)["name"] == "explore_career"


def test_a_resemblance_never_backs_a_runner_up_crisis():
    message = decided("i chose the sunday after payday", "find_jobs", 0.9,
                      ranking=[("find_jobs", 0.8), ("crisis", 0.12)])
    assert message.get(INTENT)["name"] == "find_jobs"


# A longer message: a looser resemblance counts when it is clearly nearer to a crisis example.
LONG = "i keep the leftover vials in my locker and tonight after my shift they are finally for me"


def test_a_long_message_stands_on_a_looser_resemblance():
    assert len(LONG.split()) >= RESEMBLANCE_LONG_WORDS
    message = decided(LONG, "crisis", RESEMBLANCE_LONG_MIN, margin=RESEMBLANCE_LONG_MARGIN + 0.01)
    assert message.get(INTENT)["name"] == "crisis"
    assert message.get("crisis_check")["by"] == "model and resemblance"


@pytest.mark.parametrize("text, similarity, margin", [
    (LONG, RESEMBLANCE_LONG_MIN - 0.01, 0.2),                       # too far
    (LONG, RESEMBLANCE_PLAIN_MIN - 0.01, RESEMBLANCE_LONG_MARGIN),  # not clearly nearer
    ("wearing long sleeves in june", RESEMBLANCE_PLAIN_MIN - 0.01, 0.2),  # too short to judge
    ("when does my shift end tonight", RESEMBLANCE_PLAIN_MIN, 0.2),       # an ordinary sense
    ("hanging out with friends this weekend so ill finish the application monday", 0.6, 0.2),  # an ordinary sense
    ("i want to do suicide prevention training with the kids at my school", 0.6, 0.2),        # career talk
])
def test_a_looser_resemblance_needs_length_margin_and_no_ordinary_sense(text, similarity, margin):
    message = decided(text, "crisis", similarity, margin=margin)
    assert message.get(INTENT)["name"] == "explore_career"


# Words of danger in a message far nearer to career talk than to any crisis example are no evidence.
def test_evidence_in_a_message_far_nearer_to_another_intent_does_not_count():
    text = "i hate my life rn, finals week. whats the difference between an lpn and an rn"
    assert decided(text, "crisis", 0.4, margin=EVIDENCE_MARGIN_MIN - 0.05).get(INTENT)["name"] == "explore_career"
    message = decided(text, "crisis", 0.4, margin=EVIDENCE_MARGIN_MIN + 0.05)
    assert message.get("crisis_check")["by"] == "model and evidence"
    # A plain statement of danger never depends on it.
    message = decided("i want to kill myself, whats an lpn", "explore_career", 0.4, margin=-0.9)
    assert message.get(INTENT)["name"] == "crisis"
